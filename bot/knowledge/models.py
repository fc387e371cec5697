"""Frozen records of the knowledge base, validated by pydantic.

The YAML files under ``data/`` map one-to-one onto these models; ``extra="forbid"`` means a
misspelt key is an error rather than a silently ignored fact.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

__all__ = [
    "RESEARCH_KINDS",
    "Centre",
    "CentreKind",
    "Change",
    "Cluster",
    "OutsidePlace",
    "ResearchField",
    "Source",
    "Stat",
    "Statement",
    "Status",
]

_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

EntryId = Annotated[str, StringConstraints(pattern=_ID_PATTERN, min_length=1, max_length=64)]
"""A stable, lower-case, hyphenated id: ``ludc``, ``create-health``."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A non-empty string; whitespace-only counts as missing."""

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=140)]
"""A display name: short enough for a Slack header (150) with room to spare."""

Year = Annotated[int, Field(ge=1400, le=2100)]
"""A four-digit year: when a figure, a person's role or a status applied."""


def _single_line(value: str) -> str:
    if "\n" in value:
        raise ValueError("must be a single line")
    return value


Alias = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
    AfterValidator(_single_line),
]


class _Record(BaseModel):
    model_config = ConfigDict(
        frozen=True, extra="forbid", str_strip_whitespace=True, use_attribute_docstrings=True
    )


class Status(StrEnum):
    """Whether an entry is current; anything but ``active`` is said in every answer."""

    ACTIVE = "active"
    ENDED = "ended"
    RENAMED = "renamed"
    UNCERTAIN = "uncertain"


class CentreKind(StrEnum):
    CENTRE = "centre"
    UNIT = "unit"
    PROGRAMME = "programme"
    DEPARTMENT = "department"
    HOSPITAL = "hospital"
    RESEARCH_GROUP = "research-group"
    UNIVERSITY = "university"
    INFRASTRUCTURE = "infrastructure"
    SCIENCE_PARK = "science-park"
    FUNDER = "funder"
    ORGANISATION = "organisation"
    COMPANY = "company"


RESEARCH_KINDS = frozenset(
    {
        CentreKind.CENTRE,
        CentreKind.UNIT,
        CentreKind.PROGRAMME,
        CentreKind.DEPARTMENT,
        CentreKind.RESEARCH_GROUP,
    }
)
"""What "centres" means in a question: research centres, units, programmes, departments and
groups; universities, hospitals, funders, parks and companies only when asked for."""


_LEGAL_FORM = re.compile(r",?\s+(?:A/S|AB(?: \(publ\))?|ApS|AG|Inc\.?|Ltd\.?|plc|Oy|ASA|SE)$")
"""A company's legal form at the end of its name; people leave it out."""


class Source(_Record):
    """Where a fact comes from. ``url`` is absent only for documents with no public copy."""

    id: EntryId
    title: Text
    url: HttpUrl | None = None
    publisher: Text | None = None
    as_of: Year | None = None
    note: Text | None = None
    reviewed: date | None = None
    """When an editor last opened the document and checked this record."""


class Stat(_Record):
    """A number exactly as its source states it: value, qualifier and unit kept apart.

    ``qualifier`` holds the source's own words ("more than", "over", "+") so an answer
    never turns "more than 25" into "25". Every figure says when it applied: exactly one of
    ``as_of`` (the year) or ``undated: true`` (the source gives no year).
    ``scope`` names the area a figure covers when that is not Medicon Valley ("Europe").
    """

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["as_of"]}, {"required": ["undated"]}]}
    )

    id: EntryId
    label: Name
    value: Annotated[float, Field(ge=0)]
    qualifier: Text | None = None
    unit: Text
    statement: Text
    source: EntryId
    as_of: Year | None = None
    undated: Literal[True] | None = None
    scope: Name | None = None

    @model_validator(mode="after")
    def _dated_exactly_once(self) -> Stat:
        if self.as_of is None and self.undated is None:
            raise ValueError(
                "a figure needs the year it applies to: add 'as_of: YEAR', or 'undated: true'"
                " when the source gives none"
            )
        if self.as_of is not None and self.undated is not None:
            raise ValueError("give either 'as_of' or 'undated: true', not both")
        return self

    @property
    def year_label(self) -> str:
        """``2018``, or ``undated``: what an answer shows next to the number."""
        return str(self.as_of) if self.as_of is not None else "undated"

    @property
    def is_regional(self) -> bool:
        """False for a figure about somewhere else (``scope: Europe``): not Medicon Valley's own."""
        return self.scope is None

    @property
    def unit_suffix(self) -> str:
        """What follows the number: `` organisations``; nothing for ``%``, already in the number."""
        return "" if self.unit == "%" else f" {self.unit}"

    @property
    def display_value(self) -> str:
        """``more than 25``, ``80+``, ``23%``, ``4,002,372``: the number as the source says it."""
        number = f"{int(self.value):,}" if self.value.is_integer() else f"{self.value:,}"
        if self.unit == "%":
            number = f"{number}%"
        if self.qualifier is None:
            return number
        if self.qualifier in {"+", "plus"}:
            return f"{number}+"
        return f"{self.qualifier} {number}"


def _as_statement(value: object) -> object:
    """A plain sentence (the format before statements had sources) becomes a bare statement;
    ``kb check`` reports it until an editor gives it its source and year."""
    return {"text": value} if isinstance(value, str) else value


class Statement(_Record):
    """One sentence the knowledge base says, with the page that says it and when it applied.

    Answers quote ``text`` and cite ``source``, never the entry's first source. ``about`` lists
    the other entries the sentence is about (the entry it stands in is implied).
    """

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["as_of"]}, {"required": ["undated"]}]}
    )

    text: Text
    source: EntryId | None = None
    as_of: Year | None = None
    undated: Literal[True] | None = None
    about: tuple[EntryId, ...] = ()

    @model_validator(mode="after")
    def _dated_at_most_once(self) -> Statement:
        if self.as_of is not None and self.undated is not None:
            raise ValueError("give either 'as_of' or 'undated: true', not both")
        return self

    @property
    def year_label(self) -> str | None:
        """``2018``, ``undated``, or None for a statement not yet dated by an editor."""
        if self.as_of is not None:
            return str(self.as_of)
        return "undated" if self.undated else None


SourcedText = Annotated[
    Statement,
    BeforeValidator(_as_statement),
    WithJsonSchema({"anyOf": [{"type": "string", "minLength": 1}, Statement.model_json_schema()]}),
]
"""A statement, written either as a mapping or (for now) as a bare sentence."""


class Change(_Record):
    """What happens to an entry on a date: answers are right on both sides of it."""

    effective: date
    """The day the change takes effect (a YAML ``on:`` key would read as a boolean)."""
    status: Status
    successor: EntryId | None = None
    note: Text
    source: EntryId


class ResearchField(_Record):
    """One of the cluster's research fields (cancer, diabetes, …)."""

    id: EntryId
    name: Name
    emoji: Annotated[str, StringConstraints(pattern=r"^:[a-z0-9_+-]+:$")] | None = None
    aliases: tuple[Alias, ...] = ()
    summary: Text
    highlights: tuple[SourcedText, ...] = ()
    stats: tuple[Stat, ...] = ()
    sources: Annotated[tuple[EntryId, ...], Field(min_length=1)]
    reviewed: date | None = None
    """When an editor last checked this entry against its sources."""

    @property
    def highlight_texts(self) -> tuple[str, ...]:
        """The sentences of ``highlights``, without their sources."""
        return tuple(statement.text for statement in self.highlights)


class Centre(_Record):
    """A centre, unit, programme, department or hospital named in the knowledge base."""

    id: EntryId
    name: Name
    short_name: Alias | None = None
    kind: CentreKind
    aliases: tuple[Alias, ...] = ()
    host: Text | None = None
    city: Text | None = None
    country: Annotated[str, StringConstraints(pattern=r"^(DK|SE)$")] | None = None
    founded: Annotated[int, Field(ge=1400, le=2100)] | None = None
    founded_note: Text | None = None
    website: HttpUrl | None = None
    fields: tuple[EntryId, ...] = ()
    """The research fields a statement supports; at least one for research centres, units,
    programmes, departments and groups, none needed for a company or an organisation whose
    work no single field describes."""
    summary: Text
    owner: EntryId | None = None
    """The entry that controls it (a company's foundation or parent company)."""
    ownership: SourcedText | None = None
    """Who owns or controls it, as a sourced sentence (companies)."""
    listing: SourcedText | None = None
    """Where its shares trade, as a sourced sentence (listed companies)."""
    stats: tuple[Stat, ...] = ()
    details: tuple[SourcedText, ...] = ()
    themes: tuple[Text, ...] = ()
    status: Status = Status.ACTIVE
    status_as_of: Year | Literal["undated"] | None = None
    """The year of the newest source that shows the entry in its ``status``; ``undated`` when
    the only evidence is undated pages."""
    status_note: Text | None = None
    successor: EntryId | None = None
    part_of: EntryId | None = None
    changes: tuple[Change, ...] = ()
    """Dated changes (a merger, a closure, a move), in date order."""
    sources: Annotated[tuple[EntryId, ...], Field(min_length=1)]
    reviewed: date | None = None
    """When an editor last checked this entry against its sources."""

    @model_validator(mode="after")
    def _research_has_a_field(self) -> Centre:
        if not self.fields and self.kind in RESEARCH_KINDS:
            raise ValueError(f"a {self.kind.value} needs at least one field in 'fields'")
        return self

    def status_on(self, day: date) -> tuple[Status, str | None, str | None]:
        """(status, successor id, note) on ``day``: the last dated change in force by then, else
        the entry's own status."""
        status, successor, note = self.status, self.successor, self.status_note
        for change in sorted(self.changes, key=lambda c: c.effective):
            if change.effective <= day:
                status, note = change.status, change.note
                successor = change.successor or successor
        return status, successor, note

    def changes_after(self, day: date) -> tuple[Change, ...]:
        """Dated changes still to come after ``day``, soonest first."""
        return tuple(
            sorted((c for c in self.changes if c.effective > day), key=lambda c: c.effective)
        )

    @property
    def plain_name(self) -> str:
        """The name without its legal form, as people say it: ``Genmab`` for ``Genmab A/S``."""
        return _LEGAL_FORM.sub("", self.name)

    @property
    def detail_texts(self) -> tuple[str, ...]:
        """The sentences of ``details``, without their sources."""
        return tuple(statement.text for statement in self.details)

    @property
    def label(self) -> str:
        """The name with its abbreviation, as people know it: ``… Diabetes Centre (LUDC)``."""
        if self.short_name and self.short_name.casefold() not in self.name.casefold():
            return f"{self.name} ({self.short_name})"
        return self.name

    @property
    def country_name(self) -> str | None:
        return {"DK": "Denmark", "SE": "Sweden"}.get(self.country or "")

    @property
    def place(self) -> str:
        """``Lund, Sweden``; as much of it as is known, or an empty string."""
        return ", ".join(part for part in (self.city, self.country_name) if part)

    @property
    def status_year_label(self) -> str | None:
        """``as of 2020``, ``undated``, or None: what an answer shows after the status."""
        if self.status_as_of is None:
            return None
        if self.status_as_of == "undated":
            return "undated"
        return f"as of {self.status_as_of}"

    @property
    def kind_label(self) -> str:
        """``Research group`` for ``research-group``."""
        return self.kind.value.replace("-", " ").capitalize()


class Cluster(_Record):
    """The overview of Medicon Valley itself: what it is, where, and its headline numbers."""

    name: Name
    aliases: tuple[Alias, ...] = ()
    summary: Text
    highlights: tuple[SourcedText, ...] = ()
    stats: tuple[Stat, ...] = ()
    sources: Annotated[tuple[EntryId, ...], Field(min_length=1)]
    reviewed: date | None = None
    """When an editor last checked this entry against its sources."""

    @property
    def highlight_texts(self) -> tuple[str, ...]:
        """The sentences of ``highlights``, without their sources."""
        return tuple(statement.text for statement in self.highlights)


class OutsidePlace(_Record):
    """A well-known place outside Medicon Valley that people mistake for part of it.

    Answers say "outside Medicon Valley" for these instead of opening a card or guessing a
    wrong match; their names and aliases may not name anything in the cluster.
    """

    id: EntryId
    name: Name
    aliases: tuple[Alias, ...] = ()
    city: Text
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
    note: Annotated[Text, AfterValidator(_single_line), StringConstraints(max_length=300)]
    sources: Annotated[tuple[EntryId, ...], Field(min_length=1)]
    reviewed: date | None = None
    """When an editor last checked this entry against its sources."""

    @property
    def country_name(self) -> str:
        """``Sweden`` for ``SE``; the code itself for a country the bot has no name for."""
        return _COUNTRY_NAMES.get(self.country, self.country)

    @property
    def place(self) -> str:
        """``Solna, Sweden``."""
        return f"{self.city}, {self.country_name}"


_COUNTRY_NAMES = {
    "DK": "Denmark",
    "SE": "Sweden",
    "NO": "Norway",
    "FI": "Finland",
    "DE": "Germany",
    "IS": "Iceland",
}


def is_valid_id(value: str) -> bool:
    return re.fullmatch(_ID_PATTERN, value) is not None
