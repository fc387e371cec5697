"""Question + knowledge base → :data:`~bot.answers.records.Answer`: the one place that decides
what a person meant.

Order of preference for a lookup: an exact name, id or alias; the same after dropping filler
words ("tell me about LUDC"); a typo of a name, labelled as the closest match; a full-text
search; and, when nothing fits, a friendly reply with suggestions. Never raises on user input.
"""

from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from bot.answers import phrases
from bot.answers.records import (
    Answer,
    CentreAnswer,
    CentreListAnswer,
    ChatAnswer,
    ClusterAnswer,
    CompareAnswer,
    DirectAnswer,
    Entry,
    FieldAnswer,
    FieldListAnswer,
    FilteredListAnswer,
    HelpAnswer,
    NoMatchAnswer,
    OutsideAnswer,
    SearchAnswer,
    SideBySideAnswer,
    SingleAnswer,
    StatsAnswer,
    together,
)
from bot.answers.resolve.direct import about_entry
from bot.answers.resolve.facts import entry_of, spellings
from bot.answers.resolve.grounded import (
    Asked,
    asked_words,
    covers,
    explained_words,
    grounded_statement,
    not_recorded,
    statement_answer,
    two_part_statement,
)
from bot.answers.resolve.lists import filtered_list, parts_list
from bot.answers.resolve.numbers import compare, compare_founded, count
from bot.answers.resolve.side_by_side import asks_to_compare, side_by_side
from bot.answers.understand.lexicon import lexicon_for
from bot.answers.understand.question import Intent, Question
from bot.answers.understand.understand import understand
from bot.answers.understand.vocabulary import FILLER, Signal
from bot.knowledge import (
    RESEARCH_KINDS,
    Centre,
    CentreKind,
    EntryRef,
    KnowledgeBase,
    Source,
)
from bot.knowledge.statements import KnownStatement
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize, tokens

__all__ = [
    "answer_for",
    "resolve_question",
]

_SEARCH_LIMIT = 8
_FLOOR_WORDS = 6
_LOOKALIKE = 70.0


def resolve_question(kb: KnowledgeBase, question: Question) -> Answer:
    """The answer to an understood question; pure, never raises on user input. A question asked
    of several entries named side by side is answered for each ("where are LUDC and CBMR?")."""
    if question.intent in _ASKED_OF_EACH and not asks_to_compare(question):
        each = [understand(kb, text, today=question.asked_on) for text in question.one_by_one]
        if len(each) >= 2 and all(len(part.one_by_one) < 2 for part in each):
            return together([_resolved(kb, part) for part in each]) or _resolved(kb, question)
    return _resolved(kb, question)


_ASKED_OF_EACH = frozenset(
    {Intent.WHEN, Intent.WHERE, Intent.WHO, Intent.STATUS, Intent.WHAT, Intent.COUNT}
)


def _resolved(kb: KnowledgeBase, question: Question) -> SingleAnswer:
    owned = _owned_companies(kb, question)
    if owned is not None:
        return owned
    return _grounded(kb, question, _templated(kb, question))


_ABOUT_AN_ENTRY = frozenset(
    {
        Intent.LOOKUP,
        Intent.ABOUT,
        Intent.COUNT,
        Intent.WHERE,
        Intent.WHO,
        Intent.WHEN,
        Intent.STATUS,
        Intent.WHAT,
    }
)
_SEARCHED_WHOLE = _ABOUT_AN_ENTRY | {Intent.LIST, Intent.UNKNOWN}


def _grounded(kb: KnowledgeBase, question: Question, answer: SingleAnswer) -> SingleAnswer:
    """``answer`` when it covers what was asked; else the statement that does; else, for a
    question about a named entry, an honest "not recorded" (never a different fact)."""
    if question.intent not in _SEARCHED_WHOLE or isinstance(
        answer, SideBySideAnswer | CompareAnswer
    ):
        return answer
    subject = question.subject
    if subject is not None and subject.kind == "centre" and question.intent is Intent.UNKNOWN:
        # a question about a named entry in words no question type knows ("what was ESS's
        # estimated total cost in 2014?"): its sentence that covers half the words something
        # about it says (two at least), if one does
        asked = asked_words(kb, question, about_entry=True)
        others = [ref for ref in question.entities if ref.kind == "centre"]
        found = (
            grounded_statement(kb, question, asked, about=others, share=0.5, least=2)
            if asked
            else None
        )
        return statement_answer(kb, question, found) if found is not None else answer
    if subject is not None and subject.kind == "centre" and question.intent in _ABOUT_AN_ENTRY:
        asked = asked_words(kb, question, about_entry=True)
        if not asked or (question.intent is not Intent.WHAT and _covered(answer, asked)):
            # covered ("what is X …" with more words asks for more than the summary); but
            # "who … and since when?" wants a sentence that says both
            both = two_part_statement(kb, question, subject)
            return statement_answer(kb, question, both) if both is not None else answer
        others = [ref for ref in question.entities if ref.kind == "centre"]
        statement = grounded_statement(kb, question, asked, about=others)
        if statement is not None:
            return statement_answer(kb, question, statement)
        (only,) = asked.values() if len(asked) == 1 else (None,)
        if only is not None and only.stems and isinstance(answer, DirectAnswer) and answer.known:
            return answer  # one known word nothing here says (a "physically"): not a new question
        if question.intent in {Intent.LOOKUP, Intent.ABOUT}:
            if _entry_mentions(kb, subject, asked):
                return answer
            return NoMatchAnswer(
                typed=question.raw,
                suggestions=(),
                reason="not-in-kb",
                related=(_entry(kb, subject),),
            )
        return not_recorded(kb, question, subject, asked)
    if isinstance(answer, DirectAnswer) and answer.known:
        # a template answered a question about a field or the cluster, unless the question
        # names something the answer does not ("how many employees does *Tesla* have?")
        asked = asked_words(kb, question, about_entry=False)
        named = _typed_names(kb, question, asked)
        if (not named or _covered(answer, named)) and _covers_half(answer, asked):
            return answer
        named = named or asked
        statement = grounded_statement(kb, question, named) or _said_of_topic(kb, question)
        if statement is not None:
            return statement_answer(kb, question, statement)
        return NoMatchAnswer(typed=question.raw, suggestions=(), reason="not-in-kb")
    if question.unknown and _asks_for_a_person(question):
        return _not_a_person(kb, question)  # "hvem opfandt insulin?"
    if question.reason in {"out-of-domain", "garbage"} or question.unknown:
        return answer  # the understanding found words the knowledge base has never seen
    asked = asked_words(kb, question, about_entry=False)
    if not asked or _covered(answer, asked):
        return answer
    explained = explained_words(kb, question)
    statement = grounded_statement(kb, question, asked, explained=explained)
    if statement is None and not isinstance(answer, _LISTS):
        statement = _said_of_topic(kb, question)
    if statement is not None:
        return statement_answer(kb, question, statement)
    return _not_a_person(kb, question) if _asks_for_a_person(question) else answer


def _not_a_person(kb: KnowledgeBase, question: Question) -> NoMatchAnswer:
    """ "Who invented insulin?" is not "which organisations work on diabetes?": declined, with
    the field offered as related."""
    fields = tuple(_entry(kb, ref) for ref in question.field_refs)
    return NoMatchAnswer(typed=question.raw, suggestions=(), reason="not-in-kb", related=fields)


def _asks_for_a_person(question: Question) -> bool:
    """ "Who …" with words no list explains, and no kind of organisation named."""
    return (
        question.intent is Intent.LIST
        and Signal.WHO in question.signals
        and not question.filters.kind_named
    )


_LISTS = (CentreListAnswer, FilteredListAnswer)


def _said_of_topic(kb: KnowledgeBase, question: Question) -> KnownStatement | None:
    """For a question about a field or the cluster that no template and no statement of the
    whole knowledge base answers, the sentence of that field's or the cluster's own record
    that covers it, found as for a named centre ("what share of first-round VC goes to cancer
    companies?" is answered by the cancer field's highlights)."""
    topics = [ref for ref in question.entities if ref.kind != "centre"]
    if not topics or question.reason in {"out-of-domain", "garbage"} or question.unknown:
        return None
    asked = asked_words(kb, question, about_entry=True)
    for ref in topics:  # the field's own name is said by all its sentences: not asked
        for spelling in spellings(entry_of(kb, ref)):
            for word in normalize(spelling).split():
                asked.pop(stem(word), None)
    if not asked:
        return None
    return grounded_statement(kb, question, asked, about=topics)


def _typed_names(kb: KnowledgeBase, question: Question, asked: Asked) -> Asked:
    """The asked words typed as names (a capital inside the sentence: ``Tesla``, ``BGI``) that
    name no entry of the knowledge base (``Öresundsregionen`` is the cluster's own name)."""
    capitalised = {
        normalize(word) for word in re.findall(r"(?<=\s)[A-ZÆØÅÄÖ][\w'’-]*", question.raw)
    }
    capitalised -= kb.view(name_words)
    return {key: word for key, word in asked.items() if word.typed in capitalised}


def name_words(kb: KnowledgeBase) -> frozenset[str]:
    """Every word of every entry's names and aliases (built once, with the knowledge base)."""
    return frozenset(word for spelling in kb.index.spellings for word in spelling.split())


def _covers_half(answer: DirectAnswer, asked: Asked) -> bool:
    """A field's or the cluster's figure answers a question that shares at least half its
    asked words ("how many people *cross* the *bridge* each *day*?" is not about residents)."""
    said = " ".join([answer.lead.text, *(fact.text for fact in answer.also)])
    covered = sum(covers(said, {key: word}) for key, word in asked.items())
    return covered * 2 >= len(asked)


def _covered(answer: SingleAnswer, asked: Asked) -> bool:
    """A direct answer covers the question when it says every asked word."""
    if isinstance(answer, DirectAnswer) and answer.known:
        said = " ".join([answer.lead.text, *(fact.text for fact in answer.also)])
        return covers(said, asked)
    return False


def _entry_mentions(kb: KnowledgeBase, ref: EntryRef, asked: Asked) -> bool:
    """Every asked word appears somewhere in what the knowledge base says about ``ref``."""
    statements = kb.statements.about(ref)
    return all(any(word.said_by(s) for s in statements) for word in asked.values())


def _templated(kb: KnowledgeBase, question: Question) -> SingleAnswer:
    """The answer the templates give: a card, a list, a figure, a fixed fact."""
    intent = question.intent
    if asks_to_compare(question) and not _ranks_fields_by_a_figure(question):
        side = side_by_side(kb, question)
        if side is not None:
            return side
    if intent in _COMMANDS:
        return _command(kb, question)
    if intent is Intent.GREETING or intent is Intent.THANKS:
        return ChatAnswer(kind=intent.value, language=question.language)
    if intent is Intent.OUTSIDE and question.outside in kb.outside:
        return _outside(kb, question.outside or "")
    if intent is Intent.UNKNOWN or intent is Intent.OUTSIDE:
        return _unknown(kb, question)
    subject = question.subject
    if intent in {Intent.LOOKUP, Intent.ABOUT}:
        if subject is None:
            return _unknown(kb, question)
        if subject.kind == "field" and len(question.entities) == 1 and _narrower(question):
            return filtered_list(kb, question)
        return answer_for(kb, subject, closest_to=question.closest_to)
    if intent is Intent.COUNT:
        if subject is not None and subject.kind == "centre":
            return about_entry(kb, question, subject)
        counted = count(kb, question)
        return counted if counted is not None else _unknown(kb, question)
    if intent is Intent.COMPARE:
        compared = (
            compare_founded(kb, question)
            if question.role is Signal.OLDEST
            else compare(kb, question)
        )
        return compared if compared is not None else _unknown(kb, question)
    if intent is Intent.LIST and question.parts_of in kb.centres:
        return parts_list(kb, question, question.parts_of or "")
    if intent is Intent.LIST:
        filters = question.filters
        if question.argument and filters.field and not (filters.narrows and _narrower(question)):
            research_field = kb.fields[filters.field]
            return CentreListAnswer(
                centres=_research_centres(kb.centres_in(research_field.id)),
                field=research_field,
                closest_to=question.closest_to,
            )
        listed = filtered_list(kb, question)
        if not listed.centres and not question.entities and not question.filters.status:
            return _unknown(kb, question, reason="not-in-kb")
        return listed
    if subject is None:
        return _unknown(kb, question)
    return about_entry(kb, question, subject)


def _research_centres(entries: tuple[Centre, ...]) -> tuple[Centre, ...]:
    """What "centres" means: research centres, units, programmes, departments and groups."""
    return tuple(entry for entry in entries if entry.kind in RESEARCH_KINDS)


def _owned_companies(kb: KnowledgeBase, question: Question) -> FilteredListAnswer | None:
    """ "Which companies does the Novo Nordisk Foundation own?": the companies it controls;
    "none the knowledge base records" for an owner of none ("…does Novo Nordisk own?"), never
    another fact about it."""
    subject = question.subject
    if question.filters.kind is not CentreKind.COMPANY or subject is None:
        return None
    if subject.kind != "centre":
        return None
    owned = kb.owned_by(subject.id)
    if not owned and Signal.HOST not in question.signals:
        return None  # "which companies are at Medicon Village?" is not about owning
    owner = kb.centres[subject.id]
    return FilteredListAnswer(
        centres=owned,
        description=phrases.OWNED_BY.format(owner=owner.label),
        total=len(owned),
        counted=question.intent is Intent.COUNT,
    )


def _ranks_fields_by_a_figure(question: Question) -> bool:
    """ "Which field has more companies, inflammation or diabetes?": a ranking by one figure."""
    return (
        question.subject is not None
        and question.subject.kind == "field"
        and bool(question.concepts)
    )


def _narrower(question: Question) -> bool:
    """True when ``centres <words>`` narrows by more than a field."""
    filters = question.filters
    return any(v is not None for v in (filters.city, filters.country, filters.kind, filters.status))


_COMMANDS = frozenset({Intent.HELP, Intent.FIELDS, Intent.STATS, Intent.CENTRES, Intent.SEARCH})


def _outside(kb: KnowledgeBase, place_id: str) -> OutsideAnswer:
    place = kb.outside[place_id]
    return OutsideAnswer(place=place, sources=_sources(kb, tuple(place.sources)))


def _unknown(kb: KnowledgeBase, question: Question, *, reason: str | None = None) -> SingleAnswer:
    """Nothing fits: a typo of a whole name, a real search match, or an honest "I don't know"."""
    reason = reason or question.reason
    text = question.raw
    if reason in {"unknown", "not-in-kb"} and not question.unknown:
        found = _entry_resembling(kb, text)
        if found is not None:
            return found
    browsing = not question.signals and not _looks_like_a_name(text)
    if reason == "unknown" and not question.unknown and browsing:
        matched = _search(kb, text, floor=1.0)
        if matched is not None:
            return matched
    if reason in {"garbage", "out-of-domain"}:
        return NoMatchAnswer(
            typed=text,
            suggestions=tuple(kb.fields.values())[:4],
            reason="out-of-domain" if reason != "garbage" else "garbage",
        )
    related: tuple[Entry, ...] = ()
    if reason == "unknown" and not question.unknown:
        reason = "not-in-kb"  # its words appear in entries, but no entry is what was asked
    if question.topic:
        hits = kb.index.search(" ".join(question.topic), limit=3)
        related = tuple(_entry(kb, hit.ref) for hit in hits)
    suggestions = tuple(
        _entry(kb, ref) for ref in kb.index.suggestions(text) if _looks_alike(kb, ref, text)
    )
    return NoMatchAnswer(typed=text, suggestions=suggestions, reason=reason, related=related)


def _looks_like_a_name(text: str) -> bool:
    """``Novo Nordisk``, ``Harvard Medical School``: every word capitalised."""
    words = [word for word in text.split() if word[:1].isalpha()]
    return bool(words) and all(word[:1].isupper() for word in words)


def _looks_alike(kb: KnowledgeBase, ref: EntryRef, text: str) -> bool:
    """A "did you mean" only for names that really look like what was typed."""
    typed = normalize(text)
    return any(
        fuzz.ratio(typed, spelling) >= _LOOKALIKE
        for spelling in lexicon_for(kb).spellings_of.get(ref, ())
        if abs(len(spelling) - len(typed)) <= max(4, len(typed) // 2)
    )


def _command(kb: KnowledgeBase, question: Question) -> SingleAnswer:
    """The answer to a command (``help``, ``fields``, ``stats``, ``centres …``, ``search …``)."""
    if question.intent is Intent.HELP:
        return HelpAnswer(fields=tuple(kb.fields.values()))
    if question.intent is Intent.FIELDS:
        return FieldListAnswer(
            fields=tuple((f, len(kb.centres_in(f.id))) for f in kb.fields.values())
        )
    if question.intent is Intent.STATS:
        return _stats(kb)
    if question.intent is Intent.CENTRES:
        return _centres(kb, question.argument, question.raw)
    return _search(kb, question.argument) or _no_match(kb, question.argument)  # search


def _entry(kb: KnowledgeBase, ref: EntryRef) -> Entry:
    if ref.kind == "field":
        return kb.fields[ref.id]
    if ref.kind == "centre":
        return kb.centres[ref.id]
    return kb.cluster


def _sources(kb: KnowledgeBase, ids: tuple[str, ...]) -> tuple[Source, ...]:
    return tuple(kb.sources[source_id] for source_id in dict.fromkeys(ids))


def answer_for(kb: KnowledgeBase, ref: EntryRef, *, closest_to: str | None = None) -> SingleAnswer:
    """The full answer about one entry, e.g. when a button opens it."""
    if ref.kind == "field":
        research_field = kb.fields[ref.id]
        stat_sources = tuple(stat.source for stat in research_field.stats)
        return FieldAnswer(
            field=research_field,
            centres=kb.centres_in(research_field.id),
            sources=_sources(kb, (*research_field.sources, *stat_sources)),
            closest_to=closest_to,
        )
    if ref.kind == "centre":
        centre = kb.centres[ref.id]
        return CentreAnswer(
            centre=centre,
            fields=tuple(kb.fields[field_id] for field_id in centre.fields),
            sources=_sources(kb, centre.sources),
            successor=kb.centres.get(centre.successor) if centre.successor else None,
            parent=kb.centres.get(centre.part_of) if centre.part_of else None,
            parts=kb.parts_of(centre.id),
            closest_to=closest_to,
        )
    stat_sources = tuple(stat.source for stat in kb.cluster.stats)
    return ClusterAnswer(
        cluster=kb.cluster,
        fields=tuple(kb.fields.values()),
        sources=_sources(kb, (*kb.cluster.sources, *stat_sources)),
        closest_to=closest_to,
    )


def _lookup(kb: KnowledgeBase, text: str, *, search_text: str | None = None) -> SingleAnswer | None:
    """Name, then full text (``search_text`` if given), then resemblance; None if nothing fits."""
    found = _entry_named(kb, text) or _search(
        kb, text if search_text is None else search_text, floor=1.0
    )
    return found or _entry_resembling(kb, text)


def _entry_resembling(kb: KnowledgeBase, text: str) -> SingleAnswer | None:
    topic = " ".join(tokens(text, drop_stop_words=True)) or text
    typo = kb.index.resembling(topic)
    return answer_for(kb, typo.ref, closest_to=text) if typo is not None else None


def _entry_named(kb: KnowledgeBase, text: str) -> SingleAnswer | None:
    """The entry ``text`` names exactly, after dropping filler words, or with a typo."""
    index = kb.index
    ref = index.exact(text)
    if ref is not None:
        return answer_for(kb, ref)
    topic = " ".join(tokens(text, drop_stop_words=True))
    if topic:
        ref = index.exact(topic)
        if ref is not None:
            return answer_for(kb, ref)
    typo = index.closest(text) or (index.closest(topic) if topic else None)
    if typo is not None:
        return answer_for(kb, typo.ref, closest_to=text)
    return None


def _search(kb: KnowledgeBase, text: str, *, floor: float = 0.5) -> SearchAnswer | None:
    """Ranked results that match at least ``floor`` of the words typed, or None.

    A hit counts a word when searching that word alone finds the entry too, so an entry that
    shares one common word with a long question is not offered as if it answered it.
    """
    hits = kb.index.search(text, limit=_SEARCH_LIMIT)
    words = [w for w in dict.fromkeys(tokens(text, drop_stop_words=True)) if w not in FILLER]
    if not hits or not words:
        return None
    words = words[:_FLOOR_WORDS]
    found_by = [
        {hit.ref for hit in kb.index.search(word, limit=_SEARCH_LIMIT * 4)} for word in words
    ]
    needed = max(1, math.ceil(len(words) * floor - 1e-9))
    hits = [hit for hit in hits if sum(hit.ref in refs for refs in found_by) >= needed]
    if not hits:
        return None
    return SearchAnswer(
        query=text,
        entries=tuple(_entry(kb, hit.ref) for hit in hits),
        hits=tuple(hit.ref for hit in hits),
    )


def _no_match(kb: KnowledgeBase, text: str, *, reason: str = "unknown") -> NoMatchAnswer:
    suggestions = tuple(_entry(kb, ref) for ref in kb.index.suggestions(text))
    return NoMatchAnswer(typed=text, suggestions=suggestions, reason=reason)


def _centres(kb: KnowledgeBase, argument: str, raw: str) -> SingleAnswer:
    if not argument:
        return CentreListAnswer(centres=kb.institutions)
    ref = kb.index.exact(argument)
    closest_to: str | None = None
    if ref is None:
        typo = kb.index.closest(argument) or kb.index.resembling(argument)
        if typo is not None:
            ref, closest_to = typo.ref, argument
    if ref is not None and ref.kind == "field":
        return CentreListAnswer(
            centres=_research_centres(kb.centres_in(ref.id)),
            field=kb.fields[ref.id],
            closest_to=closest_to,
        )
    # "centre for inflammation and metabolism" names a centre rather than filtering by field.
    # The words after "centres" are searched alone: "centres" itself would match every centre.
    found = _lookup(kb, raw, search_text=argument)
    return found or _no_match(kb, argument, reason="no-field")


def _stats(kb: KnowledgeBase) -> StatsAnswer:
    fields = tuple(f for f in kb.fields.values())
    ids = tuple(stat.source for stat in kb.all_stats())
    return StatsAnswer(cluster=kb.cluster, fields=fields, sources=_sources(kb, ids))
