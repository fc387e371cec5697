"""Lookup structures built once per knowledge base: exact names, typo candidates, full text.

Every lookup is a handful of dictionary probes so that it stays well under a millisecond with
tens of thousands of entries (``bench/search.py`` measures it):

* exact: normalised name/alias → entry;
* typos: a one-deletion index (the SymSpell idea) finds names one edit away in O(length);
  only when that fails does rapidfuzz score names of similar length;
* free text: an inverted index of weighted words, rarest words first.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.knowledge.models import Centre, Cluster, ResearchField, Stat
from bot.knowledge.text import STOP_WORDS, normalize

__all__ = ["EntryRef", "Hit", "SearchIndex", "TypoMatch"]

EntryKind = Literal["field", "centre", "cluster"]

_NAME_WEIGHT = 3.0
_PLACE_WEIGHT = 1.5
_FIELD_WEIGHT = 1.5
_TEXT_WEIGHT = 1.0
_PREFIX_FACTOR = 0.5
_COMMON_SHARE = 0.05
"""A word in more than this share of entries only re-ranks what rarer words found."""
_FUZZY_CUTOFF = 80.0
_TAIL_SHARE = 0.35
"""Results scoring below this share of the best are noise, not answers."""
_KIND_ORDER: Mapping[str, int] = {"field": 0, "cluster": 1, "centre": 2}


class EntryRef(NamedTuple):
    """A pointer to one entry: ``EntryRef("centre", "ludc")`` (a tuple: cheap to hash)."""

    kind: EntryKind
    id: str


@dataclass(frozen=True)
class TypoMatch:
    """What a misspelt query was taken to mean, and the spelling it was matched to."""

    ref: EntryRef
    matched: str
    score: float


@dataclass(frozen=True)
class Hit:
    """One full-text result with its relevance (higher is better)."""

    ref: EntryRef
    score: float


def _stat_texts(stats: Iterable[Stat]) -> list[str]:
    return [text for stat in stats for text in (stat.label, stat.unit, stat.statement)]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class SearchIndex:
    """Read-only lookups over one knowledge base. Build with :meth:`build`."""

    def __init__(
        self,
        *,
        names: Mapping[str, EntryRef],
        documents: Mapping[EntryRef, Mapping[str, float]],
    ) -> None:
        self._names = dict(names)
        self._name_deletes: dict[str, list[str]] = defaultdict(list)
        self._names_by_length: dict[int, list[str]] = defaultdict(list)
        for name in self._names:
            self._names_by_length[len(name)].append(name)
            for variant in _deletions(name):
                self._name_deletes[variant].append(name)
        self._postings: dict[str, dict[EntryRef, float]] = defaultdict(dict)
        for ref, words in documents.items():
            for word, weight in words.items():
                self._postings[word][ref] = weight
        total = max(len(documents), 1)
        self._idf = {word: math.log(1 + total / len(refs)) for word, refs in self._postings.items()}
        self._common_df = max(int(total * _COMMON_SHARE), 50)
        self._vocabulary = sorted(self._postings)
        self._word_deletes: dict[str, list[str]] = defaultdict(list)
        for word in self._vocabulary:
            if len(word) >= 4:
                for variant in _deletions(word):
                    self._word_deletes[variant].append(word)

    @classmethod
    def build(
        cls,
        *,
        cluster: Cluster,
        fields: Mapping[str, ResearchField],
        centres: Mapping[str, Centre],
    ) -> SearchIndex:
        """Index every name, alias and text of the knowledge base's records (given as records,
        not as the knowledge base, which holds this index: no import cycle)."""
        names: dict[str, EntryRef] = {}
        documents: dict[EntryRef, dict[str, float]] = {}

        def add_names(ref: EntryRef, spellings: Iterable[str | None]) -> None:
            for spelling in spellings:
                if spelling:
                    names.setdefault(normalize(spelling), ref)

        def add_words(ref: EntryRef, texts: Iterable[str | None], weight: float) -> None:
            words = documents.setdefault(ref, {})
            for text in texts:
                for word in normalize(text or "").split():
                    if word not in STOP_WORDS and words.get(word, 0.0) < weight:
                        words[word] = weight

        cluster_ref = EntryRef("cluster", "cluster")
        add_names(cluster_ref, (cluster.name, *cluster.aliases))
        add_words(cluster_ref, (cluster.name, *cluster.aliases), _NAME_WEIGHT)
        add_words(cluster_ref, (cluster.summary, *cluster.highlight_texts), _TEXT_WEIGHT)
        add_words(cluster_ref, _stat_texts(cluster.stats), _TEXT_WEIGHT)
        for research_field in fields.values():
            ref = EntryRef("field", research_field.id)
            field_names = (research_field.id, research_field.name, *research_field.aliases)
            add_names(ref, field_names)
            add_words(ref, field_names, _NAME_WEIGHT)
            add_words(ref, (research_field.summary, *research_field.highlight_texts), _TEXT_WEIGHT)
            add_words(ref, _stat_texts(research_field.stats), _TEXT_WEIGHT)
        for centre in centres.values():
            ref = EntryRef("centre", centre.id)
            centre_names = (
                centre.id,
                centre.name,
                centre.plain_name,
                centre.short_name,
                *centre.aliases,
            )
            add_names(ref, centre_names)
            add_words(ref, centre_names, _NAME_WEIGHT)
            add_words(ref, (centre.host, centre.city, centre.country_name), _PLACE_WEIGHT)
            for field_id in centre.fields:
                in_field = fields.get(field_id)
                if in_field is not None:
                    add_words(ref, (in_field.name, *in_field.aliases), _FIELD_WEIGHT)
            add_words(ref, (centre.summary, *centre.detail_texts, *centre.themes), _TEXT_WEIGHT)
        return cls(names=names, documents=documents)

    @property
    def spellings(self) -> Mapping[str, EntryRef]:
        """Every normalised name and alias, with the entry it leads to."""
        return self._names

    def exact(self, text: str) -> EntryRef | None:
        """The entry whose name, id or alias is ``text`` (case, accents and punctuation ignored)."""
        return self._names.get(normalize(text))

    def closest(self, text: str) -> TypoMatch | None:
        """The entry whose name is one edit (OSA) away from ``text``; a handful of dict probes."""
        query = normalize(text)
        if len(query) < 3:
            return None
        candidates = set(self._name_deletes.get(query, ()))
        for variant in _deletions(query):
            candidates.update(self._name_deletes.get(variant, ()))
            if variant in self._names:
                candidates.add(variant)
        near = [name for name in candidates if OSA.distance(query, name) <= 1]
        if not near:
            return None
        best = min(near, key=lambda name: self._rank_key(name, query))
        return TypoMatch(ref=self._names[best], matched=best, score=100.0)

    def resembling(self, text: str) -> TypoMatch | None:
        """The entry whose name is most similar to ``text`` (rapidfuzz ratio ≥ 80), if any.

        Slower than :meth:`closest` (it scores every name of similar length), so callers try it
        last, for typos of more than one letter.
        """
        query = normalize(text)
        if len(query) < 5:
            return None
        pool: list[str] = []
        for length in range(len(query) - 2, len(query) + 3):
            pool.extend(self._names_by_length.get(length, ()))
        found = process.extractOne(
            query, pool, scorer=fuzz.ratio, processor=None, score_cutoff=_FUZZY_CUTOFF
        )
        if found is None:
            return None
        return TypoMatch(ref=self._names[found[0]], matched=found[0], score=float(found[1]))

    def _rank_key(self, name: str, query: str) -> tuple[float, int, int, str]:
        ref = self._names[name]
        return (OSA.distance(query, name), _KIND_ORDER[ref.kind], abs(len(name) - len(query)), name)

    def suggestions(self, text: str, *, limit: int = 3) -> list[EntryRef]:
        """A few entries whose names look most like ``text``, for a "did you mean" reply."""
        query = normalize(text)
        if not query:
            return []
        found = process.extract(
            query, list(self._names), scorer=fuzz.WRatio, processor=None, limit=limit * 4
        )
        refs: list[EntryRef] = []
        for name, score, _ in found:
            ref = self._names[name]
            if score >= 50 and ref not in refs:
                refs.append(ref)
        return refs[:limit]

    def _expand(self, word: str) -> list[tuple[str, float]]:
        """The indexed words ``word`` stands for: itself if indexed; else one-edit typos of it
        and words it begins (``diab`` → ``diabetes``)."""
        if word in self._postings:
            return [(word, 1.0)]
        if len(word) >= 4:
            candidates = set(self._word_deletes.get(word, ()))
            for variant in _deletions(word):
                candidates.update(self._word_deletes.get(variant, ()))
                if variant in self._postings:
                    candidates.add(variant)
            matches = [(c, 0.8) for c in sorted(candidates) if OSA.distance(word, c) <= 1][:3]
        else:
            return []
        start = bisect_left(self._vocabulary, word)
        for candidate in self._vocabulary[start : start + 5]:
            if candidate.startswith(word):
                matches.append((candidate, _PREFIX_FACTOR))
        return matches

    def search(self, text: str, *, limit: int = 5) -> list[Hit]:
        """Entries ranked by how well their names, places and texts match the words of ``text``."""
        words = [w for w in dict.fromkeys(normalize(text).split()) if w not in STOP_WORDS]
        expanded: list[tuple[int, str, float]] = []
        for position, word in enumerate(words):
            expanded.extend((position, match, factor) for match, factor in self._expand(word))
        if not expanded:
            return []
        expanded.sort(key=lambda item: len(self._postings[item[1]]))
        scores: dict[EntryRef, float] = defaultdict(float)
        covered: dict[EntryRef, set[int]] = defaultdict(set)
        for position, word, factor in expanded:
            postings = self._postings[word]
            idf = self._idf[word] * factor
            common = bool(scores) and len(postings) > self._common_df
            pairs = (
                ((ref, postings[ref]) for ref in list(scores) if ref in postings)
                if common
                else postings.items()
            )
            for ref, weight in pairs:
                scores[ref] += weight * idf
                covered[ref].add(position)
        # Entries matching more of the words come first; weak tail results are dropped.
        ranked = heapq.nsmallest(
            limit,
            (
                (-len(covered[ref]), -score, _KIND_ORDER[ref.kind], ref.id, ref)
                for ref, score in scores.items()
            ),
        )
        best = max(-negative for _, negative, _, _, _ in ranked)
        return [
            Hit(ref=ref, score=-negative)
            for _, negative, _, _, ref in ranked
            if -negative >= best * _TAIL_SHARE
        ]
