"""Danish and Swedish questions meet the knowledge base's English sentences through the
glossary (issue 17: statement recall in every language)."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, render
from bot.answers.records import DirectAnswer
from bot.answers.resolve.grounded import asked_words
from bot.answers.understand.glossary import glossary
from bot.answers.understand.understand import understand
from bot.knowledge import KnowledgeBase
from bot.knowledge.stems import stem
from bot.knowledge.text import STOP_WORDS, normalize


def test_the_glossary_ships_and_no_form_is_a_function_word() -> None:
    lexicon = glossary()
    assert len(lexicon.words) > 1_000
    for form in (*lexicon.words, *(" ".join(parts) for parts in lexicon.phrases)):
        assert len(form) >= 3, form
        assert form not in STOP_WORDS, form
        assert form == normalize(form), form


def test_a_danish_and_a_swedish_form_lead_to_the_english_word() -> None:
    lexicon = glossary()
    assert "founded" in lexicon.english("grundlagt")
    assert "founded" in lexicon.english("grundades")
    assert any("merged" in english for english in lexicon.phrases.values())


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("hvornår flyttede LINXS til Science Village?", "2025"),
        ("vem efterträdde Leif Groop som samordnare för LUDC?", "Maria Gomez"),
    ],
)
def test_a_danish_or_swedish_question_is_answered_from_an_english_sentence(
    kb: KnowledgeBase, question: str, fact: str
) -> None:
    answer = answer_question(kb, question)
    assert isinstance(answer, DirectAnswer)
    assert answer.known
    assert fact in render(answer).text


def test_an_english_question_is_not_read_through_the_glossary(kb: KnowledgeBase) -> None:
    """ "fire" is Danish for four; in an English question it stays a fire."""
    english = asked_words(
        kb, understand(kb, "when was the fire at Rigshospitalet?"), about_entry=True
    )
    danish = asked_words(kb, understand(kb, "hvornår var der fire hospitaler?"), about_entry=False)
    assert all(stem("four") not in word.stems for word in english.values())
    assert any(stem("four") in word.stems for word in danish.values())
