"""What a person typed → a :class:`Query`: which command, and about what.

Parsing is forgiving: ``Centres  Diabetes``, ``centers diabetes`` and ``centres: diabetes`` are
the same query. Anything that is not a command is a lookup of the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.knowledge.text import normalize

__all__ = ["Command", "Query", "parse_query"]


class Command(StrEnum):
    HELP = "help"
    FIELDS = "fields"
    CENTRES = "centres"
    STATS = "stats"
    SEARCH = "search"
    LOOKUP = "lookup"


_KEYWORDS: dict[str, Command] = {
    "help": Command.HELP,
    "hjaelp": Command.HELP,
    "hjalp": Command.HELP,
    "commands": Command.HELP,
    "fields": Command.FIELDS,
    "areas": Command.FIELDS,
    "research areas": Command.FIELDS,
    "research fields": Command.FIELDS,
    "centres": Command.CENTRES,
    "centers": Command.CENTRES,
    "centre": Command.CENTRES,
    "center": Command.CENTRES,
    "stats": Command.STATS,
    "statistics": Command.STATS,
    "numbers": Command.STATS,
    "search": Command.SEARCH,
    "find": Command.SEARCH,
}
_TAKES_ARGUMENT = frozenset({Command.CENTRES, Command.SEARCH})
_LONGEST_KEYWORD = max(len(keyword.split()) for keyword in _KEYWORDS)


@dataclass(frozen=True)
class Query:
    """A parsed request. ``raw`` is the text as typed (trimmed), for echoing back."""

    command: Command
    argument: str
    raw: str


def parse_query(text: str) -> Query:
    """Split ``text`` into a command and its argument; never fails.

    Empty text and ``?`` ask for help. A command word followed by text it does not take
    (``stats cancer``) is a lookup of the whole text, so no words are silently dropped.
    """
    raw = " ".join(text.split())
    if raw in {"", "?"}:
        return Query(Command.HELP, "", raw)
    words = raw.split(" ")
    for size in range(min(_LONGEST_KEYWORD, len(words)), 0, -1):
        command = _KEYWORDS.get(normalize(" ".join(words[:size])))
        if command is None:
            continue
        argument = " ".join(words[size:]).lstrip(":").strip()
        if argument and command not in _TAKES_ARGUMENT:
            break
        if not argument and command is Command.SEARCH:
            break
        return Query(command, argument, raw)
    return Query(Command.LOOKUP, raw, raw)
