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
4. **Reserve turns** from the workspace's pacing row (:mod:`~bot.spotlights.delivery.pacing`),
   shared by every pass and clock, and **post** each at its turn from a bounded thread pool. A
   429 pauses the whole workspace for its Retry-After; it posted nothing, so the post is made
   again after the pause without looking in the channel's history. A retried claim (its earlier
   attempt may have reached Slack) first looks for that post by its message metadata.
5. **Journal** every post Slack confirmed to a local file
   (:mod:`~bot.spotlights.delivery.journal`) the moment it is confirmed, then **record**
   outcomes in one transaction with their consequences
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
import time
import uuid
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Final

from bot.knowledge import KnowledgeBase
from bot.spotlights.delivery.attempt import Attempts
from bot.spotlights.delivery.journal import OutcomeJournal, replay_journals
from bot.spotlights.delivery.outcomes import Job, Result, RunSummary, Tally, record, skipped
from bot.spotlights.delivery.pacing import (
    DEFAULT_PACE,
    DatabasePacer,
    Pace,
    Pacer,
    UnpacedPacer,
)
from bot.spotlights.delivery.patience import DEFAULT_PATIENCE, Heartbeat, Patience
from bot.spotlights.delivery.ports import Poster
from bot.spotlights.rotation import choose_topic
from bot.spotlights.schedule import Schedule
from bot.storage import Database
from bot.storage.deliveries import claim_deliveries
from bot.storage.features import featured_topics
from bot.storage.subscriptions import SubscriptionRecord, due_subscriptions, due_teams

__all__ = ["DEFAULT_GRACE", "DEFAULT_LEASE", "run_due"]

log = logging.getLogger(__name__)

DEFAULT_GRACE = timedelta(hours=24)
DEFAULT_LEASE = timedelta(minutes=1)
"""A running pass renews its claims every quarter of this; a dead one's lapse after it."""
_MAX_REBOOKINGS: Final = 3
"""Missed turns one post may book again; then it takes the next free slot of the workspace's
spacing, so a slow database can delay a pass but never stall it."""


@dataclass
class _Workspace:
    """One workspace's claimed work in this pass."""

    team_id: str
    after_id: int = 0
    exhausted: bool = False
    """No more due subscriptions to claim."""
    backlog: deque[Job] = field(default_factory=deque)
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
    """The state of one pass. Its methods run on the pass's thread; posts go out from the pool
    (:class:`~bot.spotlights.delivery.attempt.Attempts`)."""

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
        self.patiently = Patience(patience, kept=self._kept_note)
        self.lanes = pacer.lanes(concurrency)
        self.team_page = max(1, min(page_size, max(8 * self.lanes, 25)))
        self.max_workspaces = max(32, 2 * concurrency)
        self.tally = Tally()
        self.journal: OutcomeJournal | None = None
        self.workspaces: dict[str, _Workspace] = {}
        self.after_team = ""
        self.teams_done = False
        self.scheduled: list[tuple[float, int, Job]] = []
        self.order = itertools.count()
        self.in_flight: dict[Future[Result], str] = {}
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
        attempts = Attempts(
            kb=self.kb,
            poster=self.poster,
            pacer=self.pacer,
            journal=self.journal,
            on_rate_limit=self.tally.add_rate_limit,
        )
        heartbeat = Heartbeat(
            database=self.database, owner=self.owner, lease=self.lease, pass_time=self.pass_time
        )
        clean = False
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="spotlight")
        try:
            heartbeat.start()
            self._loop(pool, attempts)
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

    def _loop(self, pool: ThreadPoolExecutor, attempts: Attempts) -> None:
        while True:
            self._refill()
            self._reserve_turns()
            self._dispatch(pool, attempts)
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
                skips.append(skipped(job, self.now, self.grace))
            else:
                workspace.backlog.append(job)
        self._record(skips)

    def _claim(self, team_id: str, after_id: int) -> tuple[int, int | None, list[Job]]:
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
            Job(
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

    def _dispatch(self, pool: ThreadPoolExecutor, attempts: Attempts) -> None:
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
            self.in_flight[pool.submit(attempts.deliver, job)] = team
        for item in deferred:
            heapq.heappush(self.scheduled, item)

    def _finish(self, done: set[Future[Result]]) -> None:
        results = []
        for future in done:
            team = self.in_flight.pop(future)
            self.workspaces[team].lanes_used -= 1
            results.append(future.result())
        self._record(results)

    # -- recording -------------------------------------------------------------------------

    def _record(self, results: list[Result]) -> None:
        record(
            results,
            database=self.database,
            now=self.now,
            patiently=self.patiently,
            tally=self.tally,
        )

    def _kept_note(self) -> str:
        """What this pass kept for the next one, for the message it stops with."""
        if self.journal is not None and self.journal.written:
            return f"; {self.journal.written} posts kept in {self.journal.path} for the next pass"
        return ""


def _schedule_of(subscription: SubscriptionRecord) -> Schedule:
    return Schedule.from_stored(
        weekday=subscription.weekday,
        local_time=subscription.local_time,
        timezone=subscription.timezone,
    )
