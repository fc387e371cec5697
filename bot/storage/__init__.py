"""Storage through SQLAlchemy 2: SQLite by default, PostgreSQL when DATABASE_URL says so.

Alembic owns the schema (``migrations/``); :func:`open_database` applies it at start.
"""

from bot.storage.engine import Database, open_database

__all__ = ["Database", "open_database"]
