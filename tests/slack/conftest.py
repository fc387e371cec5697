"""One web app and one Slack stand-in per test module.

``web`` is the web app served in this test process (:mod:`tests.support.in_process_web`): the
tier for what a request does. A module about the server itself (gunicorn's workers, sockets,
shutdown) overrides ``web`` with ``web_process``: the real ``medicon-bot serve``, two workers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.support.in_process_web import InProcessWeb, serving_in_process
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess, running_web_process

BOT_TOKEN = "xoxb-1111-2222-secretbottoken"


@pytest.fixture(scope="module")
def module_stand_in() -> Iterator[SlackStandIn]:
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def web_environment(
    module_stand_in: SlackStandIn, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The web process's environment; other processes (run-due) can share its database."""
    return web_process_environment(module_stand_in, tmp_path_factory.mktemp("web"))


def web_process_environment(
    stand_in: SlackStandIn, directory: Path, **settings: str
) -> dict[str, str]:
    """Two workers talking to ``stand_in``, with a SQLite database in ``directory``; a test
    module overriding ``web_environment`` adds its own ``settings``."""
    return {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": stand_in.api_url,
        "DATABASE_URL": f"sqlite:///{directory / 'bot.sqlite3'}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "INFO",
        **settings,
    }


@pytest.fixture(scope="module")
def web_process(
    web_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebProcess]:
    """The real web process (gunicorn, two workers); a module opts in by overriding ``web``."""
    log = tmp_path_factory.mktemp("web-log") / "web.log"
    with running_web_process(environment=web_environment, log=log) as process:
        yield process
        assert BOT_TOKEN not in process.log_text()


@pytest.fixture(scope="module")
def in_process_web(
    web_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InProcessWeb]:
    """The same web app, served in this process: no gunicorn start per module."""
    log = tmp_path_factory.mktemp("web-log") / "web.log"
    with serving_in_process(environment=web_environment, log=log) as web:
        yield web
        assert BOT_TOKEN not in web.log_text()


@pytest.fixture(scope="module")
def web(in_process_web: InProcessWeb) -> InProcessWeb:
    return in_process_web


@pytest.fixture
def stand_in(module_stand_in: SlackStandIn, web: WebProcess) -> Iterator[SlackStandIn]:
    """The module's stand-in, emptied for this test; fails the test if it broke."""
    module_stand_in.reset()
    yield module_stand_in
    assert not module_stand_in.errors, module_stand_in.errors


@pytest.fixture
def log(web: WebProcess) -> Path:
    return web.log


EDITORS_CHANNEL = "C0EDITORS"
"""The editors' channel the both-database web processes post suggestions to."""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database of each kind, shared by one module's tests."""
    from tests.support.databases import database_url

    with database_url(request.param, tmp_path_factory.mktemp("module-db")) as url:
        yield url


@pytest.fixture(scope="module")
def editors_web_environment(
    module_stand_in: SlackStandIn,
    tmp_path_factory: pytest.TempPathFactory,
    module_database_url: str,
) -> dict[str, str]:
    """The web process on each database, posting suggestions to :data:`EDITORS_CHANNEL`; a
    module uses it by returning it from its own ``web_environment``."""
    return web_process_environment(
        module_stand_in,
        tmp_path_factory.mktemp("module-web"),
        DATABASE_URL=module_database_url,
        MEDICON_EDITORS_CHANNEL=EDITORS_CHANNEL,
    )
