"""A question without marker words in the language of its Danish or Swedish words (issue 19);
names and English words leave it to the person's choice, else English."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.render.reply import reply_to
from bot.answers.understand.word_languages import name_words, nordic_language_of_words
from bot.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(default_data_dir())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("sukkersyge", "da"),
        ("skizofreni", "da"),
        ("hjerneforskning", "da"),  # a compound: hjerne + forskning
        ("fetma", "sv"),
        ("cancerforskning", "sv"),
        ("god morgon", "sv"),
        ("Parkinsons sjukdom", "sv"),
        ("BRIC", None),  # an abbreviation is a name
        ("ESS", None),
        ("Lund", None),  # English writes it too
        ("obesity", None),
        ("stem cells", None),
        ("Medicon Village", None),
    ],
)
def test_words_english_does_not_use_say_danish_or_swedish(text: str, language: str | None) -> None:
    assert nordic_language_of_words(text) == language


def test_the_words_of_entries_names_are_no_language() -> None:
    names = name_words(["Steno Diabetes Center Copenhagen", "Wallenberg Neuroscience Center"])
    assert nordic_language_of_words("steno copenhagen", names=names) is None
    assert nordic_language_of_words("Wallenberg", names=names) is None
    assert nordic_language_of_words("Wallenberg") == "sv"


def test_a_bare_danish_word_is_answered_in_danish_unless_the_person_chose(
    kb: KnowledgeBase,
) -> None:
    assert reply_to(kb, "sukkersyge").language == "da"
    assert reply_to(kb, "sukkersyge", otherwise="sv").language == "sv"
    assert reply_to(kb, "what is sukkersyge?").language == "en"  # its markers decide
    assert reply_to(kb, "BRIC").language == "en"
    assert reply_to(kb, "BRIC", otherwise="da").language == "da"


def test_a_run_of_letters_longer_than_any_word_is_no_word_and_answers_at_once() -> None:
    started = time.perf_counter()
    assert nordic_language_of_words("ludc " + "x" * 3000) is None
    assert nordic_language_of_words("sukkersyge" * 5) is None
    assert time.perf_counter() - started < 0.5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_an_answer_or_none(text: str) -> None:
    assert nordic_language_of_words(text) in (None, "da", "sv")
