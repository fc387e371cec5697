"""Which topic a subscription features next: every topic once per cycle, then a new cycle.

Topics are the research fields and the centres whose status is active (an ended or uncertain
centre is never featured as current), named by stable keys (``field:cancer``, ``centre:ludc``).
The order within a cycle is a hash of (subscription, cycle, key): deterministic, so a retry or a
preview picks the same topic, and different from channel to channel and cycle to cycle. Only
keys the knowledge base still has are candidates, so a removed or renamed entry is skipped
without breaking anything; a new entry simply gets its turn.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from bot.knowledge import Centre, KnowledgeBase, ResearchField, Status
from bot.storage.features import Featured

__all__ = ["Choice", "Topic", "choose_topic", "topic_key", "topic_keys", "topic_named"]

Topic = ResearchField | Centre


@dataclass(frozen=True)
class Choice:
    """The topic to feature and the rotation cycle it counts towards."""

    cycle: int
    key: str
    topic: Topic


def topic_key(topic: Topic) -> str:
    return f"field:{topic.id}" if isinstance(topic, ResearchField) else f"centre:{topic.id}"


def topic_keys(kb: KnowledgeBase) -> tuple[str, ...]:
    """Every topic that may be featured now, in knowledge-base order."""
    keys = [topic_key(field) for field in kb.fields.values()]
    keys.extend(
        topic_key(centre) for centre in kb.centres.values() if centre.status is Status.ACTIVE
    )
    return tuple(keys)


def topic_named(kb: KnowledgeBase, key: str) -> Topic | None:
    """The entry behind ``key``, or None when the knowledge base no longer has it."""
    kind, _, entry_id = key.partition(":")
    if kind == "field":
        return kb.fields.get(entry_id)
    if kind == "centre":
        return kb.centres.get(entry_id)
    return None


def choose_topic(
    kb: KnowledgeBase, *, subscription_id: int, featured: Featured | None
) -> Choice | None:
    """The next topic for a subscription given its rotation so far; None if there are none."""
    keys = topic_keys(kb)
    if not keys:
        return None
    cycle = 0 if featured is None else featured.cycle
    remaining = [key for key in keys if featured is None or key not in featured.topics]
    if not remaining:
        cycle += 1
        remaining = list(keys)
    ordered = sorted(remaining, key=lambda key: _rank(subscription_id, cycle, key))
    if len(ordered) > 1 and featured is not None and ordered[0] == featured.last:
        ordered = ordered[1:]  # a new cycle does not open with last week's topic
    key = ordered[0]
    topic = topic_named(kb, key)
    assert topic is not None  # keys come from the knowledge base itself
    return Choice(cycle=cycle, key=key, topic=topic)


def _rank(subscription_id: int, cycle: int, key: str) -> bytes:
    return hashlib.sha256(f"{subscription_id}:{cycle}:{key}".encode()).digest()
