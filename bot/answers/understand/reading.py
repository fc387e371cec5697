"""Reading a question's words against one knowledge base: which words name entries, ask
something, narrow a list, or name what is counted, and which are unknown.

Each step claims the words it explains, longest phrase first, so a later step cannot reuse
them: names and aliases (exact, stemmed, or the start of a long name), places outside the
cluster, synonyms and compounds (``kræft|forskning``); question phrases (``hvor mange``);
statuses, countries, cities and kinds; counted things (``virksomheder``); and last, spans with
words the knowledge base has never seen, tried as typos of names.
:mod:`bot.answers.understand.understand` decides from the result what is asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from rapidfuzz.distance import OSA

from bot.answers.understand import vocabulary as vocab
from bot.answers.understand.lexicon import Lexicon, lexicon_for
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status
from bot.knowledge.stems import stem, stem_phrase
from bot.knowledge.text import normalize

__all__ = [
    "SIGNAL_WORDS",
    "Language",
    "Reading",
    "clean",
    "language_of",
    "mend_question_words",
    "read",
    "strip_possessives",
    "unknown_word",
]

Language = Literal["en", "da", "sv"]

_T = TypeVar("_T")
_SLACK_MARKUP = re.compile(r"<[^<>\s][^<>]*>|:[a-z0-9_+\-']+:")
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
"""``CBMR's founder`` asks about CBMR: the possessive is not part of the name."""


def strip_possessives(text: str) -> str:
    """``CBMR's founder`` → ``CBMR founder``."""
    return _POSSESSIVE.sub(r"\1", text)


def clean(text: str) -> str:
    """``text`` without Slack markup (``<!here>``, ``<@U1>``, links, ``:emoji:``), one-spaced."""
    return " ".join(_SLACK_MARKUP.sub(" ", text).split())


@dataclass
class Reading:
    """What the words of one question were found to say; ``used`` marks the words explained.

    Mutable while it is being read, then only read by :mod:`bot.answers.understand.understand`.
    """

    words: list[str]
    used: list[bool]
    entities: list[tuple[int, EntryRef]] = field(default_factory=list)
    spans: dict[EntryRef, int] = field(default_factory=dict)
    signals: set[Signal] = field(default_factory=set)
    signal_at: dict[Signal, int] = field(default_factory=dict)
    concepts: list[str] = field(default_factory=list)
    closest_to: str | None = None
    outside: str | None = None
    city: str | None = None
    country: str | None = None
    kind: CentreKind | None = None
    kind_named: bool = False
    status: Status | None = None
    out_of_domain: bool = False

    def claim(self, start: int, size: int) -> None:
        """Mark ``size`` words from ``start`` as explained."""
        for position in range(start, start + size):
            self.used[position] = True

    def free(self, start: int, size: int) -> bool:
        """True when none of those words is explained yet."""
        return not any(self.used[start : start + size])


# --- reading the words -------------------------------------------------------------------------


def _scan(
    reading: Reading,
    longest: int,
    lookup: Callable[[str, int], _T | None],
    found: Callable[[int, int, _T], None],
) -> None:
    """Greedy longest-first matching of word spans against ``lookup``, claiming what matches."""
    words = reading.words
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            if not reading.free(position, size):
                continue
            value = lookup(" ".join(words[position : position + size]), size)
            if value is not None:
                found(position, size, value)
                reading.claim(position, size)
                position += size
                break
        else:
            position += 1


_NOT_A_NAME = frozenset(
    {
        *vocab.FILLER,
        *(word for phrase in vocab.SIGNAL_PHRASES for word in phrase.split()),
        *(word for phrase in vocab.KIND_WORDS for word in phrase.split()),
        *(word for phrase in vocab.STATUS_WORDS for word in phrase.split()),
        *vocab.CONCEPTS,
    }
)
"""Single words that are not taken for a name inside a longer question (``create``, ``centre``)."""
SIGNAL_WORDS = frozenset(word for phrase in vocab.SIGNAL_PHRASES for word in phrase.split())
_CONNECTOR_KEYS = frozenset({*vocab.CONNECTORS, *vocab.CONCEPTS})
_CONNECTOR_STEMS = frozenset(stem(word) for word in _CONNECTOR_KEYS)


def _is_connector(rest: str) -> bool:
    for candidate in (rest, rest[1:]):
        if candidate in _CONNECTOR_KEYS or stem(candidate) in _CONNECTOR_STEMS:
            return True
    return False


def _compound(word: str, lexicon: Lexicon) -> tuple[EntryRef, str] | None:
    """A field inside a compound word, and the rest of the word: ``blodcancer``,
    ``diabetesvirksomheder`` → (diabetes, ``virksomheder``)."""
    if len(word) < 7:
        return None
    for cut in range(3, len(word) - 3):
        ref = lexicon.field_words.get(word[cut:])
        if ref is not None and len(word) - cut >= 5:
            return ref, word[:cut]
    for cut in range(len(word) - 3, 3, -1):
        head, rest = word[:cut], word[cut:]
        ref = lexicon.field_words.get(head) or lexicon.field_words.get(stem(head))
        if ref is not None and (_is_connector(rest) or cut >= 6):
            return ref, rest
    return None


def _concept_of(phrase: str, lexicon: Lexicon) -> list[str] | None:
    english = vocab.CONCEPTS.get(phrase)
    if english is not None:
        return [stem(word) for word in english.split()]
    if " " not in phrase and phrase not in vocab.FILLER:
        key = stem(phrase)
        if any(key in entry.label_stems for entry in lexicon.stats):
            return [key]
    return None


_MARKER_PHRASES = {
    language: tuple(marker for marker in markers if " " in marker)
    for language, markers in vocab.LANGUAGE_MARKERS.items()
}
"""The markers of several words (``hej med dig``): Danish or Swedish only as a whole."""


def marked_language(words: list[str], raw: str) -> Language | None:
    """The language ``words`` say they are in, or None when nothing does (no marker word of
    any language, no æ/ø/ä/ö): then the reader's own choice may decide."""
    danish = sum(word in vocab.LANGUAGE_MARKERS["da"] for word in words)
    swedish = sum(word in vocab.LANGUAGE_MARKERS["sv"] for word in words)
    said = f" {' '.join(words)} "
    danish += sum(f" {phrase} " in said for phrase in _MARKER_PHRASES["da"])
    swedish += sum(f" {phrase} " in said for phrase in _MARKER_PHRASES["sv"])
    if words:  # the word a question opens with (hvem/vem, hvilke/vilka) says the most
        danish += words[0] in vocab.LANGUAGE_MARKERS["da"]
        swedish += words[0] in vocab.LANGUAGE_MARKERS["sv"]
    lowered = raw.casefold()
    danish += 2 * sum(lowered.count(letter) for letter in "æø")
    swedish += 2 * sum(lowered.count(letter) for letter in "äö")
    english = sum(word in _ENGLISH_MARKERS for word in words)
    best = max(danish, swedish)
    if best == 0 and english == 0:
        return None  # nothing says which language: a bare name, a number
    if english > best or best == 0:
        return "en"
    return "da" if danish >= swedish else "sv"


def language_of(words: list[str], raw: str) -> Language:
    """The language ``words`` are in: Danish or Swedish by their markers and letters, else
    English."""
    return marked_language(words, raw) or "en"


_ENGLISH_MARKERS = frozenset(
    [
        "how",
        "what",
        "who",
        "where",
        "when",
        "which",
        "is",
        "are",
        "the",
        "does",
        "do",
        "many",
        "much",
        "was",
        "founded",
        "still",
        "any",
        "there",
        "tell",
        "about",
        "of",
        "in",
        "research",
        "hosts",
        "leads",
    ]
)


def read(kb: KnowledgeBase, text: str) -> Reading:
    lexicon = lexicon_for(kb)
    words = normalize(text).split()
    reading = Reading(words=words, used=[False] * len(words))
    several = len(words) > 1

    def name(span: str, size: int) -> EntryRef | None:
        if several and size == 1 and span in _NOT_A_NAME:
            return None
        ref = lexicon.names.get(span)
        if ref is None and size >= 3:
            ref = lexicon.partial_names.get(span)
        if ref is None and (size > 1 or len(span) >= 5):
            ref = lexicon.stemmed_names.get(stem_phrase(span.split()))
            if ref is not None and size == len(words):
                reading.closest_to = span  # a bare inflected or misspelt name: say so
        return ref

    def add_entity(start: int, size: int, ref: EntryRef) -> None:
        reading.entities.append((start, ref))
        reading.spans[ref] = max(reading.spans.get(ref, 0), size)

    _scan(reading, lexicon.longest_name, name, add_entity)

    def outside(span: str, size: int) -> str | None:
        return lexicon.outside.get(span) if not (several and span in _NOT_A_NAME) else None

    def set_outside(start: int, size: int, place_id: str) -> None:
        reading.outside = reading.outside or place_id

    _scan(reading, 5, outside, set_outside)

    def synonym(span: str, size: int) -> EntryRef | None:
        target = vocab.SYNONYMS.get(span)
        return lexicon.names.get(target) if target is not None else None

    _scan(reading, 3, synonym, add_entity)
    for position, word in enumerate(words):
        if reading.used[position] or word in _NOT_A_NAME:
            continue
        compound = _compound(word, lexicon)
        if compound is not None:
            ref, rest = compound
            reading.entities.append((position, ref))
            reading.concepts.extend(_concept_of(rest, lexicon) or ())
            reading.used[position] = True

    def out_of_domain(span: str, size: int) -> bool | None:
        return True if span in vocab.OUT_OF_DOMAIN else None

    def flag(start: int, size: int, value: bool) -> None:
        reading.out_of_domain = True

    _scan(reading, 3, out_of_domain, flag)

    def signal(span: str, size: int) -> frozenset[Signal] | None:
        return vocab.SIGNAL_PHRASES.get(span)

    def add_signals(start: int, size: int, signals: frozenset[Signal]) -> None:
        reading.signals.update(signals)
        for one in signals:
            reading.signal_at.setdefault(one, start)

    _read_status(reading)
    _scan(reading, 5, signal, add_signals)
    if reading.status is not None:
        reading.signals.add(Signal.ENDED if reading.status is Status.ENDED else Signal.STATUS)
    _read_filters(reading, lexicon)
    if not any(ref.kind != "field" for _, ref in reading.entities):
        _read_typos(kb, reading, lexicon)
    reading.entities.sort(key=lambda item: item[0])
    return reading


def _read_status(reading: Reading) -> None:
    def status(span: str, size: int) -> Status | None:
        return vocab.STATUS_WORDS.get(span)

    def set_status(start: int, size: int, value: Status) -> None:
        reading.status = reading.status or value

    _scan(reading, 3, status, set_status)


def _read_filters(reading: Reading, lexicon: Lexicon) -> None:
    def country(span: str, size: int) -> str | None:
        return vocab.COUNTRIES.get(span)

    def set_country(start: int, size: int, value: str) -> None:
        reading.country = reading.country or value

    _scan(reading, 3, country, set_country)

    def city(span: str, size: int) -> str | None:
        return lexicon.cities.get(vocab.PLACE_EXONYMS.get(span, span))

    def set_city(start: int, size: int, value: str) -> None:
        reading.city = reading.city or value

    _scan(reading, 2, city, set_city)

    def kind(span: str, size: int) -> tuple[CentreKind | None] | None:
        if span in vocab.KIND_WORDS:
            return (vocab.KIND_WORDS[span],)
        return None

    def set_kind(start: int, size: int, value: tuple[CentreKind | None]) -> None:
        reading.kind_named = True
        reading.kind = reading.kind or value[0]
        reading.concepts.extend(
            _concept_of(" ".join(reading.words[start : start + size]), lexicon) or ()
        )

    _scan(reading, 2, kind, set_kind)

    def concept(span: str, size: int) -> list[str] | None:
        return _concept_of(span, lexicon)

    def add_concepts(start: int, size: int, stems: list[str]) -> None:
        reading.concepts.extend(stems)

    _scan(reading, 2, concept, add_concepts)


def unknown_word(word: str, lexicon: Lexicon) -> bool:
    return word not in lexicon.table_words and stem(word) not in lexicon.known_stems


def _read_typos(kb: KnowledgeBase, reading: Reading, lexicon: Lexicon) -> None:
    """Spans holding a word the knowledge base has never seen, tried as misspelt names."""
    words = reading.words
    strange = [unknown_word(word, lexicon) for word in words]
    for size in (4, 3, 2, 1):
        for start in range(0, len(words) - size + 1):
            if not reading.free(start, size) or not any(strange[start : start + size]):
                continue
            span = " ".join(words[start : start + size])
            if len(span) < 5:
                continue
            match = kb.index.closest(span)
            if match is not None:
                reading.entities.append((start, match.ref))
                reading.closest_to = reading.closest_to or span
                reading.claim(start, size)


_QUESTION_WORDS = frozenset(
    vocab.split_words(
        "how|many|much|what|whats|when|where|wheres|which|who|whos|many|hvor|mange|meget|hvad"
        "|hvem|hvornar|hvilke|hvilken|hur|manga|mycket|vad|vem|nar|vilka|vilken|founded|hosts"
        "|leads|still|active|started"
    )
)
"""Interrogatives that a hurried typist misspells; only these are mended, so an unknown word
(``cook``) never turns into a question word by accident."""
_QUESTION_DELETES: dict[str, str] = {}
for _word in sorted(_QUESTION_WORDS):
    _QUESTION_DELETES.setdefault(_word, _word)
    for _cut in range(len(_word)):
        _QUESTION_DELETES.setdefault(_word[:_cut] + _word[_cut + 1 :], _word)


def mend_question_words(kb: KnowledgeBase, text: str) -> str:
    """``how meny`` → ``how many``, ``wen was`` → ``when was``: an unknown word one edit from
    a question word is read as that word (names are left alone: they are known words)."""
    lexicon = lexicon_for(kb)
    words = normalize(text).split()
    mended = False
    for position, word in enumerate(words):
        if len(word) < 3 or word in lexicon.table_words:
            continue
        strange = unknown_word(word, lexicon)
        candidates = [_QUESTION_DELETES.get(word)]
        candidates += [_QUESTION_DELETES.get(word[:i] + word[i + 1 :]) for i in range(len(word))]
        for candidate in candidates:
            if not candidate or not (strange or stem(candidate) == stem(word)):
                continue
            if OSA.distance(word, candidate) <= 1:
                words[position] = candidate
                mended = True
                break
    return " ".join(words) if mended else text
