"""A direct message to the bot: the answer (or, for a greeting, an introduction) in the DM,
read in the light of the conversation so far ("who leads it?")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Say

from bot.services import Services
from bot.slack.conversations import dm_key, keep, note_question, start_turn
from bot.slack.home import chosen_unless_said
from bot.slack.views.replies import reply_in_conversation
from bot.text import clean_line
from handlers.workspace import team_id_of

__all__ = ["in_a_dm", "is_person_writing", "make_direct_message"]


def is_person_writing(event: dict[str, Any]) -> bool:
    """A new message from a person: no subtype (edits, deletions, joins…) and no bot behind it."""
    return "subtype" not in event and "bot_id" not in event and bool(event.get("user"))


def in_a_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im"


def make_direct_message(services: Services) -> Callable[..., None]:
    def direct_message(event: dict[str, Any], say: Say, context: BoltContext) -> None:
        if event.get("channel_type") != "im":
            return
        text = clean_line(event.get("text"))
        team_id = team_id_of(context)
        otherwise = chosen_unless_said(
            services, text, team_id=team_id, user_id=str(event.get("user") or "")
        )
        pending = start_turn(
            services, text, key=dm_key(team_id, event), enterprise_id=context.enterprise_id
        )
        reply = reply_in_conversation(
            services.kb,
            text,
            surface="dm",
            tables=services.settings.table_blocks,
            otherwise=otherwise,
            turn=pending.turn,
        )
        keep(services, pending)  # before the reply: a quick next question must find it
        say(text=reply.message.text, blocks=list(reply.message.blocks))
        note_question(services, team_id=team_id, surface="dm", question=text, said=reply.outcome)

    return direct_message
