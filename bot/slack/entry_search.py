"""Type-ahead over every field and centre, for ``external_select`` menus (options requests).

Slack asks for options on every keystroke and waits at most 3 s, showing at most 100, so the
lookup is built once per knowledge base and answers with a binary search over sorted prefixes:
every normalised name and alias, and every word of them, points at its entry. Entries whose
whole name starts with the typed text come first, then those with a word that does, each in
knowledge-base order.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Final

from bot.answers.render.mrkdwn import truncate
from bot.knowledge import EntryRef, KnowledgeBase
from bot.knowledge.text import normalize

__all__ = ["MAX_OPTIONS", "EntrySearch", "option_value", "parse_option_value"]

MAX_OPTIONS: Final = 100
"""Slack shows at most 100 options in an external select."""
_TEXT_LIMIT: Final = 75
_SCAN_LIMIT: Final = 2_000
"""Prefix keys examined per lookup at most: a one-letter query stays cheap at 10,000 entries."""


def option_value(ref: EntryRef) -> str:
    """``centre:ludc``: what a chosen option carries back."""
    return f"{ref.kind}:{ref.id}"


def parse_option_value(value: str, kb: KnowledgeBase) -> EntryRef | None:
    """The entry an option value names, or None when it is malformed or no longer there."""
    kind, _, entry_id = value.partition(":")
    if kind == "field" and entry_id in kb.fields:
        return EntryRef("field", entry_id)
    if kind == "centre" and entry_id in kb.centres:
        return EntryRef("centre", entry_id)
    return None


@dataclass(frozen=True)
class _Entry:
    order: int
    ref: EntryRef
    label: str


class EntrySearch:
    """Options for typed text, over one immutable knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        entries: list[_Entry] = []
        names: list[tuple[str, int]] = []
        words: list[tuple[str, int]] = []

        def add(ref: EntryRef, label: str, spellings: tuple[str | None, ...]) -> None:
            order = len(entries)
            entries.append(_Entry(order, ref, truncate(label, _TEXT_LIMIT)))
            for spelling in {normalize(s) for s in spellings if s}:
                if spelling:
                    names.append((spelling, order))
                    words.extend((word, order) for word in spelling.split())

        for research_field in kb.fields.values():
            ref = EntryRef("field", research_field.id)
            add(
                ref,
                f"{research_field.name} (field)",
                (research_field.name, *research_field.aliases),
            )
        for centre in kb.centres.values():
            label = centre.name if not centre.short_name else f"{centre.short_name}: {centre.name}"
            spellings = (centre.name, centre.short_name, *centre.aliases)
            add(EntryRef("centre", centre.id), label, spellings)
        self._entries = tuple(entries)
        self._names = sorted(set(names))
        self._words = sorted(set(words))

    def __len__(self) -> int:
        return len(self._entries)

    def matches(self, typed: str, *, limit: int = MAX_OPTIONS) -> list[tuple[EntryRef, str]]:
        """(entry, label) for ``typed``, best first; every entry (up to ``limit``) when empty."""
        query = normalize(typed)
        if not query:
            return [(e.ref, e.label) for e in self._entries[:limit]]
        found: list[int] = []
        seen: set[int] = set()
        for keys in (self._names, self._words):
            ranked = sorted({order for order in _starting_with(keys, query)} - seen)
            found.extend(ranked)
            seen.update(ranked)
            if len(found) >= limit:
                break
        return [(self._entries[i].ref, self._entries[i].label) for i in found[:limit]]

    def options(self, typed: str) -> list[dict[str, Any]]:
        """The ``options`` of an options-request answer for ``typed``."""
        return [
            {"text": {"type": "plain_text", "text": label}, "value": option_value(ref)}
            for ref, label in self.matches(typed)
        ]


def _starting_with(keys: list[tuple[str, int]], prefix: str) -> Iterator[int]:
    start = bisect.bisect_left(keys, (prefix, -1))
    for key, order in keys[start : start + _SCAN_LIMIT]:
        if not key.startswith(prefix):
            return
        yield order
