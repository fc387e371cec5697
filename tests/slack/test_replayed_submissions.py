"""A captured, signed modal submission replayed within Slack's five-minute window acts once:
one suggestion stored and posted to the editors, one shared card, one spotlight saved and
announced; an older submission replayed later does not put its schedule back; a submission
refused on a field and then corrected (the same view) still goes through. Through the real web
process (two workers), replays sent at once, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select

from bot.answers.render.feedback_blocks import AnswerRef
from bot.storage.tables import spotlight_subscriptions, suggestions
from tests.conftest import SIGNING_SECRET
from tests.support.interactions import (
    form,
    global_shortcut,
    modal_select,
    submitted_view,
    typed_state,
)
from tests.support.signing import (
    block_actions_body,
    post,
    post_signed,
    signed_headers,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def web(web_process: WebProcess) -> WebProcess:
    """The real web process: replays sent at once race across its two workers."""
    return web_process


REPLAYS = 40
EDITORS_CHANNEL = "C0EDITORS"


@pytest.fixture(scope="module")
def db_url(module_database_url: str) -> str:
    return module_database_url


@pytest.fixture(scope="module")
def web_environment(editors_web_environment: dict[str, str]) -> dict[str, str]:
    return editors_web_environment


def replay(web: WebProcess, payload: dict[str, Any], times: int = REPLAYS) -> list[bytes]:
    """Send one signed submission ``times`` times, eight at once, byte for byte the same."""
    body = form(payload)
    headers = signed_headers(body, SIGNING_SECRET)
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: post(web.events_url, body, headers), range(times)))
    assert {status for status, _, _ in answers} == {200}
    return [raw for _, _, raw in answers]


def rows(db_url: str, table: Any) -> int:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def posts_settle(stand_in: SlackStandIn) -> list[Any]:
    """The posts once Bolt's lazy listeners have had time to make any more."""
    time.sleep(1.0)
    return stand_in.calls("chat.postMessage")


def opened(stand_in: SlackStandIn, method: str = "views.open") -> dict[str, Any]:
    (call,) = stand_in.wait_for(method)
    view: dict[str, Any] = call.json_field("view")
    return view


def test_a_replayed_suggestion_is_stored_and_posted_once(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    body = block_actions_body(
        "suggest_addition",
        AnswerRef("who does crispr on mars?", None, "dm").encode(),
        channel_id="D123",
        response_url=stand_in.response_url("suggest"),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    view = opened(stand_in)
    assert view["callback_id"] == "suggest_addition_form"
    before = rows(db_url, suggestions)
    typed = {"suggest_what": "CRISPR groups in Lund", "suggest_url": "https://www.lu.se/crispr"}
    answers = replay(web, submitted_view(view, typed_state(view, typed)))
    assert set(answers) == {b""}  # every copy closes the modal
    (post_call,) = posts_settle(stand_in)
    assert post_call.channel == EDITORS_CHANNEL
    assert rows(db_url, suggestions) - before == 1


def test_a_replayed_share_posts_once_and_a_corrected_one_still_does(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    post_signed(web.events_url, form(global_shortcut("search_medicon")), secret=SIGNING_SECRET)
    search = opened(stand_in)
    choice = modal_select(search, "entry_search", "centre:ludc", block_id="entry_search")
    assert post_signed(web.events_url, form(choice), secret=SIGNING_SECRET)[0] == 200
    card = opened(stand_in, "views.update")
    state = {"share_channel": {"channel": {"selected_conversation": "C0SHARE"}}}
    payload = submitted_view(card, state)

    # First refused (the bot is not in the channel yet), then the same view submitted again.
    stand_in.fail("conversations.info", error="channel_not_found")
    refused = json.loads(post_signed(web.events_url, form(payload), secret=SIGNING_SECRET)[2])
    assert refused["response_action"] == "errors"
    assert posts_settle(stand_in) == []

    replay(web, payload)
    (shared,) = posts_settle(stand_in)
    assert shared.channel == "C0SHARE"
    assert "Shared by <@U123>" in json.dumps(shared.blocks())


def spotlight_state(channel: str, weekday: str, at: str) -> dict[str, Any]:
    """What the spotlight modal's inputs hold when submitted (as tests/slack/test_surfaces.py)."""

    def pick(value: str) -> dict[str, Any]:
        return {"text": {"type": "plain_text", "text": value}, "value": value}

    return {
        "spotlight_channel": {
            "value": {"type": "conversations_select", "selected_conversation": channel}
        },
        "spotlight_weekday": {"value": {"type": "static_select", "selected_option": pick(weekday)}},
        "spotlight_time": {"value": {"type": "timepicker", "selected_time": at}},
        "spotlight_timezone": {
            "value": {"type": "static_select", "selected_option": pick("Europe/Copenhagen")}
        },
    }


def slash_body(
    channel: str, stand_in: SlackStandIn, *, text: str = "subscribe", name: str = "m"
) -> bytes:
    return slash_command_body(text, channel_id=channel, response_url=stand_in.response_url(name))


def test_replayed_spotlight_settings_are_saved_and_announced_once(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    command = slash_body("C0REPLAY", stand_in)
    assert post_signed(web.events_url, command, secret=SIGNING_SECRET)[0] == 200
    view = opened(stand_in)
    thursday = submitted_view(view, spotlight_state("C0REPLAY", "3", "14:30"))
    friday = submitted_view(view, spotlight_state("C0REPLAY", "4", "09:00"))
    before = rows(db_url, spotlight_subscriptions)

    replay(web, thursday)
    (announced,) = posts_settle(stand_in)
    assert "every Thursday at 14:30" in (announced.text or "")
    assert rows(db_url, spotlight_subscriptions) - before == 1

    stand_in.clear()
    replay(web, friday, times=1)
    (changed,) = posts_settle(stand_in)
    assert "every Friday at 09:00" in (changed.text or "")

    stand_in.clear()
    replay(web, thursday)  # an attacker's old capture: nothing changes
    assert posts_settle(stand_in) == []
    listing = slash_body("C0REPLAY", stand_in, text="subscriptions", name="list")
    post_signed(web.events_url, listing, secret=SIGNING_SECRET)
    (shown,) = stand_in.wait_for("response:list")
    assert "every Friday at 09:00" in shown.body["text"]
