"""Patience with the database: a pass outlives a restart, a failover or a held lock.

Every database step of a pass goes through :class:`Patience`, retried with backoff while the
error is one that waiting can cure, for up to ``patience`` (a minute by default); then the pass
stops with :class:`~bot.spotlights.errors.DeliveryStalled`. Meanwhile the :class:`Heartbeat`
renews the pass's leases, so only a dead pass's claims lapse.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Final, TypeVar

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

from bot.spotlights.errors import DeliveryStalled
from bot.storage import Database
from bot.storage.deliveries import renew_leases

__all__ = ["DEFAULT_PATIENCE", "Heartbeat", "Patience"]

log = logging.getLogger(__name__)

DEFAULT_PATIENCE: Final = timedelta(minutes=1)
"""How long a pass keeps retrying a database write before it stops."""

_T = TypeVar("_T")


class Patience:
    """Runs a pass's database steps, retried with backoff while the database is unreachable or
    locked. ``kept`` says what the pass has kept for the next one, for the message it stops
    with."""

    def __init__(self, patience: timedelta, *, kept: Callable[[], str]) -> None:
        self.seconds = patience.total_seconds()
        self._kept = kept

    def __call__(self, what: str, action: Callable[[], _T]) -> _T:
        """``action()``, retried with backoff while the database is unreachable or locked.

        Raises DeliveryStalled (one line) once ``patience`` has passed without success.
        """
        deadline = time.monotonic() + self.seconds
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
        return f"spotlights stopped: {what} failed for {self.seconds:g} s ({reason}){self._kept()}"


class Heartbeat:
    """Renews the pass's leases every quarter lease, so only a dead pass's claims lapse."""

    def __init__(
        self,
        *,
        database: Database,
        owner: str,
        lease: timedelta,
        pass_time: Callable[[], datetime],
    ) -> None:
        self._database = database
        self._owner = owner
        self._lease = lease
        self._pass_time = pass_time
        self._stop = threading.Event()
        self._interval = max(0.05, lease.total_seconds() / 4)
        self._thread = threading.Thread(target=self._run, name="spotlight-heartbeat", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                with self._database.sessions() as session:
                    renew_leases(session, owner=self._owner, until=self._pass_time() + self._lease)
                    session.commit()
            except DBAPIError as error:
                log.warning("could not renew spotlight claims: %s", _first_line(error))


def _is_passing(error: DBAPIError) -> bool:
    """A database error that waiting can cure: unreachable, restarting, locked."""
    return isinstance(error, OperationalError | InterfaceError) or error.connection_invalidated


def _first_line(error: BaseException) -> str:
    """``OperationalError: connection refused``: the error's type and first line, for logs."""
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    return f"{type(original).__name__}: {text[0] if text else ''}".strip().rstrip(":")
