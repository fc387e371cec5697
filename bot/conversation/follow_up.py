"""Reading a question in the light of the conversation: the step before the answer pipeline.

Context is used only when the question needs it, so a question that names its own subject is
never bent by what came before:

- it names no entry and points back ("who leads *it*?", "hvornår blev *den* grundlagt?"):
  the last answer's entry is put in front of it, exactly as a long message's named entry is
  carried into its question sentence;
- it only changes a filter ("and in Sweden?", "og i Lund?", "in Sweden?", "what about
  cancer?" after a list): the last list's filters are kept and the new one replaces the old
  one of its kind (a place replaces a place, a field a field);
- it swaps the entry of the same question ("what about CBMR?" after "who leads LUDC?"):
  the last question is asked again about the new entry.

Everything else is understood as typed. The result says what was assumed, so the reply can
show it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Final, Literal

from bot.answers import Filters, Intent, Question, understand
from bot.conversation.context import Context
from bot.conversation.cues import continuation, is_pointer, points_back
from bot.conversation.labels import entry_label, list_label
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status
from bot.knowledge.text import normalize

__all__ = ["Assumption", "FollowUp", "follow_up", "leans_on_context"]

_OWN_TERMS: Final = frozenset(
    {
        Intent.HELP,
        Intent.FIELDS,
        Intent.CENTRES,
        Intent.STATS,
        Intent.SEARCH,
        Intent.GREETING,
        Intent.THANKS,
        Intent.OUTSIDE,
    }
)
"""Commands, small talk and places outside the region: never read against the context."""

_LISTS: Final = frozenset({Intent.LIST, Intent.COUNT})

_SAME_QUESTION: Final = {
    (Intent.WHO.value, "lead"): "who leads {}?",
    (Intent.WHO.value, "host"): "who hosts {}?",
    (Intent.WHO.value, "founder"): "who founded {}?",
    (Intent.WHO.value, "funder"): "who funds {}?",
    (Intent.WHEN.value, "founded"): "when was {} founded?",
    (Intent.WHEN.value, "ended"): "when did {} end?",
    (Intent.WHERE.value, None): "where is {}?",
    (Intent.STATUS.value, None): "is {} still active?",
    (Intent.WHAT.value, "website"): "what is the website of {}?",
}
"""The last question, asked again about another entry ("what about CBMR?"): the question is
rebuilt from its kind, never from the words typed before (those are not kept)."""


@dataclass(frozen=True)
class Assumption:
    """What was taken from the conversation: ``label`` in a few words ("LUDC", "Diabetes
    centres in Sweden"); ``how``: an entry a pronoun meant, a list's filters kept, or the
    last question asked about a new entry."""

    label: str
    how: Literal["entry", "filters", "same-question"]


@dataclass(frozen=True)
class FollowUp:
    """The question to answer and, when the context was used, what was assumed (None: the
    question was read as typed and the usual pipeline answers the text)."""

    question: Question
    assumed: Assumption | None = None


@dataclass(frozen=True)
class _Reading:
    """The question as typed and the cues it holds: everything decided without a context."""

    fresh: Question
    words: list[str]
    rest: tuple[str, ...] | None
    named: bool

    @property
    def leans(self) -> bool:
        """Whether any context could change how this question is read."""
        if self.fresh.intent in _OWN_TERMS:
            return False
        if self.named:
            return self.rest is not None
        if self.rest is not None or _only_filters(self.fresh):
            return True
        fresh = self.fresh
        pointing = points_back(self.words, names_a_kind=fresh.filters.kind_named)
        return pointing and not fresh.field_refs and _asks_the_knowledge_base(fresh)


def _asks_the_knowledge_base(question: Question) -> bool:
    """A question word, and no word the knowledge base has never seen (but the pointer):
    "is it raining there?" and "did it go well there?" are about something else."""
    strange = [word for word in question.unknown if not is_pointer(word)]
    return bool(question.signals) and not strange


def _read(kb: KnowledgeBase, text: str, today: date | None) -> _Reading:
    fresh = understand(kb, text, today=today)
    words = normalize(text).split()
    named = any(ref.kind != "field" for ref in fresh.entities)
    return _Reading(fresh, words, continuation(words), named)


def leans_on_context(kb: KnowledgeBase, text: str, *, today: date | None = None) -> bool:
    """False when no context could change how ``text`` is read (it names its own subject, is
    a command or small talk, or has no cue): callers then need not look the context up."""
    return _read(kb, text, today).leans


def follow_up(
    kb: KnowledgeBase, text: str, context: Context | None, *, today: date | None = None
) -> FollowUp:
    """``text`` read against ``context`` (the conversation so far; None for none); pure.
    Never uses the context when :func:`leans_on_context` is False."""
    reading = _read(kb, text, today)
    fresh, rest = reading.fresh, reading.rest
    if context is None or not reading.leans:
        return FollowUp(fresh)
    if reading.named:
        carried = _same_question(kb, context, rest, fresh, today) if rest is not None else None
        return carried or FollowUp(fresh)
    if rest is not None:
        swapped = understand(kb, " ".join(rest), today=today)
        # "and which centres work on cancer in Lund?" asks a whole question of its own.
        narrowed = None if swapped.signals else _narrowed(kb, context, swapped, fresh)
        if narrowed is not None:
            return narrowed
    if _only_filters(fresh):
        narrowed = _narrowed(kb, context, fresh, fresh)
        if narrowed is not None:
            return narrowed
    if not fresh.field_refs and points_back(reading.words, names_a_kind=fresh.filters.kind_named):
        pointed = _pointed(kb, context, text, fresh, today)
        if pointed is not None:
            return pointed
    return FollowUp(fresh)


def _only_filters(question: Question) -> bool:
    """ "in Sweden?", "only active ones?": a place or status with no question of its own."""
    filters = question.filters
    return (
        question.intent is Intent.LIST
        and not question.entities
        and not question.signals
        and not question.unknown
        and not filters.kind_named
        and (filters.city or filters.country or filters.status) is not None
    )


def _same_question(
    kb: KnowledgeBase,
    context: Context,
    rest: tuple[str, ...],
    fresh: Question,
    today: date | None,
) -> FollowUp | None:
    """ "what about CBMR?" after "who leads LUDC?": the same kind of question about CBMR."""
    if context.is_list:
        return None
    named = understand(kb, " ".join(rest), today=today)
    if named.intent is not Intent.LOOKUP or len(named.entities) != 1:
        return None
    (ref,) = named.entities
    template = _SAME_QUESTION.get((context.intent, context.role))
    if template is None or ref.kind == "field":
        return None
    question = understand(kb, template.format(kb.name_of(ref)), today=today)
    if question.subject != ref:
        return None
    return FollowUp(_in(question, fresh), Assumption(entry_label(kb, ref), "same-question"))


def _narrowed(
    kb: KnowledgeBase, context: Context, new: Question, typed: Question
) -> FollowUp | None:
    """The last list again with ``new``'s filters replacing those of the same kind."""
    if not (context.is_list or context.field is not None):
        return None
    if new.unknown or any(ref.kind != "field" for ref in new.entities):
        return None
    fields = new.field_refs
    changes = new.filters
    if not (fields or changes.city or changes.country or changes.status or changes.kind):
        return None
    moved = changes.city is not None or changes.country is not None
    field = fields[0].id if fields else context.field
    kind = changes.kind or (CentreKind(context.kind) if context.kind else None)
    status = changes.status or (Status(context.status) if context.status else None)
    filters = Filters(
        field=field,
        city=changes.city if moved else context.city,
        country=changes.country if moved else context.country,
        kind=kind,
        kind_named=True,
        status=status,
    )
    label = list_label(kb, filters)
    intent = Intent.COUNT if context.intent == Intent.COUNT.value else Intent.LIST
    question = Question(
        intent,
        label,
        language=typed.language,
        entities=(EntryRef("field", field),) if field else (),
        filters=filters,
        signals=new.signals | typed.signals,
        asked_on=typed.asked_on,
    )
    return FollowUp(question, Assumption(label, "filters"))


def _pointed(
    kb: KnowledgeBase, context: Context, text: str, fresh: Question, today: date | None
) -> FollowUp | None:
    """A pronoun: the entry (or the two or three compared) the last answer was about, put in
    front of the question; after a list, "which of them are in Lund?" narrows the list.

    Not when the question holds words the knowledge base has never seen ("is it raining
    there?") or asks nothing at all ("did it go well there?"): that is about something else.
    """
    if not _asks_the_knowledge_base(fresh):
        return None
    if context.subject is not None:
        meant: tuple[EntryRef, ...] = (context.subject,)
    elif context.is_list:
        return _narrowed(kb, context, fresh, fresh) if fresh.filters.narrows else None
    elif 2 <= len(context.entries) <= 3:
        meant = context.entries
    else:
        return None
    names = " and ".join(kb.name_of(ref) for ref in meant)
    question = understand(kb, f"{names}: {text}", today=today)
    if question.subject not in meant:
        return None
    label = " and ".join(entry_label(kb, ref) for ref in meant)
    return FollowUp(_in(question, fresh), Assumption(label, "entry"))


def _in(question: Question, typed: Question) -> Question:
    """``question`` in the language the person typed in."""
    if question.language == typed.language:
        return question
    return replace(question, language=typed.language)
