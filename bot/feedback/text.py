"""What is kept of what people typed: cleaned, normalised, capped, and never tied to a user id."""

from __future__ import annotations

import hashlib
from typing import Final

from bot.text import clean_line

__all__ = [
    "NOTE_LIMIT",
    "QUESTION_LIMIT",
    "URL_LIMIT",
    "answer_key",
    "cap",
    "normalise_question",
    "voter_id",
]

QUESTION_LIMIT: Final = 300
NOTE_LIMIT: Final = 500
URL_LIMIT: Final = 500
_KEY_LIMIT: Final = 255


def cap(text: str, limit: int) -> str:
    """``text`` cleaned (:func:`bot.text.clean_line`: no control characters, whitespace
    collapsed), cut to ``limit`` characters: storable on any database, whatever was typed."""
    return clean_line(text, limit=limit)


def normalise_question(text: str) -> str:
    """How a question is remembered: cleaned, case-folded, single spaces, at most 300 characters.

    Two people typing ``Who  does CRISPR?`` and ``who does crispr?`` count as one question.
    """
    return cap(text.casefold(), QUESTION_LIMIT)


def answer_key(*, entry: str | None, question: str) -> str:
    """What identifies an answer for voting: its entry (if any) and the normalised question."""
    return f"{entry or '-'}|{normalise_question(question)}"[:_KEY_LIMIT]


def voter_id(*, team_id: str, user_id: str) -> str:
    """A one-way stand-in for a person, so each keeps one vote per answer without the database
    holding their Slack user id."""
    return hashlib.sha256(f"medicon-vote:{team_id}:{user_id}".encode()).hexdigest()
