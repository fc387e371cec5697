"""SIGTERM, as a Procfile platform sends it on every deploy (it kills for good 30 s later): the
web process stops accepting at once, and what it acknowledged still happens, even when Slack is
slow. Through the real process and a stand-in that answers slowly."""

from __future__ import annotations

import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text

from bot.config import Settings
from bot.slack.server import gunicorn_options
from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.slack.conftest import BOT_TOKEN
from tests.support.signing import post_signed, slash_command_body
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import running_web_process

SLOW_SLACK_SECONDS = 2.5
"""Each Slack call (the channel check, then the reply) takes this long."""
PLATFORM_GRACE_SECONDS = 30
"""A Procfile platform's wait between SIGTERM and SIGKILL."""


@pytest.fixture
def slow_stand_in() -> Iterator[SlackStandIn]:
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in


def refuses_connections(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def test_an_acknowledged_subscribe_survives_sigterm_under_a_slow_slack(
    slow_stand_in: SlackStandIn, tmp_path: Path
) -> None:
    database = tmp_path / "bot.sqlite3"
    environment = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slow_stand_in.api_url,
        "DATABASE_URL": f"sqlite:///{database}",
        "WEB_CONCURRENCY": "1",
    }
    with running_web_process(environment=environment, log=tmp_path / "web.log") as web:
        port = urlsplit(web.base_url).port
        assert port is not None
        warm = slash_command_body("cancer", response_url=slow_stand_in.response_url("warm"))
        assert post_signed(web.events_url, warm, secret=SIGNING_SECRET)[0] == 200  # auth.test
        slow_stand_in.set_delay(SLOW_SLACK_SECONDS)

        body = slash_command_body(
            "subscribe monday 09:00",
            channel_id="C0SHUTDOWN",
            response_url=slow_stand_in.response_url("subscribe"),
        )
        status, _, _ = post_signed(web.events_url, body, secret=SIGNING_SECRET)
        assert status == 200
        stopped_at = time.monotonic()
        web.process.send_signal(signal.SIGTERM)

        # Stops accepting at once (within the worker's one-second tick)...
        deadline = stopped_at + 3
        while not refuses_connections(port):
            assert time.monotonic() < deadline, "still accepting connections after SIGTERM"
            time.sleep(0.1)

        # ...but the acknowledged subscribe still answers in the channel and is stored.
        (reply,) = slow_stand_in.wait_for("response:subscribe", timeout=20)
        assert reply.body["response_type"] == "in_channel"
        assert "set up a weekly Medicon Valley spotlight here" in reply.body["text"]
        assert web.process.wait(timeout=25) == 0
        took = time.monotonic() - stopped_at
        assert took > 2 * SLOW_SLACK_SECONDS  # it waited for the reply's own round trip
        assert "SIGKILL" not in web.log_text()
        assert not slow_stand_in.errors, slow_stand_in.errors

    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        channels = connection.execute(
            text("SELECT channel_id FROM spotlight_subscriptions")
        ).scalars()
        assert list(channels) == ["C0SHUTDOWN"]
    engine.dispose()


def test_the_grace_period_fits_the_platforms_and_outlasts_a_slow_slack() -> None:
    # A follow-up makes a few Slack calls, each retried for up to ~10 s by slack_sdk: the 10 s
    # gunicorn used to give lost acknowledged work; the platform kills everything after 30 s.
    grace = gunicorn_options(Settings())["graceful_timeout"]
    assert 20 <= grace < PLATFORM_GRACE_SECONDS
