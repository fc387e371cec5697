"""The Slack stand-in answers slack_sdk like Slack does, and the signing helpers sign like Slack."""

from __future__ import annotations

import json
import time
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.support.signing import (
    block_actions_body,
    event_callback_body,
    message_im_event,
    post,
    sign,
    signed_headers,
    slash_command_body,
)
from tests.support.slack_stand_in import RateLimits, SlackStandIn

BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Cancer* research"}}]


def client_for(stand_in: SlackStandIn, **options: object) -> WebClient:
    return WebClient(base_url=stand_in.api_url, token="xoxb-test", **options)  # type: ignore[arg-type]


def test_a_posted_message_is_recorded_with_text_blocks_and_token(
    slack_stand_in: SlackStandIn,
) -> None:
    response = client_for(slack_stand_in).chat_postMessage(
        channel="C123", text="Cancer research", blocks=BLOCKS
    )

    (call,) = slack_stand_in.wait_for("chat.postMessage")
    assert call.token == "xoxb-test"
    assert call.text == "Cancer research"
    assert call.channel == "C123"
    assert call.blocks() == BLOCKS
    assert response["ok"] is True
    assert response["channel"] == "C123"
    assert response["message"]["blocks"] == BLOCKS
    assert response["ts"] == call.response["ts"]


def test_timestamps_are_unique_and_increasing(slack_stand_in: SlackStandIn) -> None:
    client = client_for(slack_stand_in)
    stamps = [client.chat_postMessage(channel="C123", text=str(n))["ts"] for n in range(3)]
    assert stamps == sorted(stamps, key=float)
    assert len(set(stamps)) == 3
    assert stamps[0] == "1700000000.000100"


def test_form_encoded_blocks_are_decoded_by_the_helper(slack_stand_in: SlackStandIn) -> None:
    client_for(slack_stand_in).api_call(
        "chat.postEphemeral",
        data={"channel": "C123", "user": "U123", "text": "hi", "blocks": json.dumps(BLOCKS)},
    )
    (call,) = slack_stand_in.calls("chat.postEphemeral")
    assert isinstance(call.body["blocks"], str)
    assert call.blocks() == BLOCKS
    assert call.response["message_ts"]


def test_default_answers_look_like_slacks(slack_stand_in: SlackStandIn) -> None:
    client = client_for(slack_stand_in)
    assert client.auth_test()["user_id"] == "U0BOT"
    assert client.conversations_info(channel="C9")["channel"]["is_member"] is True
    view = client.views_publish(user_id="U123", view={"type": "home", "blocks": BLOCKS})["view"]
    assert view["id"].startswith("V")
    assert view["blocks"] == BLOCKS
    assert client.reactions_add(channel="C1", name="x", timestamp="1.2")["ok"] is True
    oauth = WebClient(base_url=slack_stand_in.api_url).oauth_v2_access(
        client_id="1.2", client_secret="s", code="c"
    )
    assert oauth["access_token"].startswith("xoxb-stand-in-")
    assert "chat:write" in oauth["scope"].split(",")


def test_a_call_without_a_token_is_not_authed(slack_stand_in: SlackStandIn) -> None:
    with pytest.raises(SlackApiError) as caught:
        WebClient(base_url=slack_stand_in.api_url).chat_postMessage(channel="C1", text="x")
    assert caught.value.response["error"] == "not_authed"


def test_a_scripted_failure_surfaces_as_a_slack_api_error(slack_stand_in: SlackStandIn) -> None:
    slack_stand_in.fail("chat.postMessage", "not_in_channel")
    client = client_for(slack_stand_in)

    with pytest.raises(SlackApiError) as caught:
        client.chat_postMessage(channel="C123", text="hello")
    assert caught.value.response["error"] == "not_in_channel"
    assert client.chat_postMessage(channel="C123", text="again")["ok"] is True
    assert [c.status for c in slack_stand_in.calls("chat.postMessage")] == [200, 200]
    assert [c.response["ok"] for c in slack_stand_in.calls("chat.postMessage")] == [False, True]


def test_a_rate_limit_is_a_429_with_retry_after(slack_stand_in: SlackStandIn) -> None:
    slack_stand_in.rate_limit("chat.postMessage", retry_after=7)
    status, headers, body = post(
        slack_stand_in.api_url + "chat.postMessage",
        b'{"channel": "C1", "text": "x"}',
        {"Content-Type": "application/json", "Authorization": "Bearer xoxb-test"},
    )
    assert status == 429
    assert headers["retry-after"] == "7"
    assert json.loads(body) == {"ok": False, "error": "ratelimited"}


def test_slack_sdk_retries_a_rate_limit_and_then_succeeds(slack_stand_in: SlackStandIn) -> None:
    slack_stand_in.rate_limit("chat.postMessage", retry_after=0)
    client = client_for(slack_stand_in, retry_handlers=[RateLimitErrorRetryHandler(1)])

    response = client.chat_postMessage(channel="C123", text="hello")

    assert response["ok"] is True
    calls = slack_stand_in.wait_for("chat.postMessage", count=2)
    assert [c.status for c in calls] == [429, 200]


def test_a_server_error_and_a_permanent_override(slack_stand_in: SlackStandIn) -> None:
    slack_stand_in.server_error("conversations.info", status=503)
    slack_stand_in.respond_with(
        "conversations.info", lambda call: {"ok": True, "channel": {"id": call.channel}}
    )
    client = client_for(slack_stand_in)

    with pytest.raises(SlackApiError) as caught:
        client.conversations_info(channel="C1")
    assert caught.value.response.status_code == 503
    assert client.conversations_info(channel="C2")["channel"] == {"id": "C2"}
    assert client.conversations_info(channel="C3")["channel"] == {"id": "C3"}


def test_response_urls_answer_ok_in_plain_text(slack_stand_in: SlackStandIn) -> None:
    response = WebhookClient(slack_stand_in.response_url("cmd")).send(
        text="Cancer", response_type="ephemeral", replace_original=False
    )
    assert (response.status_code, response.body) == (200, "ok")
    (call,) = slack_stand_in.wait_for("response:cmd")
    assert call.text == "Cancer"
    assert call.body["response_type"] == "ephemeral"
    assert call.token is None


def test_a_delay_holds_every_answer(slack_stand_in: SlackStandIn) -> None:
    slack_stand_in.set_delay(0.05)
    started = time.monotonic()
    client_for(slack_stand_in).auth_test()
    assert time.monotonic() - started >= 0.05


def test_wait_for_times_out_with_what_did_arrive(slack_stand_in: SlackStandIn) -> None:
    client_for(slack_stand_in).chat_postMessage(channel="C123", text="only one")
    with pytest.raises(AssertionError) as caught:
        slack_stand_in.wait_for("chat.postMessage", count=2, timeout=0.1)
    message = str(caught.value)
    assert "expected 2 call(s) to chat.postMessage within 0.1 s, got 1" in message
    assert "chat.postMessage(channel='C123', text='only one') -> 200" in message


def test_clear_forgets_calls(slack_stand_in: SlackStandIn) -> None:
    client_for(slack_stand_in).auth_test()
    slack_stand_in.clear()
    assert slack_stand_in.calls() == []


def test_the_signature_is_the_one_slack_sdk_verifies() -> None:
    body = slash_command_body("fields", response_url="http://127.0.0.1:1/response/x")
    headers = sign(body, "secret", timestamp=int(time.time()))
    verifier = SignatureVerifier("secret")
    assert verifier.is_valid_request(body, headers)
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    assert (
        sign(b"x", "s", timestamp=1)["X-Slack-Signature"] == sign(b"x", "s", 1)["X-Slack-Signature"]
    )


def test_payload_builders_have_slacks_shapes() -> None:
    form = parse_qs(
        slash_command_body("stats", response_url="http://127.0.0.1:1/response/r").decode()
    )
    assert form["command"] == ["/medicon"]
    assert form["text"] == ["stats"]
    assert {"trigger_id", "api_app_id", "team_domain", "user_name"} <= form.keys()

    envelope = json.loads(event_callback_body(message_im_event("hi")))
    assert envelope["type"] == "event_callback"
    assert envelope["event"]["channel_type"] == "im"
    assert envelope["authorizations"][0]["user_id"] == "U0BOT"

    action_body = block_actions_body("share", "cancer", channel_id="C123")
    payload = json.loads(parse_qs(action_body.decode())["payload"][0])
    assert payload["container"]["type"] == "message"
    assert payload["actions"][0]["value"] == "cancer"
    assert signed_headers(action_body, "s")["Content-Type"] == "application/x-www-form-urlencoded"


def test_post_returns_error_statuses_and_refuses_other_hosts(slack_stand_in: SlackStandIn) -> None:
    status, _, body = post(slack_stand_in.base_url + "/nowhere", b"", {})
    assert (status, body) == (404, b"not found")
    with pytest.raises(ValueError, match="only post to"):
        post("https://slack.com/api/auth.test", b"", {})


def test_the_rate_model_answers_429_above_the_workspace_budget(no_proxy_env: None) -> None:
    limits = RateLimits(posts_per_minute=600, workspace_burst=2, channel_per_second=100)
    with SlackStandIn(rate_limits=limits) as stand_in:
        client = client_for(stand_in)
        client.chat_postMessage(channel="C1", text="1")
        client.chat_postMessage(channel="C2", text="2")
        with pytest.raises(SlackApiError) as caught:
            client.chat_postMessage(channel="C3", text="3")  # the burst of 2 is spent
        assert caught.value.response.status_code == 429
        assert caught.value.response.headers["retry-after"] == "1"  # whole seconds, at least 1
        time.sleep(0.11)  # 10 a second: one token back
        assert client.chat_postMessage(channel="C3", text="3")["ok"] is True
        other = WebClient(base_url=stand_in.api_url, token="xoxb-other-workspace")
        assert other.chat_postMessage(channel="C4", text="4")["ok"] is True  # its own budget
    assert [c.status for c in stand_in.calls("chat.postMessage")] == [200, 200, 429, 200, 200]


def test_the_rate_model_allows_one_post_a_second_per_channel(no_proxy_env: None) -> None:
    with SlackStandIn(rate_limits=RateLimits(posts_per_minute=6000)) as stand_in:
        client = client_for(stand_in)
        client.chat_postMessage(channel="C1", text="first")
        with pytest.raises(SlackApiError) as caught:
            client.chat_postMessage(channel="C1", text="too soon")
        assert caught.value.response.status_code == 429
        assert client.chat_postMessage(channel="C2", text="another channel")["ok"] is True
        stand_in.set_rate_limits(None)
        assert client.chat_postMessage(channel="C1", text="no model")["ok"] is True


def test_history_returns_what_was_posted_with_its_metadata(no_proxy_env: None) -> None:
    metadata = {"event_type": "medicon_spotlight", "event_payload": {"subscription_id": 1}}
    with SlackStandIn(keep_history=True) as stand_in:
        client = client_for(stand_in)
        first = client.chat_postMessage(channel="C1", text="one", metadata=metadata)["ts"]
        second = client.chat_postMessage(channel="C1", text="two")["ts"]
        client.chat_postMessage(channel="C2", text="elsewhere")

        page = client.conversations_history(channel="C1", include_all_metadata=True, limit=1)
        assert [m["ts"] for m in page["messages"]] == [second]
        cursor = page["response_metadata"]["next_cursor"]
        rest = client.conversations_history(
            channel="C1", include_all_metadata=True, limit=1, cursor=cursor
        )
        assert [m["ts"] for m in rest["messages"]] == [first]
        assert rest["messages"][0]["metadata"] == metadata
        assert rest["has_more"] is False
        plain = client.conversations_history(channel="C1")["messages"]
        assert "metadata" not in plain[1]
        assert [m["text"] for m in stand_in.history("C1")] == ["one", "two"]


def test_history_can_be_rate_limited_like_new_non_marketplace_installs(
    no_proxy_env: None,
) -> None:
    with SlackStandIn(keep_history=True, rate_limits=RateLimits(history_per_minute=1)) as stand_in:
        client = client_for(stand_in)
        assert client.conversations_history(channel="C1")["ok"] is True
        with pytest.raises(SlackApiError) as caught:
            client.conversations_history(channel="C1")
        assert caught.value.response.status_code == 429
        assert int(caught.value.response.headers["retry-after"]) >= 59
