"""Spotlight subscriptions: one per (workspace, channel), with the next slot still to deliver.

The functions take a Session and commit their own writes, except the ones a delivery's outcome
is recorded with (advance, pause, lock), which join the caller's transaction. ``due_at`` is the
UTC instant of the next slot not yet delivered; the delivery pass reads due work through it and
moves it on in the same transaction that records a delivery's final outcome (see
:func:`bot.storage.deliveries.record_outcomes`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Row, and_, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import UTCDateTime
from bot.storage.tables import spotlight_subscriptions as subscriptions

__all__ = [
    "Advance",
    "SubscriptionRecord",
    "advance_subscriptions",
    "count_due_ahead",
    "delete_subscription",
    "delete_workspace_subscriptions",
    "due_subscriptions",
    "due_teams",
    "find_subscription_by_channel",
    "get_subscription",
    "lock_subscriptions",
    "pause_subscriptions",
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


@dataclass(frozen=True)
class Advance:
    """A subscription whose slot ``period`` is done: its next slot is ``next_due``."""

    subscription_id: int
    period: datetime
    next_due: datetime


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
    values = insert_for(session, subscriptions).values(
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


def advance_subscriptions(session: Session, advances: Sequence[Advance]) -> None:
    """Move each subscription's ``due_at`` past its delivered slot, unless a new schedule already
    moved it further. One statement for all (executemany); the caller commits, as part of
    recording the outcomes."""
    if not advances:
        return
    session.execute(
        update(subscriptions)
        .where(
            subscriptions.c.id == bindparam("b_id"),
            subscriptions.c.due_at <= bindparam("b_period", type_=UTCDateTime),
        )
        .values(due_at=bindparam("b_due", type_=UTCDateTime)),
        [{"b_id": a.subscription_id, "b_period": a.period, "b_due": a.next_due} for a in advances],
    )


def pause_subscriptions(
    session: Session, reasons: Sequence[tuple[int, str]], *, now: datetime
) -> None:
    """Pause each subscription ((id, reason) pairs) until a person fixes its channel. One
    statement for all; the caller commits, as part of recording the outcomes."""
    if not reasons:
        return
    session.execute(
        update(subscriptions)
        .where(subscriptions.c.id == bindparam("b_id"))
        .values(paused_reason=bindparam("b_reason"), paused_at=now),
        [{"b_id": subscription_id, "b_reason": reason} for subscription_id, reason in reasons],
    )


def lock_subscriptions(session: Session, subscription_ids: Sequence[int]) -> None:
    """Lock these subscriptions' rows (FOR UPDATE, in id order) until the transaction ends, so
    a transaction that goes on to a delivery row takes the locks in the order claims do."""
    if not subscription_ids:
        return
    session.execute(
        select(subscriptions.c.id)
        .where(subscriptions.c.id.in_(subscription_ids))
        .order_by(subscriptions.c.id)
        .with_for_update()
    ).all()
