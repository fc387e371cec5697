"""Shared fixtures.

Test infrastructure fixtures come first (the Slack stand-in and a proxy-free environment); app
fixtures follow below them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.surface import BOT_SCOPES
from bot.storage import Database, open_database
from tests.support.availability import REQUIRE_ALL_VARIABLE, requires_all
from tests.support.slack_stand_in import SlackStandIn

_PROXY_VARIABLES = (
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
)

SIGNING_SECRET = "stand-in-signing-secret"

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI (``MEDICON_TESTS_REQUIRE_ALL``) a skipped test fails the run: CI skips nothing."""
    if requires_all() and _skipped and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\n{len(_skipped)} tests were skipped, but {REQUIRE_ALL_VARIABLE} is set: failing")


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Unset proxy variables: slack_sdk honours HTTPS_PROXY without NO_PROXY, even for loopback."""
    for name in _PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def slack_stand_in(no_proxy_env: None) -> Iterator[SlackStandIn]:
    """A running Slack Web API stand-in; fails the test if the stand-in itself broke."""
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in
        assert not stand_in.errors, f"the Slack stand-in failed while answering: {stand_in.errors}"


@pytest.fixture
def signing_secret() -> str:
    """The signing secret test requests are signed with (give the app the same)."""
    return SIGNING_SECRET


# --- databases -------------------------------------------------------------------------------

DATABASE_KINDS = ("sqlite", "postgresql")


@pytest.fixture(params=DATABASE_KINDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database: a SQLite file, then a fresh PostgreSQL schema."""
    from tests.support.databases import database_url as make_url

    with make_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An opened, migrated database of each kind."""
    opened = open_database(database_url)
    yield opened
    opened.dispose()
