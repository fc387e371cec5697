"""The Share button: post the answer for everyone, attributed, and remove the private copy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.replies import shared_reply
from bot.text import clean_line
from handlers.workspace import team_id_of

__all__ = ["make_share"]


def make_share(services: Services) -> Callable[..., None]:
    def share(
        action: dict[str, Any], body: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        message = shared_reply(
            services.kb,
            clean_line(action.get("value")),
            user_id=body["user"]["id"],
            tables=services.settings.table_blocks,
            # a bare name: as the sharer saw it
            otherwise=language_for(services, body, team_id=team_id_of(context)),
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
