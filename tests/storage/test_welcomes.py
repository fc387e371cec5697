"""The Messages tab's welcome is claimed once per person, however many ask at the same time."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from bot.storage import Database
from bot.storage.welcomes import claim_welcome

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def test_a_person_is_welcomed_once_per_workspace(database: Database) -> None:
    with database.sessions() as session:
        assert claim_welcome(session, team_id="T1", user_id="U1", now=NOW) is True
        assert claim_welcome(session, team_id="T1", user_id="U1", now=NOW) is False
        assert claim_welcome(session, team_id="T1", user_id="U2", now=NOW) is True
        assert claim_welcome(session, team_id="T2", user_id="U1", now=NOW) is True


def test_concurrent_claims_have_one_winner(database: Database) -> None:
    def attempt(_: int) -> bool:
        with database.sessions() as session:
            return claim_welcome(session, team_id="T1", user_id="U9", now=NOW)

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(attempt, range(16)))
    assert results.count(True) == 1
