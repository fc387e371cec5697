"""Contexts kept in the database, so every web worker and the Socket Mode process share them.

A context lasts :data:`CONTEXT_TTL` after its last use. The database is not needed to answer:
when it cannot be reached a question is answered as typed (a warning is logged), the same
way events are still answered during an outage.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy.exc import SQLAlchemyError

from bot.conversation.context import Context, context_from_slots
from bot.knowledge import KnowledgeBase
from bot.storage import Database
from bot.storage.conversations import (
    ConversationKey,
    load_context,
    prune_contexts,
    save_context,
)

__all__ = [
    "CONTEXT_TTL",
    "ConversationKey",
    "Recalled",
    "forget_expired",
    "recall",
    "remember",
]

CONTEXT_TTL: Final = timedelta(minutes=30)
"""Between Dialogflow's 20 minutes and Rasa's 60: a conversation, not a standing memory."""
_FRESH: Final = timedelta(minutes=1)
"""How stale a last use may be before an unchanged context is marked used again: the expiry
slides by the minute, not by the request."""

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Recalled:
    """A conversation's context and when it was last used."""

    context: Context
    used_at: datetime


def recall(
    database: Database, kb: KnowledgeBase, *, key: ConversationKey, now: datetime
) -> Recalled | None:
    """``key``'s context if it was used within :data:`CONTEXT_TTL` of ``now``, else None
    (also when the database cannot be reached)."""
    try:
        with database.sessions() as session:
            stored = load_context(session, key=key, now=now, ttl=CONTEXT_TTL)
    except SQLAlchemyError as error:
        _log.warning("could not read a conversation context (%s)", type(error).__name__)
        return None
    if stored is None:
        return None
    return Recalled(context_from_slots(kb, stored.slots), stored.used_at)


def remember(
    database: Database,
    *,
    key: ConversationKey,
    context: Context | None,
    previous: Recalled | None,
    now: datetime,
    enterprise_id: str | None = None,
) -> None:
    """Keep ``context`` for ``key`` from ``now``; nothing when there is none.

    A context equal to the stored one is only marked used, at most once every
    :data:`_FRESH` (the database checks, so asking the same thing again writes no row; with
    ``previous`` recalled that recently not even a statement is sent)."""
    if context is None:
        return
    if previous is not None and previous.context == context and now - previous.used_at < _FRESH:
        return
    try:
        with database.sessions() as session:
            save_context(
                session,
                key=key,
                slots=context.slots(),
                now=now,
                enterprise_id=enterprise_id,
                unchanged_for=_FRESH,
            )
    except SQLAlchemyError as error:
        _log.warning("could not keep a conversation context (%s)", type(error).__name__)


def forget_expired(database: Database, *, now: datetime) -> int:
    """Delete every context unused for :data:`CONTEXT_TTL` (the clock's daily retention job);
    returns how many went. Expired contexts are never read in the meantime."""
    with database.sessions() as session:
        return prune_contexts(session, cutoff=now - CONTEXT_TTL)
