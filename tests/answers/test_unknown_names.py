"""A name the knowledge base lacks is declined as unknown even when it holds a field word,
while field questions keep their lists and real names (and their typos) keep resolving."""

from __future__ import annotations

import pytest

from bot.answers import Intent, answer_question, outcome, understand
from bot.knowledge import KnowledgeBase


@pytest.mark.parametrize(
    "typed",
    [
        "MD Anderson Cancer Center",
        "Joslin Diabetes Center",
        "Allen Institute for Brain Science",
        "Dana-Farber Cancer Institute",
        "where is Barbara Davis Diabetes Center?",
        "who leads Joslin Diabetes Center?",
        "hvor ligger Barbara Davis Diabetes Center?",
        "hvem leder Aarhus Kræftcenter Institut?",
        "var ligger Göteborg Cancer Centrum?",
        "vem leder Sahlgrenska Diabetes Center?",
    ],
)
def test_an_unknown_institution_is_not_answered_with_its_field(
    kb: KnowledgeBase, typed: str
) -> None:
    question = understand(kb, typed)
    assert (question.intent, question.reason) == (Intent.UNKNOWN, "not-in-kb")
    assert outcome(answer_question(kb, typed)).kind == "declined"


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("which cancer centres are in Lund?", "cancer"),
        ("Which Cancer Centres are in Lund?", "cancer"),
        ("diabetes centres in Sweden", "diabetes"),
        ("kræftcentre i København", "cancer"),
        ("hvilke Diabetes Centre er der i Danmark?", "diabetes"),
        ("vilka Cancer Center finns i Lund?", "cancer"),
        ("which Stem Cell Centres are in Lund?", "stem-cells"),
    ],
)
def test_field_questions_keep_their_lists(kb: KnowledgeBase, typed: str, field: str) -> None:
    question = understand(kb, typed)
    assert question.intent is Intent.LIST
    assert [ref.id for ref in question.field_refs] == [field]


@pytest.mark.parametrize(
    ("typed", "centre"),
    [
        ("Lund Stem Cell Center", "lund-stem-cell-center"),
        ("Lund Stem Cel Centre", "lund-stem-cell-center"),
        ("where is Lund Stem Cel Centre?", "lund-stem-cell-center"),
        ("Lund University Diabetes Center", "ludc"),
        ("hvor ligger Wallenberg Neuroscience Center?", "wnc"),
        ("vem leder Wallenberg Neurosience Centre?", "wnc"),
        ("who leads Walenberg Neuroscience Centre?", "wnc"),
        ("hvor ligger Lund Stem Cel Centre?", "lund-stem-cell-center"),
    ],
)
def test_real_names_and_their_typos_still_resolve(
    kb: KnowledgeBase, typed: str, centre: str
) -> None:
    question = understand(kb, typed)
    assert question.intent is not Intent.UNKNOWN
    assert question.subject is not None
    assert question.subject.id == centre
