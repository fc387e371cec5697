"""What identifies a modal submission, and a claim that is stored only with the write it
guards, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.slack.submission_claims import claim_submission, submission_key, submission_team
from bot.storage import Database

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


def submission(view_id: str = "V1", view_hash: str = "1700000000.abc") -> dict[str, Any]:
    return {
        "type": "view_submission",
        "team": {"id": "T1"},
        "user": {"id": "U1"},
        "view": {"id": view_id, "hash": view_hash, "state": {"values": {}}},
    }


def test_a_replay_has_the_same_key_and_any_other_submission_another() -> None:
    key = submission_key(submission(), action="store")
    assert key == submission_key(submission(), action="store")
    assert len(key) <= 64
    assert key != submission_key(submission(view_hash="1700000000.def"), action="store")
    assert key != submission_key(submission(view_id="V2"), action="store")
    assert key != submission_key(submission(), action="post")


def test_a_view_without_an_id_is_keyed_by_its_content() -> None:
    body = submission()
    del body["view"]["id"]
    same = submission()
    del same["view"]["id"]
    assert submission_key(body, action="a") == submission_key(same, action="a")
    same["view"]["state"] = {"values": {"b": {"a": {"value": "x"}}}}
    assert submission_key(body, action="a") != submission_key(same, action="a")


def test_the_team_is_taken_from_the_payload_if_it_fits() -> None:
    assert submission_team(submission()) == "T1"
    assert submission_team({"team": "not a dict", "view": {"team_id": "T2"}}) == "T2"
    assert submission_team({"team": {"id": "T" * 40}}) is None


def test_a_claim_is_kept_only_with_its_write(database: Database) -> None:
    body = submission()
    with database.sessions() as session:
        assert claim_submission(session, body, action="store", now=NOW) is True
        session.rollback()  # the write it guarded failed
    with database.sessions() as session:
        assert claim_submission(session, body, action="store", now=NOW) is True
        session.commit()
    with database.sessions() as session:
        assert claim_submission(session, body, action="store", now=NOW) is False
        assert claim_submission(session, body, action="post", now=NOW) is True
        session.commit()
