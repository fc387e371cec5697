"""Events that come without an ``event_id`` are still answered once: the claim is keyed on what
identifies the event (its message id, or channel and timestamp). Through the real web process,
with the redeliveries spread over both workers."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.conftest import SIGNING_SECRET
from tests.support.signing import (
    app_mention_event,
    event_callback_body,
    message_im_event,
    post_signed,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def web(web_process: WebProcess) -> WebProcess:
    """The real web process: redeliveries are spread over its two workers."""
    return web_process


def without_event_id(event: dict[str, Any]) -> bytes:
    envelope = json.loads(event_callback_body(event))
    del envelope["event_id"]
    return json.dumps(envelope).encode()


def deliver_many_times(web: WebProcess, body: bytes, times: int = 10) -> list[int]:
    def deliver(retry: int) -> int:
        retry_num = retry if retry else None
        return post_signed(web.events_url, body, secret=SIGNING_SECRET, retry_num=retry_num)[0]

    with ThreadPoolExecutor(max_workers=5) as pool:
        return list(pool.map(deliver, range(times)))


def test_a_dm_without_an_event_id_is_answered_once(web: WebProcess, stand_in: SlackStandIn) -> None:
    body = without_event_id(message_im_event("CBMR"))
    assert deliver_many_times(web, body) == [200] * 10
    stand_in.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(stand_in.calls("chat.postMessage")) == 1


def test_a_mention_without_an_event_id_or_message_id_is_answered_once(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    event = app_mention_event("LUDC", channel="C0NOID")
    del event["client_msg_id"]
    assert deliver_many_times(web, without_event_id(event)) == [200] * 10
    (reply,) = stand_in.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(stand_in.calls("chat.postMessage")) == 1
    assert reply.channel == "C0NOID"


def test_different_messages_without_event_ids_are_each_answered(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    for text in ("cancer", "diabetes", "LUDC"):
        body = without_event_id(message_im_event(text))
        assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    assert len(stand_in.wait_for("chat.postMessage", count=3)) == 3
