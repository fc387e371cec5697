"""Spotlight rotations: the topics each subscription has featured, per rotation cycle.

One row per (subscription, cycle, topic), written when a post that featured the topic is
recorded (see :func:`bot.storage.deliveries.record_outcomes`); a cycle ends when every topic has
been featured, and the next one starts afresh.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import spotlight_features as features

__all__ = ["Featured", "FeaturedTopic", "add_featured", "featured_topics"]


@dataclass(frozen=True)
class Featured:
    """A subscription's place in its rotation: the current cycle and what it has featured."""

    cycle: int
    topics: frozenset[str]
    last: str | None
    """The topic featured most recently, so a new cycle does not open with it again."""


@dataclass(frozen=True)
class FeaturedTopic:
    """One topic a subscription featured in rotation cycle ``cycle``."""

    subscription_id: int
    cycle: int
    topic: str


def featured_topics(session: Session, *, subscription_ids: Iterable[int]) -> Mapping[int, Featured]:
    """Each subscription's current rotation cycle; subscriptions with none are left out."""
    ids = list(subscription_ids)
    if not ids:
        return {}
    inner = features.alias("inner_features")
    latest = (
        select(func.max(inner.c.cycle))
        .where(inner.c.subscription_id == features.c.subscription_id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(features.c.subscription_id, features.c.cycle, features.c.topic)
        .where(features.c.subscription_id.in_(ids), features.c.cycle == latest)
        .order_by(features.c.subscription_id, features.c.featured_at, features.c.topic)
    ).all()
    found: dict[int, tuple[int, list[str]]] = {}
    for subscription_id, cycle, topic in rows:
        found.setdefault(int(subscription_id), (int(cycle), []))[1].append(str(topic))
    return {
        key: Featured(cycle=cycle, topics=frozenset(topics), last=topics[-1])
        for key, (cycle, topics) in found.items()
    }


def add_featured(session: Session, featured: Sequence[FeaturedTopic], *, now: datetime) -> None:
    """Count each topic as featured in its cycle (once: a repeat is left alone); the caller
    commits, as part of recording the posts that featured them."""
    if not featured:
        return
    session.execute(
        insert_for(session, features)
        .values(
            [
                {
                    "subscription_id": f.subscription_id,
                    "cycle": f.cycle,
                    "topic": f.topic,
                    "featured_at": now,
                }
                for f in featured
            ]
        )
        .on_conflict_do_nothing()
    )
