"""A reply in a channel thread, without an @mention: answered only when the bot answered in
that thread within the last half hour and the reply reads as a question about the knowledge
base. Everything else people say to each other there is left alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Say

from bot.conversation import asks_the_bot
from bot.services import Services
from bot.slack.conversations import continue_turn, keep, thread_key
from bot.slack.home import chosen_unless_said
from bot.slack.views.replies import conversation_reply
from handlers.workspace import team_id_of

__all__ = ["in_a_channel_thread", "make_thread_reply"]


def in_a_channel_thread(event: dict[str, Any]) -> bool:
    """A reply inside a thread of a public or private channel (not a DM: that has its own)."""
    return event.get("channel_type") in {"channel", "group"} and bool(event.get("thread_ts"))


def _mentions_anyone(text: str) -> bool:
    """An @mention of the bot arrives as an ``app_mention`` too, which answers it; a message
    that @mentions someone else is addressed to them."""
    return "<@" in text or "<!" in text


def make_thread_reply(services: Services) -> Callable[..., None]:
    def thread_reply(event: dict[str, Any], say: Say, context: BoltContext) -> None:
        text = event.get("text") or ""
        if _mentions_anyone(text):
            return
        team_id = team_id_of(context)
        pending = continue_turn(
            services, text, key=thread_key(team_id, event), enterprise_id=context.enterprise_id
        )
        if pending is None or not asks_the_bot(pending.turn, text):
            return
        message = conversation_reply(
            services.kb,
            text,
            surface="mention",
            tables=services.settings.table_blocks,
            otherwise=chosen_unless_said(
                services, text, team_id=team_id, user_id=str(event.get("user") or "")
            ),
            turn=pending.turn,
        )
        keep(services, pending)  # before the reply: a quick next question must find it
        say(text=message.text, blocks=list(message.blocks), thread_ts=event["thread_ts"])

    return thread_reply
