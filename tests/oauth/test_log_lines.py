"""Nothing in a request can forge a log line: a value from the request is logged with its
control characters escaped, through the real web process in "Add to Slack" mode."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.support.databases import sqlite_url
from tests.support.oauth_flow import get
from tests.support.web_process import WebProcess

FORGED = "2026-12-07 09:00:00,000 CRITICAL bot.slack.web: database wiped by admin"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database is enough here: the log line does not depend on it."""
    with sqlite_url(tmp_path_factory.mktemp("oauth-log-db")) as url:
        yield url


def _log_once(web: WebProcess, needle: str) -> str:
    """The web process's log once it holds ``needle`` (bounded: 5 s)."""
    deadline = time.monotonic() + 5
    while needle not in (text := web.log_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return text


@pytest.mark.parametrize("separator", ["\n", "\r\n", "\r", "\x1b[1A\x1b[2K", "\u2028"])
def test_the_oauth_error_parameter_cannot_forge_a_log_line(web: WebProcess, separator: str) -> None:
    forged = f"{FORGED} ({uuid.uuid4().hex})"
    query = urlencode({"error": f"access_denied{separator}{forged}"})
    status, _, page = get(f"{web.base_url}/slack/oauth_redirect?{query}")
    assert status == 200
    assert "The installation did not finish" in page
    log = _log_once(web, forged)
    (line,) = [line for line in log.splitlines() if forged in line]
    assert line.index("installation failed: access_denied") < line.index(forged)
    assert not any(line.startswith(FORGED) for line in log.splitlines())
    assert "\x1b" not in log
    assert "\u2028" not in log
