"""One reply per Slack event, across retries, workers and processes, and while the database is
down too (then per process)."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Final

from slack_bolt import BoltResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.logs import loggable
from bot.services import Services
from bot.storage.events import claim_event

__all__ = ["Claims", "RecentClaims", "claim_key", "once_per_event"]

_log = logging.getLogger(__name__)

_KEY_LIMIT: Final = 64
"""The claim table's key length; longer keys are hashed to fit."""
_TEAM_LIMIT: Final = 32


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:48]


def claim_key(body: dict[str, Any]) -> str | None:
    """What identifies the event in ``body``, the same for every redelivery of it.

    Slack's ``event_id`` when there is one; otherwise the event's type, workspace, and the
    message's ``client_msg_id`` or its channel (or user) and timestamp; failing those, the
    event's whole content (a redelivery repeats it byte for byte). None for a body without an
    event object.
    """
    event_id = body.get("event_id")
    if isinstance(event_id, str) and event_id:
        return event_id if len(event_id) <= _KEY_LIMIT else f"id:{_digest(event_id)}"
    event = body.get("event")
    if not isinstance(event, dict):
        return None
    team = body.get("team_id") or event.get("team") or ""
    kind = event.get("type") or ""
    client_msg_id = event.get("client_msg_id")
    if isinstance(client_msg_id, str) and client_msg_id:
        return f"msg:{_digest(str(kind), str(team), client_msg_id)}"
    where = event.get("channel") or event.get("user")
    when = event.get("event_ts") or event.get("ts")
    if isinstance(where, str) and isinstance(when, str) and where and when:
        return f"at:{_digest(str(kind), str(team), where, when)}"
    content = json.dumps([team, event], sort_keys=True, default=str)
    return f"body:{_digest(content)}"


class RecentClaims:
    """The keys this process claimed lately: a retry that comes back to the same process is
    known without asking the database, and while the database is down this is all there is.

    Bounded: at most ``limit`` keys, each for ``seconds`` (Slack retries for about an hour).
    """

    def __init__(self, *, limit: int = 10_000, seconds: float = 3600.0) -> None:
        self._limit = limit
        self._seconds = seconds
        self._claimed: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, key: str) -> bool:
        with self._lock:
            claimed_at = self._claimed.get(key)
            return claimed_at is not None and time.monotonic() - claimed_at < self._seconds

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is claimed within the window, False after that."""
        now = time.monotonic()
        with self._lock:
            while self._claimed and (
                len(self._claimed) >= self._limit
                or now - next(iter(self._claimed.values())) >= self._seconds
            ):
                self._claimed.popitem(last=False)
            if key in self._claimed:
                return False
            self._claimed[key] = now
            return True


class Claims:
    """Keys claimed once: the database decides, across workers and processes; while it cannot
    be reached, this process alone (a warning is logged, and for the next few seconds claims
    do not wait on the database at all)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._recent = RecentClaims()
        self._outage = _Outage()

    def first(self, key: str, *, team_id: object) -> bool:
        """True for the first claim of ``key``, False for every later one."""
        if key in self._recent:
            return False
        first = True
        if not self._outage.ongoing():
            team = team_id if isinstance(team_id, str) and len(team_id) <= _TEAM_LIMIT else None
            try:
                with self._services.database.sessions() as session:
                    first = claim_event(
                        session, event_id=key, team_id=team, now=self._services.now()
                    )
            except SQLAlchemyError as error:
                self._outage.begin()
                _log.warning(
                    "could not record event %s in the database (%s); answering, checking "
                    "repeats in this process only, for the next %g s",
                    key,
                    type(error).__name__,
                    _OUTAGE_SECONDS,
                )
        return first and self._recent.claim(key)


def once_per_event(services: Services) -> Callable[..., BoltResponse | None]:
    """Listener middleware: the first worker to claim an event handles it; retries get a 200.

    Slack redelivers an event (same event_id, X-Slack-Retry-Num set) when it did not see a 200
    in time. The claim lives in the database, so a retry that lands on another worker or
    process is recognised too. When the database cannot be reached the event is answered all
    the same, de-duplicated within this process only: a reply that may come twice is better
    than none.
    """
    claims = Claims(services)

    def claim(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        key = claim_key(body)
        if key is None:
            next()
            return None
        if claims.first(key, team_id=body.get("team_id")):
            next()
            return None
        return _already_handled(key)

    return claim


_OUTAGE_SECONDS: Final = 10.0
"""After the database failed a claim, how long claims skip it: a database that does not
answer at all would otherwise hold every event's acknowledgement until the connect gives up."""


class _Outage:
    def __init__(self) -> None:
        self._until = 0.0

    def begin(self) -> None:
        self._until = time.monotonic() + _OUTAGE_SECONDS

    def ongoing(self) -> bool:
        return time.monotonic() < self._until


def _already_handled(key: str) -> BoltResponse:
    _log.info("event %s was already handled; acknowledging the retry only", loggable(key))
    return BoltResponse(status=200, body="")
