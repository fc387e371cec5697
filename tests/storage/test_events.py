"""A Slack event is claimed once, whoever asks and however many ask at the same time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from sqlalchemy import inspect

from bot.storage import Database, open_database
from bot.storage.events import claim_event, forget_events_before

NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)


def test_migrations_create_the_schema(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {"slack_events", "alembic_version"} <= tables


def test_migrating_again_changes_nothing(database_url: str) -> None:
    first = open_database(database_url)
    second = open_database(database_url)
    assert set(inspect(second.engine).get_table_names()) == set(
        inspect(first.engine).get_table_names()
    )
    first.dispose()
    second.dispose()


def test_an_event_is_claimed_once(database: Database) -> None:
    with database.sessions() as session:
        assert claim_event(session, event_id="Ev1", team_id="T1", now=NOW) is True
        assert claim_event(session, event_id="Ev1", team_id="T1", now=NOW) is False
        assert claim_event(session, event_id="Ev2", team_id="T1", now=NOW) is True


def test_concurrent_claims_of_one_event_have_one_winner(database: Database) -> None:
    def attempt(_: int) -> bool:
        with database.sessions() as session:
            return claim_event(session, event_id="EvRace", team_id=None, now=NOW)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(16)))
    assert results.count(True) == 1


def test_old_claims_are_forgotten(database: Database) -> None:
    with database.sessions() as session:
        claim_event(session, event_id="Old", team_id=None, now=NOW - timedelta(days=2))
        claim_event(session, event_id="New", team_id=None, now=NOW)
        assert forget_events_before(session, cutoff=NOW - timedelta(days=1)) == 1
        assert claim_event(session, event_id="Old", team_id=None, now=NOW) is True
        assert claim_event(session, event_id="New", team_id=None, now=NOW) is False
