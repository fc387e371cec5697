"""The question inside a longer message.

People write to a colleague: a line of context, a thank-you, then the question, often last
("…we are visiting Lund next week. Where is the European Spallation Source actually located?").
Understanding the whole message lets the context's words take over; this finds the sentence that
asks, and carries the entry the message is about into it when the question only says "it".
"""

from __future__ import annotations

import re

from bot.knowledge.text import normalize

__all__ = ["LONG_MESSAGE", "question_sentences"]

LONG_MESSAGE = 140
"""Characters above which a message is read sentence by sentence."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ASKING = frozenset(
    {"who", "whom", "whose", "what", "whats", "which", "when", "where", "why", "how", "is"}
    | {"are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "has"}
    | {"have", "hvem", "hvad", "hvilke", "hvilken", "hvilket", "hvornar", "hvor", "hvordan"}
    | {"hvorfor", "er", "har", "kan", "vem", "vad", "vilka", "vilken", "vilket", "nar", "var"}
    | {"hur", "varfor", "ar", "finns"}
)
"""Words a question starts with, in English, Danish and Swedish (normalised)."""


def question_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that ask something, last first; the whole text when it is
    short or asks nothing recognisable."""
    if len(text) <= LONG_MESSAGE:
        return [text]
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    asking = [s for s in sentences if s.endswith("?") or _starts_asking(s)]
    return list(reversed(asking)) or [text]


def _starts_asking(sentence: str) -> bool:
    words = normalize(sentence).split()
    return bool(words) and words[0] in _ASKING
