"""The dialect's ``INSERT … ON CONFLICT`` for a session's database: the one place that chooses
between PostgreSQL's and SQLite's insert, for every upsert and every claim by unique key."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

__all__ = ["insert_for"]


def insert_for(session: Session | Connection, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An insert into ``table`` that supports ``on_conflict_do_nothing`` and
    ``on_conflict_do_update`` on this database."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
