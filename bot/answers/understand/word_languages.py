"""The language of words that no marker names: ``sukkersyge``, ``fetma``, ``hjerneforskning``.

A question of one or two words (a field, a disease, a hospital's own name) has no question word
to tell Danish from Swedish or English. Here each word is looked up in wordfreq's frequency
lists of the three languages (a compound through its two parts: ``hjerne`` + ``forskning``), and
a word counts towards Danish or Swedish only when English hardly uses it at all, so English
words and the names English speakers type (``Lund``, ``Copenhagen``, ``ESS``) stay unmarked and
the person's own choice, else English, decides. This is the weakest evidence there is: it is
used only after the question's marker words and the person's choice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Final, Literal

from wordfreq import zipf_frequency

__all__ = ["name_words", "nordic_language_of_words"]

_LANGUAGES: Final = ("en", "da", "sv")
_WORDLIST: Final = "small"
"""The list every one of the three languages has (Danish has no larger one)."""
_UNUSED_IN_ENGLISH: Final = 1.5
"""Zipf frequency under which English hardly uses a word (about once in 30 million words)."""
_CLEARLY_MORE: Final = 1.0
"""How much more common (Zipf, a factor of ten) a word must be in Danish or Swedish."""
_SHORTEST: Final = 3
_LONGEST: Final = 40
"""Longer than any word people write (``stamcelleforskningscentret`` has 26 letters): a run of
letters like that is no word, and reading it as a compound would cost time for nothing."""
_SHORTEST_PART: Final = 4
"""A compound's parts are words of four letters or more (``dia|betis`` is no compound)."""
_LINKS: Final = "se"
"""A compound's linking letter: ``stamcell|s|forskning``, ``metabolism|e|centret``."""
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _zipf(word: str, language: str) -> float:
    return zipf_frequency(word, language, wordlist=_WORDLIST)


_PARTS: Final = 3
"""A compound of up to three words: ``stam|cell|s|forskning``."""


@cache
def _frequencies(word: str, parts: int = _PARTS) -> tuple[float, float, float]:
    """Each language's Zipf frequency of ``word`` (en, da, sv); an unknown word is read as a
    compound of up to ``parts`` known words, the rarest part counting."""
    found = tuple(_zipf(word, language) for language in _LANGUAGES)
    if max(found) > 0 or parts < 2:
        return (found[0], found[1], found[2])
    best = [0.0, 0.0, 0.0]
    for cut in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1):
        head, tail = word[:cut], word[cut:]
        heads = [head]
        if head[-1] in _LINKS and len(head) > _SHORTEST_PART:
            heads.append(head[:-1])
        rest = _frequencies(tail, parts - 1)
        for number, language in enumerate(_LANGUAGES):
            first = max(_zipf(part, language) for part in heads)
            best[number] = max(best[number], min(first, rest[number]))
    return (best[0], best[1], best[2])


@cache
def _word_vote(word: str) -> tuple[Literal["da", "sv"], float] | None:
    """The Nordic language ``word`` belongs to and how strongly, or None when it is English,
    shared with English, or unknown."""
    if not _SHORTEST <= len(word) <= _LONGEST:
        return None
    if word.endswith("s") and _zipf(word[:-1], "en") >= _UNUSED_IN_ENGLISH:
        return None  # an English word's possessive or plural without its apostrophe
    english, danish, swedish = _frequencies(word)
    nordic: Literal["da", "sv"] = "da" if danish >= swedish else "sv"
    strongest = max(danish, swedish)
    if english >= _UNUSED_IN_ENGLISH or strongest - english < _CLEARLY_MORE:
        return None
    return nordic, 1.0 + strongest - min(danish, swedish)


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The words of entries' own names (``steno``, ``wallenberg``, ``rigshospitalet``): a
    name is said the same in every language, so it says nothing about the asker's."""
    return frozenset(token.casefold() for name in names for token in _WORD.findall(name))


def nordic_language_of_words(
    text: str, *, names: frozenset[str] = frozenset()
) -> Literal["da", "sv"] | None:
    """Danish or Swedish when words of ``text`` that English does not use say so; None
    otherwise. Abbreviations (``ESS``, ``BRIC``) and the words of ``names`` (see
    :func:`name_words`) are names, not words, and are left out."""
    votes = {"da": 0.0, "sv": 0.0}
    for token in _WORD.findall(text):
        if (len(token) > 1 and token.isupper()) or token.casefold() in names:
            continue
        vote = _word_vote(token.casefold())
        if vote is not None:
            votes[vote[0]] += vote[1]
    if max(votes.values()) == 0:
        return None
    return "da" if votes["da"] >= votes["sv"] else "sv"
