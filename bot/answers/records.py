"""The answers a question can get besides a card: a direct answer, a filtered list, a ranking,
a place outside the cluster, a greeting. Plain frozen records: building them is pure, rendering
them is :mod:`bot.answers.render.render`'s job."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge import (
    Centre,
    Cluster,
    ResearchField,
    Source,
    Stat,
)
from bot.knowledge.models import OutsidePlace

__all__ = [
    "ChatAnswer",
    "CompareAnswer",
    "DirectAnswer",
    "Entry",
    "Fact",
    "FilteredListAnswer",
    "OutsideAnswer",
]

Entry = ResearchField | Centre | Cluster


@dataclass(frozen=True)
class Fact:
    """One sentence (plain text, escaped when rendered) and the source that says it."""

    text: str
    source: Source | None = None


@dataclass(frozen=True)
class DirectAnswer:
    """A one-sentence answer about ``subject``, with the card one click away.

    ``known`` is False when the knowledge base does not hold the asked fact: the sentence then
    says so, and what it does know.
    """

    subject: Entry
    lead: Fact
    also: tuple[Fact, ...] = ()
    caveat: str | None = None
    related: tuple[Entry, ...] = ()
    known: bool = True
    closest_to: str | None = None


@dataclass(frozen=True)
class FilteredListAnswer:
    """Centres narrowed by field, place, country, kind or status, best match first.

    ``counted`` means the question asked how many: the answer leads with the number.
    """

    centres: tuple[Centre, ...]
    description: str
    field: ResearchField | None = None
    counted: bool = False
    total: int = 0
    """How many centres pass the filters; ``centres`` holds the best of them."""
    closest_to: str | None = None


@dataclass(frozen=True)
class CompareAnswer:
    """Entries ranked by one kind of figure: ``(entry, value text, stat or None)``, best first."""

    ranking: tuple[tuple[Entry, str, Stat | None], ...]
    lead: Fact
    least: bool = False


@dataclass(frozen=True)
class SideBySideAnswer:
    """Two or three entries compared: ``rows`` of (what, one value per entry), and a lead that
    answers what was asked when the facts settle it."""

    entries: tuple[Entry, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    lead: Fact


@dataclass(frozen=True)
class OutsideAnswer:
    place: OutsidePlace
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ChatAnswer:
    """A greeting or a thank-you, answered briefly in kind."""

    kind: str
    language: str
