"""What a test needs from outside the repository, and what happens when it is not there.

On a developer's fresh clone a missing PostgreSQL or a missing ``../shared`` skips the tests
that need it, with one clear reason each. CI sets ``MEDICON_TESTS_REQUIRE_ALL=1``: there the
same absence fails the run, and so does any other skipped test, so CI always runs everything.
"""

from __future__ import annotations

import os
from functools import cache
from typing import NoReturn

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

__all__ = [
    "REQUIRE_ALL_VARIABLE",
    "missing",
    "postgres_problem",
    "require_postgres",
    "requires_all",
]

REQUIRE_ALL_VARIABLE = "MEDICON_TESTS_REQUIRE_ALL"


def requires_all() -> bool:
    """Whether this run must skip nothing (CI)."""
    return os.environ.get(REQUIRE_ALL_VARIABLE, "") not in {"", "0", "false"}


def missing(reason: str) -> NoReturn:
    """Skip the current test for ``reason``, or fail it when the run must skip nothing."""
    if requires_all():
        pytest.fail(
            f"{reason} ({REQUIRE_ALL_VARIABLE} is set, so this is a failure)", pytrace=False
        )
    pytest.skip(reason)


@cache
def postgres_problem(url: str) -> str | None:
    """None when the PostgreSQL at ``url`` answers within a few seconds, else why not."""
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        first_line = str(error.orig if hasattr(error, "orig") else error).splitlines()[0]
        return first_line[:160]
    finally:
        engine.dispose()
    return None


def require_postgres(url: str) -> None:
    """Skip (or, in CI, fail) a test that needs the PostgreSQL at ``url`` when it is not there."""
    problem = postgres_problem(url)
    if problem is not None:
        missing(f"PostgreSQL is not reachable ({problem}); MEDICON_TEST_POSTGRES_URL names it")
