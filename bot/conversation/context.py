"""The context record: what a conversation was last about, as ids and slots.

It never holds the text people typed: only entry ids, the filters a list was narrowed by, the
kind of question and its language. That keeps it small (a few hundred bytes), safe to keep for
half an hour in a thread everyone in it can already read, and enough to resolve "who leads it?"
or "and in Sweden?".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, cast, get_args

from bot.answers import Answer, Filters, Intent, Question, outcome
from bot.knowledge import CentreKind, EntryRef, KnowledgeBase, Status
from bot.knowledge.index import EntryKind

__all__ = ["Context", "context_after", "context_from_slots"]

_MOST_ENTRIES: Final = 10
_SPOKEN: Final = frozenset({"direct", "card", "list", "compare", "search"})
"""Outcome kinds that are about something: after any other (a decline, help, a greeting) the
conversation is still about what it was about before."""


@dataclass(frozen=True)
class Context:
    """What the last answer was about.

    ``subject`` is the one entry a pronoun would mean (None after a list of many);
    ``entries`` every entry the answer was about, best first; ``field``…``status`` the filters
    a list was narrowed by; ``intent`` and ``role`` the kind of question ("who leads"),
    carried to a new entry by "what about X?"; ``language`` the question's language.
    """

    subject: EntryRef | None = None
    entries: tuple[EntryRef, ...] = ()
    field: str | None = None
    city: str | None = None
    country: str | None = None
    kind: str | None = None
    status: str | None = None
    intent: str = Intent.LOOKUP.value
    role: str | None = None
    language: str = "en"

    @property
    def is_list(self) -> bool:
        """The last answer was a list or count over filters rather than about one entry."""
        return self.intent in {Intent.LIST.value, Intent.COUNT.value, Intent.CENTRES.value}

    @property
    def filters(self) -> Filters:
        return Filters(
            field=self.field,
            city=self.city,
            country=self.country,
            kind=CentreKind(self.kind) if self.kind else None,
            kind_named=True,
            status=Status(self.status) if self.status else None,
        )

    def slots(self) -> dict[str, Any]:
        """The record as JSON-ready slots (what the database stores)."""
        return {
            "subject": list(self.subject) if self.subject else None,
            "entries": [list(ref) for ref in self.entries],
            "field": self.field,
            "city": self.city,
            "country": self.country,
            "kind": self.kind,
            "status": self.status,
            "intent": self.intent,
            "role": self.role,
            "language": self.language,
        }


def _ref(kb: KnowledgeBase, value: object) -> EntryRef | None:
    """A stored ``[kind, id]`` that still names an entry of ``kb`` (it may have been reloaded)."""
    if not isinstance(value, list | tuple) or len(value) != 2:
        return None
    kind, entry_id = value
    if kind not in get_args(EntryKind) or not isinstance(entry_id, str):
        return None
    ref = EntryRef(cast(EntryKind, kind), entry_id)
    known = (
        ref.id in kb.fields
        if kind == "field"
        else ref.id in kb.centres
        if kind == "centre"
        else kind == "cluster"
    )
    return ref if known else None


def _text(slots: dict[str, Any], name: str, allowed: frozenset[str] | None = None) -> str | None:
    value = slots.get(name)
    if not isinstance(value, str) or not value or len(value) > 64:
        return None
    return value if allowed is None or value in allowed else None


_KINDS = frozenset(kind.value for kind in CentreKind)
_STATUSES = frozenset(status.value for status in Status)
_INTENTS = frozenset(intent.value for intent in Intent)


def context_from_slots(kb: KnowledgeBase, slots: dict[str, Any]) -> Context:
    """The record from stored slots; anything unknown to ``kb`` (a removed entry, a value no
    longer valid) is dropped rather than trusted."""
    entries = slots.get("entries")
    refs = [_ref(kb, value) for value in entries] if isinstance(entries, list) else []
    field = _text(slots, "field")
    return Context(
        subject=_ref(kb, slots.get("subject")),
        entries=tuple(ref for ref in refs if ref is not None)[:_MOST_ENTRIES],
        field=field if field in kb.fields else None,
        city=_text(slots, "city"),
        country=_text(slots, "country", frozenset({"DK", "SE"})),
        kind=_text(slots, "kind", _KINDS),
        status=_text(slots, "status", _STATUSES),
        intent=_text(slots, "intent", _INTENTS) or Intent.LOOKUP.value,
        role=_text(slots, "role"),
        language=_text(slots, "language", frozenset({"en", "da", "sv"})) or "en",
    )


def context_after(
    question: Question, answer: Answer, *, previous: Context | None
) -> Context | None:
    """The context a conversation is in after ``answer`` to ``question``: what the answer was
    about, or (after a decline, help or small talk) ``previous`` unchanged."""
    result = outcome(answer)
    if result.kind not in _SPOKEN or not (result.subjects or question.filters.narrows):
        return previous
    entries = result.subjects[:_MOST_ENTRIES]
    filters = question.filters
    asked = question.subject
    field = filters.field or (asked.id if asked is not None and asked.kind == "field" else None)
    listed = question.intent in {Intent.LIST, Intent.COUNT, Intent.CENTRES} and (
        result.kind == "list" or filters.narrows
    )
    if listed:
        subject = entries[0] if len(entries) == 1 and entries[0].kind == "centre" else None
    elif result.kind == "compare":
        subject = None
    else:
        subject = asked if asked is not None else (entries[0] if entries else None)
    return Context(
        subject=subject,
        entries=entries,
        field=field,
        city=filters.city if listed else None,
        country=filters.country if listed else None,
        kind=filters.kind.value if listed and filters.kind else None,
        status=filters.status.value if listed and filters.status else None,
        intent=question.intent.value,
        role=question.role.value if question.role else None,
        language=question.language,
    )
