"""Question → the direct answer: one sentence with the asked fact, its year and its source.

Pure functions over the knowledge base. Each answer says what it is unsure of (an entry that
ended, was renamed or whose status is uncertain) and, when the knowledge base does not hold the
asked fact, says so rather than guessing (``known=False``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.answers import phrases
from bot.answers import vocabulary as vocab
from bot.answers.lexicon import Lexicon, StatEntry, lexicon_for
from bot.answers.stems import stem
from bot.answers.understand import Filters, Question
from bot.answers.vocabulary import FILLER, Signal
from bot.knowledge import (
    Centre,
    CentreKind,
    Cluster,
    EntryRef,
    KnowledgeBase,
    ResearchField,
    Source,
    Stat,
    Status,
)
from bot.knowledge.models import OutsidePlace
from bot.knowledge.text import normalize

__all__ = [
    "ChatAnswer",
    "CompareAnswer",
    "DirectAnswer",
    "Fact",
    "FilteredListAnswer",
    "OutsideAnswer",
    "about_entry",
    "compare",
    "compare_founded",
    "count",
    "filtered_list",
    "matching_centres",
    "parts_list",
    "stat_fact",
    "status_caveat",
]

Entry = ResearchField | Centre | Cluster

_SENTENCE = re.compile(r"(?<=[.!?])(?<!\b[A-Za-z]\.)(?<!\be\.g\.)(?<!\bi\.e\.)\s+(?=[A-Z“\"(])")
_YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\b")
_ROLE_WORDS: dict[Signal, re.Pattern[str]] = {
    Signal.LEAD: re.compile(
        r"\b(led by|leads|led|leader|leaders|leading the|head of|headed|heads|director|chaired"
        r"|chair|managed by|manager|principal investigator|coordinator|coordinated|coordinates"
        r"|succeeded (him|her)|group leaders)\b",
        re.IGNORECASE,
    ),
    Signal.FOUNDER: re.compile(
        r"\b(founded by|set up by|established by|started by|created by|founder|founders"
        r"|co-founded|initiated|founding members|founded .* by|by .* (universities|university))\b",
        re.IGNORECASE,
    ),
    Signal.FUNDER: re.compile(
        r"\b(fund|funds|funded|funding|grant|grants|financed|financing|donation|endow"
        r"|sponsor|backed by|investment of|eur \d|dkk \d|sek \d)\w*",
        re.IGNORECASE,
    ),
}


_STARTED = re.compile(
    r"\b(founded|established|started|start|set up|since|began|begun|formed|launched|opened"
    r"|created|ran|run|running|from \d{4})\b",
    re.IGNORECASE,
)
_RUNNING = re.compile(
    r"\b(ended|ends|ran|runs|running|until|closed|completed|concluded|still|active|ongoing"
    r"|finished|wound|from \d{4}|\d{4}\s*[–-]\s*\d{4})\b",
    re.IGNORECASE,
)


def _closest_sentences(sentences: Sequence[str], question: Question) -> list[str]:
    """``sentences`` ranked by how many of the question's own words they share."""
    asked = {stem(word) for word in normalize(question.raw).split() if len(word) > 3}

    def shared(sentence: str) -> int:
        return len(asked & {stem(word) for word in normalize(sentence).split()})

    return sorted(sentences, key=shared, reverse=True)


@dataclass(frozen=True)
class Fact:
    """One sentence (plain text, escaped when rendered) and the source that says it."""

    text: str
    source: Source | None = None


@dataclass(frozen=True)
class DirectAnswer:
    """A one-sentence answer about ``subject``, with the card one click away.

    ``known`` is False when the knowledge base does not hold the asked fact: the sentence then
    says so, and what it does know.
    """

    subject: Entry
    lead: Fact
    also: tuple[Fact, ...] = ()
    caveat: str | None = None
    related: tuple[Entry, ...] = ()
    known: bool = True
    closest_to: str | None = None


@dataclass(frozen=True)
class FilteredListAnswer:
    """Centres narrowed by field, place, country, kind or status, best match first.

    ``counted`` means the question asked how many: the answer leads with the number.
    """

    centres: tuple[Centre, ...]
    description: str
    field: ResearchField | None = None
    counted: bool = False
    total: int = 0
    """How many centres pass the filters; ``centres`` holds the best of them."""
    closest_to: str | None = None


@dataclass(frozen=True)
class CompareAnswer:
    """Entries ranked by one kind of figure: ``(entry, value text, stat or None)``, best first."""

    ranking: tuple[tuple[Entry, str, Stat | None], ...]
    lead: Fact
    least: bool = False


@dataclass(frozen=True)
class OutsideAnswer:
    place: OutsidePlace
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ChatAnswer:
    """A greeting or a thank-you, answered briefly in kind."""

    kind: str
    language: str


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


def _first_source(kb: KnowledgeBase, ids: Sequence[str]) -> Source | None:
    """The entry's most specific source: the one the fewest entries cite (a centre's own page
    rather than an overview that names every centre); the first of equals."""
    use = lexicon_for(kb).source_use
    known = [source_id for source_id in ids if source_id in kb.sources]
    if not known:
        return None
    return kb.sources[min(known, key=lambda source_id: use.get(source_id, 0))]


def _sources_of(entry: Entry) -> tuple[str, ...]:
    return tuple(entry.sources)


def year_phrase(stat: Stat) -> str:
    """``as of 2022`` or ``undated``: every figure says when it applied."""
    return f"as of {stat.as_of}" if stat.as_of is not None else "undated"


def _sentences(text: str | None) -> list[str]:
    return [part.strip() for part in _SENTENCE.split(text or "") if part.strip()]


def _first_sentence(text: str) -> str:
    parts = _sentences(text)
    return parts[0] if parts else text


def status_caveat(kb: KnowledgeBase, entry: Entry) -> str | None:
    """What a reader must know before trusting a fact about ``entry``: it ended, was renamed,
    or its status is uncertain (with the successor, when recorded)."""
    if not isinstance(entry, Centre) or entry.status is Status.ACTIVE:
        return None
    text = phrases.CAVEATS[entry.status.value].format(name=name_of(entry))
    if entry.status_note:
        text += f": {entry.status_note}"
    successor = kb.centres.get(entry.successor) if entry.successor else None
    if successor is not None:
        text += " " + phrases.SUCCESSOR.format(label=successor.label)
    return text if text.endswith((".", "!", "?")) else text + "."


def _related(kb: KnowledgeBase, entry: Entry) -> tuple[Entry, ...]:
    if isinstance(entry, Centre) and entry.successor and entry.successor in kb.centres:
        return (kb.centres[entry.successor],)
    return ()


def _direct(
    kb: KnowledgeBase,
    question: Question,
    entry: Entry,
    text: str,
    *,
    also: Iterable[Fact] = (),
    known: bool = True,
    source: Source | None = None,
) -> DirectAnswer:
    caveat = status_caveat(kb, entry)
    said = f"{text} {caveat or ''}"
    return DirectAnswer(
        subject=entry,
        lead=Fact(text, source or _first_source(kb, _sources_of(entry))),
        also=tuple(fact for fact in also if fact.text not in said),
        caveat=caveat if caveat is None or _news(caveat, text) else None,
        related=_related(kb, entry),
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


# --- facts about one entry ---------------------------------------------------------------------


def about_entry(kb: KnowledgeBase, question: Question, ref: EntryRef) -> DirectAnswer:
    """where / who / when / status / what about one entry."""
    entry = entry_of(kb, ref)
    intent = question.intent.value
    if intent == "where":
        return _where(kb, question, entry)
    if intent == "who":
        return _who(kb, question, entry, question.role or Signal.HOST)
    if intent == "when":
        if question.role is Signal.ENDED:
            return _ended(kb, question, entry)
        return _founded(kb, question, entry)
    if intent == "status":
        return _status(kb, question, entry)
    if intent == "count":
        return count_about(kb, question, entry)
    return _what(kb, question, entry)


def _names(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """What an abbreviation stands for, and the other names the entry goes by."""
    short = entry.short_name if isinstance(entry, Centre) else None
    skip = {entry.name.casefold(), (short or "").casefold()}
    others = [a for a in _spellings(entry) if a and a.casefold() not in skip]
    if short:
        text = phrases.SHORT_FOR.format(short=short, name=entry.name)
    else:
        text = phrases.FULL_NAME.format(name=entry.name)
    if others:
        text += phrases.ALSO_CALLED.format(names=", ".join(dict.fromkeys(others)))
    return _direct(kb, question, entry, text)


def _website(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """Where to read more or get in touch: the website, or an honest "not recorded"."""
    if not isinstance(entry, Centre) or entry.website is None:
        text = phrases.NO_WEBSITE.format(name=name_of(entry))
        return _direct(kb, question, entry, text, known=False)
    text = phrases.WEBSITE.format(label=entry.label, url=str(entry.website))
    return _direct(kb, question, entry, text)


def _what(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if question.role is Signal.NAME:
        return _names(kb, question, entry)
    if question.role is Signal.WEBSITE:
        return _website(kb, question, entry)
    summary = entry.summary
    lead = _first_sentence(summary)
    text = lead if name_of(entry).casefold() in lead.casefold() else f"{name_of(entry)}: {lead}"
    rest = summary[len(lead) :].strip()
    also = [Fact(rest)] if rest else []
    return _direct(kb, question, entry, text, also=also)


def _where(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if isinstance(entry, Centre):
        if entry.place:
            text = phrases.IS_IN.format(label=entry.label, place=entry.place)
            also = [Fact(phrases.HOST_LINE.format(host=entry.host))] if entry.host else []
            return _direct(kb, question, entry, text, also=also)
        text = phrases.WHERE_UNKNOWN.format(label=entry.label)
        if entry.host:
            text += phrases.ITS_HOST.format(host=entry.host)
        return _direct(kb, question, entry, text, known=False)
    return _what(kb, question, entry)


def _matching_sentences(entry: Entry, pattern: re.Pattern[str]) -> list[str]:
    texts: list[str | None] = (
        [entry.summary, *entry.highlights]
        if not isinstance(entry, Centre)
        else [
            entry.founded_note,
            *entry.details,
            entry.status_note,
            entry.summary,
            *entry.themes,
        ]
    )
    found: list[str] = []
    for text in texts:
        for sentence in _sentences(text):
            if pattern.search(sentence) and sentence not in found:
                found.append(sentence)
    return found


def _who(kb: KnowledgeBase, question: Question, entry: Entry, role: Signal) -> DirectAnswer:
    name = name_of(entry)
    if role is Signal.HOST:
        if isinstance(entry, Centre) and entry.host:
            text = _hosted_by(entry, entry.host)
            parent = kb.centres.get(entry.part_of) if entry.part_of else None
            part_of = [Fact(phrases.PART_OF.format(parent=parent.label))] if parent else []
            return _direct(kb, question, entry, text, also=part_of)
        return _direct(
            kb,
            question,
            entry,
            phrases.NOT_RECORDED.format(asked=phrases.ASKED_ROLE["host"], name=name),
            known=False,
        )
    if role is Signal.FOUNDER and isinstance(entry, Centre):
        note = entry.founded_note or ""
        if entry.founded and re.match(r"(?i)\s*(by|with)\b", note):
            return _direct(
                kb,
                question,
                entry,
                phrases.FOUNDED_IN.format(label=entry.label, year=entry.founded, note=f" {note}"),
            )
    sentences = _matching_sentences(entry, _ROLE_WORDS.get(role, _ROLE_WORDS[Signal.LEAD]))
    if sentences:
        text = sentences[0]
        if name.casefold() not in text.casefold() and not isinstance(entry, Cluster):
            text = f"{name}: {text}"
        return _direct(kb, question, entry, text, also=[Fact(s) for s in sentences[1:3]])
    asked = phrases.ASKED_ROLE.get(role.value, phrases.ASKED_ROLE["lead"])
    text = phrases.NOT_RECORDED.format(asked=asked, name=name)
    also: list[Fact] = []
    if isinstance(entry, Centre) and entry.host:
        also.append(Fact(phrases.RECORDED.format(fact=_hosted_by(entry, entry.host))))
    return _direct(kb, question, entry, text, also=also, known=False)


def _hosted_by(centre: Centre, host: str) -> str:
    """``X is hosted by Y.``, or ``X: Owned by …`` when the host text says how already."""
    if host.casefold().startswith(("owned", "run ", "hosted", "part of", "operated")):
        return f"{centre.label}: {host}."
    return phrases.HOSTED_BY.format(label=centre.label, host=host)


def _founded(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if isinstance(entry, Centre):
        if entry.founded:
            note = f" ({entry.founded_note})" if entry.founded_note else ""
            text = phrases.FOUNDED_IN.format(label=entry.label, year=entry.founded, note=note)
            return _direct(kb, question, entry, text)
        if entry.founded_note:
            known = bool(_YEAR.search(entry.founded_note))
            text = phrases.NO_FOUNDING_YEAR.format(label=entry.label, note=entry.founded_note)
            return _direct(kb, question, entry, text, known=known)
        return _direct(
            kb,
            question,
            entry,
            phrases.WHEN_UNKNOWN.format(name=entry.label),
            known=False,
        )
    sentences = [s for s in _matching_sentences(entry, _STARTED) if _YEAR.search(s)]
    if sentences:
        ranked = _closest_sentences(sentences, question)
        return _direct(kb, question, entry, ranked[0], also=[Fact(x) for x in ranked[1:2]])
    text = phrases.WHEN_UNKNOWN.format(name=name_of(entry))
    return _direct(kb, question, entry, text, known=False)


def _ended(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if not isinstance(entry, Centre):
        return _status(kb, question, entry)
    if entry.status is Status.ACTIVE:
        text = phrases.NOT_ENDED.format(label=entry.label)
        return _direct(kb, question, entry, text)
    return _status(kb, question, entry)


def _status(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if not isinstance(entry, Centre):
        sentences = _matching_sentences(entry, _RUNNING)
        if sentences:
            ranked = _closest_sentences(sentences, question)
            return _direct(kb, question, entry, ranked[0], also=[Fact(x) for x in ranked[1:2]])
        return _what(kb, question, entry)
    note = f" {entry.status_note}" if entry.status_note else ""
    successor = kb.centres.get(entry.successor) if entry.successor else None
    also = [Fact(phrases.SUCCESSOR.format(label=successor.label))] if successor else []
    if entry.status is Status.ACTIVE:
        evidence = [entry.status_year_label] if entry.status_year_label else []
        if entry.reviewed:
            evidence.append(f"last reviewed {entry.reviewed.isoformat()}")
        when = f" ({'; '.join(evidence)})" if evidence else ""
        text = phrases.STILL_ACTIVE.format(label=entry.label, when=when)
    elif entry.status is Status.ENDED:
        text = phrases.HAS_ENDED.format(label=entry.label, note=note)
    elif entry.status is Status.RENAMED:
        text = phrases.HAS_BEEN_RENAMED.format(label=entry.label, note=note)
    else:
        text = phrases.STATUS_UNKNOWN.format(label=entry.label, note=note)
    answer = _direct(kb, question, entry, text, also=also)
    # The status sentence already says what the caveat would: do not repeat it.
    return DirectAnswer(**{**answer.__dict__, "caveat": None})


# --- numbers -----------------------------------------------------------------------------------


def _stat_score(entry: StatEntry, concepts: Sequence[str], topic: Sequence[str]) -> float:
    score = 0.0
    for concept in concepts:
        if concept in entry.label_stems:
            score += 2.0
        elif concept in entry.text_stems:
            score += 1.0
    for word in topic:
        key = stem(word)
        if key in entry.label_stems:
            score += 1.0
        elif key in entry.text_stems:
            score += 0.5
    return score


def ranked_stats(
    kb: KnowledgeBase, question: Question, owners: set[EntryRef] | None
) -> list[tuple[float, StatEntry]]:
    """Stats of ``owners`` (all when None) that fit the question's words, best first."""
    scored: list[tuple[float, int, int, StatEntry]] = []
    for position, entry in enumerate(lexicon_for(kb).stats):
        if owners is not None and entry.owner not in owners:
            continue
        score = _stat_score(entry, question.concepts, question.topic)
        if score > 0:
            scored.append((score, -(entry.stat.as_of or 0), position, entry))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    return [(score, entry) for score, _, _, entry in scored]


def count(kb: KnowledgeBase, question: Question) -> DirectAnswer | FilteredListAnswer | None:
    """how many / what share: a figure the knowledge base holds, or a count of its entries."""
    filters = question.filters
    fields = question.field_refs
    place = filters.city is not None or filters.country is not None or filters.status is not None
    if place and _counts_something_else(question):
        found = _number_sentences_in(kb, question, fields)
        if found is not None or not filters.kind_named:
            return found  # the region's figures are not a place's: say so rather than guess
    if place or (filters.kind_named and not _label_match(kb, question, fields)):
        return filtered_list(kb, question, counted=True)
    owners: set[EntryRef] | None = set(fields) if fields else None
    if owners is None and any(ref.kind == "cluster" for ref in question.entities):
        owners = {EntryRef("cluster", "cluster")}
    ranked = ranked_stats(kb, question, owners)
    if not ranked or ranked[0][0] < 2.0:
        if len(fields) == 1:
            return count_about(kb, question, kb.fields[fields[0].id])
        if filters.kind_named:
            return filtered_list(kb, question, counted=True)
        return None
    best_score = ranked[0][0]
    chosen = [entry for score, entry in ranked if score >= best_score * 0.75][:4]
    facts = [stat_fact(kb, entry_of(kb, item.owner), item.stat) for item in chosen]
    first = chosen[0]
    return DirectAnswer(
        subject=entry_of(kb, first.owner),
        lead=facts[0],
        also=(Fact(first.stat.statement), *facts[1:]),
        closest_to=question.closest_to,
    )


_KIND_STEMS = frozenset(stem(word) for phrase in vocab.KIND_WORDS for word in phrase.split())


def _counts_something_else(question: Question) -> bool:
    """True when a question counts something other than entries ("people with epilepsy")."""
    return any(concept not in _KIND_STEMS for concept in question.concepts)


def _number_sentences_in(
    kb: KnowledgeBase, question: Question, fields: Sequence[EntryRef]
) -> DirectAnswer | None:
    """A sentence with a number about the asked thing, from the field or its centres."""
    best: tuple[int, Entry, list[str]] | None = None
    for ref in fields[:1]:
        research_field = kb.fields[ref.id]
        entries: list[Entry] = [research_field, *kb.centres_in(ref.id)]
        for entry in entries:
            scored = _scored_number_sentences(entry, question, about_entry=False)
            if scored and (best is None or scored[0][0] > best[0]):
                best = (scored[0][0], entry, [sentence for _, sentence in scored])
    if best is None:
        return None
    _, entry, found = best
    return _direct(kb, question, entry, found[0], also=[Fact(x) for x in found[1:2]])


def _label_match(kb: KnowledgeBase, question: Question, fields: Sequence[EntryRef]) -> bool:
    owners = set(fields) if fields else None
    ranked = ranked_stats(kb, question, owners)
    return bool(ranked) and ranked[0][0] >= 2.0


_DIGIT = re.compile(r"\d")


def _number_sentences(entry: Entry, question: Question) -> list[str]:
    """Sentences of ``entry`` that hold a number and share the question's words, best first."""
    return [sentence for _, sentence in _scored_number_sentences(entry, question)]


def _scored_number_sentences(
    entry: Entry, question: Question, *, about_entry: bool = True
) -> list[tuple[int, str]]:
    """As :func:`_number_sentences`, with each sentence's count of shared words. When the
    question is ``about_entry``, the entry's own name does not count as a shared word."""
    asked = set(question.concepts) | {
        stem(word)
        for word in normalize(question.raw).split()
        if len(word) > 2 and word not in FILLER and not word.isdigit()
    }
    if question.filters.country:
        asked.add(stem(normalize(_COUNTRY.get(question.filters.country, ""))))
    if about_entry:
        asked -= {stem(w) for spelling in _spellings(entry) for w in normalize(spelling).split()}
    asked |= {word for word in normalize(question.raw).split() if word.isdigit()}
    scored: list[tuple[int, int, str]] = []
    texts = (
        [entry.summary, *entry.details, *entry.themes, entry.founded_note]
        if isinstance(entry, Centre)
        else [entry.summary, *entry.highlights]
    )
    position = 0
    for text in texts:
        for sentence in _sentences(text):
            position += 1
            if not _DIGIT.search(sentence):
                continue
            words = {stem(word) for word in normalize(sentence).split()}
            score = len(asked & words)
            if score:
                scored.append((-score, position, sentence))
    return [(-negative, sentence) for negative, _, sentence in sorted(scored)]


def _stats_naming(kb: KnowledgeBase, question: Question, centre: Centre) -> list[StatEntry]:
    """Figures held elsewhere (the cluster, a field) whose label names ``centre`` and that fit
    the question: "Medicon Valley Alliance members" for "how many members does MVA have?"."""
    names = [normalize(n) for n in (centre.name, centre.short_name) if n]
    found: list[tuple[float, StatEntry]] = []
    for entry in lexicon_for(kb).stats:
        label = normalize(entry.stat.label)
        if not any(f" {name} " in f" {label} " for name in names):
            continue
        score = _stat_score(entry, question.concepts, question.topic)
        if score > 0 or not question.concepts:
            found.append((score, entry))
    found.sort(key=lambda item: -item[0])
    return [entry for _, entry in found]


def _spellings(entry: Entry) -> list[str]:
    if isinstance(entry, Centre):
        return [entry.name, entry.short_name or "", *entry.aliases]
    return [entry.name, *entry.aliases]


def count_about(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """Every figure of one entry, the best-fitting first; honest when it has none."""
    stats = tuple(getattr(entry, "stats", ()))
    if isinstance(entry, Centre):
        naming = _stats_naming(kb, question, entry)
        if naming:
            owner = entry_of(kb, naming[0].owner)
            extra = [Fact(naming[0].stat.statement)]
            extra += [Fact(x) for x in _number_sentences(entry, question)[:2]]
            return DirectAnswer(
                subject=entry,
                lead=stat_fact(kb, owner, naming[0].stat),
                also=tuple(extra),
                caveat=status_caveat(kb, entry),
                related=_related(kb, entry),
                closest_to=question.closest_to,
            )
    if isinstance(entry, Centre) or not stats:
        found = _number_sentences(entry, question)
        if found:
            text = found[0]
            if name_of(entry).casefold() not in text.casefold():
                text = f"{name_of(entry)}: {text}"
            return _direct(kb, question, entry, text, also=[Fact(x) for x in found[1:3]])
    if not stats:
        text = phrases.NO_FIGURES.format(name=name_of(entry))
        also: list[Fact] = []
        if isinstance(entry, ResearchField):
            centres = kb.centres_in(entry.id)
            also.append(Fact(phrases.CENTRES_IN_FIELD.format(count=len(centres))))
        return _direct(kb, question, entry, text, also=also, known=False)
    ref = EntryRef("field", entry.id) if isinstance(entry, ResearchField) else None
    ranked = ranked_stats(kb, question, {ref} if ref else {EntryRef("cluster", "cluster")})
    order = [item.stat for _, item in ranked] + [
        s for s in stats if s not in {i.stat for _, i in ranked}
    ]
    facts = [stat_fact(kb, entry, stat) for stat in order]
    return DirectAnswer(
        subject=entry,
        lead=facts[0],
        also=(Fact(order[0].statement), *facts[1:4]),
        closest_to=question.closest_to,
    )


def compare(kb: KnowledgeBase, question: Question) -> CompareAnswer | None:
    """Which field has the most (or least) of something the figures count, or of centres."""
    lexicon = lexicon_for(kb)
    rows: list[tuple[Entry, float, str, Stat | None]] = []
    named = {ref.id for ref in question.field_refs}
    for research_field in kb.fields.values():
        if len(named) >= 2 and research_field.id not in named:
            continue
        ref = EntryRef("field", research_field.id)
        best: tuple[float, Stat] | None = None
        for entry in lexicon.stats:
            if entry.owner != ref:
                continue
            score = _stat_score(entry, question.concepts, question.topic)
            if score >= 2.0 and (best is None or score > best[0]):
                best = (score, entry.stat)
        if best is not None:
            stat = best[1]
            rows.append((research_field, stat.value, stat.display_value + stat.unit_suffix, stat))
    if len(rows) < 2 and question.filters.kind_named:
        rows = [
            (f, float(len(kb.centres_in(f.id))), f"{len(kb.centres_in(f.id))} centres", None)
            for f in kb.fields.values()
        ]
    if len(rows) < 2:
        return None
    rows.sort(key=lambda row: row[1], reverse=not question.least)
    ranking = tuple((entry, text, stat) for entry, _, text, stat in rows)
    winner, text, top_stat = ranking[0]
    word = "the fewest" if question.least else "the most"
    others = ", ".join(f"{name_of(e)} ({t})" for e, t, _ in ranking[1:4])
    when = f", {year_phrase(top_stat)}" if top_stat is not None else " in the knowledge base"
    lead = phrases.HAS_THE_MOST.format(
        name=name_of(winner), most=word, value=text, when=when, others=others
    )
    source = kb.sources.get(top_stat.source) if top_stat is not None else None
    return CompareAnswer(ranking=ranking, lead=Fact(lead, source), least=question.least)


# --- lists -------------------------------------------------------------------------------------


def compare_founded(kb: KnowledgeBase, question: Question) -> CompareAnswer | None:
    """Which is older or newer: the named centres, else every centre that passes the filters."""
    named = [kb.centres[ref.id] for ref in question.entities if ref.kind == "centre"]
    pool = named if len(named) >= 2 else matching_centres(kb, question.filters)
    dated = [centre for centre in pool if centre.founded is not None]
    if len(dated) < 2:
        return None
    newest = question.least
    dated.sort(key=lambda c: c.founded or 0, reverse=newest)
    ranking: tuple[tuple[Entry, str, Stat | None], ...] = tuple(
        (centre, f"founded {centre.founded}", None) for centre in dated
    )
    first = dated[0]
    others = ", ".join(f"{name_of(c)} ({c.founded})" for c in dated[1:4])
    word = "the newest" if newest else "the oldest"
    lead = phrases.IS_THE_OLDEST.format(
        label=first.label, oldest=word, year=first.founded, others=others
    )
    source = _first_source(kb, first.sources)
    return CompareAnswer(ranking=ranking, lead=Fact(lead, source), least=newest)


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
    if filters.city and not filters.field:
        pool = [kb.centres[centre_id] for centre_id in in_city]
    else:
        pool = kb.centres_in(filters.field) if filters.field else kb.centres.values()
        if filters.city:
            city_ids = frozenset(in_city)
            pool = [centre for centre in pool if centre.id in city_ids]
    if not (filters.country or filters.kind or filters.status):
        return list(pool)
    found: list[Centre] = []
    for centre in pool:
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


def _passes(centre: Centre, filters: Filters, lexicon: Lexicon) -> bool:
    """True when ``centre`` passes every filter."""
    if filters.field and filters.field not in centre.fields:
        return False
    if filters.city and filters.city not in normalize(centre.city or "").split():
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
    if only_city:  # the common "… in Lund": no need to touch every centre there
        in_city = lexicon_for(kb).by_city.get(filters.city or "", ())
        centres = [kb.centres[centre_id] for centre_id in in_city[: _SHOWN * 2]]
        total = len(in_city)
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


_KIND_PLURALS = {
    CentreKind.CENTRE: "centres",
    CentreKind.UNIT: "units",
    CentreKind.PROGRAMME: "programmes",
    CentreKind.DEPARTMENT: "departments",
    CentreKind.HOSPITAL: "hospitals",
    CentreKind.RESEARCH_GROUP: "research groups",
    CentreKind.UNIVERSITY: "universities",
    CentreKind.INFRASTRUCTURE: "research infrastructures",
    CentreKind.SCIENCE_PARK: "science parks",
    CentreKind.FUNDER: "funders",
    CentreKind.ORGANISATION: "organisations",
}
_STATUS_ADJECTIVE = {
    Status.ACTIVE: "active",
    Status.ENDED: "ended",
    Status.RENAMED: "renamed",
    Status.UNCERTAIN: "status-uncertain",
}
_COUNTRY = {"DK": "Denmark", "SE": "Sweden"}


def describe_filters(kb: KnowledgeBase, filters: Filters) -> str:
    """``ended hospitals in Cancer, in Copenhagen``: the list's title, in words."""
    kind = (
        _KIND_PLURALS.get(filters.kind, "centres and programmes")
        if filters.kind
        else ("centres and programmes")
    )
    words = [_STATUS_ADJECTIVE[filters.status], kind] if filters.status else [kind]
    research_field = kb.fields.get(filters.field) if filters.field else None
    if research_field is not None:
        words.append(f"in {research_field.name}")
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
        words.append(f"in {city.strip()}")
    if filters.country:
        words.append(f"in {_COUNTRY.get(filters.country, filters.country)}")
    text = " ".join(words)
    return text[0].upper() + text[1:]
