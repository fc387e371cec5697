"""Every answer reduces to a kind and its subjects, the shape an evaluation scores."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, outcome
from bot.knowledge import EntryRef, KnowledgeBase


@pytest.mark.parametrize(
    ("typed", "kind", "first"),
    [
        ("cancer", "card", EntryRef("field", "cancer")),
        ("LUDC", "card", EntryRef("centre", "ludc")),
        ("Medicon Valley", "card", EntryRef("cluster", "cluster")),
        ("fields", "list", EntryRef("field", "cancer")),
        ("help", "help", None),
    ],
)
def test_outcome_names_kind_and_first_subject(
    kb: KnowledgeBase, typed: str, kind: str, first: EntryRef | None
) -> None:
    result = outcome(answer_question(kb, typed))
    assert result.kind == kind
    assert (result.subjects[0] if result.subjects else None) == first


def test_search_outcome_lists_hits_best_first(kb: KnowledgeBase) -> None:
    result = outcome(answer_question(kb, "search epilepsy Lund"))
    assert result.kind == "search"
    assert result.subjects[0] == EntryRef("centre", "lund-epilepsy-center")
