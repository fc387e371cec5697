"""Conversations on Slack's surfaces: which key a message belongs to, one turn in it, and the
question it asked recorded (slash, DM and mention alike).

Keys follow where replies go: a channel thread (``thread_ts``, or the mention's own ``ts`` the
reply is threaded under), a DM's main line (one conversation) or its thread, and a person's
slash commands in a channel (their replies are ephemeral, so nobody else sees them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.answers import Outcome
from bot.answers.render.feedback_blocks import AnsweredOn
from bot.conversation import (
    ConversationKey,
    Recalled,
    Turn,
    leans_on_context,
    recall,
    remember,
    take_turn,
)
from bot.services import Services
from bot.slack.views.replies import answered

__all__ = [
    "Pending",
    "command_key",
    "continue_turn",
    "dm_key",
    "keep",
    "note_question",
    "start_turn",
    "thread_key",
]


def dm_key(team_id: str, event: dict[str, Any]) -> ConversationKey:
    """A DM: its main line is one conversation, each of its threads another."""
    return ConversationKey(
        team_id, str(event.get("channel") or ""), str(event.get("thread_ts") or "")
    )


def thread_key(team_id: str, event: dict[str, Any]) -> ConversationKey:
    """A channel message: the thread it is in, or the thread its reply starts under it."""
    thread = event.get("thread_ts") or event.get("ts") or ""
    return ConversationKey(team_id, str(event.get("channel") or ""), str(thread))


def command_key(team_id: str, command: dict[str, Any]) -> ConversationKey:
    """``/medicon``: per person and channel."""
    return ConversationKey(
        team_id,
        str(command.get("channel_id") or ""),
        "",
        str(command.get("user_id") or ""),
    )


@dataclass(frozen=True)
class Pending:
    """A turn answered but not yet kept: a thread reply the bot stays out of is not kept."""

    key: ConversationKey
    turn: Turn
    previous: Recalled | None
    enterprise_id: str | None


def start_turn(
    services: Services, text: str, *, key: ConversationKey, enterprise_id: str | None = None
) -> Pending:
    """``text`` answered in the conversation ``key`` is in: its context is read from the
    database only when the text could lean on it ("who hosts it?", not "who hosts LUDC?")."""
    leans = leans_on_context(services.kb, text)
    previous = (
        recall(services.database, services.kb, key=key, now=services.now()) if leans else None
    )
    context = previous.context if previous is not None else None
    return Pending(key, take_turn(services.kb, text, context), previous, enterprise_id)


def continue_turn(
    services: Services, text: str, *, key: ConversationKey, enterprise_id: str | None = None
) -> Pending | None:
    """:func:`start_turn` only for a conversation with a live context (the bot answered there
    within the last 30 minutes); None, before reading the text at all, for any other."""
    previous = recall(services.database, services.kb, key=key, now=services.now())
    if previous is None:
        return None
    return Pending(key, take_turn(services.kb, text, previous.context), previous, enterprise_id)


def keep(services: Services, pending: Pending) -> None:
    """Keep what the conversation is about after ``pending``'s answer, from now."""
    remember(
        services.database,
        key=pending.key,
        context=pending.turn.context,
        previous=pending.previous,
        now=services.now(),
        enterprise_id=pending.enterprise_id,
    )


def note_question(
    services: Services, *, team_id: str, surface: AnsweredOn, question: str, said: Outcome
) -> None:
    """Count ``question`` in the question log as answered or not by a reply that ``said`` so
    (an unanswered one is kept for the editors). Help and small talk are not questions. In
    memory only: the log writes in batches, after the acknowledgement."""
    result = answered(said)
    if services.questions is not None and result is not None:
        services.questions.note(
            team_id=team_id, surface=surface, question=question, answered=result
        )
