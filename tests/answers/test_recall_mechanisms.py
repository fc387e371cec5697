"""How a question finds the statement that answers it (issue 17, statement recall): words are
matched however they are written (possessives, shortened names), and a sentence is one sentence
however the knowledge base abbreviates inside it."""

from __future__ import annotations

from bot.answers import answer_question, render
from bot.answers.records import DirectAnswer
from bot.knowledge import KnowledgeBase
from bot.knowledge.statements import split_sentences


def _said(kb: KnowledgeBase, text: str) -> str:
    return render(answer_question(kb, text)).text


def test_a_shortened_name_inside_a_sentence_does_not_end_it(kb: KnowledgeBase) -> None:
    assert split_sentences("It counts Chr. Hansen among them. Then it grew.") == [
        "It counts Chr. Hansen among them.",
        "Then it grew.",
    ]
    cut = [s.text for s in kb.statements.statements if s.text.endswith(" Chr.")]
    assert not cut


def test_a_possessive_is_read_as_the_name_it_follows(kb: KnowledgeBase) -> None:
    said = _said(kb, "which main tasks does SSI's institute have?")
    assert "newborns" in said  # "ssis" is said by nothing; "SSI" names the subject


def test_a_sentence_of_its_own_comes_before_a_founding_note_that_says_as_much(
    kb: KnowledgeBase,
) -> None:
    said = _said(kb, "what was approved for Steno Diabetes Center Zealand?")
    assert "DKK 835.4 million" in said  # the detail, not the note about its opening date
    assert "(founded)" not in said


def test_words_the_knowledge_base_never_uses_do_not_hide_the_sentence_that_says_the_rest(
    kb: KnowledgeBase,
) -> None:
    said = _said(kb, "what was Gubra's licence deal with AbbVie worth in total?")
    assert "USD 350 million" in said  # "deal" and "worth" are said of nothing about Gubra
    said = _said(kb, "how many residents did Bispebjerg Hospital serve as acute hospital?")
    assert "450,000" in said


def test_a_question_of_words_nothing_about_the_entry_says_is_still_not_recorded(
    kb: KnowledgeBase,
) -> None:
    answer = answer_question(kb, "what cafeteria does Novo Nordisk run for its pilots?")
    assert isinstance(answer, DirectAnswer)
    assert not answer.known


def test_a_question_about_the_cluster_is_answered_from_the_clusters_own_sentences(
    kb: KnowledgeBase,
) -> None:
    said = _said(
        kb,
        "what share of sector jobs in Denmark and Sweden did Medicon Valley's life-science"
        " workforce hold in 2015?",
    )
    assert "58%" in said


def test_one_word_said_otherwise_does_not_hide_a_sentence_found_in_the_whole_base(
    kb: KnowledgeBase,
) -> None:
    said = _said(kb, "which divisions does GN report in its 2024 annual report?")
    assert "Hearing, Enterprise" in said  # "report" is the one asked word the sentence lacks


def test_words_no_question_type_knows_find_the_named_entrys_sentence(kb: KnowledgeBase) -> None:
    said = _said(kb, "Zealand Pharma IPO date and stock ticker symbol")
    assert "ZEAL" in said
    assert "November 2010" in said
