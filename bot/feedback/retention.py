"""Forgetting what people typed once ``MEDICON_QUESTION_RETENTION_DAYS`` have passed."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.storage import Database
from bot.storage.feedback import prune_votes
from bot.storage.questions import prune_questions
from bot.storage.suggestions import prune_suggestions

__all__ = ["prune_feedback"]


def prune_feedback(database: Database, *, retention_days: int, now: datetime) -> int:
    """Delete unanswered questions, day counts, votes and suggestions older than the retention;
    returns how many rows went."""
    cutoff = now - timedelta(days=retention_days)
    with database.sessions() as session:
        return (
            prune_questions(session, cutoff=cutoff)
            + prune_votes(session, cutoff=cutoff)
            + prune_suggestions(session, cutoff=cutoff)
        )
