"""What the understanding layer knows about one knowledge base, built once when it is loaded.

The index answers "which entry is called this?"; the lexicon adds what a question needs on top:
stemmed names (``stamcellerne``), the single words of field names for compound splitting
(``kræft|forskning``), the cities the centres are in, outside places, the words of every stat
label, and the vocabulary used to tell an unknown word from a known one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.answers.understand import vocabulary as vocab
from bot.knowledge import EntryRef, KnowledgeBase, Stat
from bot.knowledge.stems import stem, stem_phrase
from bot.knowledge.text import normalize

__all__ = ["Lexicon", "StatEntry", "build_lexicon", "lexicon_for"]


@dataclass(frozen=True)
class StatEntry:
    """A number and the entry that holds it, with the stems its label and text are made of."""

    owner: EntryRef
    stat: Stat
    label_stems: frozenset[str]
    text_stems: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    names: Mapping[str, EntryRef]
    spellings_of: Mapping[EntryRef, tuple[str, ...]]
    """Every normalised spelling of each entry."""
    stemmed_names: Mapping[str, EntryRef]
    partial_names: Mapping[str, EntryRef]
    """The first three or more words of a long name, when only one entry starts that way."""
    longest_name: int
    field_words: Mapping[str, EntryRef]
    """Single words (and their stems) that name a field: the heads of compounds."""
    outside: Mapping[str, str]
    """Normalised name or alias of a place outside the cluster → its id."""
    cities: Mapping[str, str]
    """Normalised city word → the city as the knowledge base writes it."""
    stats: tuple[StatEntry, ...]
    by_city: Mapping[str, tuple[str, ...]]
    """Normalised city word → ids of the centres there, in file order."""
    position: Mapping[str, int]
    """Centre id → its place in the file, for keeping lists in the editors' order."""
    source_use: Mapping[str, int]
    """Source id → how many entries cite it: the rarest is the most specific to an entry."""
    known_stems: frozenset[str]
    """Stems of every word in the knowledge base and in the vocabulary tables."""
    table_words: frozenset[str]


def _words(texts: Iterable[str | None]) -> list[str]:
    return [word for text in texts for word in normalize(text or "").split()]


def _stat_entry(owner: EntryRef, stat: Stat) -> StatEntry:
    label = {stem(w) for w in _words((stat.label, stat.unit)) if w not in vocab.FILLER}
    text = {stem(w) for w in _words((stat.statement,)) if w not in vocab.FILLER}
    return StatEntry(owner, stat, frozenset(label), frozenset(text - label))


def _table_words() -> frozenset[str]:
    words: set[str] = set()
    tables: list[Iterable[str]] = [
        vocab.SIGNAL_PHRASES,
        vocab.GREETINGS,
        vocab.THANKS,
        vocab.CAPABILITY_PHRASES,
        vocab.FILLER,
        vocab.FIELD_WORDS,
        vocab.CONNECTORS,
        vocab.SYNONYMS,
        vocab.SYNONYMS.values(),
        vocab.CONCEPTS,
        vocab.CONCEPTS.values(),
        vocab.KIND_WORDS,
        vocab.STATUS_WORDS,
        vocab.COUNTRIES,
        vocab.PLACE_EXONYMS,
    ]
    for table in tables:
        for phrase in table:
            words.update(phrase.split())
    return frozenset(words)


def build_lexicon(kb: KnowledgeBase) -> Lexicon:
    """Everything the understanding layer needs to know about ``kb`` (about 140 ms on the real
    knowledge base: built once, at load)."""
    names = dict(kb.index.spellings)
    stemmed: dict[str, EntryRef] = {}
    field_words: dict[str, EntryRef] = {}
    for spelling, ref in names.items():
        words = spelling.split()
        stemmed.setdefault(stem_phrase(words), ref)
        if ref.kind == "field" and len(words) == 1 and len(spelling) >= 4:
            field_words.setdefault(spelling, ref)
            field_words.setdefault(stem(spelling), ref)
    for word, target in vocab.SYNONYMS.items():
        synonym_of = names.get(target)
        if synonym_of is not None and synonym_of.kind == "field" and " " not in word:
            field_words.setdefault(word, synonym_of)
    partial: dict[str, EntryRef | None] = {}
    for spelling, ref in names.items():
        words = spelling.split()
        for size in range(3, len(words)):
            head = words[:size]
            if head[-1] in vocab.FILLER or sum(w not in vocab.FILLER for w in head) < 2:
                continue
            key = " ".join(head)
            if key in names:
                continue
            partial[key] = ref if partial.get(key, ref) == ref else None
    outside: dict[str, str] = {}
    for place in kb.outside.values():
        for spelling in (place.name, *place.aliases):
            outside.setdefault(normalize(spelling), place.id)
    cities: dict[str, str] = {}
    by_city: dict[str, dict[str, None]] = {}
    texts: list[str | None] = [kb.cluster.name, kb.cluster.summary, *kb.cluster.highlight_texts]
    stats = [_stat_entry(EntryRef("cluster", "cluster"), s) for s in kb.cluster.stats]
    for research_field in kb.fields.values():
        ref = EntryRef("field", research_field.id)
        stats.extend(_stat_entry(ref, s) for s in research_field.stats)
        texts += [research_field.name, *research_field.aliases, research_field.summary]
        texts += list(research_field.highlight_texts)
    for centre in kb.centres.values():
        for word in _words((centre.city,)):
            if word not in vocab.FILLER and len(word) >= 3:
                cities.setdefault(word, word)
                by_city.setdefault(word, {})[centre.id] = None
        texts += [centre.name, centre.short_name, *centre.aliases, centre.host, centre.summary]
        texts += [centre.city, *centre.detail_texts, *centre.themes, centre.status_note]
        texts += [centre.founded_note]
    for area, towns in vocab.PLACE_AREAS.items():
        around = by_city.setdefault(area, {})
        for town in towns:
            for word in town.split():
                around.update(by_city.get(word, {}))
    for stat_entry in stats:
        texts += [stat_entry.stat.label, stat_entry.stat.unit, stat_entry.stat.statement]
    source_use: dict[str, int] = {}
    cited: list[tuple[str, ...]] = [tuple(kb.cluster.sources)]
    cited += [tuple(f.sources) for f in kb.fields.values()]
    cited += [tuple(c.sources) for c in kb.centres.values()]
    for sources in cited:
        for source_id in set(sources):
            source_use[source_id] = source_use.get(source_id, 0) + 1
    table_words = _table_words()
    known = {stem(word) for word in _words(texts)}
    known.update(stem(word) for word in table_words)
    known.update(stem(word) for name in outside for word in name.split())
    spellings_of: dict[EntryRef, list[str]] = {}
    for spelling, ref in names.items():
        spellings_of.setdefault(ref, []).append(spelling)
    return Lexicon(
        names=names,
        spellings_of={ref: tuple(found) for ref, found in spellings_of.items()},
        stemmed_names=stemmed,
        partial_names={key: ref for key, ref in partial.items() if ref is not None},
        longest_name=min(max((len(n.split()) for n in names), default=1), 10),
        field_words=field_words,
        outside=outside,
        cities=cities,
        stats=tuple(stats),
        by_city={city: tuple(ids) for city, ids in by_city.items()},
        position={centre_id: number for number, centre_id in enumerate(kb.centres)},
        source_use=source_use,
        known_stems=frozenset(known),
        table_words=table_words,
    )


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    """The lexicon of ``kb``, kept with it (:meth:`KnowledgeBase.view`) and built when the
    knowledge base is loaded for answering (:func:`bot.answers.prepared`)."""
    return kb.view(build_lexicon)
