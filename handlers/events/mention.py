"""An @mention in a channel: the answer in a thread under the mention, read in the light of
that thread's conversation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Say

from bot.services import Services
from bot.slack.conversations import keep, note_question, start_turn, thread_key
from bot.slack.home import chosen_unless_said
from bot.slack.views.replies import reply_in_conversation, strip_mentions
from bot.text import clean_line
from handlers.workspace import team_id_of

__all__ = ["make_mention"]


def make_mention(services: Services) -> Callable[..., None]:
    def mention(event: dict[str, Any], say: Say, context: BoltContext) -> None:
        text = strip_mentions(clean_line(event.get("text")))
        team_id = team_id_of(context)
        otherwise = chosen_unless_said(
            services, text, team_id=team_id, user_id=str(event.get("user") or "")
        )
        pending = start_turn(
            services,
            text,
            key=thread_key(team_id, event),
            enterprise_id=context.enterprise_id,
        )
        reply = reply_in_conversation(
            services.kb,
            text,
            surface="mention",
            tables=services.settings.table_blocks,
            otherwise=otherwise,
            turn=pending.turn,
        )
        note_question(
            services, team_id=team_id, surface="mention", question=text, said=reply.outcome
        )
        keep(services, pending)  # before the reply: a quick next question must find it
        say(
            text=reply.message.text,
            blocks=list(reply.message.blocks),
            thread_ts=event.get("thread_ts") or event["ts"],
        )

    return mention
