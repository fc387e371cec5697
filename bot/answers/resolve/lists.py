"""Centres narrowed by field, place, country, kind and status, best match first, and the parts
of one centre. Fast at 10,000 entries: a city's centres come from an index, lists are capped and
carry their total."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.answers import phrases
from bot.answers.locale import join
from bot.answers.locale import ui as words
from bot.answers.records import (
    FilteredListAnswer,
)
from bot.answers.understand import vocabulary as vocab
from bot.answers.understand.lexicon import Lexicon, lexicon_for
from bot.answers.understand.question import Filters, Question
from bot.answers.understand.vocabulary import FILLER
from bot.knowledge import (
    RESEARCH_KINDS,
    Centre,
    CentreKind,
    KnowledgeBase,
    Status,
)
from bot.knowledge.text import normalize

__all__ = [
    "COUNTRY_NAMES",
    "describe_filters",
    "filtered_list",
    "matching_centres",
    "parts_list",
]

# --- lists -------------------------------------------------------------------------------------


def parts_list(kb: KnowledgeBase, question: Question, centre_id: str) -> FilteredListAnswer:
    """The units, programmes and centres that belong to one centre."""
    parent = kb.centres[centre_id]
    parts = kb.parts_of(centre_id)
    return FilteredListAnswer(
        centres=parts,
        description=phrases.PARTS_OF.format(label=parent.label),
        total=len(parts),
        closest_to=question.closest_to,
    )


def matching_centres(kb: KnowledgeBase, filters: Filters) -> list[Centre]:
    """Centres that pass every filter, in file order."""
    lexicon = lexicon_for(kb)
    pool: Iterable[Centre]
    in_city = lexicon.by_city.get(filters.city, ()) if filters.city else ()
    companies = filters.kind is CentreKind.COMPANY
    if filters.city and not filters.field:
        pool = [kb.centres[centre_id] for centre_id in in_city]
    elif companies:
        pool = kb.companies_in(filters.field) if filters.field else kb.companies
    else:
        pool = kb.centres_in(filters.field) if filters.field else kb.institutions
    if filters.city and filters.field:
        city_ids = frozenset(in_city)
        pool = [centre for centre in pool if centre.id in city_ids]
    found: list[Centre] = []
    for centre in pool:
        if not _of_the_kind_asked(centre, filters):
            continue
        if filters.country and centre.country != filters.country:
            continue
        if filters.kind and centre.kind is not filters.kind:
            continue
        if filters.status and centre.status is not filters.status:
            continue
        found.append(centre)
    return found


_FILTER_WORDS = frozenset(
    word
    for table in (vocab.KIND_WORDS, vocab.STATUS_WORDS, vocab.COUNTRIES, vocab.SIGNAL_PHRASES)
    for phrase in table
    for word in phrase.split()
)


def _of_the_kind_asked(centre: Centre, filters: Filters) -> bool:
    """Companies only when companies are asked for; "centres" (no particular kind) are research
    centres, units, programmes, departments and groups."""
    if (centre.kind is CentreKind.COMPANY) != (filters.kind is CentreKind.COMPANY):
        return False
    return not (filters.kind_named and filters.kind is None) or centre.kind in RESEARCH_KINDS


def _passes(centre: Centre, filters: Filters, lexicon: Lexicon) -> bool:
    """True when ``centre`` passes every filter."""
    if not _of_the_kind_asked(centre, filters):
        return False
    if filters.field and filters.field not in centre.fields:
        return False
    if filters.city and centre.id not in lexicon.by_city.get(filters.city, ()):
        return False
    if filters.country and centre.country != filters.country:
        return False
    if filters.kind and centre.kind is not filters.kind:
        return False
    return not (filters.status and centre.status is not filters.status)


_SHOWN = 100
"""A list answer holds at most this many centres (Slack shows fewer); the count says the rest."""
_ORDER = {Status.ACTIVE: 0, Status.RENAMED: 1, Status.UNCERTAIN: 2, Status.ENDED: 3}


def _breadth(centre: Centre) -> bool:
    """True for a centre that spans more than two fields (a science park, an alliance)."""
    return len(centre.fields) > 2


def _status_order(centre: Centre) -> int:
    return _ORDER[centre.status]


def filtered_list(
    kb: KnowledgeBase, question: Question, *, counted: bool = False
) -> FilteredListAnswer:
    """Centres that pass the question's filters: the best text match, then current ones first."""
    filters = question.filters
    if filters.field is None and question.field_refs:
        filters = Filters(**{**filters.__dict__, "field": question.field_refs[0].id})
    only_city = filters.city and not (
        filters.field or filters.country or filters.kind or filters.status
    )
    if only_city and not filters.kind_named:  # "… in Lund": no need to touch every centre
        in_city = lexicon_for(kb).by_city.get(filters.city or "", ())
        listed = [kb.centres[centre_id] for centre_id in in_city]
        listed = [centre for centre in listed if _of_the_kind_asked(centre, filters)]
        centres = listed[: _SHOWN * 2]
        total = len(listed)
    else:
        centres = matching_centres(kb, filters)
        total = len(centres)
    ranks: dict[str, int] = {}
    if len(centres) > 1:
        # Rank by what the filters do not already say: "epilepsy" among neuroscience centres.
        words = [w for w in normalize(question.raw).split() if w not in FILLER]
        words = [w for w in words if w not in _FILTER_WORDS]
        hits = kb.index.search(" ".join(words), limit=50) if words else []
        ranks = {hit.ref.id: rank for rank, hit in enumerate(hits)}
    if ranks:
        lexicon = lexicon_for(kb)
        best = [
            kb.centres[ref_id]
            for ref_id in ranks
            if ref_id in kb.centres and _passes(kb.centres[ref_id], filters, lexicon)
        ]
        chosen = {centre.id for centre in best}
        centres = best + [c for c in centres[: _SHOWN + len(best)] if c.id not in chosen]
    centres = centres[:_SHOWN]
    if filters.field:
        centres.sort(key=_breadth)  # stable: specialists before centres that cover every field
    if any(c.status is not Status.ACTIVE for c in centres):
        centres.sort(key=_status_order)  # stable: current ones first, best match first within
    research_field = kb.fields.get(filters.field) if filters.field else None
    return FilteredListAnswer(
        centres=tuple(centres),
        description=describe_filters(kb, filters),
        field=research_field,
        counted=counted,
        total=total,
        closest_to=question.closest_to,
    )


_KIND_PLURALS = words.KIND_PLURALS
_STATUS_ADJECTIVE = words.STATUS_ADJECTIVES
COUNTRY_NAMES = words.COUNTRIES


def describe_filters(kb: KnowledgeBase, filters: Filters) -> str:
    """``Ended hospitals in Cancer, in Copenhagen``: the list's title, in words (composed
    text, so the renderer says it in the reader's language; names stay as written)."""
    kind = _KIND_PLURALS.get(filters.kind, words.ALL_KINDS_PLURAL) if filters.kind else None
    said: list[str] = [_STATUS_ADJECTIVE[filters.status]] if filters.status else []
    said.append(kind or words.ALL_KINDS_PLURAL)
    research_field = kb.fields.get(filters.field) if filters.field else None
    if research_field is not None:
        said.append(words.IN_FIELD.format(field=research_field.name))
    if filters.city:
        city = next(
            (
                part
                for centre in kb.centres.values()
                for part in re.split(r",| and ", centre.city or "")
                if normalize(part) == filters.city
            ),
            filters.city.title(),
        )
        said.append(words.IN.format(name=city.strip()))
    if filters.country:
        country = COUNTRY_NAMES.get(filters.country, filters.country)
        said.append(words.IN.format(name=country))
    return join(" ", said).capitalised()
