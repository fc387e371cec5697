"""What was assumed, in a few words: "LUDC", "Diabetes centres in Sweden"."""

from __future__ import annotations

from typing import Final

from bot.answers import Filters
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status

__all__ = ["entry_label", "list_label"]

_COUNTRIES: Final = {"DK": "Denmark", "SE": "Sweden"}
_KINDS: Final = {
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
_STATUSES: Final = {
    Status.ACTIVE: "active",
    Status.ENDED: "ended",
    Status.RENAMED: "renamed",
    Status.UNCERTAIN: "possibly ended",
}


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
        words.append(_STATUSES[filters.status])
    if filters.field is not None and filters.field in kb.fields:
        words.append(kb.fields[filters.field].name.lower())
    words.append(_KINDS[filters.kind] if filters.kind is not None else "centres")
    place = filters.city.replace("-", " ").title() if filters.city else None
    place = place or (_COUNTRIES.get(filters.country or "") if filters.country else None)
    if place:
        words.append(f"in {place}")
    label = " ".join(words)
    return label[:1].upper() + label[1:]
