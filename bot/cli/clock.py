"""The clock process: an APScheduler job that triggers spotlight delivery every minute.

It holds no state of its own: the job store is APScheduler's in-memory one, never shared, and
every decision (what is due, who posts it) is made by :func:`bot.spotlights.run_due` in the
database. Two clocks running at once (a deploy overlapping the old process) therefore only
trigger twice; each slot is still posted once. A daily job forgets old Slack event claims,
expired install links' OAuth states, and what people typed once past its retention.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType

from apscheduler.schedulers.background import BackgroundScheduler
from sqlalchemy.exc import DBAPIError

from bot.config import Settings
from bot.conversation import forget_expired
from bot.feedback.retention import prune_feedback
from bot.knowledge import KnowledgeBase
from bot.spotlights import DEFAULT_GRACE, DeliveryStalled, Pace, Poster, run_due
from bot.spotlights.delivery.journal import default_journal_dir
from bot.storage import Database
from bot.storage.events import RETENTION, forget_events_before
from bot.storage.oauth_states import forget_expired_states

__all__ = ["run_clock"]

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def run_clock(
    settings: Settings,
    *,
    kb: KnowledgeBase,
    database: Database,
    poster_factory: Callable[[], Poster],
    stop_event: threading.Event | None = None,
    interval: timedelta = timedelta(minutes=1),
    grace: timedelta = DEFAULT_GRACE,
    clock: Clock = _utc_now,
) -> None:
    """Run delivery every ``interval`` (the first at once) until ``stop_event`` is set.

    Without a ``stop_event``, SIGTERM and SIGINT stop it (the platform's shutdown signal); a
    pass in progress finishes first. Missed ticks are coalesced into one, and a pass never
    overlaps the previous one (``max_instances=1``). Passes keep to the workspace budget
    ``MEDICON_POSTS_PER_MINUTE`` together with every other clock and run-due. A pass stopped
    by a database outage is logged in one line; the next tick starts again.
    """
    poster = poster_factory()
    stop = stop_event if stop_event is not None else threading.Event()
    if stop_event is None and threading.current_thread() is threading.main_thread():

        def _stop(signum: int, _frame: FrameType | None) -> None:
            log.info("clock: signal %s, stopping after the current pass", signum)
            stop.set()

        signal.signal(signal.SIGTERM, _stop)
        signal.signal(signal.SIGINT, _stop)

    pace = Pace(posts_per_minute=settings.posts_per_minute)
    journal_dir = default_journal_dir(settings.database_url)

    def deliver() -> None:
        try:
            run_due(
                now=clock(),
                database=database,
                kb=kb,
                poster=poster,
                grace=grace,
                pace=pace,
                journal_dir=journal_dir,
            )
        except DeliveryStalled as error:
            log.error("clock: %s", error)
        except DBAPIError as error:
            log.error("clock: spotlights skipped this tick, the database failed: %s", error.orig)

    def prune() -> None:
        with database.sessions() as session:
            forgotten = forget_events_before(session, cutoff=clock() - RETENTION)
            expired = forget_expired_states(session, now=clock())
        log.info("clock: forgot %d old Slack event claims", forgotten)
        log.info("clock: forgot %d expired install links (OAuth states)", expired)
        pruned = prune_feedback(
            database, retention_days=settings.question_retention_days, now=clock()
        )
        log.info("clock: forgot %d questions, votes and suggestions past retention", pruned)
        expired = forget_expired(database, now=clock())
        log.info("clock: forgot %d expired conversation contexts", expired)

    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": max(1, int(interval.total_seconds())),
        },
    )
    started = clock()
    scheduler.add_job(
        deliver,
        "interval",
        seconds=interval.total_seconds(),
        next_run_time=started,
        id="spotlights",
    )
    scheduler.add_job(prune, "interval", days=1, next_run_time=started, id="prune-events")
    log.info(
        "clock: delivering spotlights every %ss (timezone default %s)",
        f"{interval.total_seconds():g}",
        settings.timezone,
    )
    scheduler.start()
    try:
        stop.wait()
    finally:
        scheduler.shutdown(wait=True)
        log.info("clock: stopped")
