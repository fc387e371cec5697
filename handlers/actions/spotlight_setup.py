"""The "Set up a weekly spotlight" button: open the settings modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.speaking import language_for
from handlers.spotlight_modal import open_spotlight_modal
from handlers.workspace import team_id_of

__all__ = ["make_spotlight_setup"]


def make_spotlight_setup(services: Services) -> Callable[..., None]:
    def spotlight_setup(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
            "channel_id"
        )
        open_spotlight_modal(
            client,
            trigger_id=body["trigger_id"],
            user_id=body["user"]["id"],
            channel_id=channel
            if isinstance(channel, str) and not channel.startswith("D")
            else None,
            default_timezone=services.settings.timezone,
            language=language_for(services, body, team_id=team_id_of(context)),
        )

    return spotlight_setup
