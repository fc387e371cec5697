"""One turn of a conversation: the question read against the context, answered, and the
context the conversation is in afterwards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answers import Answer, Question, resolve_question, resolve_text
from bot.conversation.context import Context, context_after
from bot.conversation.follow_up import Assumption, follow_up
from bot.knowledge import KnowledgeBase

__all__ = ["Turn", "take_turn"]


@dataclass(frozen=True)
class Turn:
    """The answer to one message, what was assumed for it (None: nothing) and the context to
    keep for the next (None: nothing worth keeping)."""

    question: Question
    answer: Answer
    assumed: Assumption | None
    context: Context | None


def take_turn(
    kb: KnowledgeBase, text: str, context: Context | None, *, today: date | None = None
) -> Turn:
    """Answer ``text`` in ``context``. A question read as typed is answered by the usual
    pipeline (the same answer as without a conversation); a follow-up by its rebuilt question."""
    step = follow_up(kb, text, context, today=today)
    if step.assumed is None:
        answer = resolve_text(kb, text, today=today)
    else:
        answer = resolve_question(kb, step.question)
    after = context_after(step.question, answer, previous=context)
    return Turn(step.question, answer, step.assumed, after)
