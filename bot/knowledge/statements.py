"""Every sentence the knowledge base says, as a sourced statement an answer can quote.

A statement is one sentence about one entry (and possibly others it names), with the source that
says it and the year it applied. They come from the entries' prose (details, highlights,
summaries, notes, the figures' own sentences, ownership and listing) and from their structured
fields rendered as sentences ("LUDC was founded in 2006"), so a question can be matched against
everything the knowledge base knows in one way.

Each statement also says what kind of fact it holds (a year, a number, a place, a person), so
a *when* question prefers a sentence with a year and a *who* question one that names someone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.knowledge.index import EntryRef
from bot.knowledge.models import Centre, CentreKind, Cluster, ResearchField, Statement
from bot.knowledge.stems import stem
from bot.knowledge.text import STOP_WORDS, normalize

if TYPE_CHECKING:
    from bot.knowledge.base import KnowledgeBase

__all__ = ["FactKind", "KnownStatement", "build_statements", "content_stems", "split_sentences"]

FactKind = str
"""``year``, ``number``, ``place`` or ``person``."""

_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\b[A-Z][a-z]\.)(?<!\b[A-Z][a-z]{2}\.)"
    r"\s+(?=[A-Z“\"(])"
)
"""A sentence ends at a full stop before a capital, but not after an initial, ``e.g.``, ``i.e.``
or a shortened name of two or three letters (``Chr. Hansen``, ``Dr. Neergaards Vej``): no
sentence ends in a word that short with a capital."""
_YEAR = re.compile(r"\b(?:1[4-9]\d\d|20\d\d)\b")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_PERSON = re.compile(
    r"\b(?:[A-ZÆØÅÄÖ][a-zæøåäöéü]+(?:-[A-ZÆØÅÄÖ][a-zæøåäöéü]+)?\s)"
    r"(?:[A-ZÆØÅÄÖ]\.\s)?(?:(?:af|de|van|von)\s)?[A-ZÆØÅÄÖ][a-zæøåäöéü]+(?:-[A-ZÆØÅÄÖ][a-zæøåäöéü]+)?"
)
"""Two or three capitalised words in a row: a person's name, roughly (checked against the
names of places and entries, which are not people)."""


_ORIGIN_WORDS = {
    "listing": "listed listing stock exchange shares traded ticker public",
    "ownership": "owner owns owned ownership shareholder shareholders controlled control",
    "founded_note": "founded founding established",
    "status_note": "status",
    "change": "change changes",
    "field:founded": "founded established",
    "field:place": "located based where",
    "field:host": "host hosted",
    "field:owner": "owner owns owned",
}
"""What a sentence from a structured key is about, though its own words may not say it (a
listing sentence names the exchange, not the word "listed")."""


@dataclass(frozen=True)
class KnownStatement:
    """One sentence the knowledge base says, ready to be matched and quoted."""

    id: int
    ref: EntryRef
    """The entry whose record holds the sentence."""
    text: str
    source: str | None
    """The id of the source that says it; None for a structured field (cite the entry's)."""
    year: str | None
    """``2021``, ``undated``, or None when not recorded."""
    origin: str
    """Where it comes from: ``details``, ``summary``, ``founded`` (a structured field) …"""
    about: tuple[EntryRef, ...]
    """The entries it is about: its own entry first, then those it names."""
    stems: frozenset[str]
    """The stems of its content words, for coverage."""
    kinds: frozenset[FactKind]

    @property
    def structured(self) -> bool:
        return self.origin.startswith("field:")


def split_sentences(text: str | None) -> list[str]:
    """Sentences of ``text`` (abbreviations such as ``e.g.`` and initials do not end one)."""
    return [part.strip() for part in _SENTENCE.split(text or "") if part.strip()]


_FUNCTION_WORDS = STOP_WORDS - {"research", "researchers", "working", "works", "show"}
"""Stop words that carry nothing in a sentence (the index's list also drops words too common
among entry names, such as "research", which a statement may well be about)."""


def content_stems(text: str) -> list[str]:
    """The stems of ``text``'s content words, in order, once each."""
    words = [w for w in normalize(text).split() if w not in _FUNCTION_WORDS]
    return list(dict.fromkeys(stem(word) for word in words))


def build_statements(kb: KnowledgeBase) -> tuple[KnownStatement, ...]:
    """Every statement of ``kb``: each entry's prose, then its structured fields as sentences."""
    places = _place_words(kb)
    names = _name_words(kb)
    mentions = _Mentions.of(kb)
    built: list[KnownStatement] = []
    for ref, text, source, year, origin, named in _raw_statements(kb):
        kinds = _kinds_of(text, places, names)
        about = (*named, *mentions.in_text(text))
        built.append(
            KnownStatement(
                id=len(built),
                ref=ref,
                text=text,
                source=source,
                year=year,
                origin=origin,
                about=(ref, *dict.fromkeys(a for a in about if a != ref)),
                stems=frozenset(content_stems(f"{text} {_ORIGIN_WORDS.get(origin, '')}")),
                kinds=kinds,
            )
        )
    return tuple(built)


_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")


@dataclass(frozen=True)
class _Mentions:
    """The centres a sentence names by a name, a short name or an alias, so a statement in
    one entry's record is also found as being about the others it names ("It established the
    BioInnovation Institute in 2017" is about BII too).

    Names of several words are matched as whole-word phrases, the longest at each place; a
    one-word name only as written with a capital (``Ideon``, ``BII``), so an ordinary word never
    makes a sentence about an entry. Matching looks phrases up by their words (a dict per
    length), so it costs the same with 120 entries as with 10,000."""

    names: dict[tuple[str, ...], EntryRef]
    lengths: tuple[int, ...]
    """The word counts of the names, longest first."""

    @classmethod
    def of(cls, kb: KnowledgeBase) -> _Mentions:
        taken: dict[tuple[str, ...], EntryRef | None] = {}
        for centre in kb.centres.values():
            ref = EntryRef("centre", centre.id)
            for spelling in (centre.name, centre.short_name, *centre.aliases):
                key = tuple(normalize(spelling or "").split())
                if len(" ".join(key)) < 3:
                    continue
                previous = taken.get(key, ref)
                taken[key] = ref if previous == ref else None  # a shared spelling names neither
        names = {key: ref for key, ref in taken.items() if ref is not None}
        return cls(names=names, lengths=tuple(sorted({len(k) for k in names}, reverse=True)))

    def in_text(self, text: str) -> tuple[EntryRef, ...]:
        found: dict[EntryRef, None] = {}
        text = _POSSESSIVE.sub("", text)  # "Lund University's" names Lund University
        words = normalize(text).split()
        capitalised = {normalize(word) for word in re.findall(r"\b[A-ZÆØÅÄÖ][\w.'’]*", text)}
        position = 0
        while position < len(words):
            for size in self.lengths:
                ref = self.names.get(tuple(words[position : position + size]))
                if ref is None or (size == 1 and words[position] not in capitalised):
                    continue
                found[ref] = None
                position += size  # "Lundbeck Foundation" is not also "Lundbeck"
                break
            else:
                position += 1
        return tuple(found)


_Raw = tuple[EntryRef, str, str | None, str | None, str, tuple[EntryRef, ...]]


def _raw_statements(kb: KnowledgeBase) -> Iterator[_Raw]:
    cluster = EntryRef("cluster", "cluster")
    yield from _entry_prose(kb, cluster, kb.cluster)
    for research_field in kb.fields.values():
        yield from _entry_prose(kb, EntryRef("field", research_field.id), research_field)
    for centre in kb.centres.values():
        ref = EntryRef("centre", centre.id)
        yield from _entry_prose(kb, ref, centre)
        yield from _structured(kb, ref, centre)


def _about(kb: KnowledgeBase, ids: Iterable[str]) -> tuple[EntryRef, ...]:
    refs: list[EntryRef] = []
    for entry_id in ids:
        if entry_id in kb.centres:
            refs.append(EntryRef("centre", entry_id))
        elif entry_id in kb.fields:
            refs.append(EntryRef("field", entry_id))
    return tuple(refs)


def _sentences_of(
    ref: EntryRef, statement: Statement, origin: str, about: tuple[EntryRef, ...]
) -> Iterator[_Raw]:
    for sentence in split_sentences(statement.text):
        yield ref, sentence, statement.source, statement.year_label, origin, about


def _entry_prose(
    kb: KnowledgeBase, ref: EntryRef, entry: Centre | ResearchField | Cluster
) -> Iterator[_Raw]:
    first = entry.sources[0] if len(entry.sources) == 1 else None
    for sentence in split_sentences(entry.summary):
        yield ref, sentence, first, None, "summary", ()
    if isinstance(entry, Centre):
        prose: tuple[tuple[str, Statement], ...] = tuple(("details", s) for s in entry.details)
        for key in ("ownership", "listing"):
            value = getattr(entry, key)
            if value is not None:
                prose += ((key, value),)
        for note_key in ("founded_note", "status_note"):
            note = getattr(entry, note_key)
            if note:
                yield ref, _as_sentence(entry, note_key, note), first, None, note_key, ()
        for change in entry.changes:
            when = change.effective.isoformat()
            yield (
                ref,
                f"From {when}: {change.note}",
                change.source,
                str(change.effective.year),
                "change",
                _about(kb, [change.successor] if change.successor else []),
            )
    else:
        prose = tuple(("highlights", s) for s in entry.highlights)
    for origin, statement in prose:
        yield from _sentences_of(ref, statement, origin, _about(kb, statement.about))
    for stat in entry.stats:
        yield ref, stat.statement, stat.source, stat.year_label, "stat", ()


def _as_sentence(centre: Centre, key: str, note: str) -> str:
    """A note as a sentence about its entry: ``LUDC founded: work began in 2006.``"""
    what = "founded" if key == "founded_note" else "status"
    return f"{centre.short_name or centre.name} ({what}): {note}"


def _structured(kb: KnowledgeBase, ref: EntryRef, centre: Centre) -> Iterator[_Raw]:
    name = centre.label
    if centre.founded:
        yield ref, f"{name} was founded in {centre.founded}.", None, None, "field:founded", ()
    if centre.place:
        yield ref, f"{name} is in {centre.place}.", None, None, "field:place", ()
    if centre.host:
        yield ref, f"{name} is hosted by {centre.host}.", None, None, "field:host", ()
    if centre.part_of and centre.part_of in kb.centres:
        parent = kb.centres[centre.part_of]
        about = (EntryRef("centre", parent.id),)
        yield ref, f"{name} is part of {parent.label}.", None, None, "field:part_of", about
    if centre.kind is CentreKind.COMPANY and centre.owner and centre.owner in kb.centres:
        owner = kb.centres[centre.owner]
        about = (EntryRef("centre", owner.id),)
        yield ref, f"{name} is controlled by {owner.label}.", None, None, "field:owner", about


def _place_words(kb: KnowledgeBase) -> frozenset[str]:
    words = {"denmark", "sweden", "danmark", "sverige", "skane", "zealand", "copenhagen"}
    for centre in kb.centres.values():
        if centre.city:
            words.update(normalize(centre.city).split())
    return frozenset(words)


def _name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Words of entry names: capitalised, but not people."""
    words: set[str] = set()
    for centre in kb.centres.values():
        for spelling in (centre.name, centre.short_name, *centre.aliases, centre.host):
            words.update(normalize(spelling or "").split())
    for research_field in kb.fields.values():
        words.update(normalize(research_field.name).split())
    return frozenset(words)


def _kinds_of(text: str, places: frozenset[str], names: frozenset[str]) -> frozenset[FactKind]:
    kinds: set[FactKind] = set()
    if _YEAR.search(text):
        kinds.add("year")
    if any(not _YEAR.fullmatch(number.rstrip(".,")) for number in _NUMBER.findall(text)):
        kinds.add("number")
    words = set(normalize(text).split())
    if words & places:
        kinds.add("place")
    for match in _PERSON.finditer(text):
        parts = normalize(match.group(0)).split()
        if not all(part in names or part in places for part in parts):
            kinds.add("person")
            break
    return frozenset(kinds)
