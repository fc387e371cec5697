"""The message shortcut: tell the person who used it (only them) what the message mentions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.lookup import lookup_reply
from bot.text import MESSAGE_LIMIT, clean_line
from handlers.workspace import team_id_of

__all__ = ["make_lookup_message"]


def make_lookup_message(services: Services) -> Callable[..., None]:
    def lookup_message(body: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        # The shortcut's response_url reaches its user in any channel, the bot a member or not.
        text = clean_line((body.get("message") or {}).get("text"), limit=MESSAGE_LIMIT)
        otherwise = (
            None if text.strip() else language_for(services, body, team_id=team_id_of(context))
        )
        message = lookup_reply(services.kb, text, otherwise=otherwise)
        respond(
            response_type="ephemeral",
            replace_original=False,
            text=message.text,
            blocks=list(message.blocks),
        )

    return lookup_message
