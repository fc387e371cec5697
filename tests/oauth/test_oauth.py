"""Multi-workspace mode end to end, on SQLite and PostgreSQL: "Add to Slack" through the real web
process and the Slack stand-in (oauth.v2.access), state checks, two workspaces each answered
and spotlighted with their own token, and uninstall clean-up followed by a reinstall."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, text

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.support.in_process_web import settle
from tests.support.oauth_flow import CLIENT_ID, get, install, run_due, start_install
from tests.support.signing import (
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


def dm(web: WebProcess, text: str, *, team_id: str) -> None:
    body = event_callback_body(message_im_event(text, team=team_id), team_id=team_id)
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200


def test_install_page_offers_add_to_slack_with_a_state(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    state, cookie, query = start_install(web)
    assert state
    assert cookie.startswith("slack-app-oauth-state=")
    assert query["client_id"] == [CLIENT_ID]
    assert set(query["scope"][0].split(",")) == set(BOT_SCOPES)
    _, _, page = get(f"{web.base_url}/slack/install")
    assert "Add Medicon Bot to your workspace" in page
    assert ">Add to Slack</a>" in page


def test_round_trip_installs_and_answers_with_that_workspace_token(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    page = install(web, stand_in, team_id="T1ALPHA", token="xoxb-team-alpha")
    assert "Medicon Bot is installed" in page
    assert "Workspace T1ALPHA" in page
    dm(web, "LUDC", team_id="T1ALPHA")
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.token == "xoxb-team-alpha"


def test_two_workspaces_each_get_their_own_token(web: WebProcess, stand_in: SlackStandIn) -> None:
    install(web, stand_in, team_id="T2BETA", token="xoxb-team-beta")
    install(web, stand_in, team_id="T3GAMMA", token="xoxb-team-gamma")
    dm(web, "cancer", team_id="T2BETA")
    dm(web, "diabetes", team_id="T3GAMMA")
    posts = stand_in.wait_for("chat.postMessage", count=2)
    tokens = {post.token: post.text for post in posts}
    assert set(tokens) == {"xoxb-team-beta", "xoxb-team-gamma"}
    assert "Cancer" in (tokens["xoxb-team-beta"] or "")
    assert "Diabetes" in (tokens["xoxb-team-gamma"] or "")


def test_a_workspace_that_never_installed_gets_nothing(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    dm(web, "cancer", team_id="T9NOBODY")
    with pytest.raises(AssertionError):
        stand_in.wait_for("chat.postMessage", timeout=1)


@pytest.mark.parametrize(
    ("make_query", "cookie_kind", "expected"),
    [
        (
            lambda state: {"error": "access_denied", "state": state},
            "right",
            "Installation cancelled",
        ),
        (lambda state: {"code": "c", "state": state}, "none", "start again from the install page"),
        (lambda state: {"code": "c", "state": "forged"}, "forged", "This install link has expired"),
    ],
)
def test_cancelled_or_forged_installs_show_a_clear_page(
    web: WebProcess,
    stand_in: SlackStandIn,
    make_query: Any,
    cookie_kind: str,
    expected: str,
) -> None:
    state, cookie, _ = start_install(web)
    cookies = {"right": cookie, "none": None, "forged": "slack-app-oauth-state=forged"}
    status, _, page = get(
        f"{web.base_url}/slack/oauth_redirect?{urlencode(make_query(state))}",
        cookie=cookies[cookie_kind],
    )
    assert 400 <= status < 500 or expected == "Installation cancelled"
    assert expected.casefold() in page.casefold()
    assert stand_in.calls("oauth.v2.access") == []


def test_an_expired_state_is_refused(web: WebProcess, stand_in: SlackStandIn, db_url: str) -> None:
    state, cookie, _ = start_install(web)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE slack_oauth_states SET expire_at = :past WHERE state = :state"),
            {"past": datetime(2000, 1, 1), "state": state},
        )
    engine.dispose()
    query = urlencode({"code": "late", "state": state})
    status, _, page = get(f"{web.base_url}/slack/oauth_redirect?{query}", cookie=cookie)
    assert status >= 400
    assert "expired" in page
    assert stand_in.calls("oauth.v2.access") == []


def subscribe(web: WebProcess, stand_in: SlackStandIn, *, team_id: str, channel: str) -> None:
    body = slash_command_body(
        "subscribe thursday 07:00 UTC",
        team_id=team_id,
        channel_id=channel,
        response_url=stand_in.response_url(channel),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for(f"response:{channel}")
    assert reply.body["response_type"] == "in_channel", reply.body


def test_spotlights_use_each_workspace_token_and_stop_after_uninstall(
    web: WebProcess, stand_in: SlackStandIn, environment: dict[str, str]
) -> None:
    install(web, stand_in, team_id="T4DELTA", token="xoxb-team-delta")
    install(web, stand_in, team_id="T5EPSILON", token="xoxb-team-epsilon")
    subscribe(web, stand_in, team_id="T4DELTA", channel="C4DELTA")
    subscribe(web, stand_in, team_id="T5EPSILON", channel="C5EPSILON")
    now = datetime.now(UTC)
    thursday = now + timedelta(days=(3 - now.weekday()) % 7 or 7)
    slot = thursday.replace(hour=7, minute=0, second=0, microsecond=0) + timedelta(minutes=1)

    # Uninstall the first workspace before the slot: its installation and subscription go.
    uninstall = event_callback_body(
        {"type": "app_uninstalled", "event_ts": "1700000000.000100"}, team_id="T4DELTA"
    )
    assert post_signed(web.events_url, uninstall, secret=SIGNING_SECRET)[0] == 200
    stand_in.clear()
    run_due(environment, slot)
    posts = {call.channel: call.token for call in stand_in.calls("chat.postMessage")}
    assert posts == {"C5EPSILON": "xoxb-team-epsilon"}

    dm(web, "cancer", team_id="T4DELTA")  # nothing answers in the uninstalled workspace
    settle(web, or_sleep=0.5)
    assert [c for c in stand_in.calls("chat.postMessage") if c.token == "xoxb-team-delta"] == []

    # Reinstalling works, and a new subscription is delivered with the new token.
    stand_in.clear()
    install(web, stand_in, team_id="T4DELTA", token="xoxb-team-delta-2")
    subscribe(web, stand_in, team_id="T4DELTA", channel="C4DELTA")
    run_due(environment, slot + timedelta(days=7))
    posts = {call.channel: call.token for call in stand_in.calls("chat.postMessage")}
    assert posts["C4DELTA"] == "xoxb-team-delta-2"


def test_tokens_revoked_forgets_the_workspace(web: WebProcess, stand_in: SlackStandIn) -> None:
    install(web, stand_in, team_id="T6ZETA", token="xoxb-team-zeta")
    revoked = event_callback_body(
        {"type": "tokens_revoked", "tokens": {"bot": ["UBT6ZETA"]}, "event_ts": "1.2"},
        team_id="T6ZETA",
    )
    assert post_signed(web.events_url, revoked, secret=SIGNING_SECRET)[0] == 200
    stand_in.clear()
    dm(web, "cancer", team_id="T6ZETA")
    with pytest.raises(AssertionError):
        stand_in.wait_for("chat.postMessage", timeout=1)
