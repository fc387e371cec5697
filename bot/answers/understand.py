"""What a person typed → a :class:`Question`: what they ask, about what, filtered how, in which
language. The one place where text is interpreted; resolving and rendering only read the result.

Reading order, each step claiming the words it explains so that later steps cannot reuse them:
Slack markup is dropped; names and aliases of entries (exact, then stemmed), places outside the
cluster, synonyms and compounds (``kræft|forskning``) become entities; question phrases
(``hvor mange``, ``who leads``) become signals; places, kinds and statuses become filters; words
that name what is counted (``companies``, ``virksomheder``) become concepts; spans with words the
knowledge base has never seen are tried as typos of names. What is left is either a known topic
word or an unknown one, and unknown words without an entity mean the bot does not know.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, TypeVar

from rapidfuzz.distance import OSA

from bot.answers import vocabulary as vocab
from bot.answers.lexicon import Lexicon, lexicon_for
from bot.answers.query import Command, parse_query
from bot.answers.stems import stem, stem_phrase
from bot.answers.vocabulary import Signal
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status
from bot.knowledge.text import normalize

__all__ = ["Filters", "Intent", "Language", "Question", "clean", "understand"]

Language = Literal["en", "da", "sv"]

_T = TypeVar("_T")
_SLACK_MARKUP = re.compile(r"<[^<>\s][^<>]*>|:[a-z0-9_+\-']+:")
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
"""``CBMR's founder`` asks about CBMR: the possessive is not part of the name."""
_MAX_WORDS = 40
"""Longer than this is a paste (a traceback, an e-mail), not a question."""
_MAX_CHARS = 600


class Intent(StrEnum):
    HELP = "help"
    FIELDS = "fields"
    CENTRES = "centres"
    STATS = "stats"
    SEARCH = "search"
    LOOKUP = "lookup"
    """A name, abbreviation or topic on its own: the entry's card."""
    ABOUT = "about"
    """"tell me about X": the card too."""
    COUNT = "count"
    WHERE = "where"
    WHO = "who"
    WHEN = "when"
    STATUS = "status"
    WHAT = "what"
    LIST = "list"
    COMPARE = "compare"
    GREETING = "greeting"
    THANKS = "thanks"
    OUTSIDE = "outside"
    UNKNOWN = "unknown"
    """Nothing here fits: out of domain, garbage, or a name the knowledge base lacks."""


@dataclass(frozen=True)
class Filters:
    """What a list is narrowed to. ``kind_named`` is true when a kind word was typed at all
    (``centres`` names no particular kind but still asks for centres)."""

    field: str | None = None
    city: str | None = None
    country: str | None = None
    kind: CentreKind | None = None
    kind_named: bool = False
    status: Status | None = None

    @property
    def narrows(self) -> bool:
        """True when anything but a generic kind word narrows the list."""
        return any(
            value is not None
            for value in (self.field, self.city, self.country, self.kind, self.status)
        )


@dataclass(frozen=True)
class Question:
    """A parsed question. ``raw`` is the text as typed (whitespace collapsed), for echoing."""

    intent: Intent
    raw: str
    language: Language = "en"
    entities: tuple[EntryRef, ...] = ()
    filters: Filters = field(default_factory=Filters)
    role: Signal | None = None
    """For ``who``: host, lead, founder or funder; for ``when``: founded or ended."""
    concepts: tuple[str, ...] = ()
    """Stems of the words that say what is counted: ``compani``, ``compound``."""
    topic: tuple[str, ...] = ()
    """Known content words no step above explained (normalised)."""
    unknown: tuple[str, ...] = ()
    """Words the knowledge base and the vocabulary have never seen."""
    closest_to: str | None = None
    """Set when the entity was found through a typo: what was typed."""
    argument: str = ""
    """The words after ``search`` or ``centres``."""
    signals: frozenset[Signal] = frozenset()
    """What the question words asked (``how many``, ``who``…); empty for a bare name."""
    least: bool = False
    """For comparisons: the fewest or smallest rather than the most."""
    parts_of: str | None = None
    """For lists: the id of the centre whose parts are asked for ("what is part of X?")."""
    outside: str | None = None
    """The id of a place outside Medicon Valley that the question names."""
    reason: str = "unknown"
    """For ``unknown``: ``garbage``, ``out-of-domain``, ``not-in-kb`` or ``unknown``."""

    @property
    def subject(self) -> EntryRef | None:
        """What the question is about: a centre or the cluster before a field."""
        for ref in self.entities:
            if ref.kind != "field":
                return ref
        return self.entities[0] if self.entities else None

    @property
    def field_refs(self) -> tuple[EntryRef, ...]:
        return tuple(ref for ref in self.entities if ref.kind == "field")


# --- reading the words -------------------------------------------------------------------------


def clean(text: str) -> str:
    """``text`` without Slack markup (``<!here>``, ``<@U1>``, links, ``:emoji:``), one-spaced."""
    return " ".join(_SLACK_MARKUP.sub(" ", text).split())


@dataclass
class _Reading:
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
        for position in range(start, start + size):
            self.used[position] = True

    def free(self, start: int, size: int) -> bool:
        return not any(self.used[start : start + size])


def _scan(
    reading: _Reading,
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
_SIGNAL_WORDS = frozenset(word for phrase in vocab.SIGNAL_PHRASES for word in phrase.split())
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


def _language(words: list[str], raw: str) -> Language:
    danish = sum(word in vocab.LANGUAGE_MARKERS["da"] for word in words)
    swedish = sum(word in vocab.LANGUAGE_MARKERS["sv"] for word in words)
    lowered = raw.casefold()
    danish += 2 * sum(lowered.count(letter) for letter in "æø")
    swedish += 2 * sum(lowered.count(letter) for letter in "äö")
    english = sum(word in _ENGLISH_MARKERS for word in words)
    best = max(danish, swedish)
    if best == 0 or english > best:
        return "en"
    return "da" if danish >= swedish else "sv"


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


def _read(kb: KnowledgeBase, text: str) -> _Reading:
    lexicon = lexicon_for(kb)
    words = normalize(text).split()
    reading = _Reading(words=words, used=[False] * len(words))
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


def _read_status(reading: _Reading) -> None:
    def status(span: str, size: int) -> Status | None:
        return vocab.STATUS_WORDS.get(span)

    def set_status(start: int, size: int, value: Status) -> None:
        reading.status = reading.status or value

    _scan(reading, 3, status, set_status)


def _read_filters(reading: _Reading, lexicon: Lexicon) -> None:
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


def _unknown(word: str, lexicon: Lexicon) -> bool:
    return word not in lexicon.table_words and stem(word) not in lexicon.known_stems


def _read_typos(kb: KnowledgeBase, reading: _Reading, lexicon: Lexicon) -> None:
    """Spans holding a word the knowledge base has never seen, tried as misspelt names."""
    words = reading.words
    strange = [_unknown(word, lexicon) for word in words]
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


# --- deciding what is asked --------------------------------------------------------------------


_STATUS_ASKED = frozenset({Signal.STATUS, Signal.ENDED})
_ROLES = (Signal.LEAD, Signal.FUNDER, Signal.FOUNDER, Signal.HOST)


def understand(kb: KnowledgeBase, text: str) -> Question:
    """The question in ``text``, read against ``kb`` (whose names it recognises); never fails."""
    raw = " ".join(text.split())
    if raw in {"", "?"}:
        return Question(Intent.HELP, raw)
    query = parse_query(raw)
    command = (
        _command(query.command) if not query.argument or query.command is Command.SEARCH else None
    )
    if command is not None:
        return Question(command, raw, argument=query.argument)
    cleaned = clean(raw)
    normal = normalize(cleaned)
    if not normal:
        return Question(Intent.UNKNOWN, raw, reason="garbage")
    words = normal.split()
    language = _language(words, cleaned)
    chat = _chat(normal)
    if chat is not None:
        return Question(chat, raw, language=language)
    if len(words) > _MAX_WORDS or len(raw) > _MAX_CHARS:
        return Question(Intent.UNKNOWN, raw, language=language, reason="garbage")
    whole = kb.index.exact(normal)
    if whole is not None:
        return Question(Intent.LOOKUP, raw, language=language, entities=(whole,))
    topic = " ".join(word for word in words if word not in vocab.FILLER)
    asks = any(word in _SIGNAL_WORDS for word in words)
    if topic and not asks:
        named = kb.index.exact(topic)  # "CBMR please", "the epilepsy centre"
        if named is not None:
            return Question(Intent.LOOKUP, raw, language=language, entities=(named,))
    typo = kb.index.closest(normal) or (kb.index.closest(topic) if topic and not asks else None)
    if typo is not None:
        return Question(
            Intent.LOOKUP, raw, language=language, entities=(typo.ref,), closest_to=cleaned
        )
    if kb.outside_named(normal) is not None:
        return Question(Intent.OUTSIDE, raw, language=language, outside=_outside_id(kb, normal))
    if query.command is Command.CENTRES and query.argument:
        return _centres_question(kb, raw, query.argument, language)
    if topic and topic != normal:
        bare = parse_query(topic)  # "give me the numbers", "show me all the fields"
        if bare.command in {Command.FIELDS, Command.STATS, Command.HELP} and not bare.argument:
            return Question(_command(bare.command) or Intent.HELP, raw, language=language)
    reading = _read(kb, _mend_question_words(kb, _POSSESSIVE.sub(r"\1", cleaned)))
    return _decide(kb, raw, language, reading)


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


def _mend_question_words(kb: KnowledgeBase, text: str) -> str:
    """``how meny`` → ``how many``, ``wen was`` → ``when was``: an unknown word one edit from
    a question word is read as that word (names are left alone: they are known words)."""
    lexicon = lexicon_for(kb)
    words = normalize(text).split()
    mended = False
    for position, word in enumerate(words):
        if len(word) < 3 or word in lexicon.table_words:
            continue
        strange = _unknown(word, lexicon)
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


def _outside_id(kb: KnowledgeBase, normal: str) -> str | None:
    place = kb.outside_named(normal)
    return place.id if place is not None else None


def _command(command: Command) -> Intent | None:
    return {
        Command.HELP: Intent.HELP,
        Command.FIELDS: Intent.FIELDS,
        Command.STATS: Intent.STATS,
        Command.SEARCH: Intent.SEARCH,
    }.get(command) or (Intent.CENTRES if command is Command.CENTRES else None)


_CHAT_TAIL = frozenset(
    vocab.split_words(
        "bot|medicon|helps|helped|helpful|mate|buddy|friend|again|lot|everything|info"
        "|information|answer|answers|svar|svaret|hjaelpen|hjalpen|dig|du|jer|er|idag|today"
        "|tonight|now|nu"
    )
)


def _chat(normal: str) -> Intent | None:
    """A greeting, a thank-you or "what can you do", perhaps followed by filler words."""
    words = normal.split()
    for size in range(len(words), 0, -1):
        head = " ".join(words[:size])
        tail = words[size:]
        if not all(word in vocab.FILLER or word in _CHAT_TAIL for word in tail):
            continue
        if head in vocab.CAPABILITY_PHRASES:
            return Intent.HELP
        if head in vocab.GREETINGS:
            return Intent.GREETING
        if head in vocab.THANKS:
            return Intent.THANKS
    return None


def _centres_question(kb: KnowledgeBase, raw: str, argument: str, language: Language) -> Question:
    """``centres <words>``: the words are a field, a place or a kind, else a name."""
    reading = _read(kb, clean(argument))
    fields = [ref for _, ref in reading.entities if ref.kind == "field"]
    others = [ref for _, ref in reading.entities if ref.kind != "field"]
    if others and not fields:
        return Question(
            Intent.LOOKUP, raw, language=language, entities=(others[0],), argument=argument
        )
    filters = _filters(reading, fields[0].id if fields else None)
    if not filters.narrows or _unknown_words(reading):
        return Question(
            Intent.UNKNOWN, raw, language=language, argument=argument, reason="no-field"
        )
    return Question(
        Intent.LIST,
        raw,
        language=language,
        entities=tuple(fields),
        filters=filters,
        closest_to=reading.closest_to,
        argument=argument,
    )


def _filters(reading: _Reading, field_id: str | None) -> Filters:
    return Filters(
        field=field_id,
        city=reading.city,
        country=reading.country,
        kind=reading.kind,
        kind_named=reading.kind_named,
        status=reading.status,
    )


def _leftovers(reading: _Reading) -> list[str]:
    return [
        word
        for word, used in zip(reading.words, reading.used, strict=True)
        if not used and word not in vocab.FILLER
    ]


def _unknown_words(reading: _Reading) -> list[str]:
    return [word for word in _leftovers(reading) if word not in vocab.CONNECTORS]


def _decide(kb: KnowledgeBase, raw: str, language: Language, reading: _Reading) -> Question:
    lexicon = lexicon_for(kb)
    entities = _by_specificity(kb, reading)
    fields = [ref for ref in entities if ref.kind == "field"]
    subject = next((ref for ref in entities if ref.kind != "field"), None)
    signals = reading.signals
    leftovers = [
        word
        for word in _leftovers(reading)
        if word not in vocab.CONNECTORS and word not in vocab.FIELD_WORDS
    ]
    unknown = tuple(word for word in leftovers if _unknown(word, lexicon))
    topic = tuple(word for word in leftovers if word not in unknown)
    filters = _filters(reading, fields[0].id if fields and subject is None else None)
    base: dict[str, object] = {
        "raw": raw,
        "language": language,
        "entities": entities,
        "filters": filters,
        "concepts": tuple(dict.fromkeys(reading.concepts)),
        "topic": topic,
        "unknown": unknown,
        "closest_to": reading.closest_to,
        "least": Signal.LEAST in signals,
        "signals": frozenset(signals),
    }

    def ask(intent: Intent, **extra: object) -> Question:
        return Question(intent, **{**base, **extra})  # type: ignore[arg-type]

    if reading.outside is not None and subject is None:
        return ask(Intent.OUTSIDE, outside=reading.outside)
    if reading.out_of_domain:
        return ask(Intent.UNKNOWN, reason="out-of-domain")
    role = next((signal for signal in _ROLES if signal in signals), None)
    comparing = bool(signals & {Signal.MOST, Signal.LEAST})
    ageing = bool(signals & {Signal.OLDEST, Signal.NEWEST})
    if (comparing or ageing) and unknown:
        return ask(Intent.UNKNOWN, reason="out-of-domain")  # "is Silicon Valley bigger than …?"
    centres_named = [ref for ref in entities if ref.kind == "centre"]
    if ageing and (len(centres_named) != 1 or reading.kind_named):
        return ask(Intent.COMPARE, role=Signal.OLDEST, least=Signal.NEWEST in signals)
    if subject is not None and subject.kind == "centre" and Signal.PARTS in signals:
        after = reading.signal_at[Signal.PARTS] < min(
            position for position, ref in reading.entities if ref == subject
        )
        if after and signals & {Signal.WHAT, Signal.LIST, Signal.WHO, Signal.COUNT}:
            return ask(Intent.LIST, parts_of=subject.id)
        if not after:
            return ask(Intent.WHO, role=Signal.HOST)  # "what is LUDC part of?"
    pairs = zip(reading.words, reading.words[1:], strict=False)
    fields_named = any(word in vocab.FIELD_WORDS for word in reading.words) or any(
        " ".join(pair) in vocab.FIELD_WORDS for pair in pairs
    )
    lists = bool(signals & {Signal.LIST, Signal.WHAT, Signal.WHO, Signal.COUNT})
    if fields_named and lists and not (entities or comparing or unknown or reading.concepts):
        return ask(Intent.FIELDS)
    if subject is not None and subject.kind == "cluster" and reading.kind_named:
        subject = None  # "which hospitals are in Medicon Valley?" lists the whole cluster's
        entities = tuple(ref for ref in entities if ref.kind != "cluster")
        base["entities"] = entities
    if subject is not None:
        intent, extra = _about_subject(signals, role, figure=_counts_a_figure(reading))
        return ask(intent, **extra)
    if not entities and not filters.narrows:
        if comparing and (reading.concepts or reading.kind_named) and not unknown:
            return ask(Intent.COMPARE)
        if Signal.COUNT in signals and reading.concepts and not unknown:
            return ask(Intent.COUNT)
        if reading.kind_named and signals & {Signal.LIST, Signal.WHO} and not unknown:
            return ask(Intent.LIST)
        return ask(Intent.UNKNOWN, reason=_reason(raw, unknown, signals))
    if unknown and not entities:
        return ask(Intent.UNKNOWN, reason=_reason(raw, unknown, signals))
    # About a field, or a filtered set of centres.
    if comparing and (reading.concepts or reading.kind_named) and len(fields) != 1:
        return ask(Intent.COMPARE)
    if Signal.COUNT in signals:
        return ask(Intent.COUNT)
    if Signal.WHAT in signals and not reading.kind_named and _counts_a_figure(reading):
        return ask(Intent.COUNT)  # "what is the population of Denmark?"
    if signals & {Signal.LIST, Signal.WHERE, Signal.WHO}:
        return ask(Intent.LIST)
    status_only = filters.status is not None and not (filters.city or filters.country)
    if status_only and len(fields) == 1 and not reading.kind_named and signals & _STATUS_ASKED:
        return ask(Intent.STATUS, filters=Filters())
    if reading.kind_named or _place_or_status(filters) or filters.kind is not None:
        return ask(Intent.LIST)
    if Signal.WHAT in signals:
        return ask(Intent.WHAT)
    if Signal.WHEN in signals and len(fields) == 1:
        return ask(Intent.WHEN, role=Signal.ENDED if Signal.ENDED in signals else Signal.FOUNDED)
    if signals & {Signal.STATUS, Signal.ENDED}:
        return ask(Intent.STATUS)
    if unknown and signals - {Signal.ABOUT}:
        return ask(Intent.UNKNOWN, reason="unknown")
    return ask(Intent.ABOUT if Signal.ABOUT in signals else Intent.LOOKUP)


def _by_specificity(kb: KnowledgeBase, reading: _Reading) -> tuple[EntryRef, ...]:
    """Entities in order of mention, except that a part (``fase 1-enhed``) comes before the
    whole it belongs to (``Rigshospitalet``) and a longer name before a shorter one."""
    refs = list(dict.fromkeys(ref for _, ref in reading.entities))
    mentioned = {ref.id for ref in refs if ref.kind == "centre"}

    def key(item: tuple[int, EntryRef]) -> tuple[int, int, int]:
        position, ref = item
        centre = kb.centres.get(ref.id) if ref.kind == "centre" else None
        part = 0 if centre is not None and centre.part_of in mentioned else 1
        return (part, -reading.spans.get(ref, 1), position)

    if len(mentioned) < 2:
        return tuple(refs)
    return tuple(ref for _, ref in sorted(enumerate(refs), key=key))


_KIND_STEMS = frozenset(stem(word) for phrase in vocab.KIND_WORDS for word in phrase.split())


_VERB_CONCEPTS = frozenset(
    stem(word)
    for verb in vocab.split_words("work|works|working|arbejder|arbetar|live|lives|bor|employ")
    for word in vocab.CONCEPTS.get(verb, "").split()
)
"""Concepts a verb brings in ("work" → employed): they help rank figures but do not by
themselves make "what does X work on?" a question about a number."""


def _counts_a_figure(reading: _Reading) -> bool:
    """True when the question names something counted (population, companies), not a kind."""
    return any(
        concept not in _KIND_STEMS and concept not in _VERB_CONCEPTS for concept in reading.concepts
    )


def _place_or_status(filters: Filters) -> bool:
    return any(value is not None for value in (filters.city, filters.country, filters.status))


def _about_subject(
    signals: set[Signal], role: Signal | None, *, figure: bool = False
) -> tuple[Intent, dict[str, object]]:
    """The question about one centre or the cluster, from its signals; ``figure`` when it
    names something counted ("what is the population of Medicon Valley?")."""
    if figure and Signal.WHAT in signals and not signals & {Signal.WHEN, Signal.WHO}:
        return Intent.COUNT, {}
    if Signal.NAME in signals:
        return Intent.WHAT, {"role": Signal.NAME}
    if Signal.WEBSITE in signals:
        return Intent.WHAT, {"role": Signal.WEBSITE}
    if Signal.COUNT in signals:
        return Intent.COUNT, {}
    if Signal.WHEN in signals:
        ended = Signal.ENDED in signals
        return Intent.WHEN, {"role": Signal.ENDED if ended else Signal.FOUNDED}
    if role is not None and (Signal.WHO in signals or role is not Signal.HOST):
        if role is Signal.FOUNDER and Signal.WHO not in signals:
            return Intent.WHEN, {"role": Signal.FOUNDED}
        return Intent.WHO, {"role": role}
    if Signal.WHO in signals and Signal.HOST in signals:
        return Intent.WHO, {"role": Signal.HOST}
    if Signal.ENDED in signals or Signal.STATUS in signals:
        return Intent.STATUS, {}
    if Signal.WHERE in signals:
        return Intent.WHERE, {}
    if Signal.COUNT in signals:
        return Intent.COUNT, {}
    if Signal.WHAT in signals:
        return Intent.WHAT, {}
    if Signal.HOST in signals:
        return Intent.WHO, {"role": Signal.HOST}
    if Signal.ABOUT in signals:
        return Intent.ABOUT, {}
    return Intent.LOOKUP, {}


_NAME_QUESTIONS = frozenset(
    {Signal.WHAT, Signal.ABOUT, Signal.WHERE, Signal.WHO, Signal.WHEN, Signal.STATUS}
    | {Signal.HOST, Signal.LEAD, Signal.FOUNDER, Signal.FUNDER, Signal.FOUNDED, Signal.ENDED}
)


def _reason(raw: str, unknown: tuple[str, ...], signals: set[Signal]) -> str:
    """``not-in-kb`` for a name the knowledge base lacks (``Mayo Clinic``, ``where is MAX IV?``),
    ``out-of-domain`` for a question about something else, ``unknown`` otherwise."""
    if not unknown:
        return "unknown"
    words = clean(raw).split()
    capitals = sum(1 for word in words[1:] if word[:1].isupper() and len(word) > 1) + (
        1 if words and words[0][:1].isupper() and not signals else 0
    )
    if not signals and len(words) <= 4:
        return "not-in-kb"
    if signals <= _NAME_QUESTIONS and capitals >= 1:
        return "not-in-kb"
    return "out-of-domain"


def describe(question: Question) -> Mapping[str, object]:
    """A plain view of ``question`` for logs and ``ask --json`` debugging."""
    return {
        "intent": question.intent.value,
        "language": question.language,
        "entities": [f"{ref.kind}:{ref.id}" for ref in question.entities],
        "filters": {
            key: value
            for key, value in vars(question.filters).items()
            if value not in (None, False)
        },
        "role": question.role.value if question.role else None,
    }
