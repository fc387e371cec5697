"""The words that make a question lean on the one before it, in English, Danish and Swedish.

All in the knowledge base's normal form (lower case, no diacritics: ``sägs`` → ``sags``).
A pronoun points back to an entry ("who leads *it*?"); a continuation opens a question that
only swaps something ("*and in* Sweden?", "*hvad med* CBMR?").
"""

from __future__ import annotations

from typing import Final

__all__ = ["continuation", "is_pointer", "points_back"]

_PRONOUNS: Final = frozenset(
    {"it", "its", "they", "them", "their", "theirs", "there", "thereof"}
    | {"dens", "dets", "dem", "deres", "dess", "deras"}
)
"""Pronouns that point back wherever they stand."""

_ARTICLE_LIKE: Final = frozenset({"den", "det", "de"})
"""Danish and Swedish pronouns that are also articles ("det største center"): cues only in a
question that names no kind of entry of its own."""

_EXPLETIVE_BEFORE: Final = {
    "there": frozenset({"is", "are", "was", "were", "be"}),
    "det": frozenset({"finns", "fanns", "gives", "gavs"}),
}
""""how many are *there*", "hur många finns *det*": no pointing back at all."""

_CONTINUATIONS: Final = tuple(
    tuple(phrase.split())
    for phrase in (
        "and what about",
        "and how about",
        "what about",
        "how about",
        "and in",
        "and for",
        "and",
        "also",
        "og hvad med",
        "og hvad sa med",
        "hvad sa med",
        "hvad med",
        "og i",
        "og for",
        "og",
        "och vad sags om",
        "vad sags om",
        "hur ar det med",
        "hur ar det i",
        "och i",
        "och for",
        "och",
        "samma for",
        "same for",
    )
)
"""Longest first, so the longest opening phrase is the one removed."""


def is_pointer(word: str) -> bool:
    """A word that only points back ("dess"): never an unknown word of the question itself."""
    return word in _PRONOUNS or word in _ARTICLE_LIKE


def points_back(words: list[str], *, names_a_kind: bool) -> bool:
    """True when ``words`` hold a pronoun that refers to something said before."""
    for position, word in enumerate(words):
        before = words[position - 1] if position else ""
        if before in _EXPLETIVE_BEFORE.get(word, frozenset()):
            continue
        if word in _PRONOUNS or (word in _ARTICLE_LIKE and not names_a_kind):
            return True
    return False


def continuation(words: list[str]) -> tuple[str, ...] | None:
    """The words after an opening such as "and in" or "hvad med"; None when there is none.
    The preposition of "and in" stays with the rest ("in Sweden"), which reads as a filter."""
    for phrase in _CONTINUATIONS:
        if tuple(words[: len(phrase)]) == phrase and len(words) > len(phrase) - 1:
            keep = 1 if phrase[-1] in {"in", "i", "for"} else 0
            rest = tuple(words[len(phrase) - keep :])
            if rest:
                return rest
    return None
