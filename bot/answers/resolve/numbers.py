"""How many, what share, which has the most, which is oldest: the figures the knowledge base
holds, each with its qualifier, unit, year and source, and honest when it holds none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers import phrases
from bot.answers.records import (
    CompareAnswer,
    DirectAnswer,
    Entry,
    Fact,
    FilteredListAnswer,
)
from bot.answers.resolve.facts import (
    direct_answer,
    entry_of,
    first_source,
    name_of,
    related_of,
    spellings,
    split_sentences,
    stat_fact,
    status_caveat,
    year_phrase,
)
from bot.answers.resolve.lists import COUNTRY_NAMES, filtered_list, matching_centres
from bot.answers.understand import vocabulary as vocab
from bot.answers.understand.lexicon import StatEntry, lexicon_for
from bot.answers.understand.question import Question
from bot.answers.understand.vocabulary import CONCEPTS, FILLER
from bot.knowledge import (
    Centre,
    EntryRef,
    KnowledgeBase,
    ResearchField,
    Stat,
)
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = [
    "compare",
    "compare_founded",
    "count",
    "count_about",
    "ranked_stats",
]

# --- numbers -----------------------------------------------------------------------------------


def _alternatives() -> dict[str, frozenset[str]]:
    """Stem → the stems of the concept-table entry it is one alternative of."""
    found: dict[str, frozenset[str]] = {}
    for target in CONCEPTS.values():
        group = frozenset(stem(word) for word in target.split())
        if len(group) > 1:
            for key in group:
                found.setdefault(key, group)
    return found


_ALTERNATIVES = _alternatives()


def _stat_score(entry: StatEntry, concepts: Sequence[str], topic: Sequence[str]) -> float:
    """How well a figure fits the question's counted things and other words. The alternatives
    one word stands for ("work": employed, workforce, jobs) count once, so that figures of one
    thing score alike and compete on their years."""
    score = 0.0
    matched: set[frozenset[str]] = set()
    for concept in concepts:
        group = _ALTERNATIVES.get(concept, frozenset({concept}))
        if group in matched:
            continue
        if concept in entry.label_stems:
            score += 2.0
            matched.add(group)
        elif concept in entry.text_stems:
            score += 1.0
            matched.add(group)
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
    return direct_answer(kb, question, entry, found[0], also=[Fact(x) for x in found[1:2]])


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
    asked = {
        stem(word)
        for word in normalize(question.raw).split()
        if len(word) > 2 and word not in FILLER and not word.isdigit()
    }
    if question.filters.country:
        asked.add(stem(normalize(COUNTRY_NAMES.get(question.filters.country, ""))))
    if about_entry:
        asked -= {stem(w) for spelling in spellings(entry) for w in normalize(spelling).split()}
    # what is counted counts even when the entry's name says it ("researchers" at a research
    # centre)
    asked |= set(question.concepts)
    asked |= {word for word in normalize(question.raw).split() if word.isdigit()}
    scored: list[tuple[int, int, str]] = []
    texts = (
        [entry.summary, *entry.detail_texts, *entry.themes, entry.founded_note]
        if isinstance(entry, Centre)
        else [entry.summary, *entry.highlight_texts]
    )
    position = 0
    for text in texts:
        for sentence in split_sentences(text):
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


def count_about(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """Every figure of one entry, the best-fitting first; honest when it has none."""
    stats = tuple(getattr(entry, "stats", ()))
    if isinstance(entry, Centre):
        own = _own_figures(entry, question)
        if own:
            facts = [stat_fact(kb, entry, stat) for stat in own]
            return DirectAnswer(
                subject=entry,
                lead=facts[0],
                also=(Fact(own[0].statement), *facts[1:3]),
                caveat=status_caveat(kb, entry, question.asked_on),
                related=related_of(kb, entry, question.asked_on),
                closest_to=question.closest_to,
            )
        naming = _stats_naming(kb, question, entry)
        if naming:
            owner = entry_of(kb, naming[0].owner)
            extra = [Fact(naming[0].stat.statement)]
            extra += [Fact(x) for x in _number_sentences(entry, question)[:2]]
            return DirectAnswer(
                subject=entry,
                lead=stat_fact(kb, owner, naming[0].stat),
                also=tuple(extra),
                caveat=status_caveat(kb, entry, question.asked_on),
                related=related_of(kb, entry, question.asked_on),
                closest_to=question.closest_to,
            )
    if isinstance(entry, Centre) or not stats:
        found = _number_sentences(entry, question)
        if found:
            text = found[0]
            if name_of(entry).casefold() not in text.casefold():
                text = f"{name_of(entry)}: {text}"
            return direct_answer(kb, question, entry, text, also=[Fact(x) for x in found[1:3]])
    if not stats:
        text = phrases.NO_FIGURES.format(name=name_of(entry))
        also: list[Fact] = []
        if isinstance(entry, ResearchField):
            centres = kb.centres_in(entry.id)
            also.append(Fact(phrases.CENTRES_IN_FIELD.format(count=len(centres))))
        return direct_answer(kb, question, entry, text, also=also, known=False)
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


def _own_figures(centre: Centre, question: Question) -> list[Stat]:
    """The entry's own figures (a company's head-count) that count what was asked, newest
    first; all of them when the question names nothing it counts."""
    wanted = set(question.concepts) | set(question.topic)
    fitting = [
        stat
        for stat in centre.stats
        if not wanted or wanted & {stem(w) for w in normalize(f"{stat.label} {stat.unit}").split()}
    ]
    return sorted(fitting, key=lambda stat: stat.as_of or 0, reverse=True)


def _comparable(
    rows: list[tuple[Entry, float, str, Stat | None]], scores: dict[str, float]
) -> list[tuple[Entry, float, str, Stat | None]]:
    """The rows that measure the same kind of thing as the best-fitting one: a share is never
    ranked against a count, nor a Europe-wide figure against the cluster's own."""
    if not rows:
        return rows

    def kind(stat: Stat | None) -> tuple[bool, str | None]:
        return (stat is not None and stat.unit == "%", stat.scope if stat is not None else None)

    def preference(row: tuple[Entry, float, str, Stat | None]) -> tuple[bool, float]:
        """Counts of the cluster's own first, then the best fit to the question."""
        return kind(row[3]) == (False, None), scores.get(getattr(row[0], "id", ""), 0.0)

    best = max(rows, key=preference)[3]
    return [row for row in rows if kind(row[3]) == kind(best)]


def compare(kb: KnowledgeBase, question: Question) -> CompareAnswer | None:
    """Which field has the most (or least) of something the figures count, or of centres."""
    lexicon = lexicon_for(kb)
    rows: list[tuple[Entry, float, str, Stat | None]] = []
    named = {ref.id for ref in question.field_refs}
    scores: dict[str, float] = {}
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
            scores[research_field.id] = best[0]
    rows = _comparable(rows, scores)
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
    source = first_source(kb, first.sources)
    return CompareAnswer(ranking=ranking, lead=Fact(lead, source), least=newest)
