"""The bookkeeping of a pass: what each claimed slot came to, its record in the database (with
its consequences), the log line and the counts of :class:`RunSummary`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.spotlights.rotation import Choice
from bot.storage import Database
from bot.storage.deliveries import Claim, DeliveryOutcome, OutcomeRecord, record_outcomes
from bot.storage.subscriptions import SubscriptionRecord

__all__ = ["Job", "Result", "RunSummary", "Tally", "outcome_record", "record", "skipped"]

log = logging.getLogger(__name__)

Patiently = Callable[[str, Callable[[], None]], None]
"""Runs a database write, retrying it while the database is away (see :mod:`.patience`)."""


@dataclass(frozen=True)
class RunSummary:
    """What one pass did. ``busy`` counts due subscriptions another pass was already handling;
    ``rate_limited`` the 429s Slack answered (each was waited out and posted again)."""

    now: datetime
    grace: timedelta
    posted: int = 0
    recovered: int = 0
    paused: int = 0
    failed: int = 0
    rejected: int = 0
    skipped: int = 0
    busy: int = 0
    rate_limited: int = 0
    rebooked: int = 0
    """Turns missed while the pass was held up (a slow database) and booked again."""

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
        if self.rate_limited:
            parts.append(f"{self.rate_limited} rate-limited by Slack (waited out)")
        return f"run-due {self.now.isoformat()}: " + ", ".join(parts)


@dataclass
class Tally:
    """The counts a pass adds up for its :class:`RunSummary`; ``None`` counts busy slots."""

    counts: dict[DeliveryOutcome | None, int] = field(default_factory=dict)
    rate_limited: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: DeliveryOutcome | None, times: int = 1) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + times

    def add_rate_limit(self) -> None:
        """Called from the posting threads, hence the lock."""
        with self.lock:
            self.rate_limited += 1

    def summary(self, now: datetime, grace: timedelta) -> RunSummary:
        get = self.counts.get
        return RunSummary(
            now=now,
            grace=grace,
            posted=get(DeliveryOutcome.POSTED, 0),
            recovered=get(DeliveryOutcome.RECOVERED, 0),
            paused=get(DeliveryOutcome.PAUSED, 0),
            failed=get(DeliveryOutcome.FAILED, 0),
            rejected=get(DeliveryOutcome.REJECTED, 0),
            skipped=get(DeliveryOutcome.SKIPPED, 0),
            busy=get(None, 0),
            rate_limited=self.rate_limited,
        )


@dataclass(frozen=True)
class Job:
    """One slot this pass claimed, with the topic it features and the subscription's next slot."""

    subscription: SubscriptionRecord
    claim: Claim
    choice: Choice | None
    next_due: datetime
    rebooked: int = 0
    """How often this post's turn was missed and booked again (bounded by the pass)."""


@dataclass(frozen=True)
class Result:
    """How one job ended."""

    job: Job
    outcome: DeliveryOutcome
    posted_ts: str | None = None
    error: str | None = None


def skipped(job: Job, now: datetime, grace: timedelta) -> Result:
    """A job not posted: nothing to feature, or its slot is older than ``grace``."""
    if job.choice is None:
        return Result(
            job, DeliveryOutcome.SKIPPED, error="the knowledge base has no topic to feature"
        )
    late = now - job.claim.period
    return Result(
        job, DeliveryOutcome.SKIPPED, error=f"{late} late, more than the grace of {grace}"
    )


def outcome_record(result: Result) -> OutcomeRecord:
    """What the database records for ``result``: the attempt and its consequences."""
    job, outcome, choice = result.job, result.outcome, result.job.choice
    final = outcome in (
        DeliveryOutcome.POSTED,
        DeliveryOutcome.RECOVERED,
        DeliveryOutcome.SKIPPED,
        DeliveryOutcome.REJECTED,
    )
    featured = outcome in (DeliveryOutcome.POSTED, DeliveryOutcome.RECOVERED)
    return OutcomeRecord(
        claim=job.claim,
        outcome=outcome,
        topic=choice.key if choice is not None else None,
        posted_ts=result.posted_ts,
        error=result.error,
        next_due=job.next_due if final else None,
        pause_reason=result.error if outcome is DeliveryOutcome.PAUSED else None,
        feature_cycle=choice.cycle if featured and choice is not None else None,
    )


def record(
    results: list[Result],
    *,
    database: Database,
    now: datetime,
    patiently: Patiently,
    tally: Tally,
) -> None:
    """Record outcomes in one transaction, retried patiently on a database error; then log and
    count them.

    One transaction for all the posts that finished together keeps the pass from waiting on
    a commit per post. A post Slack confirmed must not go unrecorded for want of a retry:
    its ts is what stops a later pass from posting the slot again.
    """
    if not results:
        return
    ordered = sorted(results, key=lambda result: result.job.claim.subscription_id)
    records = [outcome_record(result) for result in ordered]

    def write() -> None:
        with database.sessions() as session:
            record_outcomes(session, records, now=now)
            session.commit()

    patiently("recording spotlight outcomes", write)
    for result in ordered:
        _log(result)
        tally.add(result.outcome)


def _log(result: Result) -> None:
    subscription = result.job.subscription
    if result.outcome is DeliveryOutcome.PAUSED:
        log.warning(
            "spotlight paused for %s/%s: %s",
            subscription.team_id,
            subscription.channel_id,
            result.error,
        )
    elif result.outcome is DeliveryOutcome.FAILED:
        log.warning("spotlight for %s left due: %s", subscription.channel_id, result.error)
