"""The one normalisation of typed text, and the escaping for terminals and logs, over arbitrary
Unicode (lone surrogates included: a JSON body can carry ``"\\ud800"``)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.text import LINE_LIMIT, clean_line, clean_lines, escape_controls, is_unsafe

_ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=1_500)
_CONTROL_HEAVY = st.text(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from("\x00\x1b\x9b\u202e\u2066\r\n\t\ud800"),
    ),
    max_size=1_500,
)
_BOUNDED = settings(max_examples=100, deadline=None)


def _dropped(character: str) -> bool:
    return unicodedata.category(character) in {"Cc", "Cs"} or character in (
        "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )


@_BOUNDED
@given(text=_CONTROL_HEAVY, limit=st.integers(min_value=1, max_value=LINE_LIMIT))
def test_a_cleaned_line_has_no_control_character_and_fits(text: str, limit: int) -> None:
    cleaned = clean_line(text, limit=limit)
    assert len(cleaned) <= limit
    assert not any(_dropped(character) for character in cleaned)
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    cleaned.encode("utf-8")  # no lone surrogate left
    assert clean_line(cleaned, limit=limit) == cleaned


@_BOUNDED
@given(text=_CONTROL_HEAVY, limit=st.integers(min_value=1, max_value=2_000))
def test_cleaned_lines_keep_newlines_and_tabs_only(text: str, limit: int) -> None:
    cleaned = clean_lines(text, limit=limit)
    assert len(cleaned) <= limit
    assert not any(_dropped(character) and character not in "\n\t" for character in cleaned)
    cleaned.encode("utf-8")
    assert clean_lines(cleaned, limit=limit) == cleaned


@_BOUNDED
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Z"))))
def test_words_without_controls_come_through_unchanged(text: str) -> None:
    words = " ".join(text.split())[:LINE_LIMIT].rstrip()
    assert clean_line(text) == words


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("who\x00 does\tcrispr?", "who does crispr?"),
        ("cancer\nLund", "cancer Lund"),
        ("\u202eLUDC\u202c", "LUDC"),
        ("\x1b[2J\x1b]0;owned\x07LUDC", "[2J]0;ownedLUDC"),
        ("\ud800LUDC", "LUDC"),
        (None, ""),
        (42, ""),
    ],
)
def test_a_line_is_cleaned_as_typed_text(typed: object, cleaned: str) -> None:
    assert clean_line(typed) == cleaned


def test_a_note_keeps_its_lines() -> None:
    assert clean_lines("first\r\nsecond\rthird\x00\n\tindented ", limit=100) == (
        "first\nsecond\nthird\n\tindented"
    )


@_BOUNDED
@given(text=_ANY_TEXT)
def test_escaped_text_has_nothing_a_terminal_obeys(text: str) -> None:
    escaped = escape_controls(text)
    assert not any(is_unsafe(character) for character in escaped)
    escaped.encode("utf-8")


def test_escapes_are_written_as_python_writes_them() -> None:
    assert escape_controls("a\x1b[2J\x9b\u202e\n\U000e0001é") == (
        "a\\x1b[2J\\x9b\\u202e\\n\\U000e0001é"
    )
    assert escape_controls("two\nlines", keep="\n") == "two\nlines"
    assert escape_controls("👨\u200d👩\u200d👧 Malmö") == "👨\u200d👩\u200d👧 Malmö"
