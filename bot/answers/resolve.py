"""Query + knowledge base → :data:`Answer`: the one place that decides what a person meant.

Order of preference for a lookup: an exact name, id or alias; the same after dropping filler
words ("tell me about LUDC"); a typo of a name, labelled as the closest match; a full-text
search; and, when nothing fits, a friendly reply with suggestions. Never raises on user input.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers.query import Command, Query, parse_query
from bot.knowledge import (
    Centre,
    Cluster,
    EntryRef,
    KnowledgeBase,
    ResearchField,
    Source,
)
from bot.knowledge.text import tokens

__all__ = [
    "Answer",
    "CentreAnswer",
    "CentreListAnswer",
    "ClusterAnswer",
    "Entry",
    "FieldAnswer",
    "FieldListAnswer",
    "HelpAnswer",
    "NoMatchAnswer",
    "SearchAnswer",
    "StatsAnswer",
    "answer_for",
    "resolve",
    "resolve_text",
]

Entry = ResearchField | Centre | Cluster


@dataclass(frozen=True)
class FieldAnswer:
    field: ResearchField
    centres: tuple[Centre, ...]
    sources: tuple[Source, ...]
    closest_to: str | None = None


@dataclass(frozen=True)
class CentreAnswer:
    centre: Centre
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]
    successor: Centre | None = None
    parent: Centre | None = None
    parts: tuple[Centre, ...] = ()
    closest_to: str | None = None


@dataclass(frozen=True)
class ClusterAnswer:
    cluster: Cluster
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]
    closest_to: str | None = None


@dataclass(frozen=True)
class FieldListAnswer:
    fields: tuple[tuple[ResearchField, int], ...]
    """Each field with the number of centres in it."""


@dataclass(frozen=True)
class CentreListAnswer:
    centres: tuple[Centre, ...]
    field: ResearchField | None = None
    closest_to: str | None = None


@dataclass(frozen=True)
class StatsAnswer:
    cluster: Cluster
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class SearchAnswer:
    query: str
    entries: tuple[Entry, ...]
    hits: tuple[EntryRef, ...]


@dataclass(frozen=True)
class HelpAnswer:
    fields: tuple[ResearchField, ...]


@dataclass(frozen=True)
class NoMatchAnswer:
    typed: str
    suggestions: tuple[Entry, ...]
    reason: str = "unknown"
    """``unknown`` (nothing matched) or ``no-field`` (``centres X`` where X is not a field)."""


Answer = (
    FieldAnswer
    | CentreAnswer
    | ClusterAnswer
    | FieldListAnswer
    | CentreListAnswer
    | StatsAnswer
    | SearchAnswer
    | HelpAnswer
    | NoMatchAnswer
)

_SEARCH_LIMIT = 8


def resolve_text(kb: KnowledgeBase, text: str) -> Answer:
    """The answer to what a person typed, e.g. ``resolve_text(kb, "centres diabetes")``."""
    return resolve(kb, parse_query(text))


def resolve(kb: KnowledgeBase, query: Query) -> Answer:
    """The answer to a parsed query."""
    if query.command is Command.HELP:
        return HelpAnswer(fields=tuple(kb.fields.values()))
    if query.command is Command.FIELDS:
        return FieldListAnswer(
            fields=tuple((f, len(kb.centres_in(f.id))) for f in kb.fields.values())
        )
    if query.command is Command.STATS:
        return _stats(kb)
    if query.command is Command.CENTRES:
        return _centres(kb, query)
    if query.command is Command.SEARCH:
        return _search(kb, query.argument) or _no_match(kb, query.argument)
    return _lookup(kb, query.argument) or _no_match(kb, query.argument)


def _entry(kb: KnowledgeBase, ref: EntryRef) -> Entry:
    if ref.kind == "field":
        return kb.fields[ref.id]
    if ref.kind == "centre":
        return kb.centres[ref.id]
    return kb.cluster


def _sources(kb: KnowledgeBase, ids: tuple[str, ...]) -> tuple[Source, ...]:
    return tuple(kb.sources[source_id] for source_id in dict.fromkeys(ids))


def answer_for(kb: KnowledgeBase, ref: EntryRef, *, closest_to: str | None = None) -> Answer:
    """The full answer about one entry, e.g. when a button opens it."""
    if ref.kind == "field":
        research_field = kb.fields[ref.id]
        stat_sources = tuple(stat.source for stat in research_field.stats)
        return FieldAnswer(
            field=research_field,
            centres=kb.centres_in(research_field.id),
            sources=_sources(kb, (*research_field.sources, *stat_sources)),
            closest_to=closest_to,
        )
    if ref.kind == "centre":
        centre = kb.centres[ref.id]
        return CentreAnswer(
            centre=centre,
            fields=tuple(kb.fields[field_id] for field_id in centre.fields),
            sources=_sources(kb, centre.sources),
            successor=kb.centres.get(centre.successor) if centre.successor else None,
            parent=kb.centres.get(centre.part_of) if centre.part_of else None,
            parts=kb.parts_of(centre.id),
            closest_to=closest_to,
        )
    stat_sources = tuple(stat.source for stat in kb.cluster.stats)
    return ClusterAnswer(
        cluster=kb.cluster,
        fields=tuple(kb.fields.values()),
        sources=_sources(kb, (*kb.cluster.sources, *stat_sources)),
        closest_to=closest_to,
    )


def _lookup(kb: KnowledgeBase, text: str, *, search_text: str | None = None) -> Answer | None:
    """Name, then full text (``search_text`` if given), then resemblance; None if nothing fits."""
    found = _entry_named(kb, text) or _search(kb, text if search_text is None else search_text)
    if isinstance(found, SearchAnswer) and len(found.hits) == 1:
        return answer_for(kb, found.hits[0])  # one result: show it rather than a list of one
    return found or _entry_resembling(kb, text)


def _entry_resembling(kb: KnowledgeBase, text: str) -> Answer | None:
    topic = " ".join(tokens(text, drop_stop_words=True)) or text
    typo = kb.index.resembling(topic)
    return answer_for(kb, typo.ref, closest_to=text) if typo is not None else None


def _entry_named(kb: KnowledgeBase, text: str) -> Answer | None:
    """The entry ``text`` names exactly, after dropping filler words, or with a typo."""
    index = kb.index
    ref = index.exact(text)
    if ref is not None:
        return answer_for(kb, ref)
    topic = " ".join(tokens(text, drop_stop_words=True))
    if topic:
        ref = index.exact(topic)
        if ref is not None:
            return answer_for(kb, ref)
    typo = index.closest(text) or (index.closest(topic) if topic else None)
    if typo is not None:
        return answer_for(kb, typo.ref, closest_to=text)
    return None


def _search(kb: KnowledgeBase, text: str) -> SearchAnswer | None:
    hits = kb.index.search(text, limit=_SEARCH_LIMIT)
    if not hits:
        return None
    return SearchAnswer(
        query=text,
        entries=tuple(_entry(kb, hit.ref) for hit in hits),
        hits=tuple(hit.ref for hit in hits),
    )


def _no_match(kb: KnowledgeBase, text: str, *, reason: str = "unknown") -> NoMatchAnswer:
    suggestions = tuple(_entry(kb, ref) for ref in kb.index.suggestions(text))
    return NoMatchAnswer(typed=text, suggestions=suggestions, reason=reason)


def _centres(kb: KnowledgeBase, query: Query) -> Answer:
    if not query.argument:
        return CentreListAnswer(centres=tuple(kb.centres.values()))
    ref = kb.index.exact(query.argument)
    closest_to: str | None = None
    if ref is None:
        typo = kb.index.closest(query.argument) or kb.index.resembling(query.argument)
        if typo is not None:
            ref, closest_to = typo.ref, query.argument
    if ref is not None and ref.kind == "field":
        return CentreListAnswer(
            centres=kb.centres_in(ref.id), field=kb.fields[ref.id], closest_to=closest_to
        )
    # "centre for inflammation and metabolism" names a centre rather than filtering by field.
    # The words after "centres" are searched alone: "centres" itself would match every centre.
    found = _lookup(kb, query.raw, search_text=query.argument)
    return found or _no_match(kb, query.argument, reason="no-field")


def _stats(kb: KnowledgeBase) -> StatsAnswer:
    fields = tuple(f for f in kb.fields.values())
    ids = tuple(stat.source for stat in kb.all_stats())
    return StatsAnswer(cluster=kb.cluster, fields=fields, sources=_sources(kb, ids))
