"""Real databases for tests: a fresh SQLite file, or a fresh schema in the local PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, text

from tests.support.availability import require_postgres

POSTGRES_URL = os.environ.get(
    "MEDICON_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
"""The PostgreSQL this machine runs (trust auth); override for another server."""


@contextmanager
def sqlite_url(directory: Path) -> Iterator[str]:
    yield f"sqlite:///{directory / 'medicon-bot.sqlite3'}"


@contextmanager
def postgres_url() -> Iterator[str]:
    """A URL whose connections see only a brand-new schema, dropped afterwards.

    Skips the test (fails it in CI) when that PostgreSQL is not reachable."""
    require_postgres(POSTGRES_URL)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def database_url(kind: str, directory: Path) -> Iterator[str]:
    """``kind`` is ``sqlite`` or ``postgresql``."""
    manager = sqlite_url(directory) if kind == "sqlite" else postgres_url()
    with manager as url:
        yield url
