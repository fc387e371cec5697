"""Recording what people ask, for every surface that answers questions (slash, DM, mention)."""

from __future__ import annotations

from bot.answers import Outcome
from bot.answers.feedback_blocks import AnsweredOn
from bot.services import Services
from bot.slack.views.replies import answered

__all__ = ["note_question"]


def note_question(
    services: Services, *, team_id: str, surface: AnsweredOn, question: str, said: Outcome
) -> None:
    """Count ``question`` in the question log as answered or not by a reply that ``said`` so
    (an unanswered one is kept for the editors). Help and small talk are not questions. In
    memory only: the log writes in batches, after the acknowledgement."""
    result = answered(said)
    if services.questions is not None and result is not None:
        services.questions.note(
            team_id=team_id, surface=surface, question=question, answered=result
        )
