"""The Share button: post the answer for everyone, attributed, and remove the private copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Respond

from bot.services import Services
from bot.slack.replies import shared_reply
from bot.slack.speaking import language_for
from bot.text import clean_line

__all__ = ["make_share"]


def make_share(services: Services) -> Callable[..., None]:
    def share(action: dict[str, Any], body: dict[str, Any], respond: Respond) -> None:
        message = shared_reply(
            services.kb,
            clean_line(action.get("value")),
            user_id=body["user"]["id"],
            tables=services.settings.table_blocks,
            otherwise=language_for(services, body),  # a bare name: as the sharer saw it
        )
        respond(
            response_type="in_channel",
            replace_original=False,
            text=message.text,
            blocks=list(message.blocks),
        )
        if (body.get("container") or {}).get("is_ephemeral"):
            respond(delete_original=True)

    return share
