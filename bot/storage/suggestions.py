"""Suggested additions to the knowledge base, as people typed them (capped), without who.

Functions take a Session and commit their own writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.storage.tables import suggestions

__all__ = ["SuggestionRecord", "add_suggestion", "prune_suggestions", "recent_suggestions"]


@dataclass(frozen=True)
class SuggestionRecord:
    """One suggestion: what is missing, an optional source URL and note, and when."""

    text: str
    url: str | None
    note: str | None
    question: str | None
    created: datetime


def add_suggestion(
    session: Session,
    *,
    team_id: str,
    text: str,
    url: str | None,
    note: str | None,
    question: str | None,
    now: datetime,
) -> int:
    """Store a suggestion; returns its id."""
    result = session.execute(
        suggestions.insert()
        .values(team_id=team_id, text=text, url=url, note=note, question=question, created_at=now)
        .returning(suggestions.c.id)
    )
    suggestion_id = int(result.scalar_one())
    session.commit()
    return suggestion_id


def recent_suggestions(
    session: Session, *, since: datetime, team_id: str | None = None, limit: int = 50
) -> list[SuggestionRecord]:
    """Suggestions made since ``since``, newest first."""
    query = (
        select(suggestions)
        .where(suggestions.c.created_at >= since)
        .order_by(suggestions.c.created_at.desc(), suggestions.c.id.desc())
        .limit(limit)
    )
    if team_id is not None:
        query = query.where(suggestions.c.team_id == team_id)
    return [
        SuggestionRecord(
            text=row.text, url=row.url, note=row.note, question=row.question, created=row.created_at
        )
        for row in session.execute(query)
    ]


def prune_suggestions(session: Session, *, cutoff: datetime) -> int:
    """Forget suggestions made before ``cutoff``; returns how many."""
    result = session.execute(delete(suggestions).where(suggestions.c.created_at < cutoff))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]
