"""The command word a message may start with (``centres diabetes``, ``search x``, ``help``) and
the words after it: the first thing understanding reads. A command is an :class:`Intent` like
any other question, so nothing downstream converts between the two.

Parsing is forgiving: ``Centres  Diabetes``, ``centers diabetes`` and ``centres: diabetes`` are
the same command. Anything that is not a command is a lookup of the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.understand.question import Intent
from bot.knowledge.text import normalize

__all__ = ["CommandLine", "parse_command"]

_KEYWORDS: dict[str, Intent] = {
    "help": Intent.HELP,
    "hjaelp": Intent.HELP,
    "hjalp": Intent.HELP,
    "commands": Intent.HELP,
    "fields": Intent.FIELDS,
    "areas": Intent.FIELDS,
    "research areas": Intent.FIELDS,
    "research fields": Intent.FIELDS,
    "centres": Intent.CENTRES,
    "centers": Intent.CENTRES,
    "centre": Intent.CENTRES,
    "center": Intent.CENTRES,
    "stats": Intent.STATS,
    "statistics": Intent.STATS,
    "numbers": Intent.STATS,
    "search": Intent.SEARCH,
    "find": Intent.SEARCH,
}
_TAKES_ARGUMENT = frozenset({Intent.CENTRES, Intent.SEARCH})
_LONGEST_KEYWORD = max(len(keyword.split()) for keyword in _KEYWORDS)


@dataclass(frozen=True)
class CommandLine:
    """A command and its argument. ``raw`` is the text as typed (trimmed), for echoing back;
    ``command`` is :attr:`Intent.LOOKUP` when the text starts with no command word."""

    command: Intent
    argument: str
    raw: str


def parse_command(text: str) -> CommandLine:
    """Split ``text`` into a command and its argument; never fails.

    Empty text and ``?`` ask for help. A command word followed by text it does not take
    (``stats cancer``) is a lookup of the whole text, so no words are silently dropped.
    """
    raw = " ".join(text.split())
    if raw in {"", "?"}:
        return CommandLine(Intent.HELP, "", raw)
    words = raw.split(" ")
    for size in range(min(_LONGEST_KEYWORD, len(words)), 0, -1):
        command = _KEYWORDS.get(normalize(" ".join(words[:size])))
        if command is None:
            continue
        argument = " ".join(words[size:]).lstrip(":").strip()
        if argument and command not in _TAKES_ARGUMENT:
            break
        if not argument and command is Intent.SEARCH:
            break
        return CommandLine(command, argument, raw)
    return CommandLine(Intent.LOOKUP, raw, raw)
