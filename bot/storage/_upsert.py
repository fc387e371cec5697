"""The dialect's ``INSERT … ON CONFLICT`` for a session's database."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

__all__ = ["insert_for"]


def insert_for(session: Session, table: Table) -> postgresql.Insert | sqlite.Insert:
    """An insert into ``table`` that supports ``on_conflict_do_update`` on this database."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
