"""Posted outcomes kept on local disk until the database has them, so a post is never repeated
for want of its record.

Each pass appends every post Slack confirmed (subscription, slot, ``ts`` and the rest of its
outcome) to its own file, flushed to disk before the database is asked, and holds an exclusive
``flock`` on that file while it runs. A pass that ends with everything recorded deletes its file.
One that dies or gives up leaves it, and the lock goes with the process; the next pass that
finds an unlocked file writes what it holds to the database (posts the database already has are
left alone) before claiming anything, so the slot is never posted again even when Slack's
history cannot be read.

The journal is local: it protects passes on the same machine (or sharing the directory).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final

from sqlalchemy.engine import make_url

from bot.storage import Database
from bot.storage.deliveries import Claim, DeliveryOutcome, OutcomeRecord, record_unrecorded_outcomes

__all__ = ["OutcomeJournal", "default_journal_dir", "replay_journals"]

log = logging.getLogger(__name__)

_PREFIX: Final = "spotlight-outcomes."
_SUFFIX: Final = ".jsonl"


def default_journal_dir(database_url: str) -> Path:
    """Next to a SQLite file; for a server database, a directory of the temp dir named after it."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.parent / f"{path.name}-spotlight-journal"  # *.sqlite3-* is git-ignored
    identity = url.render_as_string(hide_password=True)
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / "medicon-bot" / f"spotlight-journal-{digest}"


class OutcomeJournal:
    """One pass's journal file, locked while the pass runs. Thread-safe appends."""

    def __init__(self, directory: Path, owner: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", owner)
        self.path = directory / f"{_PREFIX}{safe}{_SUFFIX}"
        self._file: IO[str] | None = self.path.open("a", encoding="utf-8")
        fcntl.flock(self._file, fcntl.LOCK_EX)
        self._lock = threading.Lock()
        self.written = 0

    def append(self, records: Sequence[OutcomeRecord]) -> None:
        """Write ``records`` and flush them to disk before returning."""
        if not records:
            return
        lines = "".join(json.dumps(_to_json(record), sort_keys=True) + "\n" for record in records)
        with self._lock:
            if self._file is None:
                raise RuntimeError("the journal is closed")
            self._file.write(lines)
            self._file.flush()
            os.fsync(self._file.fileno())
            self.written += len(records)

    def close(self, *, keep: bool) -> None:
        """Release the lock; delete the file unless ``keep`` (something may be unrecorded)."""
        with self._lock:
            if self._file is None:
                return
            if not keep or self.written == 0:
                self.path.unlink(missing_ok=True)
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def replay_journals(directory: Path, database: Database, *, now: datetime) -> int:
    """Record what the journals of passes no longer running hold; returns how many posts.

    A file whose lock is held belongs to a live pass and is left alone. Raises the database's
    error when it cannot write (the files stay for the next pass).
    """
    if not directory.is_dir():
        return 0
    replayed = 0
    for path in sorted(directory.glob(f"{_PREFIX}*{_SUFFIX}")):
        try:
            handle = path.open("r+", encoding="utf-8")
        except FileNotFoundError:  # another pass replayed and deleted it just now
            continue
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            records = list(_read(handle, path))
            if records:
                with database.sessions() as session:
                    replayed += record_unrecorded_outcomes(session, records, now=now)
                    session.commit()
            path.unlink(missing_ok=True)
    if replayed:
        log.info("recorded %d spotlight posts a stopped pass had kept in %s", replayed, directory)
    return replayed


def _read(handle: IO[str], path: Path) -> Iterable[OutcomeRecord]:
    for number, line in enumerate(handle, start=1):
        if not line.endswith("\n"):  # the pass died while writing this line: nothing to keep
            return
        try:
            yield _from_json(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            log.warning("%s:%d: unreadable journal line skipped (%s)", path, number, error)


def _to_json(record: OutcomeRecord) -> dict[str, Any]:
    claim = record.claim
    return {
        "delivery_id": claim.delivery_id,
        "subscription_id": claim.subscription_id,
        "period": claim.period.isoformat(),
        "attempt": claim.attempt,
        "owner": claim.owner,
        "lease_until": claim.lease_until.isoformat(),
        "outcome": record.outcome.value,
        "topic": record.topic,
        "posted_ts": record.posted_ts,
        "error": record.error,
        "next_due": record.next_due.isoformat() if record.next_due else None,
        "pause_reason": record.pause_reason,
        "feature_cycle": record.feature_cycle,
    }


def _from_json(data: dict[str, Any]) -> OutcomeRecord:
    next_due = data["next_due"]
    return OutcomeRecord(
        claim=Claim(
            delivery_id=int(data["delivery_id"]),
            subscription_id=int(data["subscription_id"]),
            period=datetime.fromisoformat(data["period"]),
            attempt=int(data["attempt"]),
            owner=str(data["owner"]),
            lease_until=datetime.fromisoformat(data["lease_until"]),
        ),
        outcome=DeliveryOutcome(data["outcome"]),
        topic=data["topic"],
        posted_ts=data["posted_ts"],
        error=data["error"],
        next_due=datetime.fromisoformat(next_due) if next_due else None,
        pause_reason=data["pause_reason"],
        feature_cycle=data["feature_cycle"],
    )
