"""Pacing spotlight posts to Slack's limits, per workspace, across every pass and process.

Slack counts ``chat.postMessage`` per app and workspace: about one post a second per channel,
and a workspace budget of a few hundred a minute, answered with 429 and ``Retry-After`` above it.
:class:`DatabasePacer` hands out turns from the workspace's row in the database
(:mod:`bot.storage.pacing`), so all the threads of a pass, two clocks and a cron ``run-due`` share
one budget. A 429 pauses the workspace for everyone until its Retry-After has passed. Workspaces
are paced independently, so many deliver side by side.

A channel gets one spotlight per slot and one pass owns that slot (its claim), so the per-channel
limit only matters when the owner posts again after a 429; the owner spaces those itself
(:attr:`Pace.channel_interval`).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Protocol

from sqlalchemy.exc import DBAPIError

from bot.storage import Database
from bot.storage.pacing import pause_workspace, paused_until, reserve_turns

__all__ = ["DEFAULT_PACE", "LATENESS_FLOOR", "DatabasePacer", "Pace", "Pacer", "UnpacedPacer"]

log = logging.getLogger(__name__)

_LOOKAHEAD_SECONDS: Final = 0.5
"""Turns reserved ahead per workspace cover this much of Slack's answer time."""
LATENESS_FLOOR: Final = 0.25
"""Seconds a turn may be missed by before it is booked again, whatever the budget: booking a
turn is a database round trip (1–15 ms here, far more on a loaded or distant database), so at a
budget whose interval is shorter than that, judging lateness by the interval alone would find
every turn late by the time it was booked."""
_SHARED_PAUSE_TTL: Final = 0.5
"""Seconds a pause read from the database is trusted: another process's 429 reaches this one's
posts within this, without a database read before every post."""


@dataclass(frozen=True)
class Pace:
    """How fast one workspace may receive spotlights."""

    posts_per_minute: float = 180.0
    """The workspace budget (``MEDICON_POSTS_PER_MINUTE``): 3 a second, well inside Slack's."""
    channel_interval: float = 1.0
    """Seconds between two posts to one channel (Slack's one a second)."""

    def __post_init__(self) -> None:
        if self.posts_per_minute <= 0 or self.channel_interval < 0:
            raise ValueError("posts_per_minute must be positive, channel_interval not negative")

    @property
    def interval(self) -> float:
        """Seconds between two posts in one workspace."""
        return 60.0 / self.posts_per_minute

    def lanes(self, concurrency: int) -> int:
        """Posts of one workspace reserved or in flight at once: enough to keep the pace while
        Slack takes up to half a second to answer, never more than the threads."""
        wanted = math.ceil(_LOOKAHEAD_SECONDS / self.interval) + 1
        return max(1, min(concurrency, wanted))


DEFAULT_PACE: Final = Pace()

Clock = Callable[[], float]
Sleep = Callable[[float], None]


class Pacer(Protocol):
    """Where a pass gets its turns to post. Called from the pass's thread and its workers."""

    def lanes(self, concurrency: int) -> int:
        """How many posts of one workspace may be reserved or in flight at once."""
        ...

    def reserve(self, team_id: str, count: int) -> list[float]:
        """``count`` turns (wall-clock instants, in order) to post in ``team_id``."""
        ...

    def reserve_many(self, wanted: Mapping[str, int]) -> dict[str, list[float]]:
        """:meth:`reserve` for several workspaces at once ({team_id: count}), in one go."""
        ...

    def pause(self, team_id: str, seconds: float) -> None:
        """Slack answered 429 with this Retry-After: no post in ``team_id`` until it has passed."""
        ...

    def paused_until(self, team_id: str) -> float:
        """The end of the workspace's pause (in the past when it is not paused)."""
        ...

    @property
    def channel_interval(self) -> float: ...

    @property
    def lateness_allowed(self) -> float:
        """Seconds a post may go out after its turn; later, it takes a new turn instead, so a
        pass that was held up does not send its missed turns in one burst."""
        ...

    @property
    def interval(self) -> float:
        """Seconds between two posts in one workspace (0 without a budget)."""
        ...

    def clock(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class _LocalPauses:
    """Pauses this process knows of, so its own threads stop at once and during an outage."""

    def __init__(self) -> None:
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def set(self, team_id: str, until: float) -> None:
        with self._lock:
            self._until[team_id] = max(until, self._until.get(team_id, 0.0))

    def get(self, team_id: str) -> float:
        with self._lock:
            return self._until.get(team_id, 0.0)


class UnpacedPacer:
    """No budget: every turn is now. 429s still pause the workspace, within this process."""

    def __init__(self, *, clock: Clock = time.time, sleep: Sleep = time.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._pauses = _LocalPauses()

    def lanes(self, concurrency: int) -> int:
        return concurrency

    def reserve(self, team_id: str, count: int) -> list[float]:
        start = max(self._clock(), self._pauses.get(team_id))
        return [start] * count

    def reserve_many(self, wanted: Mapping[str, int]) -> dict[str, list[float]]:
        return {team: self.reserve(team, count) for team, count in wanted.items()}

    def pause(self, team_id: str, seconds: float) -> None:
        self._pauses.set(team_id, self._clock() + seconds)

    def paused_until(self, team_id: str) -> float:
        return self._pauses.get(team_id)

    @property
    def channel_interval(self) -> float:
        return 0.0

    @property
    def lateness_allowed(self) -> float:
        return math.inf

    @property
    def interval(self) -> float:
        return 0.0

    def clock(self) -> float:
        return self._clock()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._sleep(seconds)


class DatabasePacer:
    """Turns from the workspace's row in the database, shared by every pass and process.

    :meth:`reserve` raises the database's error (the pass retries it patiently); a pause or its
    check that cannot reach the database falls back on what this process knows.
    """

    def __init__(
        self,
        database: Database,
        pace: Pace = DEFAULT_PACE,
        *,
        clock: Clock = time.time,
        sleep: Sleep = time.sleep,
    ) -> None:
        self._database = database
        self._pace = pace
        self._clock = clock
        self._sleep = sleep
        self._pauses = _LocalPauses()
        self._shared: dict[str, tuple[float, float]] = {}
        """Per workspace: (the pause the database had, when it was read)."""
        self._lock = threading.Lock()

    def lanes(self, concurrency: int) -> int:
        return self._pace.lanes(concurrency)

    def reserve(self, team_id: str, count: int) -> list[float]:
        return self.reserve_many({team_id: count})[team_id]

    def reserve_many(self, wanted: Mapping[str, int]) -> dict[str, list[float]]:
        """One transaction for all of them (workspaces in order, so passes never deadlock)."""
        with self._database.sessions() as session:
            turns = {
                team: reserve_turns(
                    session,
                    team_id=team,
                    now=self._clock(),
                    interval=self._pace.interval,
                    count=count,
                )
                for team, count in sorted(wanted.items())
            }
            session.commit()
        return turns

    def pause(self, team_id: str, seconds: float) -> None:
        until = self._clock() + seconds
        self._pauses.set(team_id, until)
        try:
            with self._database.sessions() as session:
                pause_workspace(session, team_id=team_id, until=until)
                session.commit()
        except DBAPIError as error:  # the pause still holds in this process
            log.warning("could not share a Slack rate-limit pause of %s: %s", team_id, error)

    def paused_until(self, team_id: str) -> float:
        """This process's pauses at once; other processes' within ``_SHARED_PAUSE_TTL``."""
        local = self._pauses.get(team_id)
        now = self._clock()
        with self._lock:
            cached = self._shared.get(team_id)
        if cached is not None and now - cached[1] < _SHARED_PAUSE_TTL:
            return max(local, cached[0])
        try:
            with self._database.sessions() as session:
                shared = paused_until(session, team_id=team_id)
        except DBAPIError:
            return local
        with self._lock:
            self._shared[team_id] = (shared, now)
        return max(local, shared)

    @property
    def channel_interval(self) -> float:
        return self._pace.channel_interval

    @property
    def lateness_allowed(self) -> float:
        return max(self._pace.interval, LATENESS_FLOOR)

    @property
    def interval(self) -> float:
        return self._pace.interval

    def clock(self) -> float:
        return self._clock()

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._sleep(seconds)
