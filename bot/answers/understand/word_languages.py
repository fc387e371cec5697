"""The language of words that no marker names: ``sukkersyge``, ``fetma``, ``hjerneforskning``.

A question of one or two words (a field, a disease, a hospital's own name) has no question word
to tell Danish from Swedish or English. Here each word is looked up in the glossary (the
knowledge base's own words in each language) and in wordfreq's frequency lists of the three
languages (a compound through its parts: ``hjerne`` + ``forskning``; a word no list knows by the
known word it ends in: ``metabolisme|centret``). A word counts towards Danish or Swedish only
when English hardly uses it at all, so English words and the names English speakers type
(``Lund``, ``Copenhagen``, ``ESS``) stay unmarked; a word both write alike (``hej``,
``tarmflora``) says "one of the two" and leaves the choice to the rest of the message, else to
the person, else English. This is the weakest evidence there is: it is used only after the
question's marker words and the person's choice. :func:`name_language` tells in which language
an entry's name is written, for a question that is nothing but that name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Final, Literal

from wordfreq import zipf_frequency

from bot.answers.understand.glossary import glossary
from bot.knowledge.text import normalize

__all__ = ["name_language", "name_words", "nordic_language_of_words", "word_language"]

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
_SHORTEST_ENDING: Final = 5
"""The shortest known ending that gives an unknown word its language (``metabolisme|centret``):
shorter ones are chance (``dia|betis``)."""
"""A compound's parts are words of four letters or more (``dia|betis`` is no compound)."""
_LINKS: Final = {"en": "", "da": "se", "sv": "s"}
"""Each language's linking letters: ``stamcell|s|forskning``, ``metabolism|e|centret`` (an
``e`` joins Danish compounds only: ``stamcell|e`` is no Swedish word)."""
_SHARED_WITHIN: Final = 0.5
"""Zipf difference under which Danish and Swedish use a word alike (``hej``, ``astma``): such a
word says "Danish or Swedish" and leaves the choice between them to the rest of the message."""
_WORD = re.compile(r"[^\W\d_]+")

WordLanguage = Literal["da", "sv", "nordic"]
"""What a word says: Danish, Swedish, or one of the two (a word both write alike)."""


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
        rest = _frequencies(tail, parts - 1)
        for number, language in enumerate(_LANGUAGES):
            heads = [head]
            if head[-1] in _LINKS[language] and len(head) > _SHORTEST_PART:
                heads.append(head[:-1])
            first = max(_zipf(part, language) for part in heads)
            best[number] = max(best[number], min(first, rest[number]))
    return (best[0], best[1], best[2])


def _listed(word: str) -> WordLanguage | None:
    """What the glossary (the knowledge base's own words in Danish and Swedish) says of
    ``word``: ``leddegigt`` is Danish, ``tarmflora`` both."""
    said = glossary().languages.get(normalize(word), frozenset())
    if len(said) == 1:
        return "da" if "da" in said else "sv"
    return "nordic" if said else None


def _known(word: str) -> tuple[WordLanguage, float] | Literal[False] | None:
    """What ``word`` as a whole (or as a compound of known words) says: a language and how
    strongly; None when English uses it; False when no list knows it."""
    english, danish, swedish = _frequencies(word)
    if english >= _UNUSED_IN_ENGLISH:
        return None  # English uses it (``center``, ``centre``), whatever else does too
    listed = _listed(word)
    if listed is not None:
        return listed, 1.0 + _CLEARLY_MORE
    strongest = max(danish, swedish)
    if max(english, strongest) == 0:
        return False
    if english >= _UNUSED_IN_ENGLISH or strongest - english < _CLEARLY_MORE:
        return None
    if abs(danish - swedish) < _SHARED_WITHIN:
        return "nordic", 0.0
    return ("da" if danish > swedish else "sv"), 1.0 + strongest - min(danish, swedish)


@cache
def word_language(word: str) -> tuple[WordLanguage, float] | None:
    """The language ``word`` belongs to and how strongly, or None when it is English, shared
    with English, or unknown. A word no list knows takes the language of the longest known
    word it ends in (``ledde|gigt``, ``metabolisme|centret``): a compound's last part is the
    word it is a kind of."""
    if not _SHORTEST <= len(word) <= _LONGEST:
        return None
    if word.endswith("s") and _zipf(word[:-1], "en") >= _UNUSED_IN_ENGLISH:
        return None  # an English word's possessive or plural without its apostrophe
    known = _known(word)
    if known is not False:
        return known or None
    for cut in range(_SHORTEST, len(word) - _SHORTEST_ENDING + 1):
        ending = _known(word[cut:])
        if ending is not False:
            return ending or None
    return None


def _word_vote(word: str) -> tuple[Literal["da", "sv"], float] | None:
    """The Nordic language ``word`` alone says, or None (a word both write says neither)."""
    said = word_language(word)
    if said is None or said[0] == "nordic":
        return None
    return ("da" if said[0] == "da" else "sv"), said[1]


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


_COUNTRY_LANGUAGES: Final[dict[str, Literal["da", "sv"]]] = {"DK": "da", "SE": "sv"}


@cache
def name_language(spelling: str, country: str | None = None) -> Literal["da", "sv"] | None:
    """The language an entry's name or alias is written in, when it is Danish or Swedish:
    words of it English does not use and none English does (``Rigshospitalet``,
    ``Epilepsicentrum Lund``, not ``Wallenberg Centre for Molecular Medicine``). Which of the
    two is said by the entry's ``country`` (``DK``, ``SE``), else by the words themselves."""
    said: list[WordLanguage] = []
    for token in _WORD.findall(spelling):
        word = token.casefold()
        if (len(token) > 1 and token.isupper()) or len(word) < _SHORTEST:
            continue
        found = word_language(word)
        if found is not None:
            said.append(found[0])
        elif _zipf(word, "en") >= max(_zipf(word, "da"), _zipf(word, "sv"), _UNUSED_IN_ENGLISH):
            return None  # an English word: the name is English (or mixed)
    if not said:
        return None
    by_country = _COUNTRY_LANGUAGES.get(country or "")
    if by_country is not None:
        return by_country
    danish, swedish = said.count("da"), said.count("sv")
    if danish == swedish:
        return None  # words both languages write: the name is Danish and Swedish alike
    return "da" if danish > swedish else "sv"
