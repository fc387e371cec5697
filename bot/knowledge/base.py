"""The loaded knowledge base: immutable records plus the lookup index built once from them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar, cast

from bot.knowledge.index import EntryRef, SearchIndex
from bot.knowledge.models import (
    Centre,
    CentreKind,
    Cluster,
    OutsidePlace,
    ResearchField,
    Source,
    Stat,
)
from bot.knowledge.statement_index import StatementIndex
from bot.knowledge.statements import build_statements
from bot.knowledge.text import normalize

__all__ = ["KnowledgeBase"]

_View = TypeVar("_View")


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows. Build it with :func:`bot.knowledge.load_knowledge_base`.

    The mappings are read-only views, in the order of the YAML files, so answers list things
    the way editors arranged them.
    """

    sources: Mapping[str, Source]
    fields: Mapping[str, ResearchField]
    centres: Mapping[str, Centre]
    cluster: Cluster
    outside: Mapping[str, OutsidePlace] = field(default_factory=dict)
    """Well-known places outside the cluster (``outside.yaml``): never cards, never search hits."""
    index: SearchIndex = field(init=False, repr=False, compare=False)
    statements: StatementIndex = field(init=False, repr=False, compare=False)
    """Every sentence the knowledge base says, searchable (built here, never on a question)."""
    _outside_names: Mapping[str, OutsidePlace] = field(init=False, repr=False, compare=False)
    _by_field: Mapping[str, tuple[Centre, ...]] = field(init=False, repr=False, compare=False)
    _by_parent: Mapping[str, tuple[Centre, ...]] = field(init=False, repr=False, compare=False)
    _companies_by_field: Mapping[str, tuple[Centre, ...]] = field(
        init=False, repr=False, compare=False
    )
    _views: dict[Callable[[KnowledgeBase], object], object] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "sources", MappingProxyType(dict(self.sources)))
        set_(self, "fields", MappingProxyType(dict(self.fields)))
        set_(self, "centres", MappingProxyType(dict(self.centres)))
        set_(self, "outside", MappingProxyType(dict(self.outside)))
        outside_names: dict[str, OutsidePlace] = {}
        for place in self.outside.values():
            for spelling in (place.id, place.name, *place.aliases):
                outside_names.setdefault(normalize(spelling), place)
        set_(self, "_outside_names", MappingProxyType(outside_names))
        by_field: dict[str, list[Centre]] = defaultdict(list)
        by_parent: dict[str, list[Centre]] = defaultdict(list)
        by_field_companies: dict[str, list[Centre]] = defaultdict(list)
        for centre in self.centres.values():
            for field_id in centre.fields:
                if centre.kind is CentreKind.COMPANY:
                    by_field_companies[field_id].append(centre)
                else:
                    by_field[field_id].append(centre)
            if centre.part_of:
                by_parent[centre.part_of].append(centre)
        set_(self, "_by_field", {key: tuple(value) for key, value in by_field.items()})
        set_(
            self,
            "_companies_by_field",
            {key: tuple(value) for key, value in by_field_companies.items()},
        )
        set_(self, "_by_parent", {key: tuple(value) for key, value in by_parent.items()})
        set_(
            self,
            "index",
            SearchIndex.build(cluster=self.cluster, fields=self.fields, centres=self.centres),
        )
        set_(self, "statements", StatementIndex(build_statements(self)))
        set_(self, "_views", {})

    def view(self, build: Callable[[KnowledgeBase], _View]) -> _View:
        """What another layer derives from this knowledge base (the answering layer's lexicon:
        :func:`bot.answers.prepared`), built by ``build`` once and kept with it. The knowledge
        base is immutable, so the view never goes stale, and it goes when the knowledge base
        goes; the layer that loads the knowledge base builds it then, never a question."""
        views = self._views
        if build not in views:
            views.setdefault(build, build(self))
        return cast(_View, views[build])

    def outside_named(self, text: str) -> OutsidePlace | None:
        """The place outside Medicon Valley that ``text`` names exactly, if any.

        Matching is the index's: case, accents and punctuation ignored, whole names and aliases
        only (``karolinska institutet``, ``KI``), never a part of a longer question. The loader
        guarantees that no such name also names an entry in the cluster.
        """
        return self._outside_names.get(normalize(text))

    def centres_in(self, field_id: str) -> tuple[Centre, ...]:
        """Centres and other institutions (not companies) working in ``field_id``, in file
        order."""
        return self._by_field.get(field_id, ())

    def owned_by(self, owner_id: str) -> tuple[Centre, ...]:
        """The companies whose controlling owner is ``owner_id``, in file order."""
        return tuple(c for c in self.centres.values() if c.owner == owner_id)

    def companies_in(self, field_id: str) -> tuple[Centre, ...]:
        """Companies working in ``field_id``, in file order."""
        return self._companies_by_field.get(field_id, ())

    @property
    def institutions(self) -> tuple[Centre, ...]:
        """Every entry that is not a company, in file order."""
        return tuple(c for c in self.centres.values() if c.kind is not CentreKind.COMPANY)

    @property
    def companies(self) -> tuple[Centre, ...]:
        """Every company, in file order."""
        return tuple(c for c in self.centres.values() if c.kind is CentreKind.COMPANY)

    def parts_of(self, centre_id: str) -> tuple[Centre, ...]:
        """Programmes and centres that belong to ``centre_id`` (``part_of``)."""
        return self._by_parent.get(centre_id, ())

    def name_of(self, ref: EntryRef) -> str:
        """The display name of any entry an index lookup returns."""
        if ref.kind == "field":
            return self.fields[ref.id].name
        if ref.kind == "centre":
            return self.centres[ref.id].label
        return self.cluster.name

    def all_stats(self) -> tuple[Stat, ...]:
        """Every number in the knowledge base: the cluster's, then each field's."""
        stats = list(self.cluster.stats)
        for research_field in self.fields.values():
            stats.extend(research_field.stats)
        return tuple(stats)

    def counts(self) -> Mapping[str, int]:
        """How much is in here, for `kb check`, `/healthz` and logs."""
        return MappingProxyType(
            {
                "fields": len(self.fields),
                "centres": len(self.centres),
                "stats": len(self.all_stats()),
                "sources": len(self.sources),
            }
        )
