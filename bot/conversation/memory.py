"""Contexts kept in the database, so every web worker and the Socket Mode process share them.

A context lasts :data:`CONTEXT_TTL` after its last use. The database is not needed to answer:
when it cannot be reached a question is answered as typed (a warning is logged), the same
way events are still answered during an outage.
"""

from __future__ import annotations

import logging
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
    touch_context,
)

__all__ = ["CONTEXT_TTL", "ConversationKey", "forget_expired", "recall", "remember"]

CONTEXT_TTL: Final = timedelta(minutes=30)
"""Between Dialogflow's 20 minutes and Rasa's 60: a conversation, not a standing memory."""

_log = logging.getLogger(__name__)


def recall(
    database: Database, kb: KnowledgeBase, *, key: ConversationKey, now: datetime
) -> Context | None:
    """``key``'s context if it was used within :data:`CONTEXT_TTL` of ``now``, else None
    (also when the database cannot be reached)."""
    try:
        with database.sessions() as session:
            slots = load_context(session, key=key, now=now, ttl=CONTEXT_TTL)
    except SQLAlchemyError as error:
        _log.warning("could not read a conversation context (%s)", type(error).__name__)
        return None
    return context_from_slots(kb, slots) if slots is not None else None


def remember(
    database: Database,
    *,
    key: ConversationKey,
    context: Context | None,
    previous: Context | None,
    now: datetime,
    enterprise_id: str | None = None,
) -> None:
    """Keep ``context`` for ``key`` from ``now``: saved when it changed, only marked used when
    it is ``previous`` (a reply about nothing new), nothing when there is none."""
    if context is None:
        return
    try:
        with database.sessions() as session:
            if context is previous:
                touch_context(session, key=key, now=now)
            else:
                save_context(
                    session, key=key, slots=context.slots(), now=now, enterprise_id=enterprise_id
                )
    except SQLAlchemyError as error:
        _log.warning("could not keep a conversation context (%s)", type(error).__name__)


def forget_expired(database: Database, *, now: datetime) -> int:
    """Delete every context unused for :data:`CONTEXT_TTL` (the clock's daily retention job);
    returns how many went. Expired contexts are never read in the meantime."""
    with database.sessions() as session:
        return prune_contexts(session, cutoff=now - CONTEXT_TTL)
