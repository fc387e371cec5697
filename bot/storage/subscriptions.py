"""Spotlight subscriptions: one per (workspace, channel), with the next slot still to deliver.

The functions take a Session and commit their own writes. ``due_at`` is the UTC instant of the
next slot not yet delivered; the delivery pass reads due work through it and moves it on in
the same transaction that records a delivery's final outcome (see :mod:`bot.storage.deliveries`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.tables import spotlight_subscriptions as subscriptions

__all__ = [
    "SubscriptionRecord",
    "advance_subscription",
    "count_due_ahead",
    "delete_subscription",
    "delete_workspace_subscriptions",
    "due_subscriptions",
    "due_teams",
    "find_subscription_by_channel",
    "get_subscription",
    "get_subscription_by_id",
    "pause_subscription",
    "subscriptions_by_user",
    "upsert_subscription",
]


@dataclass(frozen=True)
class SubscriptionRecord:
    """A subscription row as stored."""

    id: int
    team_id: str
    enterprise_id: str | None
    channel_id: str
    created_by: str
    updated_by: str
    weekday: int
    local_time: str
    timezone: str
    due_at: datetime
    created_at: datetime
    updated_at: datetime
    paused_reason: str | None
    paused_at: datetime | None
    language: str | None = None
    """``en``, ``da`` or ``sv``; None for automatic (the posts are in English)."""

    @classmethod
    def from_row(cls, row: Row[tuple[object, ...]]) -> SubscriptionRecord:
        return cls(**row._asdict())


def upsert_subscription(
    session: Session,
    *,
    team_id: str,
    enterprise_id: str | None,
    channel_id: str,
    user_id: str,
    weekday: int,
    local_time: str,
    timezone: str,
    due_at: datetime,
    now: datetime,
    language: str | None = None,
) -> SubscriptionRecord:
    """Subscribe a channel, or give its subscription this schedule and language (None:
    automatic) and clear any pause.

    One statement (INSERT … ON CONFLICT (team_id, channel_id) DO UPDATE), so two people
    subscribing the same channel at once end with one row. Rotation state and history are kept.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    values = insert(subscriptions).values(
        team_id=team_id,
        enterprise_id=enterprise_id,
        channel_id=channel_id,
        created_by=user_id,
        updated_by=user_id,
        weekday=weekday,
        local_time=local_time,
        timezone=timezone,
        due_at=due_at,
        created_at=now,
        updated_at=now,
        paused_reason=None,
        paused_at=None,
        language=language,
    )
    excluded = values.excluded
    statement = values.on_conflict_do_update(
        index_elements=[subscriptions.c.team_id, subscriptions.c.channel_id],
        set_={
            "enterprise_id": excluded.enterprise_id,
            "updated_by": excluded.updated_by,
            "weekday": excluded.weekday,
            "local_time": excluded.local_time,
            "timezone": excluded.timezone,
            "due_at": excluded.due_at,
            "updated_at": excluded.updated_at,
            "language": excluded.language,
            "paused_reason": None,
            "paused_at": None,
        },
    ).returning(*subscriptions.c)
    row = session.execute(statement).one()
    session.commit()
    return SubscriptionRecord.from_row(row)


def get_subscription(
    session: Session, *, team_id: str, channel_id: str
) -> SubscriptionRecord | None:
    row = session.execute(
        select(subscriptions).where(
            subscriptions.c.team_id == team_id, subscriptions.c.channel_id == channel_id
        )
    ).first()
    return None if row is None else SubscriptionRecord.from_row(row)


def get_subscription_by_id(session: Session, *, subscription_id: int) -> SubscriptionRecord | None:
    row = session.execute(
        select(subscriptions).where(subscriptions.c.id == subscription_id)
    ).first()
    return None if row is None else SubscriptionRecord.from_row(row)


def find_subscription_by_channel(session: Session, *, channel_id: str) -> SubscriptionRecord | None:
    """The subscription of ``channel_id`` in any workspace (channel ids are globally unique)."""
    row = session.execute(
        select(subscriptions)
        .where(subscriptions.c.channel_id == channel_id)
        .order_by(subscriptions.c.id)
        .limit(1)
    ).first()
    return None if row is None else SubscriptionRecord.from_row(row)


def subscriptions_by_user(
    session: Session, *, team_id: str, user_id: str
) -> tuple[SubscriptionRecord, ...]:
    """Subscriptions ``user_id`` created or last rescheduled in ``team_id``, by channel id."""
    rows = session.execute(
        select(subscriptions)
        .where(
            subscriptions.c.team_id == team_id,
            or_(subscriptions.c.created_by == user_id, subscriptions.c.updated_by == user_id),
        )
        .order_by(subscriptions.c.channel_id)
    ).all()
    return tuple(SubscriptionRecord.from_row(row) for row in rows)


def delete_subscription(session: Session, *, team_id: str, channel_id: str) -> bool:
    """True when a subscription was removed (its delivery history and rotation go with it)."""
    result = session.execute(
        delete(subscriptions).where(
            subscriptions.c.team_id == team_id, subscriptions.c.channel_id == channel_id
        )
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def delete_workspace_subscriptions(
    session: Session, *, team_id: str | None, enterprise_id: str | None
) -> int:
    """Remove every subscription of a workspace (or, with only ``enterprise_id``, of an org)."""
    if team_id is not None:
        condition = subscriptions.c.team_id == team_id
    elif enterprise_id is not None:
        condition = subscriptions.c.enterprise_id == enterprise_id
    else:
        return 0
    result = session.execute(delete(subscriptions).where(condition))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]


def due_subscriptions(
    session: Session, *, now: datetime, after_id: int, limit: int, team_id: str | None = None
) -> Sequence[SubscriptionRecord]:
    """Up to ``limit`` unpaused subscriptions with ``due_at <= now`` and ``id > after_id``
    (of workspace ``team_id`` only, when given).

    On PostgreSQL the rows are locked FOR UPDATE SKIP LOCKED until the session's transaction
    ends, so a concurrent pass takes other rows instead of queueing behind these. Callers page
    by ``after_id`` (keyset), which keeps memory flat in the number of subscriptions.
    """
    conditions = [
        subscriptions.c.due_at <= now,
        subscriptions.c.paused_reason.is_(None),
        subscriptions.c.id > after_id,
    ]
    if team_id is not None:
        conditions.append(subscriptions.c.team_id == team_id)
    statement = (
        select(subscriptions).where(and_(*conditions)).order_by(subscriptions.c.id).limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        statement = statement.with_for_update(skip_locked=True, of=subscriptions)
    return [SubscriptionRecord.from_row(row) for row in session.execute(statement).all()]


def due_teams(session: Session, *, now: datetime, after_team: str, limit: int) -> list[str]:
    """Up to ``limit`` workspaces with due unpaused subscriptions and ``team_id > after_team``,
    in order: a pass walks them by keyset and paces each on its own."""
    rows = session.execute(
        select(subscriptions.c.team_id)
        .where(
            subscriptions.c.due_at <= now,
            subscriptions.c.paused_reason.is_(None),
            subscriptions.c.team_id > after_team,
        )
        .group_by(subscriptions.c.team_id)
        .order_by(subscriptions.c.team_id)
        .limit(limit)
    ).scalars()
    return [str(team) for team in rows]


def count_due_ahead(session: Session, *, team_id: str, subscription_id: int, now: datetime) -> int:
    """Due unpaused subscriptions of ``team_id`` a pass delivers before this one (lower ids)."""
    return int(
        session.execute(
            select(func.count())
            .select_from(subscriptions)
            .where(
                subscriptions.c.team_id == team_id,
                subscriptions.c.due_at <= now,
                subscriptions.c.paused_reason.is_(None),
                subscriptions.c.id < subscription_id,
            )
        ).scalar_one()
    )


def pause_subscription(
    session: Session, *, subscription_id: int, reason: str, now: datetime
) -> None:
    """Mark a subscription paused (the caller commits: it is part of recording an outcome)."""
    session.execute(
        update(subscriptions)
        .where(subscriptions.c.id == subscription_id)
        .values(paused_reason=reason, paused_at=now)
    )


def advance_subscription(
    session: Session, *, subscription_id: int, period: datetime, next_due: datetime
) -> None:
    """Move ``due_at`` past ``period`` unless a new schedule already moved it further.

    The caller commits: it is part of recording an outcome.
    """
    session.execute(
        update(subscriptions)
        .where(subscriptions.c.id == subscription_id, subscriptions.c.due_at <= period)
        .values(due_at=next_due)
    )
