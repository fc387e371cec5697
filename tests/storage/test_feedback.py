"""Votes, unanswered questions, day counts and suggestions on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, inspect, select

from bot.feedback import QuestionLog, answer_key, summarise, voter_id
from bot.feedback.summary import week_totals
from bot.storage import Database
from bot.storage.feedback import entry_feedback, least_helpful_answers, note_missing, record_vote
from bot.storage.questions import (
    DayCount,
    Sighting,
    prune_questions,
    record_sightings,
    top_unanswered,
)
from bot.storage.suggestions import add_suggestion, recent_suggestions
from bot.storage.tables import answer_votes, unanswered_questions

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=365)


def vote(
    database: Database, user: str, *, helpful: bool, question: str = "ludc", **kw: str
) -> None:
    entry = kw.get("entry", "centre:ludc")
    with database.sessions() as session:
        record_vote(
            session,
            team_id=kw.get("team", "T1"),
            voter=voter_id(team_id="T1", user_id=user),
            answer_key=answer_key(entry=entry, question=question),
            entry=entry,
            question=question,
            surface="slash",
            helpful=helpful,
            now=NOW,
        )


def test_the_migration_creates_the_feedback_tables(database: Database) -> None:
    tables = set(inspect(database.engine).get_table_names())
    assert {"answer_votes", "unanswered_questions", "question_days", "suggestions"} <= tables


def test_one_vote_per_person_per_answer_and_it_can_change(database: Database) -> None:
    vote(database, "U1", helpful=True)
    vote(database, "U1", helpful=False)
    vote(database, "U2", helpful=True)
    with database.sessions() as session:
        rows = session.execute(select(func.count()).select_from(answer_votes)).scalar_one()
        (ludc,) = entry_feedback(session, since=LONG_AGO)
    assert rows == 2
    assert (ludc.entry, ludc.helpful, ludc.not_helpful) == ("centre:ludc", 1, 1)


def test_votes_keep_no_slack_user_id(database: Database) -> None:
    vote(database, "U0SECRET1", helpful=False)
    with database.sessions() as session:
        stored = " ".join(str(value) for value in session.execute(select(answer_votes)).one())
    assert "U0SECRET1" not in stored


def test_concurrent_clicks_leave_one_vote(database: Database) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: vote(database, "U1", helpful=n % 2 == 0), range(12)))
    with database.sessions() as session:
        assert session.execute(select(func.count()).select_from(answer_votes)).scalar_one() == 1


def test_what_was_missing_is_kept_on_a_not_helpful_vote_only(database: Database) -> None:
    vote(database, "U1", helpful=False)
    key = answer_key(entry="centre:ludc", question="ludc")
    voter = voter_id(team_id="T1", user_id="U1")
    with database.sessions() as session:
        assert note_missing(
            session, team_id="T1", voter=voter, answer_key=key, missing="its head", now=NOW
        )
        (answer,) = least_helpful_answers(session, since=LONG_AGO)
    assert (answer.question, answer.entry, answer.not_helpful) == ("ludc", "centre:ludc", 1)
    assert answer.missing == ("its head",)
    vote(database, "U1", helpful=True)
    with database.sessions() as session:
        assert least_helpful_answers(session, since=LONG_AGO) == []
        assert not note_missing(
            session, team_id="T1", voter=voter, answer_key=key, missing="x", now=NOW
        )


def sighting(question: str, count: int = 1, *, when: datetime = NOW, team: str = "T1") -> Sighting:
    return Sighting(
        team_id=team,
        surface="slash",
        reason="declined",
        question=question,
        count=count,
        first_seen=when,
        last_seen=when,
    )


def test_unanswered_questions_add_up_across_batches(database: Database) -> None:
    later = NOW + timedelta(hours=1)
    with database.sessions() as session:
        record_sightings(session, sightings=[sighting("crispr on mars", 2)], counts=[])
        record_sightings(
            session,
            sightings=[sighting("crispr on mars", when=later), sighting("zebrafish")],
            counts=[],
        )
        top = top_unanswered(session, since=LONG_AGO)
        rows = session.execute(select(unanswered_questions.c.question)).scalars().all()
    assert [(q.text, q.count) for q in top] == [("crispr on mars", 3), ("zebrafish", 1)]
    assert top[0].first_seen == NOW
    assert top[0].last_seen == later
    assert sorted(rows) == ["crispr on mars", "zebrafish"]


def test_day_counts_add_up_and_fill_a_week(database: Database) -> None:
    today = NOW.date()
    counts = [DayCount("T1", today, 3, 1), DayCount("T1", today - timedelta(days=2), 1, 0)]
    with database.sessions() as session:
        record_sightings(session, sightings=[], counts=counts)
        record_sightings(session, sightings=[], counts=[DayCount("T1", today, 1, 1)])
        week = week_totals(session, team_id="T1", today=today)
    assert len(week) == 7
    assert week[-1].day == today
    assert (week[-1].answered, week[-1].unanswered) == (4, 2)
    assert (week[-3].answered, week[-3].unanswered) == (1, 0)
    assert sum(day.answered for day in week) == 5


def test_pruning_forgets_what_is_older_than_the_retention(database: Database) -> None:
    old = NOW - timedelta(days=200)
    with database.sessions() as session:
        record_sightings(
            session,
            sightings=[sighting("old question", when=old), sighting("new question")],
            counts=[DayCount("T1", old.date(), 1, 1), DayCount("T1", NOW.date(), 1, 0)],
        )
        removed = prune_questions(session, cutoff=NOW - timedelta(days=180))
        left = [q.text for q in top_unanswered(session, since=LONG_AGO)]
        week = week_totals(session, team_id="T1", today=NOW.date())
    assert removed == 2
    assert left == ["new question"]
    assert week[-1].answered == 1


def test_suggestions_are_listed_newest_first_per_workspace(database: Database) -> None:
    with database.sessions() as session:
        for n, team in enumerate(("T1", "T2", "T1")):
            add_suggestion(
                session,
                team_id=team,
                text=f"suggestion {n}",
                url="https://example.org" if n == 0 else None,
                note=None,
                question="q",
                now=NOW + timedelta(minutes=n),
            )
        mine = recent_suggestions(session, since=LONG_AGO, team_id="T1")
        everyone = recent_suggestions(session, since=LONG_AGO)
    assert [s.text for s in mine] == ["suggestion 2", "suggestion 0"]
    assert mine[1].url == "https://example.org"
    assert mine[0].created == NOW + timedelta(minutes=2)
    assert len(everyone) == 3


def test_the_question_log_writes_its_batch_in_one_go(database: Database) -> None:
    log = QuestionLog(database, enabled=True, now=lambda: NOW, flush_every=3600)
    for _ in range(3):
        log.note(team_id="T1", surface="slash", question="CRISPR  on Mars", answered=False)
    log.note(team_id="T1", surface="dm", question="ludc", answered=True)
    log.note_not_helpful(team_id="T1", surface="dm", question="ludc")
    assert log.flush() == 3
    assert log.flush() == 0
    log.close()
    with database.sessions() as session:
        summary = summarise(session, since=LONG_AGO)
        week = week_totals(session, team_id="T1", today=NOW.date())
    assert [(q.text, q.count) for q in summary.unanswered] == [("crispr on mars", 3), ("ludc", 1)]
    assert (week[-1].answered, week[-1].unanswered) == (1, 3)


def test_a_disabled_question_log_keeps_nothing(database: Database) -> None:
    log = QuestionLog(database, enabled=False, now=lambda: NOW)
    log.note(team_id="T1", surface="slash", question="crispr on mars", answered=False)
    assert log.flush() == 0
    with database.sessions() as session:
        assert summarise(session, since=LONG_AGO).unanswered == ()
        assert week_totals(session, team_id=None, today=date(2026, 11, 30))[-1].unanswered == 0


def test_retention_prunes_votes_and_suggestions_too(database: Database) -> None:
    from bot.feedback.retention import prune_feedback

    vote(database, "U1", helpful=False)
    with database.sessions() as session:
        add_suggestion(
            session, team_id="T1", text="old", url=None, note=None, question=None, now=NOW
        )
        record_sightings(session, sightings=[sighting("old question")], counts=[])
    assert prune_feedback(database, retention_days=180, now=NOW + timedelta(days=179)) == 0
    assert prune_feedback(database, retention_days=180, now=NOW + timedelta(days=181)) == 3
    with database.sessions() as session:
        summary = summarise(session, since=LONG_AGO)
    assert (summary.unanswered, summary.feedback, summary.suggestions) == ((), (), ())
