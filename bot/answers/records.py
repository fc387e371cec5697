"""Every answer record, in one place: what resolving a question produces and rendering reads.

A card (:class:`FieldAnswer`, :class:`CentreAnswer`, :class:`ClusterAnswer`), a list, a search,
help, a decline, a direct answer, a filtered list, a ranking, a side-by-side comparison, a place
outside the cluster, a greeting; :data:`Answer` is their union, and :func:`outcome` says what
each amounts to (its kind and subjects) for evaluations and for recording what was answered.
Plain frozen records: building them is :mod:`bot.answers.resolve`'s job, turning them into a
Slack message :mod:`bot.answers.render`'s. A new kind of answer is added here, and ``match``
with ``assert_never`` in :func:`outcome` and in the renderer makes mypy name every place that
must learn it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, assert_never

from bot.knowledge import (
    Centre,
    Cluster,
    EntryRef,
    ResearchField,
    Source,
    Stat,
)
from bot.knowledge.models import OutsidePlace

__all__ = [
    "Answer",
    "CentreAnswer",
    "CentreListAnswer",
    "ChatAnswer",
    "ClusterAnswer",
    "CompareAnswer",
    "DirectAnswer",
    "Entry",
    "Fact",
    "FieldAnswer",
    "FieldListAnswer",
    "FilteredListAnswer",
    "HelpAnswer",
    "NoMatchAnswer",
    "Outcome",
    "OutcomeKind",
    "OutsideAnswer",
    "SearchAnswer",
    "SeveralAnswers",
    "SideBySideAnswer",
    "SingleAnswer",
    "StatsAnswer",
    "outcome",
    "ref_of",
    "together",
]

Entry = ResearchField | Centre | Cluster


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
class SideBySideAnswer:
    """Two or three entries compared: ``rows`` of (what, one value per entry), and a lead that
    answers what was asked when the facts settle it."""

    entries: tuple[Entry, ...]
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    lead: Fact


@dataclass(frozen=True)
class OutsideAnswer:
    place: OutsidePlace
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ChatAnswer:
    """A greeting or a thank-you, answered briefly in kind."""

    kind: str
    language: str


# --- cards, lists, search, help and declines --------------------------------------------------


@dataclass(frozen=True)
class FieldAnswer:
    field: ResearchField
    centres: tuple[Centre, ...]
    sources: tuple[Source, ...]
    closest_to: str | None = None


@dataclass(frozen=True)
class CentreAnswer:
    centre: Centre
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]
    successor: Centre | None = None
    parent: Centre | None = None
    parts: tuple[Centre, ...] = ()
    closest_to: str | None = None


@dataclass(frozen=True)
class ClusterAnswer:
    cluster: Cluster
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]
    closest_to: str | None = None


@dataclass(frozen=True)
class FieldListAnswer:
    fields: tuple[tuple[ResearchField, int], ...]
    """Each field with the number of centres in it."""


@dataclass(frozen=True)
class CentreListAnswer:
    centres: tuple[Centre, ...]
    field: ResearchField | None = None
    closest_to: str | None = None


@dataclass(frozen=True)
class StatsAnswer:
    cluster: Cluster
    fields: tuple[ResearchField, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class SearchAnswer:
    query: str
    entries: tuple[Entry, ...]
    hits: tuple[EntryRef, ...]


@dataclass(frozen=True)
class HelpAnswer:
    fields: tuple[ResearchField, ...]
    offline: bool = False
    """Help for the offline console: the commands that need Slack are left out."""


@dataclass(frozen=True)
class NoMatchAnswer:
    typed: str
    suggestions: tuple[Entry, ...]
    reason: str = "unknown"
    """``unknown`` (nothing matched), ``no-field`` (``centres X`` where X is not a field),
    ``garbage`` (no words), ``out-of-domain`` (a question no entry could answer) or
    ``not-in-kb`` (a name the knowledge base does not hold)."""
    related: tuple[Entry, ...] = ()
    """Entries that share words with the text: offered, clearly labelled, never as the answer."""


SingleAnswer = (
    FieldAnswer
    | CentreAnswer
    | ClusterAnswer
    | FieldListAnswer
    | CentreListAnswer
    | StatsAnswer
    | SearchAnswer
    | HelpAnswer
    | NoMatchAnswer
    | DirectAnswer
    | FilteredListAnswer
    | CompareAnswer
    | SideBySideAnswer
    | OutsideAnswer
    | ChatAnswer
)
"""An answer to one question."""


@dataclass(frozen=True)
class SeveralAnswers:
    """The answers to the questions of one message ("When was Ideon founded? And where is
    it?"), in the order they were asked: each part as it would be alone."""

    parts: tuple[SingleAnswer, ...]


Answer = SingleAnswer | SeveralAnswers


# --- what an answer amounts to ---------------------------------------------------------------

OutcomeKind = Literal[
    "direct", "card", "list", "compare", "search", "declined", "outside", "help", "chat"
]

_CLUSTER = EntryRef("cluster", "cluster")


@dataclass(frozen=True)
class Outcome:
    """``kind`` of reply and the entries it is about, best first (empty when about none).

    Kept apart from rendering so that a benchmark can ask "did the bot answer directly, and
    about the right entry?" without parsing Block Kit."""

    kind: OutcomeKind
    subjects: tuple[EntryRef, ...] = ()


def ref_of(entry: Entry) -> EntryRef:
    """The index pointer for any entry."""
    if isinstance(entry, ResearchField):
        return EntryRef("field", entry.id)
    if isinstance(entry, Centre):
        return EntryRef("centre", entry.id)
    return _CLUSTER


def outcome(answer: Answer) -> Outcome:
    """The kind and subjects of ``answer``."""
    match answer:
        case FieldAnswer():
            return Outcome("card", (ref_of(answer.field),))
        case CentreAnswer():
            return Outcome("card", (ref_of(answer.centre),))
        case ClusterAnswer():
            return Outcome("card", (_CLUSTER,))
        case FieldListAnswer():
            return Outcome("list", tuple(ref_of(f) for f, _ in answer.fields))
        case CentreListAnswer():
            return Outcome("list", tuple(ref_of(c) for c in answer.centres))
        case StatsAnswer():
            return Outcome("list", (_CLUSTER, *(ref_of(f) for f in answer.fields)))
        case SearchAnswer():
            return Outcome("search", answer.hits)
        case HelpAnswer():
            return Outcome("help")
        case NoMatchAnswer():
            return Outcome("declined")
        case DirectAnswer():
            subjects = (ref_of(answer.subject), *(ref_of(entry) for entry in answer.related))
            return Outcome("direct" if answer.known else "declined", subjects)
        case FilteredListAnswer():
            kind: OutcomeKind = "direct" if answer.counted else "list"
            return Outcome(kind, tuple(ref_of(centre) for centre in answer.centres))
        case CompareAnswer():
            return Outcome("direct", tuple(ref_of(entry) for entry, _, _ in answer.ranking))
        case SideBySideAnswer():
            return Outcome("compare", tuple(ref_of(entry) for entry in answer.entries))
        case OutsideAnswer():
            return Outcome("outside")
        case ChatAnswer():
            return Outcome("chat")
        case SeveralAnswers():
            parts = [outcome(part) for part in answer.parts]
            named = dict.fromkeys(ref for part in parts for ref in part.subjects)
            return Outcome(parts[0].kind, tuple(named))
        case _:
            assert_never(answer)


def together(answers: Sequence[Answer]) -> Answer | None:
    """One answer per question asked. A question that found nothing is left out when another
    did, and so is an entry's card when another answer is about that entry (its card is one
    click away there): "Tell me about CBMR. Who leads it?" leads with who leads it."""
    single = [p for a in answers for p in (a.parts if isinstance(a, SeveralAnswers) else (a,))]
    found = [a for a in single if not isinstance(a, NoMatchAnswer)] or single[:1]
    found = list(dict.fromkeys(found))
    answered = {ref for a in found if not _is_card(a) for ref in outcome(a).subjects}
    found = [a for a in found if not (_is_card(a) and set(outcome(a).subjects) <= answered)]
    if len(found) > 1:
        return SeveralAnswers(tuple(found))
    return found[0] if found else None


def _is_card(answer: SingleAnswer) -> bool:
    return isinstance(answer, FieldAnswer | CentreAnswer | ClusterAnswer)
