"""Conversation contexts on SQLite and PostgreSQL: one row per conversation, kept for 30
minutes after its last use, gone with the workspace and with the daily retention job."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.conversation import CONTEXT_TTL, forget_expired
from bot.storage import Database
from bot.storage.conversations import (
    ConversationKey,
    delete_workspace_contexts,
    forget_context,
    load_context,
    save_context,
    touch_context,
)
from bot.storage.tables import conversation_contexts

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
THREAD = ConversationKey("T1", "C1", "1765000000.000100")
LUDC = {"subject": ["centre", "ludc"], "intent": "where"}


def slots(session: Session, key: ConversationKey, now: datetime) -> dict[str, Any] | None:
    stored = load_context(session, key=key, now=now, ttl=CONTEXT_TTL)
    return stored.slots if stored is not None else None


def rows(database: Database) -> int:
    with database.sessions() as session:
        counted = select(func.count()).select_from(conversation_contexts)
        return int(session.execute(counted).one()[0])


def test_a_context_is_read_back_until_it_has_gone_unused_for_30_minutes(
    database: Database,
) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW)
        stored = load_context(session, key=THREAD, now=NOW, ttl=CONTEXT_TTL)
        assert stored is not None
        assert stored.used_at == NOW
        just_in_time = NOW + CONTEXT_TTL - timedelta(seconds=1)
        assert slots(session, THREAD, just_in_time) == LUDC
        assert load_context(session, key=THREAD, now=NOW + CONTEXT_TTL, ttl=CONTEXT_TTL) is None


def test_using_a_context_keeps_it_alive(database: Database) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW)
        assert touch_context(session, key=THREAD, now=NOW + timedelta(minutes=25)) is True
        later = NOW + timedelta(minutes=50)
        assert slots(session, THREAD, later) == LUDC
        missing = ConversationKey("T1", "C1", "other")
        assert touch_context(session, key=missing, now=NOW) is False


def test_each_conversation_has_its_own_context(database: Database) -> None:
    keys = [
        THREAD,
        ConversationKey("T1", "C1", "1765000000.000200"),  # another thread
        ConversationKey("T1", "C2", THREAD.thread_key),  # another channel
        ConversationKey("T2", "C1", THREAD.thread_key),  # another workspace
        ConversationKey("T1", "C1", "", "U1"),  # one person's slash commands
        ConversationKey("T1", "C1", "", "U2"),  # another person's
    ]
    with database.sessions() as session:
        for number, key in enumerate(keys):
            save_context(session, key=key, slots={"n": number}, now=NOW)
        for number, key in enumerate(keys):
            assert slots(session, key, NOW) == {"n": number}
    assert rows(database) == len(keys)


def test_a_new_answer_replaces_the_context_in_one_row(database: Database) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW)
        save_context(session, key=THREAD, slots={"field": "cancer"}, now=NOW)
        assert slots(session, THREAD, NOW) == {"field": "cancer"}
    assert rows(database) == 1


def test_workers_saving_the_same_conversation_at_once_leave_one_row(database: Database) -> None:
    def save(number: int) -> None:
        with database.sessions() as session:
            save_context(session, key=THREAD, slots={"n": number}, now=NOW)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(save, range(16)))
    assert rows(database) == 1


def test_starting_over_forgets_the_context(database: Database) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW)
        assert forget_context(session, key=THREAD) is True
        assert forget_context(session, key=THREAD) is False
        assert load_context(session, key=THREAD, now=NOW, ttl=CONTEXT_TTL) is None


def test_an_uninstall_removes_the_workspaces_contexts_only(database: Database) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW)
        save_context(session, key=ConversationKey("T1", "D1"), slots=LUDC, now=NOW)
        save_context(session, key=ConversationKey("T2", "C1"), slots=LUDC, now=NOW)
        org = ConversationKey("T3", "C1")
        save_context(session, key=org, slots=LUDC, now=NOW, enterprise_id="E1")
        assert delete_workspace_contexts(session, team_id="T1", enterprise_id=None) == 2
        assert delete_workspace_contexts(session, team_id=None, enterprise_id="E1") == 1
        assert delete_workspace_contexts(session, team_id=None, enterprise_id=None) == 0
        kept = ConversationKey("T2", "C1")
        assert slots(session, kept, NOW) == LUDC
    assert rows(database) == 1


def test_the_retention_job_deletes_expired_contexts(database: Database) -> None:
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW - timedelta(hours=2))
        save_context(session, key=ConversationKey("T1", "C9"), slots=LUDC, now=NOW)
    assert forget_expired(database, now=NOW) == 1
    assert rows(database) == 1


def test_the_same_slots_again_are_not_rewritten_until_they_go_stale(database: Database) -> None:
    minute = timedelta(minutes=1)
    with database.sessions() as session:
        save_context(session, key=THREAD, slots=LUDC, now=NOW, unchanged_for=minute)
        soon = NOW + timedelta(seconds=30)
        save_context(session, key=THREAD, slots=LUDC, now=soon, unchanged_for=minute)
        stored = load_context(session, key=THREAD, now=soon, ttl=CONTEXT_TTL)
        assert stored is not None
        assert stored.used_at == NOW  # nothing written
        save_context(session, key=THREAD, slots={"field": "cancer"}, now=soon, unchanged_for=minute)
        assert slots(session, THREAD, soon) == {"field": "cancer"}  # new slots: written at once
        later = soon + timedelta(minutes=2)
        save_context(
            session, key=THREAD, slots={"field": "cancer"}, now=later, unchanged_for=minute
        )
        stored = load_context(session, key=THREAD, now=later, ttl=CONTEXT_TTL)
        assert stored is not None
        assert stored.used_at == later  # stale: marked used
