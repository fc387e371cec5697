"""Small pieces every direct answer is made of: an entry's name and most specific source, its
sentences, the caveat its status calls for, a figure with its year, and the answer record."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from bot.answers import phrases
from bot.answers.locale import fragments
from bot.answers.records import (
    DirectAnswer,
    Entry,
    Fact,
)
from bot.answers.understand.lexicon import lexicon_for
from bot.answers.understand.question import Question
from bot.knowledge import (
    Centre,
    EntryRef,
    KnowledgeBase,
    ResearchField,
    Source,
    Stat,
    Status,
)

__all__ = [
    "SENTENCE",
    "YEAR",
    "direct_answer",
    "entry_of",
    "first_sentence",
    "first_source",
    "name_of",
    "quoted_source",
    "related_of",
    "sources_of",
    "spellings",
    "split_sentences",
    "stat_fact",
    "status_caveat",
    "year_phrase",
]

SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z“\"(])")
YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\b")
# --- helpers -----------------------------------------------------------------------------------


def entry_of(kb: KnowledgeBase, ref: EntryRef) -> Entry:
    if ref.kind == "field":
        return kb.fields[ref.id]
    if ref.kind == "centre":
        return kb.centres[ref.id]
    return kb.cluster


def name_of(entry: Entry) -> str:
    if isinstance(entry, Centre):
        return entry.short_name or entry.name
    return entry.name


def first_source(kb: KnowledgeBase, ids: Sequence[str]) -> Source | None:
    """The entry's most specific source: the one the fewest entries cite (a centre's own page
    rather than an overview that names every centre); the first of equals."""
    use = lexicon_for(kb).source_use
    known = [source_id for source_id in ids if source_id in kb.sources]
    if not known:
        return None
    return kb.sources[min(known, key=lambda source_id: use.get(source_id, 0))]


def quoted_source(kb: KnowledgeBase, entry: Entry, text: str) -> Source | None:
    """The own source of the statement about ``entry`` that ``text`` quotes, if it quotes one."""
    ref = EntryRef("field", entry.id) if isinstance(entry, ResearchField) else None
    if isinstance(entry, Centre):
        ref = EntryRef("centre", entry.id)
    elif ref is None:
        ref = EntryRef("cluster", "cluster")
    for statement in kb.statements.about(ref):
        if statement.source is not None and statement.text in text:
            return kb.sources.get(statement.source)
    return None


def sources_of(entry: Entry) -> tuple[str, ...]:
    return tuple(entry.sources)


def year_phrase(stat: Stat) -> str:
    """``as of 2022`` or ``undated``: every figure says when it applied."""
    return fragments.AS_OF.format(year=stat.as_of) if stat.as_of is not None else phrases.UNDATED


def split_sentences(text: str | None) -> list[str]:
    return [part.strip() for part in SENTENCE.split(text or "") if part.strip()]


def first_sentence(text: str) -> str:
    parts = split_sentences(text)
    return parts[0] if parts else text


def status_caveat(kb: KnowledgeBase, entry: Entry, day: date | None = None) -> str | None:
    """What a reader must know before trusting a fact about ``entry`` on ``day``: it ended,
    was renamed, or its status is uncertain (with the successor, when recorded)."""
    if not isinstance(entry, Centre):
        return None
    day = day or date.today()
    status, successor_id, note = entry.status_on(day)
    if status is Status.ACTIVE:
        return _change_in_force(entry, day)
    text = phrases.CAVEATS[status.value].format(name=name_of(entry))
    if note:
        text += f": {note}"
    successor = kb.centres.get(successor_id) if successor_id else None
    if successor is not None:
        text += " " + phrases.SUCCESSOR.format(label=successor.label)
    return text if text.endswith((".", "!", "?")) else text + "."


def _change_in_force(centre: Centre, day: date) -> str | None:
    """The latest dated change that took effect by ``day`` and left the entry active (a new
    owner, a move): what the entry's older fields do not say yet ("From 2027-01-01: Run by the
    Region of Eastern Denmark …"), in the knowledge base's own words."""
    in_force = [change for change in centre.changes if change.effective <= day and change.note]
    if not in_force:
        return None
    latest = max(in_force, key=lambda change: change.effective)
    if latest.status is not Status.ACTIVE:
        return None
    return f"From {latest.effective.isoformat()}: {latest.note}"


def related_of(kb: KnowledgeBase, entry: Entry, day: date | None = None) -> tuple[Entry, ...]:
    """The entry that took over from ``entry`` by ``day``, if any: one click away."""
    if not isinstance(entry, Centre):
        return ()
    _, successor, _ = entry.status_on(day or date.today())
    return (kb.centres[successor],) if successor and successor in kb.centres else ()


def direct_answer(
    kb: KnowledgeBase,
    question: Question,
    entry: Entry,
    text: str,
    *,
    also: Iterable[Fact] = (),
    known: bool = True,
    source: Source | None = None,
) -> DirectAnswer:
    caveat = status_caveat(kb, entry, question.asked_on)
    said = f"{text} {caveat or ''}"
    source = source or quoted_source(kb, entry, text) or first_source(kb, sources_of(entry))
    return DirectAnswer(
        subject=entry,
        lead=Fact(text, source),
        also=tuple(fact for fact in also if fact.text not in said),
        caveat=caveat if caveat is None or _news(caveat, text) else None,
        related=related_of(kb, entry, question.asked_on),
        known=known,
        closest_to=question.closest_to,
    )


def _news(caveat: str, text: str) -> bool:
    """False when the answer already says what the caveat would (its note is in the text)."""
    note = caveat.split(": ", 1)[-1].split(" Successor:")[0].rstrip(".")
    return note not in text


def stat_fact(kb: KnowledgeBase, owner: Entry, stat: Stat) -> Fact:
    """``Cancer organisations (Cancer): more than 25 organisations, undated.``"""
    scope = f" in {stat.scope}" if getattr(stat, "scope", None) else ""
    owner_name = name_of(owner)
    label = stat.label if owner_name.casefold() in stat.label.casefold() else f"{stat.label}"
    text = phrases.STAT_FACT.format(
        label=label,
        owner=owner_name,
        scope=scope,
        value=stat.display_value,
        unit=stat.unit_suffix,
        year=year_phrase(stat),
    )
    return Fact(text, kb.sources.get(stat.source))


def spellings(entry: Entry) -> list[str]:
    if isinstance(entry, Centre):
        return [entry.name, entry.short_name or "", *entry.aliases]
    return [entry.name, *entry.aliases]
