"""What was assumed, in a few words: "LUDC", "Diabetes centres in Sweden"."""

from __future__ import annotations

from typing import Final

from bot.answers import Filters
from bot.answers.locale.lazy import join, translatable
from bot.conversation import phrases
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status

__all__ = ["entry_label", "list_label"]

COUNTRIES: Final = {"DK": "Denmark", "SE": "Sweden"}
KINDS: Final = {
    CentreKind.CENTRE: "centres",
    CentreKind.UNIT: "units",
    CentreKind.PROGRAMME: "programmes",
    CentreKind.DEPARTMENT: "departments",
    CentreKind.HOSPITAL: "hospitals",
    CentreKind.RESEARCH_GROUP: "research groups",
    CentreKind.UNIVERSITY: "universities",
    CentreKind.INFRASTRUCTURE: "infrastructures",
    CentreKind.SCIENCE_PARK: "science parks",
    CentreKind.FUNDER: "funders",
    CentreKind.ORGANISATION: "organisations",
    CentreKind.COMPANY: "companies",
}
STATUSES: Final = {
    Status.ACTIVE: "active",
    Status.ENDED: "ended",
    Status.RENAMED: "renamed",
    Status.UNCERTAIN: "possibly ended",
}
translatable(globals())


def entry_label(kb: KnowledgeBase, ref: EntryRef) -> str:
    """An entry's shortest name: its abbreviation when it has one ("LUDC")."""
    if ref.kind == "centre":
        centre = kb.centres[ref.id]
        return centre.short_name or centre.name
    return kb.name_of(ref)


def list_label(kb: KnowledgeBase, filters: Filters) -> str:
    """A filtered list in a few words: "Active diabetes and metabolic disease centres in
    Lund"."""
    words: list[str] = []
    if filters.status is not None:
        words.append(STATUSES[filters.status])
    if filters.field is not None and filters.field in kb.fields:
        words.append(kb.fields[filters.field].name.lower())
    words.append(KINDS[filters.kind] if filters.kind is not None else KINDS[CentreKind.CENTRE])
    city = filters.city.replace("-", " ").title() if filters.city else None
    country: str | None = COUNTRIES.get(filters.country or "") if filters.country else None
    place = city or country
    if place:
        words.append(phrases.IN_PLACE.format(place=place))
    return join(" ", words).capitalised()
