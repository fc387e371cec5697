"""Contexts kept in the database (SQLite and PostgreSQL): saved when they change, their last
use slid by the minute, and a question asked again and again writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.conversation import CONTEXT_TTL, ConversationKey, recall, remember, take_turn
from bot.knowledge import KnowledgeBase
from bot.storage import Database

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
KEY = ConversationKey("T1", "C1", "", "U1")


def test_a_context_is_recalled_as_it_was_kept(kb: KnowledgeBase, database: Database) -> None:
    context = take_turn(kb, "which centres work on diabetes in Copenhagen?", None).context
    remember(database, key=KEY, context=context, previous=None, now=NOW)
    recalled = recall(database, kb, key=KEY, now=NOW + timedelta(minutes=29))
    assert recalled is not None
    assert recalled.context == context
    assert recalled.used_at == NOW
    assert recall(database, kb, key=KEY, now=NOW + CONTEXT_TTL) is None


def test_the_same_context_is_marked_used_by_the_minute(
    kb: KnowledgeBase, database: Database
) -> None:
    context = take_turn(kb, "CBMR", None).context
    remember(database, key=KEY, context=context, previous=None, now=NOW)
    soon = NOW + timedelta(seconds=30)
    remember(
        database,
        key=KEY,
        context=context,
        previous=recall(database, kb, key=KEY, now=soon),
        now=soon,
    )
    recalled = recall(database, kb, key=KEY, now=soon)
    assert recalled is not None
    assert recalled.used_at == NOW  # nothing written within the minute
    later = NOW + timedelta(minutes=20)
    remember(database, key=KEY, context=context, previous=recalled, now=later)
    recalled = recall(database, kb, key=KEY, now=later)
    assert recalled is not None
    assert recalled.used_at == later


def test_a_new_context_replaces_the_old_at_once(kb: KnowledgeBase, database: Database) -> None:
    first = take_turn(kb, "CBMR", None).context
    remember(database, key=KEY, context=first, previous=None, now=NOW)
    previous = recall(database, kb, key=KEY, now=NOW)
    second = take_turn(kb, "where is WNC?", None).context
    soon = NOW + timedelta(seconds=5)
    remember(database, key=KEY, context=second, previous=previous, now=soon)
    recalled = recall(database, kb, key=KEY, now=soon)
    assert recalled is not None
    assert recalled.context == second
    remember(database, key=KEY, context=None, previous=recalled, now=soon)  # keeps it
    assert recall(database, kb, key=KEY, now=soon) == recalled
