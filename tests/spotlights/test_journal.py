"""The journal of confirmed posts: left alone while its pass runs, recorded once after it stops."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.spotlights.delivery.journal import OutcomeJournal, default_journal_dir, replay_journals
from bot.storage import Database
from bot.storage.deliveries import (
    DeliveryOutcome,
    DeliveryStatus,
    OutcomeRecord,
    attempts_of,
    claim_delivery,
    delivery_for,
)
from tests.spotlights.conftest import subscribe_channels

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _posted_record(database: Database) -> OutcomeRecord:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    with database.sessions() as session:
        claim = claim_delivery(
            session,
            subscription_id=1,
            period=SLOT,
            owner="stopped",
            now=SLOT,
            lease=timedelta(minutes=1),
        )
        session.commit()
    assert claim is not None
    return OutcomeRecord(
        claim=claim,
        outcome=DeliveryOutcome.POSTED,
        topic="field:cancer",
        posted_ts="1764489600.000100",
        next_due=SLOT + timedelta(weeks=1),
        feature_cycle=0,
    )


def test_a_journal_is_recorded_once_its_pass_has_stopped_and_only_once(
    database: Database, tmp_path: Path
) -> None:
    record = _posted_record(database)
    directory = tmp_path / "journal"
    journal = OutcomeJournal(directory, "host:123:abc")
    journal.append([record])

    assert replay_journals(directory, database, now=SLOT) == 0  # its pass still holds it
    journal.close(keep=True)
    assert replay_journals(directory, database, now=SLOT) == 1
    assert list(directory.iterdir()) == []

    again = OutcomeJournal(directory, "host:456:def")  # the same post, kept twice
    again.append([record])
    again.close(keep=True)
    assert replay_journals(directory, database, now=SLOT) == 0
    with database.sessions() as session:
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
        assert delivery is not None
        assert (delivery.status, delivery.posted_ts) == (DeliveryStatus.POSTED, "1764489600.000100")
        assert attempts_of(session, delivery_id=delivery.id) == ((1, "posted", None),)


def test_a_line_cut_short_by_a_crash_is_ignored_and_a_clean_pass_leaves_no_file(
    database: Database, tmp_path: Path
) -> None:
    record = _posted_record(database)
    directory = tmp_path / "journal"
    journal = OutcomeJournal(directory, "host:1:a")
    journal.append([record])
    journal.close(keep=True)
    with journal.path.open("a", encoding="utf-8") as handle:
        handle.write('{"delivery_id": 9')  # the process died mid-line
    assert replay_journals(directory, database, now=SLOT) == 1

    clean = OutcomeJournal(directory, "host:2:b")
    clean.append([record])
    clean.close(keep=False)
    assert list(directory.iterdir()) == []


def test_the_journal_lives_beside_a_sqlite_file_or_per_database_in_the_temp_dir() -> None:
    assert default_journal_dir("sqlite:////srv/bot/medicon-bot.sqlite3") == Path(
        "/srv/bot/medicon-bot.sqlite3-spotlight-journal"
    )
    one = default_journal_dir("postgresql+psycopg://u:secret@db/one")
    other = default_journal_dir("postgresql+psycopg://u:secret@db/other")
    assert one != other
    assert "secret" not in str(one)
