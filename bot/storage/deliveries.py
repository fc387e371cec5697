"""Spotlight deliveries: one row per (subscription, slot), claimed atomically, and its attempts.

Exactly once is a database fact here: the unique (subscription_id, period) row is inserted by one
caller only (INSERT … ON CONFLICT DO NOTHING RETURNING). A row may be taken over only while
nothing was confirmed posted (``posted_ts`` is NULL) and it is either ``failed`` (a transient
error left it due) or ``claimed`` with an expired lease (its owner died); the takeover is one
conditional UPDATE, so of two racing passes one wins. Every attempt leaves a row in
``spotlight_attempts``. Recording an outcome also moves or pauses the subscription and counts its
topic in the rotation, through those aggregates' own modules (:mod:`bot.storage.subscriptions`,
:mod:`bot.storage.features`), in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, String, and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.features import FeaturedTopic, add_featured
from bot.storage.subscriptions import (
    Advance,
    advance_subscriptions,
    lock_subscriptions,
    pause_subscriptions,
)
from bot.storage.tables import spotlight_attempts as attempts
from bot.storage.tables import spotlight_deliveries as deliveries

__all__ = [
    "Claim",
    "DeliveryOutcome",
    "DeliveryRecord",
    "DeliveryStatus",
    "OutcomeRecord",
    "attempts_of",
    "claim_deliveries",
    "claim_delivery",
    "delivery_for",
    "last_posted",
    "record_outcomes",
    "record_unrecorded_outcomes",
    "renew_leases",
]

_ERROR_LIMIT = 200


class DeliveryStatus(StrEnum):
    """A delivery's state. ``claimed`` and ``failed`` are open; the others are final."""

    CLAIMED = "claimed"
    POSTED = "posted"
    SKIPPED = "skipped"
    FAILED = "failed"
    PAUSED = "paused"
    REJECTED = "rejected"


class DeliveryOutcome(StrEnum):
    """How one attempt ended, as logged in ``spotlight_attempts``."""

    POSTED = "posted"
    RECOVERED = "recovered"
    """An earlier attempt had posted (found by its message metadata): recorded, not re-sent."""
    SKIPPED = "skipped"
    PAUSED = "paused"
    FAILED = "failed"
    REJECTED = "rejected"

    @property
    def status(self) -> DeliveryStatus:
        return (
            DeliveryStatus.POSTED
            if self is DeliveryOutcome.RECOVERED
            else DeliveryStatus(self.value)
        )


@dataclass(frozen=True)
class Claim:
    """The right, held by ``owner`` until ``lease_until``, to deliver one slot."""

    delivery_id: int
    subscription_id: int
    period: datetime
    attempt: int
    owner: str
    lease_until: datetime

    @property
    def is_retry(self) -> bool:
        """True when an earlier attempt existed, which may have reached Slack."""
        return self.attempt > 1


@dataclass(frozen=True)
class DeliveryRecord:
    id: int
    subscription_id: int
    period: datetime
    status: DeliveryStatus
    topic: str | None
    attempts: int
    posted_ts: str | None
    finished_at: datetime | None
    error: str | None


def claim_delivery(
    session: Session,
    *,
    subscription_id: int,
    period: datetime,
    owner: str,
    now: datetime,
    lease: timedelta,
) -> Claim | None:
    """Claim the slot ``period`` of a subscription, or return None when someone else has it.

    Wins when no row exists yet, or when the row is open and abandoned (``failed``, or
    ``claimed`` with a lease that ran out before ``now``) and nothing was confirmed posted. The
    caller commits (claims of a page of subscriptions share one transaction).
    """
    lease_until = now + lease
    inserted = session.execute(
        insert_for(session, deliveries)
        .values(
            subscription_id=subscription_id,
            period=period,
            status=DeliveryStatus.CLAIMED.value,
            attempts=1,
            owner=owner,
            claimed_at=now,
            lease_until=lease_until,
        )
        .on_conflict_do_nothing(index_elements=[deliveries.c.subscription_id, deliveries.c.period])
        .returning(deliveries.c.id, deliveries.c.attempts)
    ).first()
    if inserted is None:
        inserted = session.execute(
            update(deliveries)
            .where(
                deliveries.c.subscription_id == subscription_id,
                deliveries.c.period == period,
                deliveries.c.posted_ts.is_(None),
                or_(
                    deliveries.c.status == DeliveryStatus.FAILED.value,
                    and_(
                        deliveries.c.status == DeliveryStatus.CLAIMED.value,
                        deliveries.c.lease_until < now,
                    ),
                ),
            )
            .values(
                status=DeliveryStatus.CLAIMED.value,
                attempts=deliveries.c.attempts + 1,
                owner=owner,
                lease_until=lease_until,
                error=None,
            )
            .returning(deliveries.c.id, deliveries.c.attempts)
        ).first()
    if inserted is None:
        return None
    return Claim(
        delivery_id=int(inserted.id),
        subscription_id=subscription_id,
        period=period,
        attempt=int(inserted.attempts),
        owner=owner,
        lease_until=lease_until,
    )


def claim_deliveries(
    session: Session,
    *,
    periods: Mapping[int, datetime],
    owner: str,
    now: datetime,
    lease: timedelta,
) -> dict[int, Claim]:
    """:func:`claim_delivery` for many subscriptions ({subscription_id: period}) at once.

    One multi-row INSERT … ON CONFLICT DO NOTHING RETURNING claims every new slot; only the
    slots that already had a row are tried one by one for a takeover. Returns the claims won,
    by subscription id. The caller commits.
    """
    if not periods:
        return {}
    lease_until = now + lease
    rows = [
        {
            "subscription_id": subscription_id,
            "period": period,
            "status": DeliveryStatus.CLAIMED.value,
            "attempts": 1,
            "owner": owner,
            "claimed_at": now,
            "lease_until": lease_until,
        }
        for subscription_id, period in sorted(periods.items())
    ]
    inserted = session.execute(
        insert_for(session, deliveries)
        .values(rows)
        .on_conflict_do_nothing(index_elements=[deliveries.c.subscription_id, deliveries.c.period])
        .returning(deliveries.c.id, deliveries.c.subscription_id, deliveries.c.attempts)
    ).all()
    won = {
        int(row.subscription_id): Claim(
            delivery_id=int(row.id),
            subscription_id=int(row.subscription_id),
            period=periods[int(row.subscription_id)],
            attempt=int(row.attempts),
            owner=owner,
            lease_until=lease_until,
        )
        for row in inserted
    }
    for subscription_id, period in sorted(periods.items()):
        if subscription_id not in won:
            claim = claim_delivery(
                session,
                subscription_id=subscription_id,
                period=period,
                owner=owner,
                now=now,
                lease=lease,
            )
            if claim is not None:
                won[subscription_id] = claim
    return won


@dataclass(frozen=True)
class OutcomeRecord:
    """How one claimed attempt ended and what follows from it (see :func:`record_outcomes`)."""

    claim: Claim
    outcome: DeliveryOutcome
    topic: str | None = None
    posted_ts: str | None = None
    error: str | None = None
    next_due: datetime | None = None
    """Move the subscription's ``due_at`` here (a final outcome)."""
    pause_reason: str | None = None
    """Pause the subscription with this reason."""
    feature_cycle: int | None = None
    """Count ``topic`` as featured in this rotation cycle."""


def record_outcomes(session: Session, records: Sequence[OutcomeRecord], *, now: datetime) -> None:
    """Record how claimed attempts ended, with their consequences; the caller commits.

    Per record: logs the attempt; sets the delivery's status, topic and ``posted_ts`` (never
    back to NULL); moves ``due_at`` to ``next_due``; pauses with ``pause_reason``; adds
    ``topic`` to the rotation's ``feature_cycle``. A handful of statements whatever the
    number of records (executemany), so a pass does not wait on a round trip per post.
    """
    if not records:
        return
    records = sorted(records, key=lambda r: r.claim.subscription_id)
    # Lock order is every subscription first, then deliveries, as claims do (they read due
    # subscriptions FOR UPDATE before touching deliveries): holding a delivery while waiting
    # for a subscription could deadlock with a pass that holds that subscription and tries to
    # take the delivery over. A subscription's own UPDATE takes its lock; the rest are locked.
    advance_subscriptions(
        session,
        [
            Advance(r.claim.subscription_id, r.claim.period, r.next_due)
            for r in records
            if r.next_due is not None
        ],
    )
    pause_subscriptions(
        session,
        [(r.claim.subscription_id, r.pause_reason) for r in records if r.pause_reason is not None],
        now=now,
    )
    lock_subscriptions(
        session,
        [r.claim.subscription_id for r in records if r.next_due is None and r.pause_reason is None],
    )
    session.execute(
        update(deliveries)
        .where(deliveries.c.id == bindparam("b_id"))
        .values(
            status=bindparam("b_status"),
            finished_at=now,
            error=bindparam("b_error"),
            lease_until=None,
            topic=func.coalesce(bindparam("b_topic", type_=String), deliveries.c.topic),
            posted_ts=func.coalesce(bindparam("b_ts", type_=String), deliveries.c.posted_ts),
        ),
        [
            {
                "b_id": r.claim.delivery_id,
                "b_status": r.outcome.status.value,
                "b_error": _short(r.error),
                "b_topic": r.topic,
                "b_ts": r.posted_ts,
            }
            for r in records
        ],
    )
    session.execute(
        attempts.insert(),
        [
            {
                "delivery_id": r.claim.delivery_id,
                "attempt": r.claim.attempt,
                "owner": r.claim.owner,
                "outcome": r.outcome.value,
                "error": _short(r.error),
                "posted_ts": r.posted_ts,
                "recorded_at": now,
            }
            for r in records
        ],
    )
    add_featured(
        session,
        [
            FeaturedTopic(r.claim.subscription_id, r.feature_cycle, r.topic)
            for r in records
            if r.feature_cycle is not None and r.topic is not None
        ],
        now=now,
    )


def record_unrecorded_outcomes(
    session: Session, records: Sequence[OutcomeRecord], *, now: datetime
) -> int:
    """:func:`record_outcomes` for the records whose post the database does not have yet.

    For a journal kept while the database was away: a delivery that already has a ``posted_ts``
    (the original write did succeed) or no longer exists (unsubscribed) is left alone, so
    replaying a journal twice records nothing twice. Returns how many were recorded; the
    caller commits.
    """
    ids = sorted({r.claim.delivery_id for r in records})
    if not ids:
        return 0
    open_ids = set(
        session.execute(
            select(deliveries.c.id).where(
                deliveries.c.id.in_(ids), deliveries.c.posted_ts.is_(None)
            )
        ).scalars()
    )
    chosen: dict[int, OutcomeRecord] = {}
    for record in records:
        if record.claim.delivery_id in open_ids:
            chosen.setdefault(record.claim.delivery_id, record)
    record_outcomes(session, list(chosen.values()), now=now)
    return len(chosen)


def renew_leases(session: Session, *, owner: str, until: datetime) -> int:
    """Extend the lease of every open claim ``owner`` holds to ``until``: the pass's heartbeat.

    Returns how many claims were renewed; the caller commits. On PostgreSQL rows another
    transaction holds (an outcome being recorded) are skipped rather than waited for, so the
    heartbeat never deadlocks with the pass it belongs to.
    """
    mine = select(deliveries.c.id).where(
        deliveries.c.owner == owner,
        deliveries.c.status == DeliveryStatus.CLAIMED.value,
        deliveries.c.posted_ts.is_(None),
    )
    if session.get_bind().dialect.name == "postgresql":
        mine = mine.with_for_update(skip_locked=True)
    result = session.execute(
        update(deliveries).where(deliveries.c.id.in_(mine)).values(lease_until=until)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def _short(error: str | None) -> str | None:
    return error[:_ERROR_LIMIT] if error else None


def delivery_for(
    session: Session, *, subscription_id: int, period: datetime
) -> DeliveryRecord | None:
    row = session.execute(
        select(deliveries).where(
            deliveries.c.subscription_id == subscription_id, deliveries.c.period == period
        )
    ).first()
    return None if row is None else _delivery(row)


def last_posted(session: Session, *, subscription_id: int) -> DeliveryRecord | None:
    """The most recent delivery that reached the channel, if any."""
    row = session.execute(
        select(deliveries)
        .where(
            deliveries.c.subscription_id == subscription_id,
            deliveries.c.status == DeliveryStatus.POSTED.value,
        )
        .order_by(deliveries.c.period.desc())
        .limit(1)
    ).first()
    return None if row is None else _delivery(row)


def attempts_of(session: Session, *, delivery_id: int) -> tuple[tuple[int, str, str | None], ...]:
    """(attempt, outcome, error) of every attempt at a delivery, oldest first."""
    rows = session.execute(
        select(attempts.c.attempt, attempts.c.outcome, attempts.c.error)
        .where(attempts.c.delivery_id == delivery_id)
        .order_by(attempts.c.id)
    ).all()
    return tuple((int(a), str(o), e) for a, o, e in rows)


def _delivery(row: Row[Any]) -> DeliveryRecord:
    return DeliveryRecord(
        id=int(row.id),
        subscription_id=int(row.subscription_id),
        period=row.period,
        status=DeliveryStatus(row.status),
        topic=row.topic,
        attempts=int(row.attempts),
        posted_ts=row.posted_ts,
        finished_at=row.finished_at,
        error=row.error,
    )
