"""Text normalisation shared by the index and the query parser.

People type ``Kræft``, ``kraeft``, ``KRAFT``, ``hjärna`` or ``Parkinson's``; every one of them must
meet the knowledge base's spelling, so both sides go through :func:`normalize`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["STOP_WORDS", "normalize", "tokens"]

# Letters that Unicode does not decompose into base letter + accent.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l"})
_JOINERS = re.compile(r"['’`´.]")
"""Removed outright rather than spaced: ``Parkinson's`` → ``parkinsons``, ``L.U.D.C`` → ``ludc``."""
_NON_WORD = re.compile(r"[^0-9a-z]+")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "about",
        "any",
        "at",
        "by",
        "can",
        "do",
        "does",
        "doing",
        "for",
        "from",
        "give",
        "has",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "please",
        "research",
        "researchers",
        "show",
        "tell",
        "the",
        "their",
        "there",
        "this",
        "to",
        "what",
        "whats",
        "where",
        "which",
        "who",
        "whom",
        "with",
        "working",
        "works",
        "you",
        "your",
        "og",
        "i",
        "af",
        "en",
        "et",
        "der",
        "hvem",
        "hvad",
        "hvor",
        "med",
        "til",
        "om",
        "forskning",
        "forsker",
        "och",
        "av",
        "en",
        "ett",
        "som",
        "vem",
        "vad",
        "var",
        "med",
        "till",
        "om",
        "forskar",
    ]
)
"""Words that carry no topic: English, Danish and Swedish question words and fillers."""


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text with single spaces.

    ``"Kræft!"`` → ``"kraeft"``; ``"Parkinson's"`` → ``"parkinsons"``;
    ``"L.U.D.C."`` → ``"ludc"``; ``"Skåne"`` → ``"skane"``.
    """
    if text.isascii():
        stripped = text.lower()
    else:
        folded = text.casefold().translate(_FOLD)
        decomposed = unicodedata.normalize("NFKD", folded)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = _JOINERS.sub("", stripped)
    return _NON_WORD.sub(" ", stripped).strip()


def tokens(text: str, *, drop_stop_words: bool = False) -> list[str]:
    """The normalised words of ``text``, optionally without stop words."""
    words = normalize(text).split()
    if drop_stop_words:
        return [word for word in words if word not in STOP_WORDS]
    return words
