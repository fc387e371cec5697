"""The result of understanding: a :class:`Question` — what is asked (:class:`Intent`), about
which entries, narrowed by which :class:`Filters`, in which language. Resolving reads nothing
else, and a conversation rebuilds a follow-up as one of these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from bot.answers.understand.reading import Language
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import CentreKind, EntryRef, Status

__all__ = ["Filters", "Intent", "Question"]


class Intent(StrEnum):
    HELP = "help"
    FIELDS = "fields"
    CENTRES = "centres"
    STATS = "stats"
    SEARCH = "search"
    LOOKUP = "lookup"
    """A name, abbreviation or topic on its own: the entry's card."""
    ABOUT = "about"
    """"tell me about X": the card too."""
    COUNT = "count"
    WHERE = "where"
    WHO = "who"
    WHEN = "when"
    STATUS = "status"
    WHAT = "what"
    LIST = "list"
    COMPARE = "compare"
    GREETING = "greeting"
    THANKS = "thanks"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"
    """Nothing here fits: out of domain, garbage, or a name the knowledge base lacks."""


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed to. ``kind_named`` is true when a kind word was typed at all
    (``centres`` names no particular kind but still asks for centres)."""

    field: str | None = None
    city: str | None = None
    country: str | None = None
    kind: CentreKind | None = None
    kind_named: bool = False
    status: Status | None = None

    @property
    def narrows(self) -> bool:
        """True when anything but a generic kind word narrows the list."""
        return any(
            value is not None
            for value in (self.field, self.city, self.country, self.kind, self.status)
        )


@dataclass(frozen=True)
class Question:
    """A parsed question. ``raw`` is the text as typed (whitespace collapsed), for echoing."""

    intent: Intent
    raw: str
    language: Language = "en"
    entities: tuple[EntryRef, ...] = ()
    filters: Filters = field(default_factory=Filters)
    role: Signal | None = None
    """For ``who``: host, lead, founder or funder; for ``when``: founded or ended."""
    concepts: tuple[str, ...] = ()
    """Stems of the words that say what is counted: ``compani``, ``compound``."""
    topic: tuple[str, ...] = ()
    """Known content words no step above explained (normalised)."""
    unknown: tuple[str, ...] = ()
    """Words the knowledge base and the vocabulary have never seen."""
    closest_to: str | None = None
    """Set when the entity was found through a typo: what was typed."""
    argument: str = ""
    """The words after ``search`` or ``centres``."""
    signals: frozenset[Signal] = frozenset()
    """What the question words asked (``how many``, ``who``…); empty for a bare name."""
    least: bool = False
    """For comparisons: the fewest or smallest rather than the most."""
    parts_of: str | None = None
    """For lists: the id of the centre whose parts are asked for ("what is part of X?")."""
    outside: str | None = None
    """The id of a place outside Medicon Valley that the question names."""
    reason: str = "unknown"
    """For ``unknown``: ``garbage``, ``out-of-domain``, ``not-in-kb`` or ``unknown``."""
    one_by_one: tuple[str, ...] = ()
    """When it asks the same of two or three entries named side by side ("when were Ideon and
    Medeon founded?"): the question asked of each alone ("when were ideon founded", …)."""
    asked_on: date = field(default_factory=date.today, compare=False)
    """The day it was asked: a status answer is right on both sides of a dated change."""

    @property
    def subject(self) -> EntryRef | None:
        """What the question is about: a centre or the cluster before a field."""
        for ref in self.entities:
            if ref.kind != "field":
                return ref
        return self.entities[0] if self.entities else None

    @property
    def field_refs(self) -> tuple[EntryRef, ...]:
        return tuple(ref for ref in self.entities if ref.kind == "field")
