"""Answers grounded in what the knowledge base says (issue 17): the statement that covers the
question, quoted with its own source; "not recorded" when none does; never a different fact."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, outcome, render
from bot.answers.kinds import DirectAnswer, SideBySideAnswer
from bot.knowledge import EntryRef, KnowledgeBase
from bot.knowledge.statements import content_stems


def _said(kb: KnowledgeBase, text: str) -> str:
    return render(answer_question(kb, text)).text


def test_every_sentence_of_the_knowledge_base_is_a_searchable_statement(
    kb: KnowledgeBase,
) -> None:
    statements = kb.statements.statements
    for centre in kb.centres.values():
        for detail in centre.details:
            assert any(detail.text.startswith(s.text) for s in statements if s.ref.id == centre.id)
    hits = kb.statements.search(content_stems("user operation"), about=[EntryRef("centre", "ess")])
    assert hits
    assert "2027" in hits[0].statement.text


@pytest.mark.parametrize(
    ("question", "subject", "fact"),
    [
        ("when will ESS start user operation", "ess", "2027"),
        (
            "when did BGI Europe open its genome centre in Copenhagen",
            "sino-danish-bcrc",
            "10 February 2012",
        ),
        ("who first described LADA", "ludc", "Leif Groop"),
        ("when did MVA start its microbiome network", "medicon-valley-alliance", "2018"),
    ],
)
def test_a_fact_that_lives_in_prose_is_answered_with_the_sentence_that_says_it(
    kb: KnowledgeBase, question: str, subject: str, fact: str
) -> None:
    answer = answer_question(kb, question)
    assert isinstance(answer, DirectAnswer)
    assert answer.known
    assert outcome(answer).subjects[0] == EntryRef("centre", subject)
    assert fact in answer.lead.text


@pytest.mark.parametrize(
    ("question", "subject"),
    [("who is the director of BRIC?", "bric"), ("who leads BII?", "bii")],
)
def test_the_answer_cites_the_statements_own_source(
    kb: KnowledgeBase, question: str, subject: str
) -> None:
    answer = answer_question(kb, question)
    assert isinstance(answer, DirectAnswer)
    quoted = [
        s
        for s in kb.statements.about(EntryRef("centre", subject))
        if s.text in answer.lead.text and s.source
    ]
    assert quoted
    assert answer.lead.source is kb.sources[quoted[0].source or ""]


@pytest.mark.parametrize(
    "question",
    ["BRICS summit 2024", "how do I get a CPR number in Denmark", "what time is it?"],
)
def test_one_shared_word_does_not_take_over_a_question(kb: KnowledgeBase, question: str) -> None:
    assert outcome(answer_question(kb, question)).kind == "declined"


@pytest.mark.parametrize(
    "question", ["when did CBMR win the world cup of curling?", "when did CBMR go curling?"]
)
def test_a_question_the_entry_cannot_settle_says_so_instead_of_answering_another(
    kb: KnowledgeBase, question: str
) -> None:
    answer = answer_question(kb, question)
    assert outcome(answer).kind == "declined"
    assert "founded" not in render(answer).text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        ("BRIC vs CBMR", "bric", "cbmr"),
        ("MAX IV vs ESS – what's the difference", "max-iv", "ess"),
        ("which is older, CBMR or LUDC?", "cbmr", "ludc"),
    ],
)
def test_a_comparison_keeps_every_name(
    kb: KnowledgeBase, question: str, first: str, second: str
) -> None:
    answer = answer_question(kb, question)
    assert isinstance(answer, SideBySideAnswer)
    found = outcome(answer)
    assert found.kind == "compare"
    assert {EntryRef("centre", first), EntryRef("centre", second)} <= set(found.subjects)


def test_which_is_older_is_answered_from_the_founding_years(kb: KnowledgeBase) -> None:
    older, newer = sorted(
        (c for c in kb.centres.values() if c.founded and c.kind.value == "centre"),
        key=lambda c: c.founded or 0,
    )[:2]
    answer = answer_question(kb, f"which is older, {newer.name} or {older.name}?")
    assert outcome(answer).subjects[0] == EntryRef("centre", older.id)
    assert str(older.founded) in render(answer).text


def test_the_question_at_the_end_of_a_long_message_is_answered(kb: KnowledgeBase) -> None:
    message = (
        "Hi! We are a small team from a start-up and we are planning a trip next spring to "
        "visit some research facilities; we heard a lot about the neutron source they are "
        "building and would love to see it. Thanks for the help last time. Where is the "
        "European Spallation Source actually located?"
    )
    answer = answer_question(kb, message)
    assert outcome(answer).subjects[0] == EntryRef("centre", "ess")
    assert "Lund" in render(answer).text


def test_centres_in_copenhagen_include_its_suburbs_and_no_university_or_company(
    kb: KnowledgeBase,
) -> None:
    found = outcome(answer_question(kb, "which centres work on diabetes in Copenhagen?"))
    listed = {ref.id for ref in found.subjects}
    assert "steno-diabetes-center-copenhagen" in listed  # in Herlev since 2021
    kinds = {kb.centres[i].kind.value for i in listed}
    assert not kinds & {"university", "company", "funder", "organisation"}
