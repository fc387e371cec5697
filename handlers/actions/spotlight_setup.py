"""The "Set up a weekly spotlight" button: open the settings modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.spotlight_modal import open_spotlight_modal

__all__ = ["make_spotlight_setup"]


def make_spotlight_setup(services: Services) -> Callable[..., None]:
    def spotlight_setup(body: dict[str, Any], client: WebClient) -> None:
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
            language=language_for(services, body),
        )

    return spotlight_setup
