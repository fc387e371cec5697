"""The word tables are written the way normalize() leaves text, or they could never match."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from bot.answers.understand import vocabulary as vocab
from bot.knowledge.text import normalize

TABLES: dict[str, Iterable[str]] = {
    "SIGNAL_PHRASES": vocab.SIGNAL_PHRASES,
    "GREETINGS": vocab.GREETINGS,
    "THANKS": vocab.THANKS,
    "CAPABILITY_PHRASES": vocab.CAPABILITY_PHRASES,
    "FILLER": vocab.FILLER,
    "CONNECTORS": vocab.CONNECTORS,
    "SYNONYMS": vocab.SYNONYMS,
    "SYNONYM_TARGETS": vocab.SYNONYMS.values(),
    "CONCEPTS": vocab.CONCEPTS,
    "KIND_WORDS": vocab.KIND_WORDS,
    "STATUS_WORDS": vocab.STATUS_WORDS,
    "COUNTRIES": vocab.COUNTRIES,
    "PLACE_EXONYMS": vocab.PLACE_EXONYMS,
    "FIELD_WORDS": vocab.FIELD_WORDS,
    "OUT_OF_DOMAIN": vocab.OUT_OF_DOMAIN,
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_phrase_is_already_normalised(name: str) -> None:
    wrong = [phrase for phrase in TABLES[name] if normalize(phrase) != phrase]
    assert wrong == [], f"{name}: {wrong}"


def test_out_of_domain_words_are_not_question_words() -> None:
    assert not set(vocab.OUT_OF_DOMAIN) & set(vocab.SIGNAL_PHRASES)
