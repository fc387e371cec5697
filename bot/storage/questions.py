"""Unanswered questions and per-day question counts, written in batches.

An unanswered question is kept once per (workspace, surface, reason, normalised text) with how
often and when it was first and last seen; a day count is two numbers per workspace and UTC
day. Neither holds a user id. Functions take a Session and commit their own writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import question_days as days
from bot.storage.tables import unanswered_questions as unanswered

__all__ = [
    "DayCount",
    "Sighting",
    "UnansweredQuestion",
    "daily_counts",
    "prune_questions",
    "record_sightings",
    "top_unanswered",
]


@dataclass(frozen=True)
class Sighting:
    """``count`` sightings of one unanswered question, between ``first_seen`` and ``last_seen``.

    ``reason`` is ``declined`` (the bot said it does not know) or ``not_helpful`` (a vote).
    """

    team_id: str
    surface: str
    reason: str
    question: str
    count: int
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class DayCount:
    """Questions answered and not answered in a workspace on one UTC day."""

    team_id: str
    day: date
    answered: int
    unanswered: int


@dataclass(frozen=True)
class UnansweredQuestion:
    """A question summed over surfaces and reasons, for the report."""

    text: str
    count: int
    first_seen: datetime
    last_seen: datetime


def record_sightings(
    session: Session, *, sightings: Sequence[Sighting], counts: Sequence[DayCount]
) -> None:
    """Add ``sightings`` and ``counts`` in one transaction (at most one of each key per call).

    Each is one INSERT … ON CONFLICT DO UPDATE that adds to what is stored, so workers and
    processes writing at once never lose a count.
    """
    if sightings:
        values = insert_for(session, unanswered).values(
            [
                {
                    "team_id": s.team_id,
                    "surface": s.surface,
                    "reason": s.reason,
                    "question": s.question,
                    "count": s.count,
                    "first_seen": s.first_seen,
                    "last_seen": s.last_seen,
                }
                for s in sightings
            ]
        )
        session.execute(
            values.on_conflict_do_update(
                index_elements=[
                    unanswered.c.team_id,
                    unanswered.c.surface,
                    unanswered.c.reason,
                    unanswered.c.question,
                ],
                set_={
                    "count": unanswered.c.count + values.excluded.count,
                    "last_seen": values.excluded.last_seen,
                },
            )
        )
    if counts:
        day_values = insert_for(session, days).values(
            [
                {
                    "team_id": c.team_id,
                    "day": c.day.isoformat(),
                    "answered": c.answered,
                    "unanswered": c.unanswered,
                }
                for c in counts
            ]
        )
        session.execute(
            day_values.on_conflict_do_update(
                index_elements=[days.c.team_id, days.c.day],
                set_={
                    "answered": days.c.answered + day_values.excluded.answered,
                    "unanswered": days.c.unanswered + day_values.excluded.unanswered,
                },
            )
        )
    session.commit()


def top_unanswered(
    session: Session, *, since: datetime, team_id: str | None = None, limit: int = 20
) -> list[UnansweredQuestion]:
    """The questions seen unanswered since ``since``, most often first."""
    total = func.sum(unanswered.c.count).label("total")
    query = (
        select(
            unanswered.c.question,
            total,
            func.min(unanswered.c.first_seen).label("first_seen"),
            func.max(unanswered.c.last_seen).label("last_seen"),
        )
        .where(unanswered.c.last_seen >= since)
        .group_by(unanswered.c.question)
        .order_by(total.desc(), unanswered.c.question)
        .limit(limit)
    )
    if team_id is not None:
        query = query.where(unanswered.c.team_id == team_id)
    return [
        UnansweredQuestion(
            text=row.question,
            count=int(row.total),
            first_seen=row.first_seen,
            last_seen=row.last_seen,
        )
        for row in session.execute(query)
    ]


def daily_counts(
    session: Session, *, team_id: str | None, first_day: date, last_day: date
) -> dict[date, tuple[int, int]]:
    """(answered, unanswered) per day from ``first_day`` to ``last_day`` that has any."""
    query = (
        select(
            days.c.day,
            func.sum(days.c.answered).label("answered"),
            func.sum(days.c.unanswered).label("unanswered"),
        )
        .where(days.c.day >= first_day.isoformat(), days.c.day <= last_day.isoformat())
        .group_by(days.c.day)
    )
    if team_id is not None:
        query = query.where(days.c.team_id == team_id)
    return {
        date.fromisoformat(row.day): (int(row.answered), int(row.unanswered))
        for row in session.execute(query)
    }


def prune_questions(session: Session, *, cutoff: datetime) -> int:
    """Forget unanswered questions last seen before ``cutoff`` and day counts older than it."""
    removed = session.execute(delete(unanswered).where(unanswered.c.last_seen < cutoff))
    old_days = session.execute(delete(days).where(days.c.day < cutoff.date().isoformat()))
    session.commit()
    return int(removed.rowcount) + int(old_days.rowcount)  # type: ignore[attr-defined]
