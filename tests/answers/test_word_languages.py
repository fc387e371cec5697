"""A question without marker words in the language of its Danish or Swedish words (issue 19);
names and English words leave it to the person's choice, else English."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.render.reply import reply_to
from bot.answers.understand.word_languages import (
    name_language,
    name_words,
    nordic_language_of_words,
    word_language,
)
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


@pytest.mark.parametrize(
    ("word", "language"),
    [
        ("metabolismesygdom", "da"),  # no list knows it: it is a kind of sygdom
        ("metabolismsjukdom", "sv"),
        ("mikrobiomcentret", "nordic"),  # centret: both languages write it
        ("leddegigt", "da"),  # the glossary says so
        ("ledgångsreumatism", "sv"),
        ("tarmflora", "nordic"),  # the glossary lists it under both
        ("hej", "nordic"),  # equally common in both
        ("stamcelleforskning", "da"),  # stamcell|e is no Swedish word
        ("stamcellsforskning", "sv"),
        ("metabolismecentre", None),  # a centre is English
    ],
)
def test_a_word_no_list_knows_takes_the_language_of_the_known_word_it_ends_in(
    word: str, language: str | None
) -> None:
    found = word_language(word)
    assert (found[0] if found else None) == language


@pytest.mark.parametrize(
    ("name", "country", "language"),
    [
        ("Rigshospitalet", "DK", "da"),
        ("Epilepsicentrum Lund", "SE", "sv"),  # epilepsicentrum is Danish too: the country says
        ("Wallenberg Centre for Molecular Medicine", "SE", None),  # English words: English
        ("hjerneforskning", None, "da"),  # a field's alias: by its own words
        ("tarmflora", None, None),
    ],
)
def test_a_name_is_danish_or_swedish_by_its_words_and_its_entrys_country(
    name: str, country: str | None, language: str | None
) -> None:
    assert name_language(name, country) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Rigshospitalet", "da"),  # a Danish hospital's Danish name, nothing else speaking
        ("Epilepsicentrum Lund", "sv"),
        ("Rigshopsitalet", "da"),  # a typo takes the language of the name it is corrected to
        ("Epilepsicentrumm i Lund", "sv"),
        ("sukkersyg", "da"),
        ("stamcellsforskninng", "sv"),
        ("diabetis", "en"),  # the English diabetes
        ("tarmflora", "en"),  # both languages' word, no choice made: English
        ("mikrobiomforskning", "en"),
        ("Øresund", "da"),  # its letters are marks of Danish
        ("var ligger LUDC?", "sv"),  # ligger is both languages': "var ligger" is Swedish
        ("hvor ligger LUDC?", "da"),
        ("ligger LUDC i Lund?", "en"),  # nothing but words both write
    ],
)
def test_a_query_without_marker_words_is_answered_by_its_words_or_its_name(
    kb: KnowledgeBase, text: str, language: str
) -> None:
    assert reply_to(kb, text).language == language


@pytest.mark.parametrize("chosen", ["da", "sv"])
def test_words_both_languages_write_alike_are_answered_in_the_person_choice(
    kb: KnowledgeBase, chosen: str
) -> None:
    assert reply_to(kb, "tarmflora", otherwise=chosen).language == chosen
    assert reply_to(kb, "Rigshospitalet", otherwise=chosen).language == chosen  # a name: theirs


def test_a_run_of_letters_longer_than_any_word_is_no_word_and_answers_at_once() -> None:
    started = time.perf_counter()
    assert nordic_language_of_words("ludc " + "x" * 3000) is None
    assert nordic_language_of_words("sukkersyge" * 5) is None
    assert time.perf_counter() - started < 0.5


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gets_an_answer_or_none(text: str) -> None:
    assert nordic_language_of_words(text) in (None, "da", "sv")
