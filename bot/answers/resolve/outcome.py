"""What an answer amounts to, in a form an evaluation can score: its kind and its subjects.

Kept apart from rendering so that a benchmark can ask "did the bot answer directly, and about
the right entry?" without parsing Block Kit.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import singledispatch
from typing import Literal

from bot.answers.records import (
    ChatAnswer,
    CompareAnswer,
    DirectAnswer,
    FilteredListAnswer,
    OutsideAnswer,
    SideBySideAnswer,
)
from bot.answers.resolve.resolve import (
    CentreAnswer,
    CentreListAnswer,
    ClusterAnswer,
    Entry,
    FieldAnswer,
    FieldListAnswer,
    HelpAnswer,
    NoMatchAnswer,
    SearchAnswer,
    StatsAnswer,
)
from bot.knowledge import Centre, EntryRef, ResearchField

__all__ = ["Outcome", "OutcomeKind", "outcome", "ref_of"]

OutcomeKind = Literal[
    "direct", "card", "list", "compare", "search", "declined", "outside", "help", "chat"
]

_CLUSTER = EntryRef("cluster", "cluster")


@dataclass(frozen=True)
class Outcome:
    """``kind`` of reply and the entries it is about, best first (empty when about none)."""

    kind: OutcomeKind
    subjects: tuple[EntryRef, ...] = ()


def ref_of(entry: Entry) -> EntryRef:
    """The index pointer for any entry."""
    if isinstance(entry, ResearchField):
        return EntryRef("field", entry.id)
    if isinstance(entry, Centre):
        return EntryRef("centre", entry.id)
    return _CLUSTER


@singledispatch
def outcome(answer: object) -> Outcome:
    """The kind and subjects of ``answer``."""
    raise TypeError(f"no outcome for {type(answer).__name__}")


@outcome.register
def _(answer: FieldAnswer) -> Outcome:
    return Outcome("card", (ref_of(answer.field),))


@outcome.register
def _(answer: CentreAnswer) -> Outcome:
    return Outcome("card", (ref_of(answer.centre),))


@outcome.register
def _(answer: ClusterAnswer) -> Outcome:
    return Outcome("card", (_CLUSTER,))


@outcome.register
def _(answer: FieldListAnswer) -> Outcome:
    return Outcome("list", tuple(ref_of(f) for f, _ in answer.fields))


@outcome.register
def _(answer: CentreListAnswer) -> Outcome:
    return Outcome("list", tuple(ref_of(c) for c in answer.centres))


@outcome.register
def _(answer: StatsAnswer) -> Outcome:
    return Outcome("list", (_CLUSTER, *(ref_of(f) for f in answer.fields)))


@outcome.register
def _(answer: SearchAnswer) -> Outcome:
    return Outcome("search", answer.hits)


@outcome.register
def _(answer: HelpAnswer) -> Outcome:
    return Outcome("help")


@outcome.register
def _(answer: NoMatchAnswer) -> Outcome:
    return Outcome("declined")


@outcome.register
def _(answer: DirectAnswer) -> Outcome:
    subjects = (ref_of(answer.subject), *(ref_of(entry) for entry in answer.related))
    return Outcome("direct" if answer.known else "declined", subjects)


@outcome.register
def _(answer: FilteredListAnswer) -> Outcome:
    kind: OutcomeKind = "direct" if answer.counted else "list"
    return Outcome(kind, tuple(ref_of(centre) for centre in answer.centres))


@outcome.register
def _(answer: CompareAnswer) -> Outcome:
    return Outcome("direct", tuple(ref_of(entry) for entry, _, _ in answer.ranking))


@outcome.register
def _(answer: SideBySideAnswer) -> Outcome:
    return Outcome("compare", tuple(ref_of(entry) for entry in answer.entries))


@outcome.register
def _(answer: OutsideAnswer) -> Outcome:
    return Outcome("outside")


@outcome.register
def _(answer: ChatAnswer) -> Outcome:
    return Outcome("chat")
