""" "Add to Slack" under stress, through the real web process (two workers, four threads each)
on SQLite and PostgreSQL: a slow ``oauth.v2.access`` gets a "try again" page within seconds
whose link then installs, stalled exchanges leave threads for Slack's requests, expired OAuth
states are deleted when states are used, and the install page is rate-limited."""

from __future__ import annotations

import html
import re
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, func, select, update

from bot.slack.oauth_pages import EXCHANGE_SECONDS, EXCHANGES_AT_ONCE
from bot.slack.server import THREADS
from bot.storage.tables import oauth_states
from tests.conftest import SIGNING_SECRET
from tests.support.oauth_flow import get, install, oauth_answer, start_install
from tests.support.signing import (
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def web(web_process: WebProcess) -> WebProcess:
    """The real web process: the stress tests count on two workers of four threads each."""
    return web_process


STALL = EXCHANGE_SECONDS + 3
"""Longer than the exchange may take: Slack has stalled."""
WORKERS = 2
PAST = datetime(2000, 1, 1)


def callback_url(web: WebProcess, *, code: str, state: str) -> str:
    return f"{web.base_url}/slack/oauth_redirect?{urlencode({'code': code, 'state': state})}"


def retry_link(page: str) -> str:
    found = re.search(r'<a href="([^"]+)">Try again</a>', page)
    assert found is not None, page
    return html.unescape(found.group(1))


def state_rows(db_url: str) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            count = select(func.count()).select_from(oauth_states)
            return int(connection.execute(count).scalar_one())
    finally:
        engine.dispose()


def expire_every_state(db_url: str) -> None:
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(update(oauth_states).values(expire_at=PAST))
    finally:
        engine.dispose()


def test_a_slow_token_exchange_offers_a_retry_that_installs(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    state, cookie, _ = start_install(web)
    stand_in.set_delay(STALL, method="oauth.v2.access")
    started = time.monotonic()
    status, headers, page = get(callback_url(web, code="code-T1SLOW", state=state), cookie=cookie)
    waited = time.monotonic() - started
    assert status == 503, page
    assert headers["Retry-After"] == "5"
    assert "Slack is slow to answer" in page
    assert waited < EXCHANGE_SECONDS + 2

    # Slack is quick again: the same link (same code, same state) finishes the installation.
    stand_in.set_delay(0, method="oauth.v2.access")
    stand_in.respond_with("oauth.v2.access", oauth_answer("T1SLOW", "xoxb-team-slow"), times=1)
    retry = f"{web.base_url}{retry_link(page)}"
    status, _, page = get(retry, cookie=cookie)
    assert status == 200, page
    assert "Medicon Bot is installed" in page
    exchanges = [c.body.get("code") for c in stand_in.calls("oauth.v2.access")]
    assert exchanges == ["code-T1SLOW", "code-T1SLOW"]
    dm = event_callback_body(message_im_event("cancer", team="T1SLOW"), team_id="T1SLOW")
    assert post_signed(web.events_url, dm, secret=SIGNING_SECRET)[0] == 200
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.token == "xoxb-team-slow"

    # Used once it worked: the link is spent now.
    status, _, page = get(retry, cookie=cookie)
    assert status == 401
    assert "expired" in page


def test_stalled_exchanges_leave_threads_for_slack_requests(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    assert EXCHANGES_AT_ONCE < THREADS
    install(web, stand_in, team_id="T2BUSY", token="xoxb-team-busy")
    links = [start_install(web) for _ in range(10)]
    stand_in.set_delay(STALL, method="oauth.v2.access")

    def installer(number: int) -> tuple[int, float]:
        state, cookie, _ = links[number]
        started = time.monotonic()
        status, _, _ = get(callback_url(web, code=f"stall-{number}", state=state), cookie=cookie)
        return status, time.monotonic() - started

    with ThreadPoolExecutor(max_workers=len(links)) as pool:
        futures = [pool.submit(installer, number) for number in range(len(links))]
        time.sleep(0.5)  # every installer is waiting on Slack or has been told to retry
        body = slash_command_body(
            "cancer", team_id="T2BUSY", response_url=stand_in.response_url("busy")
        )
        started = time.monotonic()
        status, _, answer = post_signed(web.events_url, body, secret=SIGNING_SECRET)
        answered_in = time.monotonic() - started
        results = [future.result(timeout=3 * STALL) for future in futures]
    assert status == 200
    assert b"Cancer" in answer
    assert answered_in < 2.0, answered_in
    assert {status for status, _ in results} == {503}
    assert max(waited for _, waited in results) < EXCHANGE_SECONDS + 2
    stalled = [c for c in stand_in.calls("oauth.v2.access") if c.body["code"].startswith("stall")]
    assert 1 <= len(stalled) <= WORKERS * EXCHANGES_AT_ONCE


def test_expired_states_are_deleted_when_states_are_used(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    for _ in range(10):
        start_install(web)
    expire_every_state(db_url)
    start_install(web)  # issuing a state deletes the expired ones
    assert state_rows(db_url) == 1

    for _ in range(5):
        start_install(web)
    expire_every_state(db_url)
    forged = callback_url(web, code="c", state="forged")
    status, _, _ = get(forged, cookie="slack-app-oauth-state=forged")
    assert status == 401
    assert state_rows(db_url) == 0  # spending (even a forged state) deletes them too
    assert stand_in.calls("oauth.v2.access") == []


def test_request_values_cannot_forge_log_lines(web: WebProcess, stand_in: SlackStandIn) -> None:
    state, cookie, _ = start_install(web)
    forged = "\n2026-12-07 09:00:00 FORGED installation succeeded"
    status, _, page = get(
        f"{web.base_url}/slack/oauth_redirect?{urlencode({'error': 'access_denied' + forged})}"
    )
    assert "did not finish" in page
    status, _, page = get(callback_url(web, code="c" + forged, state=state), cookie=cookie)
    assert status == 400
    assert "Slack did not accept the installation" in page
    assert stand_in.calls("oauth.v2.access") == []
    time.sleep(0.2)
    lines = web.log_text().splitlines()
    assert any("FORGED" in line for line in lines)
    assert not any(line.startswith("2026-12-07 09:00:00 FORGED") for line in lines)


def test_the_install_page_is_rate_limited(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    """Last in the module: it uses up this address's budget."""
    before = state_rows(db_url)
    answers = [get(f"{web.base_url}/slack/install") for _ in range(120)]
    served = [page for status, _, page in answers if status == 200]
    refused = [(headers, page) for status, headers, page in answers if status == 429]
    assert len(served) + len(refused) == len(answers)
    assert refused, "never limited"
    assert len(served) <= WORKERS * (30 + 10)  # the burst, and what refills meanwhile
    headers, page = refused[0]
    assert int(headers["Retry-After"]) >= 1
    assert headers["Content-Type"].startswith("text/html")
    assert "Please wait a minute" in page
    assert state_rows(db_url) - before == len(served)  # a refused visit stores nothing
