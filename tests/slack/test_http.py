"""The Slack app over HTTP: signed requests, Slack's Web API played by a loopback stand-in, and
assertions on what users would see. Most go to the web app served in this process; /healthz, one
slash command, one DM and a retry racing over two workers go through the real web process
(gunicorn, two workers) as well."""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qs, urlencode

from tests.conftest import SIGNING_SECRET
from tests.support.block_limits import action_ids, header_text, limit_violations
from tests.support.in_process_web import settle
from tests.support.signing import (
    app_home_opened_event,
    app_mention_event,
    block_actions_body,
    event_callback_body,
    message_im_event,
    post,
    post_signed,
    signed_headers,
    slash_command_body,
    url_verification_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


def slash(web: WebProcess, stand_in: SlackStandIn, text: str) -> tuple[int, dict[str, Any], float]:
    body = slash_command_body(text, response_url=stand_in.response_url("command"))
    started = time.perf_counter()
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    elapsed = time.perf_counter() - started
    return status, json.loads(raw) if raw else {}, elapsed


def send_event(web: WebProcess, event: dict[str, Any], **kwargs: Any) -> int:
    status, _, _ = post_signed(
        web.events_url, event_callback_body(event, **kwargs), secret=SIGNING_SECRET
    )
    return status


def assert_quiet(web: object, stand_in: SlackStandIn, seconds: float = 0.5) -> None:
    """Nothing a user could see reaches Slack once the listeners the requests started have
    finished (in process), or within ``seconds`` (through the real process).

    auth.test is Bolt asking who the bot is, once per worker: not a reply.
    """
    settle(web, or_sleep=seconds)
    replies = [call for call in stand_in.calls() if call.method != "auth.test"]
    assert replies == [], [call.describe() for call in replies]


# --- health and set-up -----------------------------------------------------------------------


def test_healthz_reports_knowledge_base_and_database(web_process: WebProcess) -> None:
    status, body = web_process.health()
    assert status == 200
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["knowledge_base"]["fields"] == 6


def test_url_verification_echoes_the_challenge(web: WebProcess, stand_in: SlackStandIn) -> None:
    status, _, raw = post_signed(
        web.events_url, url_verification_body("chal-123"), secret=SIGNING_SECRET
    )
    assert status == 200
    assert b"chal-123" in raw


# --- /medicon --------------------------------------------------------------------------------


def test_slash_command_answers_ephemerally_with_a_share_button(
    web_process: WebProcess, stand_in: SlackStandIn
) -> None:
    status, payload, elapsed = slash(web_process, stand_in, "cancer")
    assert status == 200
    assert elapsed < 3
    assert payload["response_type"] == "ephemeral"
    assert "Cancer" in header_text(payload["blocks"])
    assert "share_answer" in action_ids(payload["blocks"])
    assert limit_violations(payload) == []


def test_slash_command_alone_gives_the_help_card(web: WebProcess, stand_in: SlackStandIn) -> None:
    _, payload, _ = slash(web, stand_in, "")
    assert "Medicon Bot" in header_text(payload["blocks"])
    assert "/medicon centres diabetes" in json.dumps(payload)


def test_slash_command_typo_and_local_words(web: WebProcess, stand_in: SlackStandIn) -> None:
    _, typo, _ = slash(web, stand_in, "diabetis")
    assert "Closest match to ‘diabetis’" in json.dumps(typo, ensure_ascii=False)
    _, danish, _ = slash(web, stand_in, "kræft")
    assert "Cancer" in header_text(danish["blocks"])


def shown(payload: Any) -> Any:
    """The payload without button values, which Slack never displays."""
    if isinstance(payload, dict):
        return {key: shown(value) for key, value in payload.items() if key != "value"}
    if isinstance(payload, list):
        return [shown(item) for item in payload]
    return payload


def test_slash_command_never_echoes_a_ping(web: WebProcess, stand_in: SlackStandIn) -> None:
    _, payload, _ = slash(web, stand_in, "<!channel> <!here> <!everyone>")
    dumped = json.dumps(shown(payload))
    assert "<!" not in dumped
    assert "&lt;!channel&gt;" in dumped


# --- request checks --------------------------------------------------------------------------


def test_bad_stale_and_missing_signatures_are_refused(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    body = slash_command_body("cancer", response_url=stand_in.response_url())
    wrong = post_signed(web.events_url, body, secret="not-the-secret")[0]
    stale = post_signed(
        web.events_url, body, secret=SIGNING_SECRET, timestamp=int(time.time()) - 600
    )[0]
    unsigned = post(web.events_url, body, {"Content-Type": "application/x-www-form-urlencoded"})[0]
    assert (wrong, stale, unsigned) == (401, 401, 401)
    event = event_callback_body(message_im_event("LUDC"))
    assert post_signed(web.events_url, event, secret="nope")[0] == 401
    assert_quiet(web, stand_in)


def test_oversized_malformed_and_wrong_method_requests_get_4xx(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    huge = b'{"type": "event_callback", "pad": "' + b"x" * 200_000 + b'"}'
    assert post_signed(web.events_url, huge, secret=SIGNING_SECRET)[0] == 413
    garbage = b"{not json at all"
    assert 400 <= post_signed(web.events_url, garbage, secret=SIGNING_SECRET)[0] < 500
    headers = signed_headers(b"", SIGNING_SECRET)
    assert post(web.events_url, b"", headers)[0] == 400
    assert_quiet(web, stand_in)


# --- DMs and mentions ------------------------------------------------------------------------


def test_a_dm_gets_the_answer_in_the_dm(web_process: WebProcess, stand_in: SlackStandIn) -> None:
    assert send_event(web_process, message_im_event("LUDC", channel="D777")) == 200
    (call,) = stand_in.wait_for("chat.postMessage")
    assert call.channel == "D777"
    assert "Lund University Diabetes Centre" in header_text(call.blocks())
    assert call.token is not None
    assert call.token.startswith("xoxb-")


def test_a_greeting_gets_an_introduction(web: WebProcess, stand_in: SlackStandIn) -> None:
    send_event(web, message_im_event("Hej med dig!"))
    (call,) = stand_in.wait_for("chat.postMessage")
    assert "Jeg er Medicon Bot" in (call.text or "")  # Danish words: a Danish introduction


def test_a_free_text_question_in_a_dm(web: WebProcess, stand_in: SlackStandIn) -> None:
    send_event(web, message_im_event("who does diabetes research in Lund?"))
    (call,) = stand_in.wait_for("chat.postMessage")
    assert "Lund University Diabetes Centre" in json.dumps(call.blocks())


def test_a_mention_is_answered_in_a_thread(web: WebProcess, stand_in: SlackStandIn) -> None:
    event = app_mention_event("<@U0BOT> stem cells", channel="C555", ts="1700000123.000100")
    send_event(web, event)
    (call,) = stand_in.wait_for("chat.postMessage")
    assert call.channel == "C555"
    assert call.body["thread_ts"] == "1700000123.000100"
    assert "Stem" in header_text(call.blocks())


def test_bots_edits_deletions_and_itself_get_no_reply(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    from_bot = {**message_im_event("cancer"), "bot_id": "B999", "subtype": "bot_message"}
    from_itself = message_im_event("cancer", user="U0BOT")
    edited = {
        **message_im_event("cancer"),
        "subtype": "message_changed",
        "message": {"type": "message", "user": "U123", "text": "cancer", "ts": "1.2"},
    }
    deleted = {**message_im_event("cancer"), "subtype": "message_deleted"}
    for event in (from_bot, from_itself, edited, deleted):
        assert send_event(web, event) == 200
    assert_quiet(web, stand_in)


def test_unused_events_get_a_200_and_nothing_else(web: WebProcess, stand_in: SlackStandIn) -> None:
    events: list[dict[str, Any]] = [
        {"type": "tokens_revoked", "tokens": {"bot": ["U0BOT"]}, "event_ts": "1.1"},
        {"type": "app_uninstalled", "event_ts": "1.1"},
        {"type": "reaction_added", "user": "U1", "reaction": "tada", "event_ts": "1.1"},
    ]  # the Messages tab opening is used now: tests/slack/test_surfaces.py
    assert [send_event(web, event) for event in events] == [200, 200, 200]
    assert_quiet(web, stand_in)


def test_a_retried_event_is_answered_once_across_workers(
    web_process: WebProcess, stand_in: SlackStandIn
) -> None:
    event_id = f"Ev{uuid.uuid4().hex[:10].upper()}"
    body = event_callback_body(message_im_event("CBMR"), event_id=event_id)

    def deliver(retry: int) -> int:
        retry_num = retry if retry else None
        return post_signed(
            web_process.events_url, body, secret=SIGNING_SECRET, retry_num=retry_num
        )[0]

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(deliver, range(12)))
    assert statuses == [200] * 12
    stand_in.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(stand_in.calls("chat.postMessage")) == 1


def test_rate_limited_replies_are_retried(web: WebProcess, stand_in: SlackStandIn) -> None:
    stand_in.rate_limit("chat.postMessage", retry_after=0, times=1)
    send_event(web, message_im_event("WNC"))
    calls = stand_in.wait_for("chat.postMessage", count=2)
    assert [call.status for call in calls] == [429, 200]


def test_an_unexpected_failure_tells_the_user_briefly(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    # The answer fails three times (first try and both retries); the apology then gets through.
    stand_in.server_error("chat.postMessage", status=500, times=3)
    send_event(web, message_im_event("CINS"))
    calls = stand_in.wait_for("chat.postMessage", count=4, timeout=15)
    assert [call.status for call in calls[:4]] == [500, 500, 500, 200]
    assert "something went wrong" in (calls[3].text or "")


# --- App Home and buttons --------------------------------------------------------------------


def test_app_home_shows_fields_with_numbers_and_buttons(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send_event(web, app_home_opened_event("U42"))
    (call,) = stand_in.wait_for("views.publish")
    assert call.body["user_id"] == "U42"
    view = call.json_field("view")
    assert view["type"] == "home"
    ids = action_ids(view["blocks"])
    assert {"open_field:cancer", "open_field:microbiome", "home_entry_search"} <= ids
    assert "more than 25 organisations" in json.dumps(view)


def test_a_button_in_the_home_tab_opens_the_field_there(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    body = block_actions_body(
        "open_field:neuroscience", "neuroscience", user_id="U42", view={"id": "V1", "type": "home"}
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (call,) = stand_in.wait_for("views.publish")
    view = call.json_field("view")
    assert "Neuroscience" in header_text(view["blocks"])
    assert "home_back" in action_ids(view["blocks"])
    back = block_actions_body("home_back", "home", user_id="U42", view={"id": "V1", "type": "home"})
    post_signed(web.events_url, back, secret=SIGNING_SECRET)
    calls = stand_in.wait_for("views.publish", count=2)
    assert header_text(calls[1].json_field("view")["blocks"]) == "Medicon Bot"


def test_the_old_centre_select_still_opens_a_centre(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    """Homes published before the type-ahead still have the static menu."""
    raw = block_actions_body(
        "open_centre_select", "", user_id="U42", view={"id": "V1", "type": "home"}
    )
    payload = json.loads(parse_qs(raw.decode())["payload"][0])
    action = payload["actions"][0]
    action.pop("value", None)
    action["type"] = "static_select"
    action["selected_option"] = {"text": {"type": "plain_text", "text": "LUDC"}, "value": "ludc"}
    encoded = urlencode({"payload": json.dumps(payload)}).encode()
    assert post_signed(web.events_url, encoded, secret=SIGNING_SECRET)[0] == 200
    (call,) = stand_in.wait_for("views.publish")
    assert "LUDC" in header_text(call.json_field("view")["blocks"])


def test_a_centre_button_in_an_ephemeral_answer_replaces_it(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    body = block_actions_body(
        "open_centre:ludc",
        "ludc",
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url("answer"),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (call,) = stand_in.wait_for("response:answer")
    assert call.body["replace_original"] is True
    assert "LUDC" in header_text(call.blocks())
    assert "share_answer" in action_ids(call.blocks())


def test_a_button_under_a_dm_answer_shows_the_clicker_the_entry(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    body = block_actions_body(
        "open_field:microbiome",
        "microbiome",
        channel_id="D123",
        response_url=stand_in.response_url("dm"),
    )
    post_signed(web.events_url, body, secret=SIGNING_SECRET)
    (call,) = stand_in.wait_for("response:dm")
    assert call.body["replace_original"] is False
    assert call.body["response_type"] == "ephemeral"
    assert "Microbiome" in header_text(call.blocks())


def test_share_posts_the_answer_for_everyone_with_attribution(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    body = block_actions_body(
        "share_answer",
        "LUDC",
        user_id="U777",
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url("share"),
    )
    post_signed(web.events_url, body, secret=SIGNING_SECRET)
    shared, removed = stand_in.wait_for("response:share", count=2)
    assert shared.body["response_type"] == "in_channel"
    assert "LUDC" in header_text(shared.blocks())
    assert "Shared by <@U777>" in json.dumps(shared.blocks())
    assert removed.body["delete_original"] is True
