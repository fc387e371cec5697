"""Conversation contexts: one row per conversation, holding what it was last about.

A conversation is a (workspace, channel, thread key, person) key: a thread or a DM has the
person empty, a slash command's ephemeral replies are per person. The row holds slots as JSON
(entry ids and filters, never text people typed) and when they were last used. Every web worker
and the Socket Mode process share it through the database, so a follow-up answered by another
worker still sees the context. Functions take a Session and commit their own writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import UTCDateTime
from bot.storage.tables import conversation_contexts as contexts

__all__ = [
    "ConversationKey",
    "StoredContext",
    "delete_workspace_contexts",
    "forget_context",
    "load_context",
    "prune_contexts",
    "save_context",
    "touch_context",
]

_ID = 32
_ALWAYS: Final = timedelta(days=1)
"""Later than any stored use: with no ``unchanged_for`` every save writes."""


@dataclass(frozen=True)
class ConversationKey:
    """Where a conversation happens: ``thread_key`` is the thread's ts ("" for a DM's main
    line or a slash command); ``user_id`` is set only where replies are per person."""

    team_id: str
    channel_id: str
    thread_key: str = ""
    user_id: str = ""


def _matching(key: ConversationKey) -> Any:
    return (
        (contexts.c.team_id == key.team_id[:_ID])
        & (contexts.c.channel_id == key.channel_id[:_ID])
        & (contexts.c.thread_key == key.thread_key[:_ID])
        & (contexts.c.user_id == key.user_id[:_ID])
    )


@dataclass(frozen=True)
class StoredContext:
    """A conversation's slots and when they were last used."""

    slots: dict[str, Any]
    used_at: datetime


_KEY_COLUMNS: Final = ("team_id", "channel_id", "thread_key", "user_id")
_LOAD: Final = select(contexts.c.slots, contexts.c.updated_at).where(
    *(contexts.c[name] == bindparam(name) for name in _KEY_COLUMNS),
    contexts.c.updated_at > bindparam("since", type_=UTCDateTime),
)
"""Built once, so every request reuses the compiled statement (building and compiling it
costs more than running it)."""


def _key_values(key: ConversationKey) -> dict[str, str]:
    return {
        "team_id": key.team_id[:_ID],
        "channel_id": key.channel_id[:_ID],
        "thread_key": key.thread_key[:_ID],
        "user_id": key.user_id[:_ID],
    }


def load_context(
    session: Session | Connection, *, key: ConversationKey, now: datetime, ttl: timedelta
) -> StoredContext | None:
    """The slots saved for ``key`` if they were used less than ``ttl`` before ``now``;
    None when there are none or they have expired (an expired row stays until pruned).

    Takes a Connection as well as a Session: it runs on every question that could lean on a
    context, where a Session's own bookkeeping costs several times the query."""
    row = session.execute(_LOAD, {**_key_values(key), "since": now - ttl}).first()
    if row is None:
        return None
    loaded = json.loads(row.slots)
    return StoredContext(loaded, row.updated_at) if isinstance(loaded, dict) else None


def _upsert(session: Session | Connection) -> Any:
    """The context upsert for this database, built once per dialect so every save reuses the
    compiled statement (as :data:`_LOAD`)."""
    dialect = (session.get_bind() if isinstance(session, Session) else session).dialect.name
    upsert = _UPSERTS.get(dialect)
    if upsert is not None:
        return upsert
    statement = insert_for(session, contexts).values(
        {name: bindparam(name) for name in (*_KEY_COLUMNS, "enterprise_id", "slots")}
        | {"updated_at": bindparam("updated_at", type_=UTCDateTime)}
    )
    upsert = statement.on_conflict_do_update(
        index_elements=list(contexts.primary_key.columns),
        set_={"slots": statement.excluded.slots, "updated_at": statement.excluded.updated_at},
        where=(contexts.c.slots != statement.excluded.slots)
        | (contexts.c.updated_at < bindparam("stale_before", type_=UTCDateTime)),
    )
    return _UPSERTS.setdefault(dialect, upsert)


_UPSERTS: Final[dict[str, Any]] = {}
"""The context upsert per dialect name, built on first use."""


def save_context(
    session: Session | Connection,
    *,
    key: ConversationKey,
    slots: dict[str, Any],
    now: datetime,
    enterprise_id: str | None = None,
    unchanged_for: timedelta = timedelta(0),
) -> None:
    """Replace ``key``'s slots and mark them used ``now``: one INSERT … ON CONFLICT DO UPDATE,
    so two workers answering the same conversation at once leave one row (the later write).

    Stored slots equal to ``slots`` that were used less than ``unchanged_for`` ago are left
    as they are: the database decides, so asking the same thing again writes no row. Takes a
    Connection as well as a Session (it runs after every answer).
    """
    values = {
        **_key_values(key),
        "enterprise_id": enterprise_id[:_ID] if enterprise_id else None,
        "slots": json.dumps(slots, sort_keys=True, separators=(",", ":")),
        "updated_at": now,
        "stale_before": now - unchanged_for if unchanged_for else now + _ALWAYS,
    }
    session.execute(_upsert(session), values)
    session.commit()


def touch_context(session: Session, *, key: ConversationKey, now: datetime) -> bool:
    """Mark ``key``'s slots used ``now`` without changing them; False when there is no row."""
    result = session.execute(update(contexts).where(_matching(key)).values(updated_at=now))
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def forget_context(session: Session, *, key: ConversationKey) -> bool:
    """Delete ``key``'s context ("start over"); False when there was none."""
    result = session.execute(delete(contexts).where(_matching(key)))
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def delete_workspace_contexts(
    session: Session, *, team_id: str | None, enterprise_id: str | None
) -> int:
    """Delete every context of a workspace (or, with only ``enterprise_id``, of an org)."""
    if team_id is not None:
        condition = contexts.c.team_id == team_id[:_ID]
    elif enterprise_id is not None:
        condition = contexts.c.enterprise_id == enterprise_id[:_ID]
    else:
        return 0
    result = session.execute(delete(contexts).where(condition))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]


def prune_contexts(session: Session, *, cutoff: datetime) -> int:
    """Delete contexts last used before ``cutoff``; returns how many went."""
    result = session.execute(delete(contexts).where(contexts.c.updated_at < cutoff))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]
