"""A person's language choice: stored per workspace, changed in place, forgotten for automatic."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.storage import Database
from bot.storage.preferences import language_preference, set_language_preference

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def test_a_choice_is_remembered_changed_and_forgotten(database: Database) -> None:
    with database.sessions() as session:
        assert language_preference(session, team_id="T1", user_id="U1") is None
        set_language_preference(session, team_id="T1", user_id="U1", language="da", now=NOW)
        set_language_preference(session, team_id="T2", user_id="U1", language="sv", now=NOW)
        assert language_preference(session, team_id="T1", user_id="U1") == "da"
        set_language_preference(session, team_id="T1", user_id="U1", language="sv", now=NOW)
        assert language_preference(session, team_id="T1", user_id="U1") == "sv"
        set_language_preference(session, team_id="T1", user_id="U1", language="auto", now=NOW)
        assert language_preference(session, team_id="T1", user_id="U1") is None
        assert language_preference(session, team_id="T2", user_id="U1") == "sv"


def test_only_the_offered_choices_are_stored(database: Database) -> None:
    with database.sessions() as session, pytest.raises(ValueError, match="not a language"):
        set_language_preference(session, team_id="T1", user_id="U1", language="nb", now=NOW)
