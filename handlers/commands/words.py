"""How ``/medicon`` text is read to pick its handler: the first word, then the rest."""

from __future__ import annotations

from typing import Any, Final

from bot.answers.phrases import SLACK_ONLY_WORDS
from bot.text import clean_line

__all__ = ["SPOTLIGHT_WORDS", "split_command"]

SPOTLIGHT_WORDS: Final = SLACK_ONLY_WORDS
"""The spotlight sub-commands: the same words the offline console answers with "works in
Slack"."""


def split_command(command: dict[str, Any]) -> tuple[str, str]:
    """The first word of the command's text (case-folded) and what follows it."""
    word, _, rest = clean_line(command.get("text")).partition(" ")
    return word.casefold(), rest.strip()
