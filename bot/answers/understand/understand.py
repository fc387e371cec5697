"""What a person typed → a :class:`Question`: what they ask, about what, filtered how, in which
language. The one place where text is interpreted; resolving and rendering only read the result.

Commands, greetings, whole names and their typos are recognised first; anything else is read
word by word (:mod:`bot.answers.understand.reading`) and the signals, entities and filters
found decide the intent. Unknown words without an entity mean the bot does not know, and says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.answers.understand import vocabulary as vocab
from bot.answers.understand.commands import parse_command
from bot.answers.understand.lexicon import lexicon_for
from bot.answers.understand.question import Filters, Intent, Question
from bot.answers.understand.reading import (
    SIGNAL_WORDS,
    Language,
    Reading,
    clean,
    language_of,
    mend_question_words,
    read,
    strip_possessives,
    unknown_word,
)
from bot.answers.understand.unknown_names import unknown_institution
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = ["understand"]

_MAX_WORDS = 40
"""Longer than this is a paste (a traceback, an e-mail), not a question."""
_MAX_CHARS = 600


# --- deciding what is asked --------------------------------------------------------------------


_STATUS_ASKED = frozenset({Signal.STATUS, Signal.ENDED})
_ROLES = (Signal.LEAD, Signal.FUNDER, Signal.FOUNDER, Signal.HOST)


def understand(kb: KnowledgeBase, text: str, *, today: date | None = None) -> Question:
    """The question in ``text``, read against ``kb`` (whose names it recognises) and asked on
    ``today`` (the real day unless given); never fails."""
    question = _understand(kb, text)
    return question if today is None else replace(question, asked_on=today)


def _understand(kb: KnowledgeBase, text: str) -> Question:
    raw = " ".join(text.split())
    if raw in {"", "?"}:
        return Question(Intent.HELP, raw)
    typed = parse_command(raw)
    if typed.command is not Intent.LOOKUP and (
        not typed.argument or typed.command is Intent.SEARCH
    ):
        return Question(typed.command, raw, argument=typed.argument)
    cleaned = clean(raw)
    normal = normalize(cleaned)
    if not normal:
        return Question(Intent.UNKNOWN, raw, reason="garbage")
    words = normal.split()
    language = language_of(words, cleaned)
    chat = _chat(normal)
    if chat is not None:
        return Question(chat, raw, language=language)
    if len(words) > _MAX_WORDS or len(raw) > _MAX_CHARS:
        return Question(Intent.UNKNOWN, raw, language=language, reason="garbage")
    whole = kb.index.exact(normal)
    if whole is not None:
        return Question(Intent.LOOKUP, raw, language=language, entities=(whole,))
    topic = " ".join(word for word in words if word not in vocab.FILLER)
    asks = any(word in SIGNAL_WORDS for word in words)
    if topic and not asks:
        named = kb.index.exact(topic)  # "CBMR please", "the epilepsy centre"
        if named is not None:
            return Question(Intent.LOOKUP, raw, language=language, entities=(named,))
    if kb.outside_named(normal) is not None:  # an exact name outside beats a typo inside
        return Question(Intent.OUTSIDE, raw, language=language, outside=_outside_id(kb, normal))
    typo = kb.index.closest(normal) or (kb.index.closest(topic) if topic and not asks else None)
    if typo is not None:
        return Question(
            Intent.LOOKUP, raw, language=language, entities=(typo.ref,), closest_to=cleaned
        )
    if typed.command is Intent.CENTRES and typed.argument:
        return _centres_question(kb, raw, typed.argument, language)
    if topic and topic != normal:
        bare = parse_command(topic)  # "give me the numbers", "show me all the fields"
        if bare.command in {Intent.FIELDS, Intent.STATS, Intent.HELP} and not bare.argument:
            return Question(bare.command, raw, language=language)
    reading = read(kb, mend_question_words(kb, strip_possessives(cleaned)))
    return _decide(kb, raw, language, reading)


def _outside_id(kb: KnowledgeBase, normal: str) -> str | None:
    place = kb.outside_named(normal)
    return place.id if place is not None else None


_CHAT_TAIL = frozenset(
    vocab.split_words(
        "bot|medicon|helps|helped|helpful|mate|buddy|friend|again|lot|everything|info"
        "|information|answer|answers|svar|svaret|hjaelpen|hjalpen|dig|du|jer|er|idag|today"
        "|tonight|now|nu|botten|boten|bots|app|appen|tjenesten|tjansten|her|detta|dette"
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
    reading = read(kb, clean(argument))
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


def _filters(reading: Reading, field_id: str | None) -> Filters:
    return Filters(
        field=field_id,
        city=reading.city,
        country=reading.country,
        kind=reading.kind,
        kind_named=reading.kind_named,
        status=reading.status,
    )


def _leftovers(reading: Reading) -> list[str]:
    return [
        word
        for word, used in zip(reading.words, reading.used, strict=True)
        if not used and word not in vocab.FILLER
    ]


def _unknown_words(reading: Reading) -> list[str]:
    return [word for word in _leftovers(reading) if word not in vocab.CONNECTORS]


_FIRST = frozenset({"first", "earlier", "forst", "tidligere", "tidligst", "tidigare", "tidigast"})
"""Words that ask which of the things named came first."""

_JOINING = frozenset({"and", "or", "og", "och", "eller", "samt", "plus"})
"""Words that set names side by side ("Ideon and Medeon", "LUDC eller CBMR")."""


def _asked_of_each(reading: Reading) -> tuple[str, ...]:
    """The question asked of each of the two or three centres it names side by side, each
    with the others' names left out; empty when it names no such run."""
    mentions = sorted(
        (
            (start, reading.spans.get(ref, 1), ref)
            for start, ref in reading.entities
            if ref.kind == "centre"
        ),
        key=lambda mention: (mention[0], mention[1]),
    )
    run = mentions[:1]
    for mention in mentions[1:]:
        start, size, _ = run[-1]
        between = reading.words[start + size : mention[0]]
        if mention[2] != run[-1][2] and all(word in _JOINING for word in between):
            run.append(mention)
        elif len(run) < 2:
            run = [mention]
    if not 2 <= len(run) <= 3:
        return ()
    words = reading.words
    before, after = words[: run[0][0]], words[run[-1][0] + run[-1][1] :]
    return tuple(
        " ".join([*before, *words[start : start + size], *after]) for start, size, _ in run
    )


def _decide(kb: KnowledgeBase, raw: str, language: Language, reading: Reading) -> Question:
    lexicon = lexicon_for(kb)
    entities = _by_specificity(kb, reading)
    fields = [ref for ref in entities if ref.kind == "field"]
    subject = next((ref for ref in entities if ref.kind != "field"), None)
    closest_to = reading.closest_to
    name = unknown_institution(clean(raw), lexicon) if subject is None else None
    misspelt = kb.index.closest(name) if name is not None else None
    if name is not None and misspelt is not None and misspelt.ref.kind != "field":
        subject, closest_to, name = misspelt.ref, name, None  # "who leads Walenberg … Centre?"
        entities = (subject, *entities)
    signals = reading.signals
    leftovers = [
        word
        for word in _leftovers(reading)
        if word not in vocab.CONNECTORS and word not in vocab.FIELD_WORDS
    ]
    unknown = tuple(word for word in leftovers if unknown_word(word, lexicon))
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
        "closest_to": closest_to,
        "least": Signal.LEAST in signals,
        "signals": frozenset(signals),
        "one_by_one": _asked_of_each(reading),
    }

    def ask(intent: Intent, **extra: object) -> Question:
        return Question(intent, **{**base, **extra})  # type: ignore[arg-type]

    if reading.outside is not None and (subject is None or subject.kind == "cluster"):
        # "is OUH in Medicon Valley?" asks about OUH, not about the cluster
        return ask(Intent.OUTSIDE, outside=reading.outside)
    if reading.out_of_domain:
        return ask(Intent.UNKNOWN, reason="out-of-domain")
    if name is not None:
        return ask(Intent.UNKNOWN, reason="not-in-kb")  # "MD Anderson Cancer Center"
    role = next((signal for signal in _ROLES if signal in signals), None)
    comparing = bool(signals & {Signal.MOST, Signal.LEAST})
    ageing = bool(signals & {Signal.OLDEST, Signal.NEWEST})
    if (comparing or ageing) and unknown:
        return ask(Intent.UNKNOWN, reason="out-of-domain")  # "is Silicon Valley bigger than …?"
    centres_named = [ref for ref in entities if ref.kind == "centre"]
    if ageing and (len(centres_named) != 1 or reading.kind_named):
        return ask(Intent.COMPARE, role=Signal.OLDEST, least=Signal.NEWEST in signals)
    side_by_side = bool(base["one_by_one"])
    if len(centres_named) >= 2 and _FIRST & set(reading.words) and side_by_side:
        return ask(Intent.COMPARE, role=Signal.OLDEST)  # "which came first, MAX IV or ESS?"
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
    if subject is not None and subject.kind != "field" and _asks_which_place(reading):
        return ask(Intent.WHERE)  # "is LUDC in Denmark or Sweden?"
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


def _by_specificity(kb: KnowledgeBase, reading: Reading) -> tuple[EntryRef, ...]:
    """Entities in order of mention, except that a part (``fase 1-enhed``) comes before the
    whole it belongs to (``Rigshospitalet``), a recipient before the foundation that funds it
    ("what did the Novo Nordisk Foundation give reNEW?") and a longer name before a shorter."""
    refs = list(dict.fromkeys(ref for _, ref in reading.entities))
    mentioned = {ref.id for ref in refs if ref.kind == "centre"}

    def key(item: tuple[int, EntryRef]) -> tuple[int, int, int, int]:
        position, ref = item
        centre = kb.centres.get(ref.id) if ref.kind == "centre" else None
        part = 0 if centre is not None and centre.part_of in mentioned else 1
        funder = 1 if centre is not None and centre.kind is CentreKind.FUNDER else 0
        return (part, funder, -reading.spans.get(ref, 1), position)

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


def _counts_a_figure(reading: Reading) -> bool:
    """True when the question names something counted (population, companies), not a kind."""
    return any(
        concept not in _KIND_STEMS and concept not in _VERB_CONCEPTS for concept in reading.concepts
    )


_PLACE_QUESTION_OPENERS = frozenset(vocab.split_words("is|are|er|ar|sits|lies|ligger"))
"""How a yes-or-no question about a place starts: "is X in Lund?", "er X i Danmark?"."""


def _asks_which_place(reading: Reading) -> bool:
    """True for "is X in Denmark or Sweden?", "is X still located in Gentofte?", "ligger X
    stadig i Gentofte?": a place offered, no other question word."""
    placed = reading.city is not None or reading.country is not None
    opens = bool(reading.words) and reading.words[0] in _PLACE_QUESTION_OPENERS
    still = reading.signals <= {Signal.STATUS, Signal.WHERE} and reading.status is None
    return placed and opens and still  # "still active in Lund?" asks whether it is active


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
