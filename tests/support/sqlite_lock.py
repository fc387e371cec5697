"""Another writer holding a SQLite database, as a short outage looks to the app."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url

__all__ = ["sqlite_write_locked"]


@contextmanager
def sqlite_write_locked(url: str) -> Iterator[None]:
    """Hold SQLite's write lock on the database at ``url`` until the block ends."""
    path = make_url(url).database
    assert path is not None
    holder = sqlite3.connect(path, timeout=10, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()
