"""Editorial rules for ``medicon-bot kb check``: every claim that can go stale says its year.

The loader only refuses what the bot cannot run on. These rules are what an editor must keep
true on top of that, so that no answer presents an old fact as current:

* a centre shown as ``active`` says the year of the newest source that shows it so
  (``status_as_of``), or is marked ``uncertain``;
* a sentence naming who heads, directs, leads, chairs or coordinates something carries a
  year ("in 2020 its head was …", "as of 2024") or says "undated";
* no ``reviewed`` or ``status_as_of`` date lies in the future.

Review dates only warn: an entry not reviewed for more than 12 months (or never) is listed,
and the check still passes. Sources warn only once they carry a ``reviewed`` date.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Centre, CentreKind, Status
from bot.knowledge.problems import Problem

__all__ = ["PERSON_ROLE", "REVIEW_MONTHS", "Locate", "editorial_problems", "review_warnings"]

Locate = Callable[[str, tuple[str | int, ...], str], Problem]
"""``locate(file_name, key_path, message)`` → the problem at that key's ``file:line``."""

REVIEW_MONTHS = 12
"""An entry last reviewed longer ago than this is listed by ``kb check``."""

PERSON_ROLE = re.compile(
    r"\b(?:head(?:s|ed)?|director(?:s)?|led by|(?<!world )(?<!market )leaders?"
    r"|CEO|chair(?:ed|man|woman|person)?"
    r"|coordinat(?:or|ors|ed)|succeeded|rector|vice-chancellor)\b",
    re.IGNORECASE,
)
"""Words that say who holds a role: such a sentence goes stale and must carry its year."""

_YEAR = re.compile(r"\b(?:1[4-9]\d\d|20\d\d)\b|\bundated\b", re.IGNORECASE)

_Texts = Iterable[tuple[tuple[str | int, ...], str | None]]


def entry_locations(kb: KnowledgeBase) -> Iterator[tuple[str, tuple[str | int, ...], Centre]]:
    """Each centre and company with its file and key path: companies live in companies.yaml
    (the loader keeps kinds and files in step), everything else in centres.yaml."""
    counters = {"centres.yaml": 0, "companies.yaml": 0}
    for centre in kb.centres.values():
        file = "companies.yaml" if centre.kind is CentreKind.COMPANY else "centres.yaml"
        yield file, (file.removesuffix(".yaml"), counters[file]), centre
        counters[file] += 1


def editorial_problems(kb: KnowledgeBase, locate: Locate, *, today: date) -> Iterator[Problem]:
    """Every broken editorial rule in ``kb``, located in its file."""
    for file, path, centre in entry_locations(kb):
        if centre.status is Status.ACTIVE and centre.status_as_of is None:
            yield locate(
                file,
                (*path, "status"),
                "an active status needs its year: add 'status_as_of: YEAR' (the newest source"
                " showing it active) or 'status_as_of: undated', or set 'status: uncertain'"
                " with a status_note",
            )
        if isinstance(centre.status_as_of, int) and centre.status_as_of > today.year:
            yield locate(file, (*path, "status_as_of"), "lies in the future")
        texts: _Texts = [
            ((*path, "summary"), centre.summary),
            ((*path, "status_note"), centre.status_note),
            ((*path, "founded_note"), centre.founded_note),
            *(((*path, "details", i), text) for i, text in enumerate(centre.detail_texts)),
        ]
        yield from _undated_roles(file, texts, locate)
    for index, research_field in enumerate(kb.fields.values()):
        path = ("fields", index)
        texts = [
            ((*path, "summary"), research_field.summary),
            *(((*path, "highlights", i), t) for i, t in enumerate(research_field.highlight_texts)),
        ]
        yield from _undated_roles("fields.yaml", texts, locate)
    cluster_texts: _Texts = [
        (("cluster", "summary"), kb.cluster.summary),
        *((("cluster", "highlights", i), t) for i, t in enumerate(kb.cluster.highlight_texts)),
    ]
    yield from _undated_roles("cluster.yaml", cluster_texts, locate)
    outside_texts: _Texts = [
        (("outside", index, "note"), place.note) for index, place in enumerate(kb.outside.values())
    ]
    yield from _undated_roles("outside.yaml", outside_texts, locate)
    for file, path, reviewed in _reviewed_dates(kb, with_sources=True):
        if reviewed is not None and reviewed > today:
            yield locate(file, (*path, "reviewed"), f"reviewed {reviewed} lies in the future")


def review_warnings(kb: KnowledgeBase, locate: Locate, *, today: date) -> Iterator[Problem]:
    """Entries never reviewed, or last reviewed more than :data:`REVIEW_MONTHS` ago."""
    cutoff = _months_before(today, REVIEW_MONTHS)
    for file, path, reviewed in _reviewed_dates(kb, with_sources=False):
        if reviewed is None:
            yield locate(
                file,
                path,
                "never reviewed: check it against its sources, then add"
                f" 'reviewed: {today.isoformat()}'",
            )
        elif reviewed < cutoff:
            yield locate(file, (*path, "reviewed"), _stale(reviewed))
    for index, source in enumerate(kb.sources.values()):
        if source.reviewed is not None and source.reviewed < cutoff:
            yield locate("sources.yaml", ("sources", index, "reviewed"), _stale(source.reviewed))


def _stale(reviewed: date) -> str:
    return f"last reviewed {reviewed.isoformat()}, more than {REVIEW_MONTHS} months ago"


def _undated_roles(file: str, texts: _Texts, locate: Locate) -> Iterator[Problem]:
    for path, text in texts:
        if text is None:
            continue
        role = PERSON_ROLE.search(text)
        if role is not None and _YEAR.search(text) is None:
            yield locate(
                file,
                path,
                f"says who holds a role ('{role.group(0)}') without a year: write when it"
                " applied ('in 2020', 'as of 2024') or 'undated'",
            )


def _reviewed_dates(
    kb: KnowledgeBase, *, with_sources: bool
) -> Iterator[tuple[str, tuple[str | int, ...], date | None]]:
    yield "cluster.yaml", ("cluster",), kb.cluster.reviewed
    for index, research_field in enumerate(kb.fields.values()):
        yield "fields.yaml", ("fields", index), research_field.reviewed
    for file, path, centre in entry_locations(kb):
        yield file, path, centre.reviewed
    for index, place in enumerate(kb.outside.values()):
        yield "outside.yaml", ("outside", index), place.reviewed
    if with_sources:
        for index, source in enumerate(kb.sources.values()):
            yield "sources.yaml", ("sources", index), source.reviewed


def _months_before(today: date, months: int) -> date:
    """The same day ``months`` earlier (the 28th for a day the earlier month lacks)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    day = today.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:
            day -= 1
