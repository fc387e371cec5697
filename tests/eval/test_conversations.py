"""Follow-up questions as a test (issue 20): at least 0.90 of follow-up turns right, and no
fresh question bent by the context before it. ``python -m tests.eval.conversation_runner``
prints the score and every failing turn."""

from __future__ import annotations

import pytest

from bot.knowledge import KnowledgeBase
from tests.eval.conversation_runner import Score, load_dialogues, score

FOLLOW_UPS_RIGHT = 0.90
FRESH_BENT = 0
LEAST_DIALOGUES = 60


@pytest.fixture(scope="module")
def result(kb: KnowledgeBase) -> Score:
    return score(kb, load_dialogues())


def _failing(result: Score) -> str:
    return "\n  ".join(failure.describe() for failure in result.failures)


def test_the_set_is_large_enough_in_every_language() -> None:
    dialogues = load_dialogues()
    assert len(dialogues) >= LEAST_DIALOGUES
    assert len({dialogue.name for dialogue in dialogues}) == len(dialogues)
    for language in ("en", "da", "sv"):
        assert sum(dialogue.lang == language for dialogue in dialogues) >= 15, language


def test_follow_up_turns_are_answered_right(result: Score) -> None:
    assert result.follow_up_share >= FOLLOW_UPS_RIGHT, (
        f"follow-ups right {result.follow_up_share:.2f} < {FOLLOW_UPS_RIGHT}:\n  "
        + _failing(result)
    )


def test_no_fresh_question_is_bent_by_the_context(result: Score) -> None:
    bent = [failure.describe() for failure in result.failures if failure.bent]
    assert result.fresh_bent == FRESH_BENT, "\n  ".join(bent)


def test_first_turns_are_answered_as_typed(result: Score) -> None:
    assert result.first_right == result.dialogues, _failing(result)
