"""Votes on answers: one per person per answer, changed in place; read back per entry.

Functions take a Session and commit their own writes. A person is a ``voter`` hash
(:func:`bot.feedback.voter_id`), never a Slack user id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, case, delete, func, select, update
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import answer_votes as votes

__all__ = [
    "AnswerFeedback",
    "EntryFeedback",
    "entry_feedback",
    "least_helpful_answers",
    "note_missing",
    "prune_votes",
    "record_vote",
]


@dataclass(frozen=True)
class EntryFeedback:
    """Votes on the answers about one entry (``None``: answers about no single entry)."""

    entry: str | None
    helpful: int
    not_helpful: int

    @property
    def helpful_rate(self) -> float:
        return self.helpful / (self.helpful + self.not_helpful)


@dataclass(frozen=True)
class AnswerFeedback:
    """One answer's "not helpful" votes and what voters said was missing."""

    question: str
    entry: str | None
    not_helpful: int
    missing: tuple[str, ...]


def record_vote(
    session: Session,
    *,
    team_id: str,
    voter: str,
    answer_key: str,
    entry: str | None,
    question: str,
    surface: str,
    helpful: bool,
    now: datetime,
) -> None:
    """Store this person's vote on this answer, replacing any earlier vote of theirs.

    One statement (INSERT … ON CONFLICT (team_id, voter, answer_key) DO UPDATE): two clicks
    at once still leave one row. Turning a vote to helpful forgets "what was missing".
    """
    values = insert_for(session, votes).values(
        team_id=team_id,
        voter=voter,
        answer_key=answer_key,
        entry=entry,
        question=question,
        surface=surface,
        helpful=helpful,
        missing=None,
        created_at=now,
        updated_at=now,
    )
    statement = values.on_conflict_do_update(
        index_elements=[votes.c.team_id, votes.c.voter, votes.c.answer_key],
        set_={
            "helpful": values.excluded.helpful,
            "surface": values.excluded.surface,
            "updated_at": values.excluded.updated_at,
            "missing": None if helpful else votes.c.missing,
        },
    )
    session.execute(statement)
    session.commit()


def note_missing(
    session: Session, *, team_id: str, voter: str, answer_key: str, missing: str, now: datetime
) -> bool:
    """Add "what was missing" to this person's "not helpful" vote; False when there is none."""
    result = session.execute(
        update(votes)
        .where(
            and_(
                votes.c.team_id == team_id,
                votes.c.voter == voter,
                votes.c.answer_key == answer_key,
                votes.c.helpful.is_(False),
            )
        )
        .values(missing=missing, updated_at=now)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def entry_feedback(
    session: Session, *, since: datetime, team_id: str | None = None
) -> list[EntryFeedback]:
    """Per entry, helpful and not-helpful votes cast or changed since ``since``: the most
    "not helpful" first."""
    helpful = func.sum(case((votes.c.helpful.is_(True), 1), else_=0)).label("helpful")
    not_helpful = func.sum(case((votes.c.helpful.is_(False), 1), else_=0)).label("not_helpful")
    query = (
        select(votes.c.entry, helpful, not_helpful)
        .where(votes.c.updated_at >= since)
        .group_by(votes.c.entry)
        .order_by(not_helpful.desc(), helpful.desc(), votes.c.entry)
    )
    if team_id is not None:
        query = query.where(votes.c.team_id == team_id)
    return [
        EntryFeedback(entry=row.entry, helpful=int(row.helpful), not_helpful=int(row.not_helpful))
        for row in session.execute(query)
    ]


def least_helpful_answers(
    session: Session, *, since: datetime, team_id: str | None = None, limit: int = 10
) -> list[AnswerFeedback]:
    """The answers with the most "not helpful" votes since ``since``, with up to three notes
    of what was missing each."""
    count = func.count().label("not_helpful")
    query = (
        select(votes.c.answer_key, votes.c.question, votes.c.entry, count)
        .where(and_(votes.c.helpful.is_(False), votes.c.updated_at >= since))
        .group_by(votes.c.answer_key, votes.c.question, votes.c.entry)
        .order_by(count.desc(), votes.c.answer_key)
        .limit(limit)
    )
    if team_id is not None:
        query = query.where(votes.c.team_id == team_id)
    rows = session.execute(query).all()
    answers = []
    for row in rows:
        notes = select(votes.c.missing).where(
            and_(
                votes.c.answer_key == row.answer_key,
                votes.c.helpful.is_(False),
                votes.c.missing.is_not(None),
                votes.c.updated_at >= since,
            )
        )
        if team_id is not None:
            notes = notes.where(votes.c.team_id == team_id)
        missing: Sequence[str] = session.scalars(
            notes.order_by(votes.c.updated_at.desc()).limit(3)
        ).all()
        answers.append(
            AnswerFeedback(
                question=row.question,
                entry=row.entry,
                not_helpful=int(row.not_helpful),
                missing=tuple(missing),
            )
        )
    return answers


def prune_votes(session: Session, *, cutoff: datetime) -> int:
    """Forget votes last changed before ``cutoff``; returns how many."""
    result = session.execute(delete(votes).where(votes.c.updated_at < cutoff))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]
