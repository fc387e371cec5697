"""The request edge, as an attacker and a careless client would meet it: the real web process
(gunicorn, two workers) must act only on verified requests and never answer with a 5xx.

Every unverified request gets a 401 with nothing done for it: no Web API call, no POST to the
response_url it names, no database write. Signed but unreadable requests get a 400, oversized
ones a 413, and well-formed requests no listener handles a 200.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, func, select

from bot.slack.surface import BOT_SCOPES
from bot.storage.tables import slack_events
from tests.conftest import SIGNING_SECRET
from tests.slack.test_http import assert_quiet
from tests.support.in_process_web import settle
from tests.support.signing import (
    FORM_CONTENT_TYPE,
    JSON_CONTENT_TYPE,
    app_mention_event,
    block_actions_body,
    event_callback_body,
    message_im_event,
    post,
    post_signed,
    sign,
    signed_headers,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[SlackStandIn]:
    """A second loopback server that is not Slack: nothing may ever be sent to it."""
    with SlackStandIn(scopes=BOT_SCOPES) as server:
        yield server


@pytest.fixture
def other_host(elsewhere: SlackStandIn) -> Iterator[SlackStandIn]:
    elsewhere.reset()
    yield elsewhere
    assert elsewhere.calls() == [], [call.describe() for call in elsewhere.calls()]


def stored_events(web_environment: dict[str, str]) -> int:
    engine = create_engine(web_environment["DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(slack_events)).one()[0])
    finally:
        engine.dispose()


def bodies(stand_in: SlackStandIn) -> dict[str, bytes]:
    """One request of each kind that would make the bot act if it were verified."""
    return {
        "event": event_callback_body(app_mention_event("<@U0BOT> cancer", channel="C42")),
        "slash command": slash_command_body("cancer", response_url=stand_in.response_url("cmd")),
        "button": block_actions_body(
            "share_answer", "cancer", channel_id="C42", response_url=stand_in.response_url("btn")
        ),
    }


def forged_headers(body: bytes, case: str) -> dict[str, str]:
    """Headers whose signature check must fail, one way per ``case``."""
    now = int(time.time())
    good = sign(body, SIGNING_SECRET, now)
    content_type = JSON_CONTENT_TYPE if body.startswith(b"{") else FORM_CONTENT_TYPE
    headers = {"Content-Type": content_type}
    timestamp, signature = good["X-Slack-Request-Timestamp"], good["X-Slack-Signature"]
    cases: dict[str, tuple[str | None, str | None]] = {
        "letters for a timestamp": ("x", "v0=1"),
        "empty timestamp": ("", signature),
        "fractional timestamp": (f"{now}.5", signature),
        "two timestamps": (f"{now}, {now}", signature),
        "non-ASCII signature": (timestamp, "v0=é"),
        "missing signature": (timestamp, None),
        "missing timestamp": (None, signature),
        "stale": (str(now - 301), sign(body, SIGNING_SECRET, now - 301)["X-Slack-Signature"]),
        "far future": (str(now + 400), sign(body, SIGNING_SECRET, now + 400)["X-Slack-Signature"]),
        "wrong secret": (timestamp, sign(body, "not-the-secret", now)["X-Slack-Signature"]),
        "signature of another body": (
            timestamp,
            sign(body + b"x", SIGNING_SECRET, now)["X-Slack-Signature"],
        ),
    }
    ts, sig = cases[case]
    if ts is not None:
        headers["X-Slack-Request-Timestamp"] = ts
    if sig is not None:
        headers["X-Slack-Signature"] = sig
    return headers


FORGERIES = (
    "letters for a timestamp",
    "empty timestamp",
    "fractional timestamp",
    "two timestamps",
    "non-ASCII signature",
    "missing signature",
    "missing timestamp",
    "stale",
    "far future",
    "wrong secret",
    "signature of another body",
)


@pytest.mark.parametrize("surface", ["event", "slash command", "button"])
@pytest.mark.parametrize("case", FORGERIES)
def test_an_unverified_request_gets_401_and_nothing_happens(
    web: WebProcess,
    stand_in: SlackStandIn,
    web_environment: dict[str, str],
    surface: str,
    case: str,
) -> None:
    events_before = stored_events(web_environment)
    body = bodies(stand_in)[surface]
    status, _, answer = post(web.events_url, body, forged_headers(body, case))
    assert status == 401
    assert b"cancer" not in answer.lower()
    assert_quiet(web, stand_in, seconds=0.3)
    assert stored_events(web_environment) == events_before


def test_refusals_are_one_short_line_without_the_body(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    marker = "forged-marker-7f3a"
    body = event_callback_body(app_mention_event(f"<@U0BOT> {marker}", channel="C42"))
    before = web.log_text()
    assert post(web.events_url, body, forged_headers(body, "letters for a timestamp"))[0] == 401
    settle(web, or_sleep=0.2)
    added = web.log_text()[len(before) :]
    refusals = [line for line in added.splitlines() if "unverified request" in line]
    assert len(refusals) == 1
    assert "malformed timestamp" in refusals[0]
    assert marker not in added
    assert "Traceback" not in added


def test_a_verified_request_still_works(web: WebProcess, stand_in: SlackStandIn) -> None:
    """The control: the same slash command, signed, is answered."""
    body = bodies(stand_in)["slash command"]
    status, _, answer = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    assert "Cancer" in json.loads(answer)["text"]


def test_bolts_internal_headers_from_a_client_are_ignored(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    """Slack signs the body, not the headers: a client's "run only this lazy function" header
    must not change what a signed request does."""
    body = event_callback_body(message_im_event("LUDC"))
    headers = {
        **signed_headers(body, SIGNING_SECRET),
        "X-Slack-Bolt-Lazy-Only": "1",
        "X-Slack-Bolt-Lazy-Function-Name": "no_such_function",
    }
    assert post(web.events_url, body, headers)[0] == 200
    (reply,) = stand_in.wait_for("chat.postMessage")
    assert "Lund University Diabetes Centre" in str(reply.blocks())


# --- never a 5xx ------------------------------------------------------------------------------


def test_odd_bodies_get_4xx_never_5xx(web: WebProcess, stand_in: SlackStandIn) -> None:
    form = {"Content-Type": FORM_CONTENT_TYPE}
    plain = {"Content-Type": "text/plain"}
    cases: list[tuple[str, bytes, dict[str, str], bool, int]] = [
        ("signed form body starting with {", b"{command=/medicon&text=x", form, True, 400),
        ("unsigned JSON with a numeric channel", b'{"channel": 1}', {}, False, 401),
        ("unsigned deep nesting", b"[" * 60000, form, False, 401),
        ("signed deep nesting", b"[" * 60000, {"Content-Type": JSON_CONTENT_TYPE}, True, 400),
        ("signed deep nesting in a payload", b"payload=" + b"%5B" * 20000, form, True, 400),
        ("signed payload that is a list", b"a=1&payload=%5B%5D", form, True, 400),
        ("signed text/plain {x", b"{x", plain, True, 400),
        ("signed invalid UTF-8", b"text=\xff\xfe", form, True, 400),
        ("signed empty body", b"", form, True, 400),
        ("signed JSON list", b"[1, 2]", {"Content-Type": JSON_CONTENT_TYPE}, True, 400),
    ]
    for name, body, headers, signed, expected in cases:
        all_headers = {**headers, **(sign(body, SIGNING_SECRET) if signed else {})}
        status = post(web.events_url, body, all_headers)[0]
        assert status == expected, name
    assert_quiet(web, stand_in, seconds=0.3)
    assert "Traceback" not in web.log_text()


def _event_envelope(**fields: Any) -> bytes:
    envelope = json.loads(event_callback_body(message_im_event("hello")))
    envelope.update(fields)
    return json.dumps({key: value for key, value in envelope.items() if value is not ...}).encode()


def _payload(**fields: Any) -> bytes:
    return urlencode({"payload": json.dumps(fields)}).encode()


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("an event callback without an event", _event_envelope(event=...)),
        ("an event that is a list", _event_envelope(event=[1, 2])),
        ("a channel that is a number", _event_envelope(event={"type": "message", "channel": 1})),
        ("authorizations that are strings", _event_envelope(authorizations=["x"])),
        ("a team that is a number", _event_envelope(team_id=7)),
        ("actions that are not a list", _payload(type="block_actions", actions="share")),
        ("actions that are numbers", _payload(type="block_actions", actions=[1])),
        ("a user that is a list", _payload(type="block_actions", user=[], actions=[])),
        ("a payload without a type", _payload(actions=[])),
        ("a view without a type", _payload(type="view_submission", view={"id": "V1"})),
        ("a view submission without a view", _payload(type="view_submission")),
        ("an empty payload object", _payload()),
    ],
)
def test_signed_but_odd_requests_get_200_or_400(
    web: WebProcess, stand_in: SlackStandIn, other_host: SlackStandIn, name: str, body: bytes
) -> None:
    status = post_signed(web.events_url, body, secret=SIGNING_SECRET)[0]
    assert status in {200, 400}, name
    assert "Traceback" not in web.log_text()


def test_a_response_url_that_is_not_slacks_is_never_posted_to(
    web: WebProcess, stand_in: SlackStandIn, other_host: SlackStandIn
) -> None:
    for body in (
        slash_command_body("subscribe", response_url=other_host.response_url("ssrf")),
        block_actions_body(
            "share_answer", "cancer", channel_id="C42", response_url=other_host.response_url()
        ),
        slash_command_body("cancer", response_url="https://hooks.slack.com.evil.example/x"),
    ):
        assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 400
    assert_quiet(web, stand_in, seconds=0.5)


# --- requests nobody listens for ----------------------------------------------------------------


def test_app_rate_limited_gets_200_and_a_warning(web: WebProcess, stand_in: SlackStandIn) -> None:
    body = json.dumps(
        {
            "token": "x",
            "type": "app_rate_limited",
            "team_id": "T0STANDIN",
            "minute_rate_limited": 1518467820,
            "api_app_id": "A0STANDIN",
        }
    ).encode()
    before = web.log_text()
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    settle(web, or_sleep=0.2)
    added = web.log_text()[len(before) :]
    assert "WARNING" in added
    assert "rate-limiting" in added
    assert_quiet(web, stand_in, seconds=0.2)


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "block_actions", "actions": [{"action_id": "no_such_button", "value": "x"}]},
        {"type": "shortcut", "callback_id": "no_such_shortcut", "trigger_id": "1.2.3"},
        {"type": "message_action", "callback_id": "no_such_shortcut", "trigger_id": "1.2.3"},
        {"type": "view_submission", "view": {"id": "V1", "type": "modal", "callback_id": "no"}},
        {"type": "view_closed", "view": {"id": "V1", "type": "modal", "callback_id": "no"}},
        {"type": "block_suggestion", "action_id": "no_such_menu", "value": "can"},
    ],
    ids=lambda payload: str(payload["type"]),
)
def test_interactions_no_listener_handles_get_200(
    web: WebProcess, stand_in: SlackStandIn, payload: dict[str, Any]
) -> None:
    full = {
        **payload,
        "user": {"id": "U123", "team_id": "T0STANDIN"},
        "team": {"id": "T0STANDIN", "domain": "standin"},
        "api_app_id": "A0STANDIN",
    }
    body = urlencode({"payload": json.dumps(full)}).encode()
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    assert_quiet(web, stand_in, seconds=0.2)


# --- one workspace -----------------------------------------------------------------------------


def test_requests_from_another_workspace_are_ignored(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    other = "T0OTHERTEAM"
    dm = event_callback_body(message_im_event("cancer"), team_id=other)
    assert post_signed(web.events_url, dm, secret=SIGNING_SECRET)[0] == 200
    command = slash_command_body(
        "cancer", response_url=stand_in.response_url("other"), team_id=other
    )
    status, _, answer = post_signed(web.events_url, command, secret=SIGNING_SECRET)
    assert status == 200
    assert b"Cancer" not in answer
    assert_quiet(web, stand_in, seconds=0.6)
    # The same DM from this workspace is answered: the filter is about the team, nothing else.
    ours = event_callback_body(message_im_event("cancer"))
    assert post_signed(web.events_url, ours, secret=SIGNING_SECRET)[0] == 200
    assert stand_in.wait_for("chat.postMessage")
