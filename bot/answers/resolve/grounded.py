"""Answer only what covers the question: a template's fact, a sourced statement, or "not recorded".

The templates of :mod:`bot.answers.resolve.direct` know a handful of facts per entry (where,
founded, host, status…). A question often asks something more specific ("when will ESS start
*user operation*?", "who is BCRC's *contact person*?"): the words it asks about beyond the
entry's name and the question words are what an answer must cover. This module works out those
words, keeps a template's answer only when it covers them, and otherwise looks for the
statement of the knowledge base that does (:class:`~bot.knowledge.StatementIndex`), quoting it
with its own source and year. When nothing covers the question it says so plainly, never
answering a different one.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from bot.answers import phrases
from bot.answers.records import DirectAnswer, Fact
from bot.answers.resolve.facts import direct_answer, entry_of, name_of, spellings
from bot.answers.understand.glossary import glossary
from bot.answers.understand.question import Intent, Question
from bot.answers.understand.vocabulary import (
    CONCEPTS,
    CONNECTORS,
    COUNTRIES,
    FILLER,
    KIND_WORDS,
    SIGNAL_PHRASES,
    STATUS_WORDS,
    SYNONYMS,
)
from bot.knowledge import EntryRef, KnowledgeBase
from bot.knowledge.statement_index import StatementHit
from bot.knowledge.statements import FactKind, KnownStatement, content_stems
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = [
    "Asked",
    "AskedWord",
    "asked_words",
    "covers",
    "explained_words",
    "grounded_statement",
    "load_tables",
    "not_recorded",
    "statement_answer",
    "two_part_statement",
    "wanted_kinds",
]

_WANTED_KIND: dict[str, str] = {
    "when": "year",
    "count": "number",
    "who": "person",
    "where": "place",
}
"""The kind of fact a question type asks for: a *when* is answered by a sentence with a year."""
_PROSE = frozenset({"details", "highlights", "ownership", "listing", "summary"})
_PRONOUN = re.compile(r"(?:It|Its|They|Their|This|The centre|The company)\b")
"""A sentence that starts so leans on its entry's record: the answer names the entry first."""
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
"""``MVA's``: the ``s`` is no part of the word (else ``mvas`` is a word no name or statement
says, asked and covered by nothing)."""
_TYPO_RATIO = 80.0
_GLOBAL_MIN_COVERED = 2
_GLOBAL_SHARE = 0.66
"""A statement found without a named entry must cover two asked words and two thirds of them."""


_GLUE = frozenset(
    {"is", "are", "was", "were", "be", "been", "will", "would", "does", "did", "do", "has"}
    | {"have", "had", "ever", "yet", "still", "currently", "anymore", "any", "more"}
    | {"medicon", "valley", "oresund", "region", "hvordan", "hur", "why", "whats"}
    | {"knowledge", "base", "database", "kb", "bot", "videnbase", "vidensbase", "kunskapsbas"}
    | {"according", "ifolge", "enligt"}
)
"""Words that hold a question together, the cluster's own name, and the words that ask whose
word a fact is ("according to its website"): the source is named in the statement itself
("its own page gives …") or cited beside it, never with "according"."""
_COUNTED = frozenset(
    {"researchers", "researcher", "forskere", "forskare", "forskarna", "scientists", "staff"}
    | {"employees", "people", "patients", "students", "members", "medlemmer", "medlemmar"}
    | {"companies", "virksomheder", "foretag", "bolag", "ansatte", "anstallda", "medarbejdere"}
)
"""Things a question counts: never filler, even where the vocabulary treats them so."""


_ACTIVITY = frozenset(
    {"make", "makes", "produce", "produces", "sell", "sells", "develop", "develops", "offer"}
    | {"offers", "manufacture", "manufactures", "lave", "laver", "producerer", "saelger"}
    | {"udvikler", "tillverkar", "producerar", "saljer", "utvecklar", "erbjuder"}
)
"""What a "what does X make/sell/develop" asks: what X does, which its summary says."""


def load_tables() -> None:
    """Read the fixed tables questions are matched against (the glossary, cue phrases, glue)
    now, so that the first question after start-up does not pay for them."""
    glossary()
    _cue_phrases()
    _glue_stems()


@lru_cache(maxsize=1)
def _glue_stems() -> frozenset[str]:
    """Stems of words that carry no topic: filler, kinds of entry, statuses, glue."""
    words: set[str] = set(_GLUE)
    for phrase in (*FILLER, *CONNECTORS, *KIND_WORDS, *STATUS_WORDS):
        words.update(phrase.split())
    return frozenset(stem(word) for word in words)


@lru_cache(maxsize=1)
def _cue_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases that only say what kind of question it is (``who``, ``set up``, ``based in``),
    by their first word, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in SIGNAL_PHRASES:
        words = tuple(phrase.split())
        by_first.setdefault(words[0], []).append(words)
    return {
        first: tuple(sorted(phrases_, key=len, reverse=True))
        for first, phrases_ in by_first.items()
    }


def _without_cues(words: list[str]) -> list[str]:
    """``words`` less every question-kind phrase they contain (the longest at each place)."""
    cues = _cue_phrases()
    kept: list[str] = []
    position = 0
    while position < len(words):
        for phrase in cues.get(words[position], ()):
            if tuple(words[position : position + len(phrase)]) == phrase:
                position += len(phrase)
                break
        else:
            kept.append(words[position])
            position += 1
    return kept


@dataclass(frozen=True)
class AskedWord:
    """A word the question asks about: as typed, and the stems that would cover it (its own,
    and for a Danish, Swedish or everyday word the knowledge base's English for it).

    Another entry the question names beside its subject is asked about too ("when did NNF set
    up *BII*?"): a statement about that entry covers it, and a template's answer only when it
    names it."""

    typed: str
    stems: frozenset[str]
    entity: EntryRef | None = None
    names: frozenset[str] = frozenset()
    """The entity's spellings, normalised."""

    def said_by(self, statement: KnownStatement) -> bool:
        if self.entity is not None:
            return self.entity in statement.about
        return bool(self.stems & statement.stems)


Asked = dict[str, AskedWord]
"""The asked words by their stem, in the question's order."""


_TRANSLATED = frozenset({"da", "sv"})
"""Questions whose words are also looked up in the glossary (an English "fire" is no "four")."""


def _glossary_phrases(words: list[str]) -> list[str]:
    """``words`` with the glossary's several-word forms joined into one (``lagt sammen``)."""
    phrases = glossary().phrases
    longest = max((len(phrase) for phrase in phrases), default=1)
    joined: list[str] = []
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 1, -1):
            candidate = tuple(words[position : position + size])
            if candidate in phrases:
                joined.append(" ".join(candidate))
                position += size
                break
        else:
            joined.append(words[position])
            position += 1
    return joined


def _alternatives(word: str, *, translating: bool = False) -> frozenset[str]:
    """``penge`` → the stems of ``dkk eur sek funding grant``; ``researchers`` → ``research``;
    ``bgis`` (typed ``BGI's``) → ``bgi`` too; with ``translating``, a Danish or Swedish word's
    English (``grundlagt`` → ``founded established``)."""
    key = stem(word)
    target = CONCEPTS.get(word) or SYNONYMS.get(word)
    extra = {stem(w) for w in target.split()} if target else set()
    if translating:
        lexicon = glossary()
        english = lexicon.phrases.get(tuple(word.split())) or lexicon.english(word)
        extra.update(stem(part) for phrase in english for part in normalize(phrase).split())
    if len(word) > 3 and word.endswith("s"):
        extra.add(stem(word[:-1]))  # a possessive or a plural the stemmer keeps
    return frozenset({key, *extra})


def asked_words(kb: KnowledgeBase, question: Question, *, about_entry: bool) -> Asked:
    """What the question asks about beyond its question words: stem → the word as typed
    (``{"user": "user", "oper": "operation"}`` for "when will ESS start user operation").

    Question-kind phrases (who, set up, based in …) and glue are never asked words, nor are
    words no statement of the knowledge base uses (they could be covered by nothing, and are
    mostly the Danish or Swedish for what the templates already answer). With ``about_entry``
    the question names an entry whose templates answer the question words, and the entry's own
    names (also as typed, misspelt) are not asked words either.
    """
    vocabulary = kb.statements.vocabulary
    glue = _glue_stems()
    names: set[str] = set()
    subject = question.subject
    asked: Asked = {}
    if about_entry and subject is not None:
        for spelling in spellings(entry_of(kb, subject)):
            names.update(normalize(spelling).split())
        for ref in question.entities:
            if ref == subject or ref.kind != "centre":
                continue
            spelt = frozenset(normalize(spelling) for spelling in spellings(entry_of(kb, ref)))
            for spelling in spelt:
                names.update(spelling.split())
            if _locates(kb, subject, ref):
                continue  # "WNC's NeuroFortis": only says which NeuroFortis, asks nothing
            typed = kb.centres[ref.id].short_name or kb.centres[ref.id].name
            asked[f"@{ref.id}"] = AskedWord(typed, frozenset(), entity=ref, names=spelt)
    translating = question.language in _TRANSLATED
    words = _without_cues(normalize(_POSSESSIVE.sub("", question.raw)).split())
    offered = (
        set(normalize(question.filters.city or "").split())
        if question.intent is Intent.WHERE
        else set()
    )  # "is SDCC still in Gentofte?": the place answer settles the place offered
    for word in _glossary_phrases(words) if translating else words:
        key = stem(word)
        if len(word) < 2 or key in asked or word in COUNTRIES or word in offered:
            continue
        if word not in _COUNTED and key in glue:
            continue
        if names and _names_it(word, names):
            continue
        if word in _ACTIVITY and (
            question.intent is Intent.LIST or (about_entry and question.intent is Intent.WHAT)
        ):
            continue  # "which centres *do* …", "what does X *make*": the list or summary says
        alternatives = _alternatives(word, translating=translating) & vocabulary
        if alternatives:
            asked[key] = AskedWord(word, alternatives)
        elif question.language == "en" and _names_a_thing(word):
            # an English word nothing in the knowledge base uses ("curling"): asked, and
            # covered by nothing (a Danish or Swedish one is more likely a word the English
            # statements say otherwise, so those are left out)
            asked[key] = AskedWord(word, frozenset())
    return asked


_LOCATING = frozenset({"summary", "field:host", "field:part_of", "field:place"})


def _locates(kb: KnowledgeBase, subject: EntryRef, other: EntryRef) -> bool:
    """``other`` only says which ``subject`` is meant ("the Phase 1 Unit *at Rigshospitalet*"):
    the subject's own card names it as host or parent or in its summary. (An owner named in a
    question is asked about: "how much of H. Lundbeck does the Lundbeck Foundation own?")"""
    return any(
        statement.ref == subject and statement.origin in _LOCATING and other in statement.about
        for statement in kb.statements.about(subject)
    )


def _names_a_thing(word: str) -> bool:
    """An English word that could name what is asked about (``curling``), not one that only
    colours the question (``actually``, ``nowadays``, ``physically``)."""
    return (
        len(word) > 3
        and not word.isdigit()
        and not word.endswith("ly")
        and word
        not in {
            "nowadays",
            "anyway",
            "anyways",
            "basically",
        }
    )


def _names_it(word: str, names: set[str]) -> bool:
    """``word`` is one of the entry's name words, perhaps misspelt (``vilage``)."""
    if word in names or stem(word) in {stem(name) for name in names}:
        return True
    return len(word) >= 5 and any(fuzz.ratio(word, name) >= _TYPO_RATIO for name in names)


def explained_words(kb: KnowledgeBase, question: Question) -> frozenset[str]:
    """Stems the understanding already turned into filters: the named fields and entries, the
    place, the kind and the status. A statement found in the whole knowledge base must cover
    more than these, or it would only repeat the filters back."""
    explained: set[str] = set()
    for ref in question.entities:
        for spelling in spellings(entry_of(kb, ref)):
            explained.update(content_stems(spelling))
    for word in normalize(question.raw).split():
        if word in KIND_WORDS or word in STATUS_WORDS or word in COUNTRIES:
            explained.add(stem(word))
    if question.filters.city:
        explained.update(content_stems(question.filters.city))
    return frozenset(explained)


def covers(text: str, asked: Asked) -> bool:
    """Whether ``text`` says every asked word (in one of its forms) and names every asked
    entry."""
    said = set(content_stems(text))
    spaced = f" {normalize(text)} "
    return all(
        any(f" {name} " in spaced for name in word.names)
        if word.entity is not None
        else bool((word.stems or {stem(word.typed)}) & said)  # a figure's label: "Population"
        for word in asked.values()
    )


def _covered(statement: KnownStatement, asked: Asked) -> frozenset[str]:
    """The asked words (their keys) that ``statement`` says."""
    return frozenset(key for key, word in asked.items() if word.said_by(statement))


def _weight(kb: KnowledgeBase, word: AskedWord) -> float:
    """How much an asked word counts: a rare word more than a common one ("BGI" more than
    "name"); an entry, or a word nothing says, as much as the rarest."""
    if word.entity is not None or not word.stems:
        return kb.statements.top_weight
    return max(kb.statements.weight(key) for key in word.stems)


def _share(kb: KnowledgeBase, covered: frozenset[str], asked: Asked) -> float:
    """The part of what was asked that ``covered`` says, each word by its weight."""
    total = sum(_weight(kb, word) for word in asked.values())
    said = sum(_weight(kb, asked[key]) for key in covered)
    return said / total if total else 0.0


_KIND_CUES: tuple[tuple[FactKind, tuple[str, ...]], ...] = (
    ("number", ("how many", "how much", "how big", "how large", "how old", "how long")),
    ("number", ("hvor mange", "hvor meget", "hvor stor", "hvor store", "hvor gammel")),
    ("number", ("hur manga", "hur mycket", "hur stor", "hur stora", "hur gammal")),
    ("year", ("when", "since when", "what year", "which year", "in what year")),
    ("year", ("hvornar", "siden hvornar", "hvilket ar", "nar", "sedan nar", "vilket ar")),
    ("person", ("who", "whom", "hvem", "vem")),
    ("place", ("where", "hvor", "var ligger", "vart", "varifran")),
)
"""Question words and the kind of fact each asks for, in English, Danish and Swedish."""
_CLAUSE = re.compile(r"[,;:?]|\b(?:and|og|och|samt)\b")


def wanted_kinds(question: Question) -> frozenset[FactKind]:
    """Every kind of fact the question asks for: "who is BRIC's director, and since when?"
    wants a person and a year. A question word counts where a clause starts, so "how many
    worked there *when* it was sold" asks for a number only."""
    kinds: set[FactKind] = set()
    intent_kind = _WANTED_KIND.get(question.intent.value)
    if intent_kind is not None:
        kinds.add(intent_kind)
    for clause in _CLAUSE.split(question.raw.casefold()):
        opening = f" {normalize(clause)} "
        for kind, cues in sorted(_KIND_CUES, key=lambda pair: -max(map(len, pair[1]))):
            if any(opening.startswith(f" {cue} ") for cue in cues):
                kinds.add(kind)
                break
    return frozenset(kinds)


_ORIGIN_RANK: dict[str, int] = {"founded_note": 1, "status_note": 1}
"""At equal coverage, a sentence of its own (details, highlights, a figure, a change) answers
more precisely than a founding or status note, which is about the founding or the status and
names much else in passing; a structured field's sentence comes last. (The summary keeps its
place: it is often the sentence written to answer exactly that.)"""


def _rank(
    kb: KnowledgeBase, hits: Sequence[StatementHit], question: Question, asked: Asked
) -> list[tuple[frozenset[str], StatementHit]]:
    """Hits with the asked words each covers: most covered (by weight) first, then the kinds
    of fact asked for, then the entry asked about's own record, then prose before structured
    fields, then relevance."""
    wanted = wanted_kinds(question)
    entities = frozenset(question.entities)
    scored = [(_covered(hit.statement, asked), hit) for hit in hits]
    return sorted(
        scored,
        key=lambda pair: (
            len(pair[0]),
            len(wanted & pair[1].statement.kinds),
            round(_share(kb, pair[0], asked), 6),
            pair[1].statement.ref in entities,
            0 if pair[1].statement.structured else _ORIGIN_RANK.get(pair[1].statement.origin, 2),
            pair[1].relevance,
        ),
        reverse=True,
    )


def _about_hits(
    kb: KnowledgeBase, about: Sequence[EntryRef], asked: Asked, question: Question
) -> list[StatementHit]:
    """Every statement about the named entries, scored by the rarity of the stems it shares
    with the question, its question words included ("own" in "how much … own?"): a handful of
    set operations, no index needed for a few dozen."""
    searched = frozenset(key for word in asked.values() for key in word.stems) | frozenset(
        content_stems(question.raw)
    )
    seen: set[int] = set()
    hits: list[StatementHit] = []
    for ref in about:
        for statement in kb.statements.about(ref):
            if statement.id in seen:
                continue
            seen.add(statement.id)
            shared = statement.stems & searched
            relevance = sum(kb.statements.weight(key) for key in shared) / (
                1 + 0.02 * len(statement.stems)
            )
            hits.append(StatementHit(statement, relevance, shared))
    return hits


def _said_about(kb: KnowledgeBase, about: Sequence[EntryRef], asked: Asked) -> list[str]:
    """The asked words some statement about ``about`` says. A word none of them says cannot
    tell those statements apart ("what *role* did it *play* …"): the share a statement must
    cover is counted over the others, so a wording the knowledge base never uses does not
    hide the sentence that says the rest (a question of nothing but such words still gets
    "not recorded": no statement covers any of it)."""
    said = [statement for ref in about for statement in kb.statements.about(ref)]
    return [key for key, word in asked.items() if any(word.said_by(s) for s in said)]


def grounded_statement(
    kb: KnowledgeBase,
    question: Question,
    asked: Asked,
    *,
    about: Sequence[EntryRef] = (),
    explained: frozenset[str] = frozenset(),
    share: float = 0.5,
    least: int = 1,
) -> KnownStatement | None:
    """The statement that best answers ``asked`` (about ``about`` when given), or None when no
    statement covers enough of it: about a named entry, ``share`` of the asked words something
    about it says; in the whole knowledge base, two of them, two thirds, every word the
    understanding did not explain but one (a word the knowledge base uses, said otherwise in
    that sentence: never a word it has never seen), and the kind of fact asked for (a year for
    *when* …)."""
    if not asked:
        return None
    if about:
        ranked = _rank(kb, _about_hits(kb, about, asked, question), question, asked)
        if not ranked:
            return None
        covered, best = ranked[0]
        needed = max(least, math.ceil(len(_said_about(kb, about, asked)) * share - 1e-9))
        return best.statement if len(covered) >= needed else None
    asked = _beyond(asked, explained)
    searched = [alternative for word in asked.values() for alternative in word.stems]
    hits = kb.statements.search(searched, limit=40)
    if not hits:
        return None
    ranked = _rank(kb, hits, question, asked)
    unexplained = frozenset(
        key for key, word in asked.items() if key not in explained and not word.stems & explained
    )
    if not unexplained:
        return None
    wanted = _WANTED_KIND.get(question.intent.value)
    for covered, hit in ranked:
        if len(covered) < _GLOBAL_MIN_COVERED or len(covered) / len(asked) < _GLOBAL_SHARE:
            break
        missing = unexplained - covered
        ok = not missing or (len(missing) == 1 and all(asked[key].stems for key in missing))
        if ok and (wanted is None or wanted in hit.statement.kinds):
            return hit.statement
    return None


def two_part_statement(
    kb: KnowledgeBase, question: Question, subject: EntryRef
) -> KnownStatement | None:
    """For a question that asks two kinds of fact ("who leads BII, and since when?"), the
    subject's sentence that holds both and shares the most telling word with the question
    (its question words count: "CEO", "director"); None for a one-part question."""
    wanted = wanted_kinds(question)
    if len(wanted) < 2:
        return None
    names = {
        word for spelling in spellings(entry_of(kb, subject)) for word in content_stems(spelling)
    }
    said = frozenset(content_stems(question.raw)) - names - _glue_stems()
    best: tuple[float, KnownStatement] | None = None
    for statement in kb.statements.about(subject):
        shared = statement.stems & said
        if statement.ref != subject or not shared or not wanted <= statement.kinds:
            continue
        weight = sum(kb.statements.weight(key) for key in shared)
        if best is None or weight > best[0]:
            best = (weight, statement)
    return best[1] if best is not None else None


def _beyond(asked: Asked, explained: frozenset[str]) -> Asked:
    """The asked words less the forms the filters already explain: "insulin" is covered by
    a sentence that says insulin, not by one that says diabetes (the field it was read as)."""
    kept: Asked = {}
    for key, word in asked.items():
        own = word.stems - explained if key not in explained else word.stems
        kept[key] = AskedWord(word.typed, own or word.stems, word.entity, word.names)
    return kept


def statement_answer(
    kb: KnowledgeBase, question: Question, statement: KnownStatement
) -> DirectAnswer:
    """The statement quoted as the answer, with its own source and year."""
    entry = entry_of(kb, statement.ref)
    text = statement.text
    name = name_of(entry)
    if statement.origin in _PROSE and (
        _PRONOUN.match(text) or name.casefold() not in text.casefold()
    ):
        text = f"{name}: {text}"
    if statement.year == "undated" and "undated" not in text.casefold():
        text = f"{text} ({phrases.UNDATED})"
    source = kb.sources.get(statement.source) if statement.source else None
    return direct_answer(kb, question, entry, text, source=source)


def not_recorded(
    kb: KnowledgeBase, question: Question, ref: EntryRef, asked: Asked
) -> DirectAnswer:
    """An honest "the knowledge base does not record …" about ``ref``, its card one click away."""
    entry = entry_of(kb, ref)
    words = " ".join(word.typed for word in asked.values())
    text = phrases.NOT_RECORDED_ABOUT.format(words=words, name=name_of(entry))
    return direct_answer(kb, question, entry, text, known=False, also=[Fact(phrases.SEE_CARD)])
