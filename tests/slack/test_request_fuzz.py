"""Property-based fuzzing of the real web process: random and mutated bodies, content types and
headers, signed and unsigned.

Whatever arrives, the answer is never a 5xx; an unverified request never makes the bot call
Slack or a response_url; and no request, verified or not, makes it POST to a host that is not
Slack's.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.support.in_process_web import settle
from tests.support.signing import (
    FORM_CONTENT_TYPE,
    JSON_CONTENT_TYPE,
    app_mention_event,
    block_actions_body,
    event_callback_body,
    post,
    sign,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

FUZZ = settings(
    max_examples=250,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
"""Bounded: a few hundred requests per property, a few seconds each on two cores."""


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[SlackStandIn]:
    """A loopback server that is not Slack; the bodies below name it as their response_url."""
    with SlackStandIn(scopes=BOT_SCOPES) as server:
        yield server


def _seeds(elsewhere_url: str) -> list[bytes]:
    return [
        slash_command_body("cancer", response_url=elsewhere_url),
        event_callback_body(app_mention_event("<@U0BOT> cancer", channel="C42")),
        block_actions_body("share_answer", "cancer", channel_id="C42", response_url=elsewhere_url),
    ]


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "type",
                    "event",
                    "team",
                    "user",
                    "channel",
                    "actions",
                    "view",
                    "payload",
                    "command",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


def _form(value: Any) -> bytes:
    return urlencode({"payload": json.dumps(value)}).encode()


@st.composite
def _mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["replace", "insert", "delete", "truncate"]))
        byte = draw(st.integers(0, 255))
        if action == "replace" and data:
            data[position] = byte
        elif action == "insert":
            data.insert(position, byte)
        elif action == "delete" and data:
            del data[position]
        elif action == "truncate":
            del data[position:]
    return bytes(data)


def _bodies(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(
        st.binary(max_size=400),
        st.text(max_size=200).map(str.encode),
        _json_values.map(lambda value: json.dumps(value).encode()),
        _json_values.map(_form),
        st.sampled_from(seeds).flatmap(_mutated),
        st.sampled_from([b"[" * 5000, b"{" * 5000, b"payload=" + b"%5B" * 3000]),
    )


_content_types = st.sampled_from(
    [JSON_CONTENT_TYPE, FORM_CONTENT_TYPE, "text/plain", "", "multipart/form-data; boundary=x"]
) | st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30)
_header_text = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=126)
    | st.characters(min_codepoint=160, max_codepoint=255),
    max_size=80,
)
"""Header values an HTTP server accepts (it refuses control characters itself, with a 400)."""


@st.composite
def _forged(draw: st.DrawFn, body: bytes) -> dict[str, str]:
    """Headers that do not carry a valid signature of ``body``."""
    now = int(time.time())
    choice = draw(st.sampled_from(["none", "random", "stale", "wrong secret"]))
    if choice == "none":
        return {}
    if choice == "random":
        return {
            "X-Slack-Request-Timestamp": draw(_header_text),
            "X-Slack-Signature": draw(_header_text),
        }
    if choice == "stale":
        return sign(body, SIGNING_SECRET, now - draw(st.integers(301, 10**6)))
    return sign(body, "a-guessed-secret", now)


def test_unverified_requests_never_act_and_never_fail(
    web: WebProcess, stand_in: SlackStandIn, elsewhere: SlackStandIn
) -> None:
    seeds = _seeds(elsewhere.response_url("fuzz"))

    @FUZZ
    @given(data=st.data())
    def unverified(data: st.DataObject) -> None:
        body = data.draw(_bodies(seeds))
        headers = {"Content-Type": data.draw(_content_types), **data.draw(_forged(body))}
        status = post(web.events_url, body, headers)[0]
        assert status in {401, 413}, (status, body[:200], headers)

    elsewhere.reset()
    unverified()
    settle(web, or_sleep=0.5)  # anything the app had wrongly started has reached Slack
    assert [call.method for call in stand_in.calls() if call.method != "auth.test"] == []
    assert elsewhere.calls() == []
    assert "Traceback" not in web.log_text()


def test_signed_requests_never_fail_and_never_post_elsewhere(
    web: WebProcess, stand_in: SlackStandIn, elsewhere: SlackStandIn
) -> None:
    seeds = _seeds(elsewhere.response_url("fuzz"))

    @FUZZ
    @given(data=st.data())
    def signed(data: st.DataObject) -> None:
        body = data.draw(_bodies(seeds))
        headers = {"Content-Type": data.draw(_content_types), **sign(body, SIGNING_SECRET)}
        status = post(web.events_url, body, headers)[0]
        assert status < 500, (status, body[:200], headers)

    elsewhere.reset()
    signed()
    settle(web, or_sleep=0.5)
    assert elsewhere.calls() == []
    assert "Traceback" not in web.log_text()
