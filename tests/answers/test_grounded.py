"""Answers grounded in what the knowledge base says (issue 17): the statement that covers the
question, quoted with its own source; "not recorded" when none does; never a different fact."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, outcome, render
from bot.answers.records import DirectAnswer, NoMatchAnswer, SideBySideAnswer
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


def test_a_sentence_is_about_every_entry_it_names(kb: KnowledgeBase) -> None:
    """A sentence in one record that names another entry is found as being about it too."""
    names = {
        EntryRef("centre", centre.id): centre.name
        for centre in kb.centres.values()
        if " " in centre.name
    }
    every_spelling = [
        spelling
        for centre in kb.centres.values()
        for spelling in (centre.name, centre.short_name, *centre.aliases)
        if spelling
    ]
    checked = 0
    for statement in kb.statements.statements:
        text = statement.text.replace("'s ", " ").replace("’s ", " ")  # Lund University's
        said = [spelling for spelling in every_spelling if spelling in text]
        for ref, name in names.items():
            # "Lund University" inside "Lund University Diabetes Centre" names the centre
            inside_another = any(name in other and name != other for other in said)
            if ref != statement.ref and name in said and not inside_another:
                assert ref in statement.about, (statement.text, ref)
                checked += 1
    assert checked > 50


def test_an_ordinary_word_does_not_make_a_sentence_about_an_entry(kb: KnowledgeBase) -> None:
    """One-word names count only as written with a capital: "create" is not CREATE Health."""
    create_health = EntryRef("centre", "create-health")
    for statement in kb.statements.statements:
        if " create " in f" {statement.text} " and "CREATE" not in statement.text:
            assert create_health not in statement.about[1:], statement.text


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("when did the Novo Nordisk Foundation set up the BioInnovation Institute?", "2017"),
        ("how much of H. Lundbeck does the Lundbeck Foundation own?", "70%"),
    ],
)
def test_a_question_about_two_entries_is_answered_with_what_links_them(
    kb: KnowledgeBase, question: str, fact: str
) -> None:
    """The second entry is part of the question: a template about the first alone (its own
    founding year, its staff) does not answer it."""
    answer = answer_question(kb, question)
    assert isinstance(answer, DirectAnswer)
    assert answer.known
    assert fact in answer.lead.text


def test_the_entry_a_question_places_its_subject_in_is_not_asked_about(
    kb: KnowledgeBase,
) -> None:
    """ "The Phase 1 Unit at Rigshospitalet" only says which unit: its own summary answers."""
    answer = answer_question(kb, "what does the Phase 1 Unit at Rigshospitalet do?")
    assert isinstance(answer, DirectAnswer)
    assert outcome(answer).subjects[0] == EntryRef("centre", "rigshospitalet-phase-1-unit")
    assert "trials" in render(answer).text


@pytest.mark.parametrize(
    "question", ["how many employees does Tesla have?", "how many people does Tesla employ?"]
)
def test_a_cluster_figure_does_not_answer_a_question_about_something_else_named(
    kb: KnowledgeBase, question: str
) -> None:
    """ "Tesla" is a word the knowledge base uses (scanner strengths), not an entry: the
    cluster's head-count is not the answer to a question about it."""
    answer = answer_question(kb, question)
    assert not (isinstance(answer, DirectAnswer) and answer.known), render(answer).text


@pytest.mark.parametrize(
    ("question", "facts"),
    [
        ("who has been the CEO of BII, and since when?", ("Jens Nielsen", "2019")),
        ("who is BRIC's director, and since when?", ("Anders H. Lund", "2019")),
    ],
)
def test_a_two_part_question_is_answered_with_a_sentence_that_says_both(
    kb: KnowledgeBase, question: str, facts: tuple[str, ...]
) -> None:
    """ "Who … and since when" wants a person and a year: not the founding year alone."""
    text = render(answer_question(kb, question)).text
    for fact in facts:
        assert fact in text


def test_a_question_word_inside_a_clause_does_not_make_a_second_question(
    kb: KnowledgeBase,
) -> None:
    """ "How many … when it was sold" asks for a number; "hvor stor" is a size, not a place."""
    from bot.answers.resolve.grounded import wanted_kinds
    from bot.answers.understand.understand import understand

    sold = understand(kb, "how many employees did Symphogen have when Servier bought it?")
    assert wanted_kinds(sold) == {"number"}
    prize = understand(kb, "hvad er The Brain Prize, og hvor stor er den?")
    assert "place" not in wanted_kinds(prize)
    assert "number" in wanted_kinds(prize)


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("ESS's approved investment cost?", "1.84bn"),
        ("what did Denmark agree to pay for ESS's initial costs?", "12.5%"),
    ],
)
def test_a_question_in_words_no_question_type_knows_finds_the_entrys_sentence(
    kb: KnowledgeBase, question: str, fact: str
) -> None:
    answer = answer_question(kb, question)
    assert isinstance(answer, DirectAnswer)
    assert fact in answer.lead.text


@pytest.mark.parametrize(
    "question", ["Novo Nordisk share price today", "what's the stock price of Novo Nordisk"]
)
def test_one_shared_word_about_a_named_entry_is_not_an_answer(
    kb: KnowledgeBase, question: str
) -> None:
    """ "share price" shares "share" with a listing sentence: it is not what was asked."""
    answer = answer_question(kb, question)
    assert not (isinstance(answer, DirectAnswer) and answer.known), render(answer).text


def test_a_cluster_figure_does_not_answer_a_question_it_shares_one_word_with(
    kb: KnowledgeBase,
) -> None:
    """ "people" alone does not make "how many people cross the bridge each day?" a question
    about how many people live in the region."""
    answer = answer_question(kb, "how many people cross the bridge each day?")
    assert not (isinstance(answer, DirectAnswer) and answer.known), render(answer).text


def test_a_word_read_as_a_field_is_covered_by_its_own_form_not_the_fields(
    kb: KnowledgeBase,
) -> None:
    """ "insulin" is read as diabetes; neither a sentence saying "invented" and "diabetes" but
    not insulin nor the list of diabetes organisations answers "who invented insulin?": it is
    declined, with the field offered as related, not as the answer."""
    answer = answer_question(kb, "who invented insulin?")
    assert outcome(answer).kind == "declined"
    assert isinstance(answer, NoMatchAnswer)
    assert [entry.name for entry in answer.related] == ["Diabetes and metabolic disease"]
