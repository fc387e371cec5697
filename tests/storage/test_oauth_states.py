"""Install links' OAuth states: spent once, refused once expired, and expired ones deleted
whenever states are issued or spent, on SQLite and PostgreSQL (the clock's daily job:
tests/spotlights/test_cli.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.slack.oauth_states import DatabaseStateStore
from bot.storage import Database
from bot.storage.oauth_states import issue_state, spend_state
from bot.storage.tables import oauth_states

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
LIFETIME = timedelta(minutes=10)


def rows(database: Database) -> int:
    with database.sessions() as session:
        return int(session.execute(select(func.count()).select_from(oauth_states)).scalar_one())


def issue(database: Database, state: str, *, at: datetime = NOW) -> None:
    with database.sessions() as session:
        issue_state(session, state=state, expires=at + LIFETIME, now=at)


def test_a_state_is_spent_once_and_not_after_it_expired(database: Database) -> None:
    issue(database, "s1")
    issue(database, "s2")
    with database.sessions() as session:
        assert spend_state(session, state="s1", now=NOW + timedelta(minutes=1)) is True
        assert spend_state(session, state="s1", now=NOW + timedelta(minutes=1)) is False
        assert spend_state(session, state="unknown", now=NOW) is False
        assert spend_state(session, state="", now=NOW) is False
        assert spend_state(session, state="x" * 5000, now=NOW) is False
        assert spend_state(session, state="s2", now=NOW + LIFETIME) is False


def test_expired_states_go_when_a_state_is_issued_or_spent(database: Database) -> None:
    for number in range(50):
        issue(database, f"old-{number}")
    later = NOW + LIFETIME + timedelta(seconds=1)
    issue(database, "fresh", at=later)
    assert rows(database) == 1
    for number in range(20):
        issue(database, f"old-again-{number}", at=later)
    with database.sessions() as session:
        assert spend_state(session, state="forged", now=later + LIFETIME) is False
    assert rows(database) == 0


def test_racing_callbacks_with_one_state_have_one_winner(database: Database) -> None:
    issue(database, "raced")

    def attempt(_: int) -> bool:
        with database.sessions() as session:
            return spend_state(session, state="raced", now=NOW)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(16)))
    assert results.count(True) == 1


def test_a_reissued_state_can_be_spent_again(database: Database) -> None:
    store = DatabaseStateStore(database=database, expiration_seconds=600, now=lambda: NOW)
    state = store.issue()
    assert store.consume(state) is True
    assert store.consume(state) is False
    store.reissue(state)
    assert store.consume(state) is True
    assert store.consume(state) is False
