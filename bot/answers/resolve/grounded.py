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
from bot.knowledge.statements import KnownStatement, content_stems
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = [
    "Asked",
    "AskedWord",
    "asked_words",
    "covers",
    "explained_words",
    "grounded_statement",
    "not_recorded",
    "statement_answer",
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
_TYPO_RATIO = 80.0
_GLOBAL_MIN_COVERED = 2
_GLOBAL_SHARE = 0.66
"""A statement found without a named entry must cover two asked words and two thirds of them."""


_GLUE = frozenset(
    {"is", "are", "was", "were", "be", "been", "will", "would", "does", "did", "do", "has"}
    | {"have", "had", "ever", "yet", "still", "currently", "anymore", "any", "more"}
    | {"medicon", "valley", "oresund", "region", "hvordan", "hur", "why", "whats"}
    | {"knowledge", "base", "database", "kb", "bot", "videnbase", "vidensbase", "kunskapsbas"}
)
"""Words that hold a question together, and the cluster's own name."""
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
    and for a Danish, Swedish or everyday word the knowledge base's English for it)."""

    typed: str
    stems: frozenset[str]


Asked = dict[str, AskedWord]
"""The asked words by their stem, in the question's order."""


def _alternatives(word: str) -> frozenset[str]:
    """``penge`` → the stems of ``dkk eur sek funding grant``; ``researchers`` → ``research``."""
    key = stem(word)
    target = CONCEPTS.get(word) or SYNONYMS.get(word)
    extra = {stem(w) for w in target.split()} if target else set()
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
    if about_entry and subject is not None:
        for spelling in spellings(entry_of(kb, subject)):
            names.update(normalize(spelling).split())
    asked: Asked = {}
    for word in _without_cues(normalize(question.raw).split()):
        key = stem(word)
        if len(word) < 2 or key in asked or word in COUNTRIES:
            continue
        if word not in _COUNTED and key in glue:
            continue
        if names and _names_it(word, names):
            continue
        if about_entry and question.intent is Intent.WHAT and word in _ACTIVITY:
            continue
        alternatives = _alternatives(word) & vocabulary
        if alternatives:
            asked[key] = AskedWord(word, alternatives)
        elif question.language == "en" and _names_a_thing(word):
            # an English word nothing in the knowledge base uses ("curling"): asked, and
            # covered by nothing (a Danish or Swedish one is more likely a word the English
            # statements say otherwise, so those are left out)
            asked[key] = AskedWord(word, frozenset())
    return asked


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
    """Whether ``text`` says every asked word (in one of its forms)."""
    said = set(content_stems(text))
    return all(word.stems & said for word in asked.values())


def _covered(statement: KnownStatement, asked: Asked) -> frozenset[str]:
    """The asked words (their keys) that ``statement`` says."""
    return frozenset(key for key, word in asked.items() if word.stems & statement.stems)


def _kind_bonus(statement: KnownStatement, question: Question) -> float:
    wanted = _WANTED_KIND.get(question.intent.value)
    return 1.0 if wanted is not None and wanted in statement.kinds else 0.0


def _rank(
    hits: Sequence[StatementHit], question: Question, asked: Asked
) -> list[tuple[frozenset[str], StatementHit]]:
    """Hits with the asked words each covers: most covered first, then the kind of fact asked
    for, then prose before structured fields, then BM25 relevance."""
    scored = [(_covered(hit.statement, asked), hit) for hit in hits]
    return sorted(
        scored,
        key=lambda pair: (
            len(pair[0]),
            _kind_bonus(pair[1].statement, question),
            not pair[1].statement.structured,
            pair[1].relevance,
        ),
        reverse=True,
    )


def grounded_statement(
    kb: KnowledgeBase,
    question: Question,
    asked: Asked,
    *,
    about: Sequence[EntryRef] = (),
    explained: frozenset[str] = frozenset(),
) -> KnownStatement | None:
    """The statement that best answers ``asked`` (about ``about`` when given), or None when no
    statement covers enough of it: half the asked words about a named entry; in the whole
    knowledge base, two of them, two thirds, every word the understanding did not explain, and
    the kind of fact asked for (a year for *when* …)."""
    if not asked:
        return None
    searched = [alternative for word in asked.values() for alternative in word.stems]
    hits = kb.statements.search(searched, about=about, limit=40)
    if not hits:
        return None
    ranked = _rank(hits, question, asked)
    if about:
        covered, best = ranked[0]
        return best.statement if len(covered) >= max(1, math.ceil(len(asked) / 2)) else None
    unexplained = frozenset(asked) - explained
    if not unexplained:
        return None
    wanted = _WANTED_KIND.get(question.intent.value)
    for covered, hit in ranked:
        if len(covered) < _GLOBAL_MIN_COVERED or len(covered) / len(asked) < _GLOBAL_SHARE:
            break
        if unexplained <= covered and (wanted is None or wanted in hit.statement.kinds):
            return hit.statement
    return None


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
