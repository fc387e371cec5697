"""Clients that send slowly or stall cannot starve the web process: signed requests behind 16
connections trickling one byte a second are still answered at once (the real process, two
workers; the precise numbers are in bench/slow_clients.py)."""

from __future__ import annotations

import math
from urllib.parse import urlsplit

import pytest

from tests.conftest import SIGNING_SECRET
from tests.support.slack_stand_in import SlackStandIn
from tests.support.slow_clients import Tricklers, timed_slash_commands
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def web(web_process: WebProcess) -> WebProcess:
    """The real web process: slow clients are the server's to handle."""
    return web_process


def test_signed_requests_are_answered_while_16_connections_trickle(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    port = urlsplit(web.base_url).port
    assert port is not None
    response_url = stand_in.response_url("trickle")
    with Tricklers(port, secret=SIGNING_SECRET, response_url=response_url, count=16):
        latencies = timed_slash_commands(
            port,
            secret=SIGNING_SECRET,
            response_url=response_url,
            count=24,
            concurrency=4,
            timeout=3.0,
            max_seconds=20.0,
        )
    assert len(latencies) == 24
    assert not any(math.isinf(latency) for latency in latencies), latencies
    assert max(latencies) < 3.0
    # The tricklers' requests never completed, so nothing was answered for them.
    assert stand_in.calls("response:trickle") == []
