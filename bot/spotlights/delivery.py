"""One delivery pass: every spotlight due at ``now`` is posted once, whoever else is running.

Steps, per page of due subscriptions (keyset-paged, so memory stays flat):

1. **Claim** each subscription's latest slot at or before ``now`` in one transaction: a unique
   (subscription, period) row inserted with ON CONFLICT DO NOTHING, or taken over when it is
   ``failed`` or its lease ran out (see :mod:`bot.storage.deliveries`). On PostgreSQL the due
   rows are read FOR UPDATE SKIP LOCKED so racing passes split the work; on SQLite the single
   writer lock serialises claim transactions and the unique index decides the same way.
2. **Skip** a slot older than ``grace``: recorded, never sent days late. Only the latest slot is
   considered, so after downtime a missed week is delivered once, not once per missed week.
3. **Post** from a bounded thread pool. A retry first looks for an earlier post of the same slot
   by its message metadata, so a claim whose owner crashed after Slack confirmed is recorded,
   not re-sent.
4. **Record** each outcome as soon as it arrives, in one transaction with its consequences:
   the ``ts`` and the rotation on success, a pause on a channel error, the next ``due_at``.

Residual risk, stated plainly: if a process dies after Slack accepted a post but before its ts
was committed, and the workspace did not grant ``channels:history``/``groups:history`` (the
metadata lookup then cannot see the channel), the slot is posted a second time once the lease
expires. With those scopes the lookup closes that window.
"""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.answers.render import Message
from bot.knowledge import KnowledgeBase
from bot.spotlights.errors import ChannelUnavailable, PostRejected, TransientPostError
from bot.spotlights.poster import Poster, spotlight_metadata
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import Choice, choose_topic
from bot.spotlights.schedule import Schedule
from bot.storage import Database
from bot.storage.deliveries import (
    Claim,
    Outcome,
    OutcomeRecord,
    claim_deliveries,
    featured_topics,
    record_outcomes,
)
from bot.storage.subscriptions import SubscriptionRecord, due_subscriptions

__all__ = ["DEFAULT_GRACE", "DEFAULT_LEASE", "RunSummary", "run_due"]

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(hours=24)
DEFAULT_LEASE = timedelta(minutes=15)
"""Longer than any one post can take with its retries (Retry-After included)."""
_RECORD_TRIES = 4


@dataclass(frozen=True)
class RunSummary:
    """What one pass did. ``busy`` counts due subscriptions another pass was already handling."""

    now: datetime
    grace: timedelta
    posted: int = 0
    recovered: int = 0
    paused: int = 0
    failed: int = 0
    rejected: int = 0
    skipped: int = 0
    busy: int = 0

    def line(self) -> str:
        """``run-due 2026-12-01T08:00:00+00:00: 12 posted, 1 paused, …``: for logs and the CLI."""
        hours = self.grace.total_seconds() / 3600
        parts = [
            f"{self.posted} posted",
            f"{self.paused} paused",
            f"{self.failed} failed",
            f"{self.skipped} skipped (older than {hours:g}h)",
            f"{self.busy} taken by another run",
        ]
        if self.recovered:
            parts.insert(1, f"{self.recovered} recovered")
        if self.rejected:
            parts.insert(3, f"{self.rejected} rejected")
        return f"run-due {self.now.isoformat()}: " + ", ".join(parts)


@dataclass
class _Tally:
    counts: dict[Outcome | None, int] = field(default_factory=dict)

    def add(self, outcome: Outcome | None) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1

    def summary(self, now: datetime, grace: timedelta) -> RunSummary:
        get = self.counts.get
        return RunSummary(
            now=now,
            grace=grace,
            posted=get(Outcome.POSTED, 0),
            recovered=get(Outcome.RECOVERED, 0),
            paused=get(Outcome.PAUSED, 0),
            failed=get(Outcome.FAILED, 0),
            rejected=get(Outcome.REJECTED, 0),
            skipped=get(Outcome.SKIPPED, 0),
            busy=get(None, 0),
        )


@dataclass(frozen=True)
class _Job:
    subscription: SubscriptionRecord
    claim: Claim
    choice: Choice | None
    next_due: datetime


@dataclass(frozen=True)
class _Result:
    job: _Job
    outcome: Outcome
    posted_ts: str | None = None
    error: str | None = None


def run_due(
    *,
    now: datetime,
    database: Database,
    kb: KnowledgeBase,
    poster: Poster,
    grace: timedelta = DEFAULT_GRACE,
    concurrency: int = 16,
    lease: timedelta = DEFAULT_LEASE,
    page_size: int = 200,
    owner: str | None = None,
) -> RunSummary:
    """Deliver every spotlight due at ``now`` (aware) exactly once; returns what happened.

    Safe to run concurrently with itself in any number of threads or processes. Slack errors
    never end the pass: a channel error pauses that subscription, a transient error leaves the
    slot due for the next pass, and every attempt is recorded. Database errors propagate.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    tally = _Tally()
    messages = _Messages(kb)
    max_in_flight = max(page_size, concurrency * 2)
    with (
        ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="spotlight") as pool,
        database.sessions() as recorder,
    ):
        in_flight: set[Future[_Result]] = set()
        pages = _claimed_pages(
            database, kb, now=now, owner=owner, lease=lease, page_size=page_size, tally=tally
        )
        more = True
        while more or in_flight:
            if more and len(in_flight) < max_in_flight:
                page = next(pages, None)
                if page is None:
                    more = False
                    continue
                skips = []
                for job in page:
                    if job.choice is None or now - job.claim.period > grace:
                        skips.append(_skip(job, now, grace))
                    else:
                        in_flight.add(pool.submit(_deliver, job, poster, messages))
                _record(recorder, skips, now=now, tally=tally)
                continue
            done, in_flight = wait(in_flight, return_when=FIRST_COMPLETED)
            _record(recorder, [future.result() for future in done], now=now, tally=tally)
    summary = tally.summary(now, grace)
    log.info("%s", summary.line())
    return summary


def _claimed_pages(
    database: Database,
    kb: KnowledgeBase,
    *,
    now: datetime,
    owner: str,
    lease: timedelta,
    page_size: int,
    tally: _Tally,
) -> Iterator[list[_Job]]:
    """Claim due subscriptions a page at a time; yields the jobs this pass won."""
    after_id = 0
    while True:
        with database.sessions() as session:
            due = due_subscriptions(session, now=now, after_id=after_id, limit=page_size)
            if not due:
                session.rollback()
                return
            after_id = due[-1].id
            schedules = {s.id: _schedule_of(s) for s in due}
            claims = claim_deliveries(
                session,
                periods={s.id: schedules[s.id].latest_slot_at_or_before(now) for s in due},
                owner=owner,
                now=now,
                lease=lease,
            )
            for _ in range(len(due) - len(claims)):
                tally.add(None)
            won = [(s, claims[s.id], schedules[s.id]) for s in due if s.id in claims]
            featured = featured_topics(session, subscription_ids=[s.id for s, _, _ in won])
            session.commit()
        yield [
            _Job(
                subscription=subscription,
                claim=claim,
                choice=choose_topic(
                    kb, subscription_id=subscription.id, featured=featured.get(subscription.id)
                ),
                next_due=schedule.next_slot_after(now),
            )
            for subscription, claim, schedule in won
        ]


def _schedule_of(subscription: SubscriptionRecord) -> Schedule:
    return Schedule.from_stored(
        weekday=subscription.weekday,
        local_time=subscription.local_time,
        timezone=subscription.timezone,
    )


def _skip(job: _Job, now: datetime, grace: timedelta) -> _Result:
    if job.choice is None:
        return _Result(job, Outcome.SKIPPED, error="the knowledge base has no topic to feature")
    late = now - job.claim.period
    return _Result(job, Outcome.SKIPPED, error=f"{late} late, more than the grace of {grace}")


class _Messages:
    """Rendered spotlights by topic key, for one pass: rendering is pure, and costly in bulk."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._cache: dict[str, Message] = {}

    def for_choice(self, choice: Choice) -> Message:
        message = self._cache.get(choice.key)
        if message is None:  # two threads may both render it once: harmless
            message = self._cache[choice.key] = render_spotlight(self._kb, choice.topic)
        return message


def _deliver(job: _Job, poster: Poster, messages: _Messages) -> _Result:
    """Post one claimed slot (runs in the pool). Never raises: the outcome says what happened."""
    subscription, claim, choice = job.subscription, job.claim, job.choice
    assert choice is not None
    metadata = spotlight_metadata(subscription_id=subscription.id, period=claim.period)
    team_id, enterprise_id = subscription.team_id, subscription.enterprise_id
    channel_id = subscription.channel_id
    try:
        if claim.is_retry:
            found = poster.find_posted(
                team_id=team_id,
                enterprise_id=enterprise_id,
                channel_id=channel_id,
                metadata=metadata,
                since=claim.period,
            )
            if found is not None:
                return _Result(job, Outcome.RECOVERED, posted_ts=found)
        posted_ts = poster.post(
            team_id=team_id,
            enterprise_id=enterprise_id,
            channel_id=channel_id,
            message=messages.for_choice(choice),
            metadata=metadata,
        )
    except ChannelUnavailable as error:
        return _Result(job, Outcome.PAUSED, error=error.code)
    except PostRejected as error:
        return _Result(job, Outcome.REJECTED, error=error.code)
    except TransientPostError as error:
        return _Result(job, Outcome.FAILED, error=error.code)
    except Exception as error:  # one broken post must not end the pass; recorded and retried
        log.exception("spotlight %s for %s failed", claim.period, subscription.channel_id)
        return _Result(job, Outcome.FAILED, error=f"{type(error).__name__}: {error}")
    return _Result(job, Outcome.POSTED, posted_ts=posted_ts)


def _record(session: Session, results: list[_Result], *, now: datetime, tally: _Tally) -> None:
    """Record outcomes in one transaction, retrying it on a passing database error.

    One transaction for all the posts that finished together keeps the pass from waiting on a
    commit per post. A post Slack confirmed must not go unrecorded for want of a retry: its ts
    is what stops a later pass from posting the slot again.
    """
    if not results:
        return
    ordered = sorted(results, key=lambda result: result.job.claim.subscription_id)
    records = [_outcome_record(result) for result in ordered]
    for attempt in range(_RECORD_TRIES):
        try:
            record_outcomes(session, records, now=now)
            session.commit()
            break
        except OperationalError:
            session.rollback()
            if attempt == _RECORD_TRIES - 1:
                raise
            log.warning("recording spotlight outcomes failed; trying again", exc_info=True)
            time.sleep(0.05 * 2**attempt)
    for result in ordered:
        _log(result)
        tally.add(result.outcome)


def _outcome_record(result: _Result) -> OutcomeRecord:
    job, outcome, choice = result.job, result.outcome, result.job.choice
    final = outcome in (Outcome.POSTED, Outcome.RECOVERED, Outcome.SKIPPED, Outcome.REJECTED)
    featured = outcome in (Outcome.POSTED, Outcome.RECOVERED)
    return OutcomeRecord(
        claim=job.claim,
        outcome=outcome,
        topic=choice.key if choice is not None else None,
        posted_ts=result.posted_ts,
        error=result.error,
        next_due=job.next_due if final else None,
        pause_reason=result.error if outcome is Outcome.PAUSED else None,
        feature_cycle=choice.cycle if featured and choice is not None else None,
    )


def _log(result: _Result) -> None:
    subscription = result.job.subscription
    if result.outcome is Outcome.PAUSED:
        log.warning(
            "spotlight paused for %s/%s: %s",
            subscription.team_id,
            subscription.channel_id,
            result.error,
        )
    elif result.outcome is Outcome.FAILED:
        log.warning("spotlight for %s left due: %s", subscription.channel_id, result.error)
