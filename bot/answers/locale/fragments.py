"""English pieces that answer modules write inline (``f"as of {year}"``, ``"the most"``) into
the arguments of a phrase, each a message id of its own.

They are recognised by shape in the arguments that code composes (never in what a source
says) and said again in the reader's language. Moving them into :mod:`bot.answers.phrases`
as ``Phrase`` constants makes them ordinary composed text; until then this keeps them
translated."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Final

from bot.answers.locale.lazy import Phrase

__all__ = ["CODE_ARGUMENTS", "FRAGMENTS", "fragment_rules"]

AS_OF: Final = Phrase("as of {year}")
UNDATED: Final = Phrase("undated")
LAST_REVIEWED: Final = Phrase("last reviewed {day}")
IN_THE_KB: Final = Phrase(" in the knowledge base")
NAME_IN_YEAR: Final = Phrase("{name} in {year}")
FOUNDED_YEAR: Final = Phrase("founded {year}")
THE_MOST: Final = Phrase("the most")
THE_FEWEST: Final = Phrase("the fewest")
THE_OLDEST: Final = Phrase("the oldest")
THE_NEWEST: Final = Phrase("the newest")
IN_PLACE: Final = Phrase(" in {place}")
MORE_THAN: Final = Phrase("more than {number}")
OVER: Final = Phrase("over {number}")
ABOUT: Final = Phrase("about {number}")
COUNT_CENTRES: Final = Phrase("{number} centres")

_DATED = (LAST_REVIEWED, AS_OF, UNDATED)
_VALUES = (MORE_THAN, OVER, ABOUT)
FRAGMENTS: Final[Mapping[str, tuple[Phrase, ...]]] = {
    "when": (*_DATED, IN_THE_KB),
    "year": _DATED,
    "most": (THE_MOST, THE_FEWEST),
    "oldest": (THE_OLDEST, THE_NEWEST),
    "others": (NAME_IN_YEAR, *_DATED, *_VALUES),
    "value": (*_VALUES, COUNT_CENTRES, FOUNDED_YEAR),
    "scope": (IN_PLACE,),
    "day": (),
}
"""Which fragments each code-composed argument may hold, in the order they are tried (a
``day`` holds none: it is an ISO day, written out in the language)."""
CODE_ARGUMENTS: Final = frozenset(FRAGMENTS) | {"count"}
"""Arguments composed by code (numbers, years, the words above); every other argument is a
name or a sourced text and is said as written."""

_SLOTS: Final = {
    "year": r"\d{4}",
    "day": r"\d{4}-\d{2}-\d{2}",
    "number": r"[\d.,]+",
    "name": r"[^;()]+?",
    "place": r".+",
}

Rule = tuple[re.Pattern[str], Phrase]


@cache
def fragment_rules(argument: str) -> tuple[Rule, ...]:
    """(pattern, phrase) for each fragment the argument may hold; the pattern's named groups
    are the phrase's placeholders."""
    return tuple((_pattern(phrase), phrase) for phrase in FRAGMENTS.get(argument, ()))


def _pattern(phrase: Phrase) -> re.Pattern[str]:
    pieces = re.split(r"\{(\w+)\}", str(phrase))
    regex = "".join(
        f"(?P<{piece}>{_SLOTS[piece]})" if odd else re.escape(piece)
        for odd, piece in ((i % 2 == 1, p) for i, p in enumerate(pieces))
    )
    return re.compile(rf"(?<!\w){regex}(?!\w)")


def translate_fragments(
    text: str, argument: str, say: Callable[[Phrase, dict[str, str]], str]
) -> str:
    """``text`` with every fragment it may hold said through ``say(phrase, groups)``."""
    for pattern, phrase in fragment_rules(argument):
        text = pattern.sub(_sayer(phrase, say), text)
    return text


def _sayer(
    phrase: Phrase, say: Callable[[Phrase, dict[str, str]], str]
) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return say(phrase, match.groupdict())

    return replace
