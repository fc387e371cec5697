"""Per test module: a database of each kind, a Slack stand-in and the web app in
multi-workspace mode ("Add to Slack").

``web`` serves the app in this test process; a module about what two gunicorn workers do
(each worker's own cache, threads under stress) overrides it with ``web_process``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.support.databases import database_url
from tests.support.in_process_web import InProcessWeb, serving_in_process
from tests.support.oauth_flow import CLIENT_ID, CLIENT_SECRET
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess, running_web_process


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with database_url(request.param, tmp_path_factory.mktemp("oauth-db")) as url:
        yield url


@pytest.fixture(scope="module")
def oauth_stand_in() -> Iterator[SlackStandIn]:
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def environment(oauth_stand_in: SlackStandIn, db_url: str) -> dict[str, str]:
    """The web process's environment; `spotlight run-due` subprocesses share it."""
    return {
        "SLACK_CLIENT_ID": CLIENT_ID,
        "SLACK_CLIENT_SECRET": CLIENT_SECRET,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": oauth_stand_in.api_url,
        "DATABASE_URL": db_url,
        "WEB_CONCURRENCY": "2",
    }


@pytest.fixture(scope="module")
def web_process(
    environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WebProcess]:
    """The real web process (gunicorn, two workers)."""
    log = tmp_path_factory.mktemp("oauth-web") / "web.log"
    with running_web_process(environment=environment, log=log) as process:
        yield process
        assert CLIENT_SECRET not in process.log_text()
        assert "xoxb-team" not in process.log_text()


@pytest.fixture(scope="module")
def web(
    environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[InProcessWeb]:
    """The same app served in this process."""
    log = tmp_path_factory.mktemp("oauth-web") / "web.log"
    with serving_in_process(environment=environment, log=log) as process:
        yield process
        assert CLIENT_SECRET not in process.log_text()
        assert "xoxb-team" not in process.log_text()


@pytest.fixture
def stand_in(oauth_stand_in: SlackStandIn, web: WebProcess) -> Iterator[SlackStandIn]:
    oauth_stand_in.reset()
    yield oauth_stand_in
    assert not oauth_stand_in.errors, oauth_stand_in.errors
