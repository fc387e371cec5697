"""Word stems shared by the question and the knowledge base, in English, Danish and Swedish.

Snowball stemmers (PyStemmer) are applied to normalised words (``kræft`` → ``kraeft``), so the
same folding happens on both sides. One word gets one key: the shortest of its three stems, so
``stamceller`` (Danish), ``stamcellerna`` (Swedish) and ``stem cells`` meet their aliases however
they are inflected.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import Stemmer  # type: ignore[import-not-found]

__all__ = ["stem", "stem_phrase"]

_STEMMERS = tuple(Stemmer.Stemmer(language) for language in ("english", "danish", "swedish"))
_LOCK = threading.Lock()
"""Snowball stemmer objects keep state between calls: web workers answer on several threads."""


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """The key of a normalised ``word``: ``"companies"`` → ``"compani"``."""
    if len(word) <= 3 or word.isdigit():
        return word
    with _LOCK:
        stems = [str(stemmer.stemWord(word)) for stemmer in _STEMMERS]
    return min(stems, key=lambda candidate: (len(candidate), candidate))


def stem_phrase(words: tuple[str, ...] | list[str]) -> str:
    """The keys of several normalised words, space-separated."""
    return " ".join(stem(word) for word in words)
