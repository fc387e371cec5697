"""The editors' summary: what went unanswered, which answers did not help, what was suggested.

One read of the database shared by ``medicon-bot report`` and the editors' App Home section.
It holds no user ids: none are stored beside questions, votes or suggestions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.storage.feedback import (
    AnswerFeedback,
    EntryFeedback,
    entry_feedback,
    least_helpful_answers,
)
from bot.storage.questions import UnansweredQuestion, daily_counts, top_unanswered
from bot.storage.suggestions import SuggestionRecord, recent_suggestions

__all__ = ["DayTotals", "Summary", "summarise", "week_totals"]


@dataclass(frozen=True)
class Summary:
    """Everything an editor reviews, for one period (and one workspace, or all)."""

    since: datetime
    unanswered: tuple[UnansweredQuestion, ...]
    feedback: tuple[EntryFeedback, ...]
    least_helpful: tuple[AnswerFeedback, ...]
    suggestions: tuple[SuggestionRecord, ...]

    def as_json(self) -> dict[str, Any]:
        """The report's ``--json`` shape (times as ISO 8601 UTC)."""
        return {
            "unanswered": [
                {
                    "text": q.text,
                    "count": q.count,
                    "first_seen": q.first_seen.isoformat(),
                    "last_seen": q.last_seen.isoformat(),
                }
                for q in self.unanswered
            ],
            "feedback": [
                {"entry": f.entry, "helpful": f.helpful, "not_helpful": f.not_helpful}
                for f in self.feedback
            ],
            "suggestions": [
                {"text": s.text, "url": s.url, "note": s.note, "created": s.created.isoformat()}
                for s in self.suggestions
            ],
        }


def summarise(
    session: Session, *, since: datetime, team_id: str | None = None, limit: int = 20
) -> Summary:
    """The summary of everything since ``since``, each list at most ``limit`` long (entries'
    helpful rates are all listed)."""
    return Summary(
        since=since,
        unanswered=tuple(top_unanswered(session, since=since, team_id=team_id, limit=limit)),
        feedback=tuple(entry_feedback(session, since=since, team_id=team_id)),
        least_helpful=tuple(
            least_helpful_answers(session, since=since, team_id=team_id, limit=limit)
        ),
        suggestions=tuple(recent_suggestions(session, since=since, team_id=team_id, limit=limit)),
    )


@dataclass(frozen=True)
class DayTotals:
    day: date
    answered: int
    unanswered: int


def week_totals(session: Session, *, team_id: str | None, today: date) -> list[DayTotals]:
    """The last seven UTC days up to ``today``, oldest first, zeros where nothing was asked."""
    first = today - timedelta(days=6)
    counts = daily_counts(session, team_id=team_id, first_day=first, last_day=today)
    return [
        DayTotals(day, *counts.get(day, (0, 0)))
        for day in (first + timedelta(days=offset) for offset in range(7))
    ]
