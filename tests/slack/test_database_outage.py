"""The database goes away while the web process runs: answers that need no database (DMs,
mentions, ``/medicon <question>``) are still given, each event once, and /healthz says 503.

The real web process reaches PostgreSQL through a loopback TCP proxy; cutting it closes every
connection and turns new ones away, as an outage does. A web process that cannot reach its database
at start says so in one line and exits.
"""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator
from urllib.error import HTTPError

import pytest
from sqlalchemy.engine import make_url

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.slack.conftest import BOT_TOKEN
from tests.support.databases import postgres_url
from tests.support.signing import (
    app_home_opened_event,
    app_mention_event,
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.tcp_proxy import TcpProxy
from tests.support.web_process import (
    EXECUTABLE,
    WebProcess,
    clean_environment,
    free_port,
    running_web_process,
)


@pytest.fixture(scope="module")
def outage_stand_in() -> Iterator[SlackStandIn]:
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def forwarded() -> Iterator[tuple[TcpProxy, str]]:
    """A fresh PostgreSQL schema, reached through a loopback proxy: (proxy, its URL)."""
    with postgres_url() as url:
        parsed = make_url(url)
        with TcpProxy((parsed.host or "127.0.0.1", parsed.port or 5432)) as proxy:
            yield proxy, proxy.proxied(url)


@pytest.fixture(scope="module")
def web_without_database(
    outage_stand_in: SlackStandIn,
    forwarded: tuple[TcpProxy, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[WebProcess]:
    """The web process (one worker) after its database went away."""
    proxy, url = forwarded
    environment = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": outage_stand_in.api_url,
        "DATABASE_URL": url,
        "WEB_CONCURRENCY": "1",
    }
    log = tmp_path_factory.mktemp("outage") / "web.log"
    with running_web_process(environment=environment, log=log) as web:
        # A first event while the database is there: the worker holds pooled connections.
        body = event_callback_body(message_im_event("hello"))
        assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
        outage_stand_in.wait_for("chat.postMessage")
        proxy.cut()
        yield web


@pytest.fixture
def stand_in(outage_stand_in: SlackStandIn, web_without_database: WebProcess) -> SlackStandIn:
    outage_stand_in.reset()
    return outage_stand_in


def health_status(web: WebProcess) -> int:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"{web.base_url}/healthz", timeout=10) as response:
            return int(response.status)
    except HTTPError as error:
        with error:
            return error.code


def test_healthz_says_503(web_without_database: WebProcess) -> None:
    assert health_status(web_without_database) == 503


def test_a_dm_is_answered_once_not_apologised_for(
    web_without_database: WebProcess, stand_in: SlackStandIn
) -> None:
    body = event_callback_body(message_im_event("LUDC"))
    for retry in (None, 1, 2):
        status, _, _ = post_signed(
            web_without_database.events_url, body, secret=SIGNING_SECRET, retry_num=retry
        )
        assert status == 200
    (reply,) = stand_in.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(stand_in.calls("chat.postMessage")) == 1  # the retries were recognised
    assert "went wrong" not in (reply.text or "")
    assert "Lund University Diabetes Centre" in str(reply.blocks())
    log = web_without_database.log_text()
    assert "could not record event" in log
    assert "Traceback" not in log


def test_a_mention_is_answered(web_without_database: WebProcess, stand_in: SlackStandIn) -> None:
    body = event_callback_body(app_mention_event("cancer", channel="C0OUTAGE"))
    assert post_signed(web_without_database.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for("chat.postMessage")
    assert reply.channel == "C0OUTAGE"
    assert "went wrong" not in (reply.text or "")


def test_a_slash_question_is_answered(
    web_without_database: WebProcess, stand_in: SlackStandIn
) -> None:
    body = slash_command_body("cancer", response_url=stand_in.response_url())
    status, _, raw = post_signed(web_without_database.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    assert b"Cancer" in raw


def test_opening_the_home_tab_posts_no_apology_in_the_dm(
    web_without_database: WebProcess, stand_in: SlackStandIn
) -> None:
    body = event_callback_body(app_home_opened_event("U0HOME", channel="D0HOME"))
    assert post_signed(web_without_database.events_url, body, secret=SIGNING_SECRET)[0] == 200
    time.sleep(1.0)
    assert [call.channel for call in stand_in.calls("chat.postMessage")] == []


def test_serve_without_a_database_says_so_in_one_line(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    closed = free_port()  # nothing listens there
    environment = clean_environment(
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        DATABASE_URL=f"postgresql://postgres:pw@127.0.0.1:{closed}/test",
        PORT=str(free_port()),
    )
    result = subprocess.run(
        [str(EXECUTABLE), "serve"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        cwd=tmp_path_factory.mktemp("no-database"),
    )
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert f"the database at postgresql+psycopg://postgres:***@127.0.0.1:{closed}/test" in line
    assert "unreachable" in line
    assert "Traceback" not in result.stderr
