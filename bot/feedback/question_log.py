"""Questions noted in memory and written in batches, so no answer waits for the database.

``/medicon`` is answered in its acknowledgement; noting a question there is a dictionary update
under a lock. A background thread per process (started on the first note, so after a
gunicorn fork) writes what was noted every couple of seconds, and once more at exit.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.exc import SQLAlchemyError

from bot.feedback.text import normalise_question
from bot.storage import Database
from bot.storage.questions import DayCount, Sighting, record_sightings

__all__ = ["QuestionLog"]

_log = logging.getLogger(__name__)

_MAX_PENDING = 5000
"""Distinct unanswered questions held between writes; beyond it, only the day counts grow."""


@dataclass
class _Seen:
    count: int
    first: datetime
    last: datetime


@dataclass
class _Pending:
    sightings: dict[tuple[str, str, str, str], _Seen] = field(default_factory=dict)
    days: dict[tuple[str, date], list[int]] = field(default_factory=dict)


class QuestionLog:
    """Counts questions per workspace and day and remembers the unanswered ones.

    ``enabled=False`` (``MEDICON_RECORD_QUESTIONS=false``) makes :meth:`note` do nothing.
    """

    def __init__(
        self,
        database: Database,
        *,
        enabled: bool,
        now: Callable[[], datetime],
        flush_every: float = 2.0,
    ) -> None:
        self._database = database
        self.enabled = enabled
        self._now = now
        self._flush_every = flush_every
        self._lock = threading.Lock()
        self._pending = _Pending()
        self._pid = -1
        self._stop = threading.Event()

    def note(self, *, team_id: str, surface: str, question: str, answered: bool) -> None:
        """Count one question; remember it if it was not answered. Never touches the database.

        The question is kept as :func:`bot.feedback.text.normalise_question` makes it: cleaned
        of anything a database could refuse, so one odd question never costs a whole batch."""
        if not self.enabled:
            return
        now = self._now()
        with self._lock:
            self._start_in_this_process()
            day = self._pending.days.setdefault((team_id, now.date()), [0, 0])
            day[0 if answered else 1] += 1
            if not answered:
                self._remember(team_id, surface, "declined", normalise_question(question), now)

    def note_not_helpful(self, *, team_id: str, surface: str, question: str) -> None:
        """Remember an answer voted not helpful (its question, not the voter)."""
        if not self.enabled:
            return
        with self._lock:
            self._start_in_this_process()
            self._remember(
                team_id, surface, "not_helpful", normalise_question(question), self._now()
            )

    def _remember(self, team_id: str, surface: str, reason: str, text: str, now: datetime) -> None:
        if not text:
            return
        key = (team_id, surface, reason, text)
        seen = self._pending.sightings.get(key)
        if seen is not None:
            seen.count += 1
            seen.last = now
        elif len(self._pending.sightings) < _MAX_PENDING:
            self._pending.sightings[key] = _Seen(1, now, now)

    def flush(self) -> int:
        """Write everything noted so far; returns how many rows it touched. A database failure
        is logged and that batch dropped: counts are a guide, never worth an outage."""
        with self._lock:
            pending, self._pending = self._pending, _Pending()
        sightings = [
            Sighting(
                team_id=team,
                surface=surface,
                reason=reason,
                question=text,
                count=seen.count,
                first_seen=seen.first,
                last_seen=seen.last,
            )
            for (team, surface, reason, text), seen in pending.sightings.items()
        ]
        counts = [
            DayCount(team_id=team, day=day, answered=answered, unanswered=unanswered)
            for (team, day), (answered, unanswered) in pending.days.items()
        ]
        if not sightings and not counts:
            return 0
        try:
            with self._database.sessions() as session:
                record_sightings(session, sightings=sightings, counts=counts)
        except SQLAlchemyError as error:
            _log.warning(
                "could not record %d unanswered questions and %d day counts: %s",
                len(sightings),
                len(counts),
                type(error).__name__,
            )
            return 0
        return len(sightings) + len(counts)

    def close(self) -> None:
        """Stop the writer and write what is left."""
        self._stop.set()
        self.flush()

    def _start_in_this_process(self) -> None:
        # Called with the lock held. A forked worker starts its own writer.
        if self._pid == os.getpid():
            return
        self._pid = os.getpid()
        self._stop = threading.Event()
        writer = threading.Thread(
            target=self._write_until_stopped, name="question-log", daemon=True
        )
        writer.start()
        atexit.register(self.close)

    def _write_until_stopped(self) -> None:
        while not self._stop.wait(self._flush_every):
            self.flush()
