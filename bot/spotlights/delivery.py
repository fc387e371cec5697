"""One delivery pass: every spotlight due at ``now`` is posted once, at Slack's pace, whoever else
is running and whatever crashes.

Steps, per workspace (a few workspaces at a time, each paced on its own):

1. **Claim** a small page of the workspace's due subscriptions, each one's latest slot at or
   before ``now``, in one transaction: a unique (subscription, period) row inserted with ON
   CONFLICT DO NOTHING, or taken over when it is ``failed`` or its lease ran out (see
   :mod:`bot.storage.deliveries`). On PostgreSQL the due rows are read FOR UPDATE SKIP LOCKED so
   racing passes split the work. Pages stay small, so memory is flat in the number of
   subscriptions.
2. **Keep the claims alive.** A heartbeat renews this pass's leases every quarter lease (a
   minute by default), so a pass that dies releases its claims within about a minute.
3. **Skip** a slot older than ``grace``: recorded, never sent days late.
4. **Reserve turns** from the workspace's pacing row (:mod:`bot.spotlights.pacing`), shared by
   every pass and clock, and **post** each at its turn from a bounded thread pool. A 429 pauses
   the whole workspace for its Retry-After; it posted nothing, so the post is made again after
   the pause without looking in the channel's history. A retried claim (its earlier attempt may
   have reached Slack) first looks for that post by its message metadata.
5. **Journal** every post Slack confirmed to a local file (:mod:`bot.spotlights.journal`) the
   moment it is confirmed, then **record** outcomes in one transaction with their consequences
   (the ``ts`` and the rotation on success, a pause on a channel error, the next ``due_at``).
   A database error is retried with backoff for up to ``patience`` (a minute); then the pass
   stops with :class:`~bot.spotlights.errors.DeliveryStalled`, and the next pass writes the
   journal to the database before it claims anything.

What can still repeat, stated plainly: a post Slack accepted whose answer the process never saw
or journaled (it was in flight when the process was killed) is posted again once the claim is
released, unless the channel's history can be read (``channels:history``/``groups:history``
granted and ``conversations.history`` not rate-limited). At most the posts in flight at the
crash, a handful per workspace.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import os
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Final, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.answers.render.render import Message
from bot.knowledge import KnowledgeBase
from bot.spotlights.errors import (
    ChannelUnavailable,
    DeliveryStalled,
    PostRejected,
    RateLimited,
    TransientPostError,
)
from bot.spotlights.journal import OutcomeJournal, replay_journals
from bot.spotlights.pacing import DEFAULT_PACE, DatabasePacer, Pace, Pacer, UnpacedPacer
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
    renew_leases,
)
from bot.storage.subscriptions import SubscriptionRecord, due_subscriptions, due_teams

__all__ = [
    "DEFAULT_GRACE",
    "DEFAULT_LEASE",
    "DEFAULT_PATIENCE",
    "RunSummary",
    "run_due",
]

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(hours=24)
DEFAULT_LEASE = timedelta(minutes=1)
"""A running pass renews its claims every quarter of this; a dead one's lapse after it."""
DEFAULT_PATIENCE = timedelta(minutes=1)
"""How long a pass keeps retrying a database write before it stops."""
_MAX_RATE_LIMITS: Final = 8
"""429s one post may meet in a pass before it is left due for the next."""
_MAX_REBOOKINGS: Final = 3
"""Missed turns one post may book again; then it takes the next free slot of the workspace's
spacing, so a slow database can delay a pass but never stall it."""

_T = TypeVar("_T")


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
class _Tally:
    counts: dict[Outcome | None, int] = field(default_factory=dict)
    rate_limited: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome | None, times: int = 1) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + times

    def add_rate_limit(self) -> None:
        with self.lock:
            self.rate_limited += 1

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
            rate_limited=self.rate_limited,
        )


@dataclass(frozen=True)
class _Job:
    subscription: SubscriptionRecord
    claim: Claim
    choice: Choice | None
    next_due: datetime
    rebooked: int = 0
    """How often this post's turn was missed and booked again (at most ``_MAX_REBOOKINGS``)."""


@dataclass(frozen=True)
class _Result:
    job: _Job
    outcome: Outcome
    posted_ts: str | None = None
    error: str | None = None


@dataclass
class _Workspace:
    """One workspace's claimed work in this pass."""

    team_id: str
    after_id: int = 0
    exhausted: bool = False
    """No more due subscriptions to claim."""
    backlog: deque[_Job] = field(default_factory=deque)
    """Claimed, waiting for a turn."""
    lanes_used: int = 0
    """Posts with a turn: scheduled or in flight."""
    last_sent: float = -math.inf
    """When this pass last sent one of its posts (wall clock)."""


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
    pace: Pace | None = DEFAULT_PACE,
    journal_dir: Path | None = None,
    patience: timedelta = DEFAULT_PATIENCE,
) -> RunSummary:
    """Deliver every spotlight due at ``now`` (aware) exactly once; returns what happened.

    Safe to run concurrently with itself in any number of threads or processes: all of them
    together keep each workspace within ``pace`` (``None``: no budget, for benchmarks; 429s are
    still waited out). Slack errors never end the pass: a channel error pauses that
    subscription, a transient error leaves the slot due for the next pass, and every attempt
    is recorded. With ``journal_dir``, confirmed posts are kept on disk until recorded. Raises
    DeliveryStalled when the database stays unreachable for longer than ``patience``.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    pacer: Pacer = DatabasePacer(database, pace) if pace is not None else UnpacedPacer()
    delivery = _Pass(
        now=now,
        database=database,
        kb=kb,
        poster=poster,
        grace=grace,
        concurrency=concurrency,
        lease=lease,
        page_size=page_size,
        owner=owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}",
        pacer=pacer,
        journal_dir=journal_dir,
        patience=patience,
    )
    summary = delivery.run()
    log.info("%s", summary.line())
    return summary


class _Pass:
    """The state of one pass. Its methods run on the pass's thread, except :meth:`_deliver`."""

    def __init__(
        self,
        *,
        now: datetime,
        database: Database,
        kb: KnowledgeBase,
        poster: Poster,
        grace: timedelta,
        concurrency: int,
        lease: timedelta,
        page_size: int,
        owner: str,
        pacer: Pacer,
        journal_dir: Path | None,
        patience: timedelta,
    ) -> None:
        self.now = now
        self.database = database
        self.kb = kb
        self.poster = poster
        self.grace = grace
        self.concurrency = concurrency
        self.lease = lease
        self.owner = owner
        self.pacer = pacer
        self.journal_dir = journal_dir
        self.patience = patience.total_seconds()
        self.lanes = pacer.lanes(concurrency)
        self.team_page = max(1, min(page_size, max(8 * self.lanes, 25)))
        self.max_workspaces = max(32, 2 * concurrency)
        self.tally = _Tally()
        self.messages = _Messages(kb)
        self.journal: OutcomeJournal | None = None
        self.workspaces: dict[str, _Workspace] = {}
        self.after_team = ""
        self.teams_done = False
        self.scheduled: list[tuple[float, int, _Job]] = []
        self.order = itertools.count()
        self.in_flight: dict[Future[_Result], str] = {}
        self.started = time.monotonic()
        self.turns_taken_again = 0

    def pass_time(self) -> datetime:
        """``now`` plus the time this pass has run: the clock its leases are written in."""
        return self.now + timedelta(seconds=time.monotonic() - self.started)

    # -- the loop --------------------------------------------------------------------------

    def run(self) -> RunSummary:
        if self.journal_dir is not None:
            directory = self.journal_dir
            self.patiently(
                "recording posts a stopped pass kept",
                lambda: replay_journals(directory, self.database, now=self.now),
            )
            self.journal = OutcomeJournal(directory, self.owner)
        heartbeat = _Heartbeat(self)
        clean = False
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="spotlight")
        try:
            heartbeat.start()
            self._loop(pool)
            clean = True
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            heartbeat.stop()
            if self.journal is not None:
                self.journal.close(keep=not clean)
        if self.turns_taken_again:
            log.info(
                "spotlights: %d turns missed while held up, taken again", self.turns_taken_again
            )
        return replace(self.tally.summary(self.now, self.grace), rebooked=self.turns_taken_again)

    def _loop(self, pool: ThreadPoolExecutor) -> None:
        while True:
            self._refill()
            self._reserve_turns()
            self._dispatch(pool)
            if not self.in_flight and not self.scheduled and self._drained():
                return
            timeout = None
            if self.scheduled:
                timeout = max(0.0, self.scheduled[0][0] - self.pacer.clock())
            if self.in_flight:
                done, _ = wait(self.in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
                self._finish(done)
            elif timeout is not None:
                self.pacer.sleep(timeout)

    def _drained(self) -> bool:
        return self.teams_done and all(
            w.exhausted and not w.backlog for w in self.workspaces.values()
        )

    # -- claiming --------------------------------------------------------------------------

    def _refill(self) -> None:
        """Open workspaces with due work (a bounded number at once) and claim for those low."""
        finished = [
            team
            for team, w in self.workspaces.items()
            if w.exhausted and not w.backlog and w.lanes_used == 0
        ]
        for team in finished:
            del self.workspaces[team]
        room = self.max_workspaces - len(self.workspaces)
        if not self.teams_done and room > 0:
            after = self.after_team
            found = self.patiently(
                "finding due workspaces", lambda: self._due_teams(after=after, limit=room)
            )
            if len(found) < room:
                self.teams_done = True
            if found:
                self.after_team = found[-1]
            for team in found:
                self.workspaces[team] = _Workspace(team)
        for workspace in list(self.workspaces.values()):
            if not workspace.exhausted and len(workspace.backlog) < self.lanes:
                self._claim_page(workspace)

    def _due_teams(self, *, after: str, limit: int) -> list[str]:
        with self.database.sessions() as session:
            return due_teams(session, now=self.now, after_team=after, limit=limit)

    def _claim_page(self, workspace: _Workspace) -> None:
        due_count, last_id, jobs = self.patiently(
            "claiming due spotlights", lambda: self._claim(workspace.team_id, workspace.after_id)
        )
        if due_count < self.team_page:
            workspace.exhausted = True
        if last_id is not None:
            workspace.after_id = last_id
        self.tally.add(None, due_count - len(jobs))
        skips = []
        for job in jobs:
            if job.choice is None or self.now - job.claim.period > self.grace:
                skips.append(_skip(job, self.now, self.grace))
            else:
                workspace.backlog.append(job)
        self._record(skips)

    def _claim(self, team_id: str, after_id: int) -> tuple[int, int | None, list[_Job]]:
        """One claim transaction: (due rows seen, the last id, the jobs this pass won)."""
        with self.database.sessions() as session:
            due = due_subscriptions(
                session, now=self.now, after_id=after_id, limit=self.team_page, team_id=team_id
            )
            if not due:
                session.rollback()
                return 0, None, []
            schedules = {s.id: _schedule_of(s) for s in due}
            claims = claim_deliveries(
                session,
                periods={s.id: schedules[s.id].latest_slot_at_or_before(self.now) for s in due},
                owner=self.owner,
                now=self.pass_time(),
                lease=self.lease,
            )
            won = [(s, claims[s.id], schedules[s.id]) for s in due if s.id in claims]
            featured = featured_topics(session, subscription_ids=[s.id for s, _, _ in won])
            session.commit()
        jobs = [
            _Job(
                subscription=subscription,
                claim=claim,
                choice=choose_topic(
                    self.kb, subscription_id=subscription.id, featured=featured.get(subscription.id)
                ),
                next_due=schedule.next_slot_after(self.now),
            )
            for subscription, claim, schedule in won
        ]
        return len(due), due[-1].id, jobs

    # -- pacing and posting ----------------------------------------------------------------

    def _reserve_turns(self) -> None:
        """Turns for every workspace with a free lane, in one transaction."""
        wanted = {
            team: n
            for team, w in self.workspaces.items()
            if (n := min(self.lanes - w.lanes_used, len(w.backlog))) > 0
        }
        if not wanted:
            return
        reserved = self.patiently(
            "reserving turns to post", partial(self.pacer.reserve_many, wanted)
        )
        for team, turns in reserved.items():
            workspace = self.workspaces[team]
            for turn in turns:
                job = workspace.backlog.popleft()
                heapq.heappush(self.scheduled, (turn, next(self.order), job))
            workspace.lanes_used += len(turns)

    def _dispatch(self, pool: ThreadPoolExecutor) -> None:
        """Send the posts whose turn has come. A turn missed by more than the lateness allowed
        (the pass was held up) is booked again, at most ``_MAX_REBOOKINGS`` times a post, so a
        pass always makes progress however slow the database; and this pass never sends two
        posts of one workspace closer than the budget's interval, so late turns cannot bunch
        up."""
        now = self.pacer.clock()
        interval = self.pacer.interval
        deferred = []
        while self.scheduled and self.scheduled[0][0] <= now:
            turn, order, job = heapq.heappop(self.scheduled)
            team = job.subscription.team_id
            workspace = self.workspaces[team]
            late = now - turn > self.pacer.lateness_allowed
            if late and job.rebooked < _MAX_REBOOKINGS:  # held up: take a fresh turn
                workspace.backlog.appendleft(replace(job, rebooked=job.rebooked + 1))
                workspace.lanes_used -= 1
                self.turns_taken_again += 1
                continue
            spaced = workspace.last_sent + interval
            if now < spaced:
                deferred.append((spaced, order, job))
                continue
            workspace.last_sent = now
            self.in_flight[pool.submit(self._deliver, job)] = team
        for item in deferred:
            heapq.heappush(self.scheduled, item)

    def _finish(self, done: set[Future[_Result]]) -> None:
        results = []
        for future in done:
            team = self.in_flight.pop(future)
            self.workspaces[team].lanes_used -= 1
            results.append(future.result())
        self._record(results)

    def _deliver(self, job: _Job) -> _Result:
        """Post one claimed slot (runs in the pool). Never raises: the outcome says what
        happened."""
        subscription, claim, choice = job.subscription, job.claim, job.choice
        assert choice is not None
        metadata = spotlight_metadata(subscription_id=subscription.id, period=claim.period)
        try:
            if claim.is_retry:
                found = self.poster.find_posted(
                    team_id=subscription.team_id,
                    enterprise_id=subscription.enterprise_id,
                    channel_id=subscription.channel_id,
                    metadata=metadata,
                    since=claim.period,
                )
                if found is not None:
                    return self._kept(_Result(job, Outcome.RECOVERED, posted_ts=found))
            posted_ts = self._post_at_pace(job, metadata)
        except ChannelUnavailable as error:
            return _Result(job, Outcome.PAUSED, error=error.code)
        except PostRejected as error:
            return _Result(job, Outcome.REJECTED, error=error.code)
        except TransientPostError as error:
            return _Result(job, Outcome.FAILED, error=error.code)
        except Exception as error:  # one broken post must not end the pass; recorded and retried
            log.exception("spotlight %s for %s failed", claim.period, subscription.channel_id)
            return _Result(job, Outcome.FAILED, error=f"{type(error).__name__}: {error}")
        return self._kept(_Result(job, Outcome.POSTED, posted_ts=posted_ts))

    def _post_at_pace(self, job: _Job, metadata: Mapping[str, Any]) -> str:
        """Post at this job's turn; after a 429, wait for the workspace and post again."""
        subscription, pacer = job.subscription, self.pacer
        team = subscription.team_id
        assert job.choice is not None
        message = self.messages.for_choice(job.choice, subscription.language)
        last_try: float | None = None
        limited: RateLimited | None = None
        for _ in range(_MAX_RATE_LIMITS + 1):
            paused_until = pacer.paused_until(team)
            if paused_until > pacer.clock() or last_try is not None:
                channel_free = last_try + pacer.channel_interval if last_try is not None else 0.0
                pacer.sleep(max(paused_until, channel_free) - pacer.clock())
                [turn] = pacer.reserve(team, 1)  # behind the pause, with everyone else
                pacer.sleep(turn - pacer.clock())
            last_try = pacer.clock()
            try:
                return self.poster.post(
                    team_id=team,
                    enterprise_id=subscription.enterprise_id,
                    channel_id=subscription.channel_id,
                    message=message,
                    metadata=metadata,
                )
            except RateLimited as error:  # nothing was posted: no history lookup needed
                self.tally.add_rate_limit()
                pacer.pause(team, error.retry_after)
                limited = error
        assert limited is not None
        raise limited

    def _kept(self, result: _Result) -> _Result:
        """Journal a confirmed post before anything else can go wrong."""
        if self.journal is not None:
            try:
                self.journal.append([_outcome_record(result)])
            except OSError:
                log.exception("could not journal the spotlight post %s", result.posted_ts)
        return result

    # -- recording -------------------------------------------------------------------------

    def _record(self, results: list[_Result]) -> None:
        """Record outcomes in one transaction, retried patiently on a database error.

        One transaction for all the posts that finished together keeps the pass from waiting on
        a commit per post. A post Slack confirmed must not go unrecorded for want of a retry:
        its ts is what stops a later pass from posting the slot again.
        """
        if not results:
            return
        ordered = sorted(results, key=lambda result: result.job.claim.subscription_id)
        records = [_outcome_record(result) for result in ordered]

        def write() -> None:
            with self.database.sessions() as session:
                record_outcomes(session, records, now=self.now)
                session.commit()

        self.patiently("recording spotlight outcomes", write)
        for result in ordered:
            _log(result)
            self.tally.add(result.outcome)

    def patiently(self, what: str, action: Callable[[], _T]) -> _T:
        """``action()``, retried with backoff while the database is unreachable or locked.

        Raises DeliveryStalled (one line) once ``patience`` has passed without success.
        """
        deadline = time.monotonic() + self.patience
        delay = 0.05
        while True:
            try:
                return action()
            except DBAPIError as error:
                if not _is_passing(error):
                    raise
                reason = _first_line(error)
                if time.monotonic() + delay > deadline:
                    raise DeliveryStalled(self._stalled(what, reason)) from None
                log.warning("%s failed (%s); trying again in %.2g s", what, reason, delay)
                time.sleep(delay)
                delay = min(delay * 2, 5.0)

    def _stalled(self, what: str, reason: str) -> str:
        kept = ""
        if self.journal is not None and self.journal.written:
            kept = f"; {self.journal.written} posts kept in {self.journal.path} for the next pass"
        return f"spotlights stopped: {what} failed for {self.patience:g} s ({reason}){kept}"


class _Heartbeat:
    """Renews the pass's leases every quarter lease, so only a dead pass's claims lapse."""

    def __init__(self, delivery: _Pass) -> None:
        self._pass = delivery
        self._stop = threading.Event()
        self._interval = max(0.05, delivery.lease.total_seconds() / 4)
        self._thread = threading.Thread(target=self._run, name="spotlight-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        delivery = self._pass
        while not self._stop.wait(self._interval):
            try:
                with delivery.database.sessions() as session:
                    renew_leases(
                        session,
                        owner=delivery.owner,
                        until=delivery.pass_time() + delivery.lease,
                    )
                    session.commit()
            except DBAPIError as error:
                log.warning("could not renew spotlight claims: %s", _first_line(error))


def _is_passing(error: DBAPIError) -> bool:
    """A database error that waiting can cure: unreachable, restarting, locked."""
    return isinstance(error, OperationalError | InterfaceError) or error.connection_invalidated


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    return f"{type(original).__name__}: {text[0] if text else ''}".strip().rstrip(":")


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
        self._cache: dict[tuple[str, str], Message] = {}

    def for_choice(self, choice: Choice, language: str | None = None) -> Message:
        said = language or "en"  # the channel's language; automatic posts in English
        message = self._cache.get((choice.key, said))
        if message is None:  # two threads may both render it once: harmless
            message = render_spotlight(self._kb, choice.topic, language=said)
            self._cache[(choice.key, said)] = message
        return message


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
