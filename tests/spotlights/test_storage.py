"""The spotlight schema: migration 0002, UTC instants, and claims decided by the database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import inspect

from bot.storage import Database
from bot.storage.deliveries import claim_delivery
from tests.spotlights.conftest import subscribe_channels

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def test_migration_0002_creates_the_spotlight_tables(database: Database) -> None:
    inspector = inspect(database.engine)
    assert {
        "spotlight_subscriptions",
        "spotlight_deliveries",
        "spotlight_attempts",
        "spotlight_features",
    } <= set(inspector.get_table_names())
    unique = inspector.get_unique_constraints("spotlight_deliveries")
    assert [sorted(u["column_names"]) for u in unique] == [["period", "subscription_id"]]


def test_instants_in_any_offset_are_stored_as_utc_and_read_back_aware(
    database: Database,
) -> None:
    copenhagen = timezone(timedelta(hours=1))
    [view] = subscribe_channels(database, ["C1"], now=NOW.astimezone(copenhagen))
    assert view.next_at == SLOT
    assert view.next_at.tzinfo is UTC


def test_of_many_concurrent_claims_of_one_slot_one_wins(database: Database) -> None:
    subscribe_channels(database, ["C1"], now=NOW)

    def attempt(number: int) -> bool:
        with database.sessions() as session:
            claim = claim_delivery(
                session,
                subscription_id=1,
                period=SLOT,
                owner=f"pass-{number}",
                now=SLOT,
                lease=timedelta(minutes=15),
            )
            session.commit()
            return claim is not None

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(16)))
    assert results.count(True) == 1


def test_an_expired_claim_is_taken_over_by_one_of_many(database: Database) -> None:
    subscribe_channels(database, ["C1"], now=NOW)
    lease = timedelta(minutes=15)
    with database.sessions() as session:
        assert claim_delivery(
            session, subscription_id=1, period=SLOT, owner="dead", now=SLOT, lease=lease
        )
        session.commit()

    def attempt(number: int) -> int | None:
        with database.sessions() as session:
            claim = claim_delivery(
                session,
                subscription_id=1,
                period=SLOT,
                owner=f"pass-{number}",
                now=SLOT + lease + timedelta(seconds=1),
                lease=lease,
            )
            session.commit()
            return None if claim is None else claim.attempt

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [r for r in pool.map(attempt, range(16)) if r is not None]
    assert results == [2]
