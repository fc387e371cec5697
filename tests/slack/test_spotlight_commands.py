"""`/medicon subscribe|subscriptions|unsubscribe` over HTTP, the App Home's list, and a real
`medicon-bot spotlight run-due` pass delivering to the subscribed channel: the installed
executable in a process of its own, the one end-to-end test of the command (others call it in
process, :mod:`tests.support.cli`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.conftest import SIGNING_SECRET
from tests.support.signing import (
    app_home_opened_event,
    event_callback_body,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import Call, SlackStandIn
from tests.support.web_process import WebProcess, clean_environment

EXECUTABLE = Path(sys.executable).parent / "medicon-bot"


def command(web: WebProcess, stand_in: SlackStandIn, text: str, *, channel: str) -> Call:
    """Send `/medicon <text>` in ``channel``; return what the bot sent to the response_url."""
    name = f"cmd-{channel}-{len(stand_in.calls())}"
    body = slash_command_body(text, channel_id=channel, response_url=stand_in.response_url(name))
    status, _, _ = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    (call,) = stand_in.wait_for(f"response:{name}")
    return call


def test_subscribe_answers_with_the_next_delivery_in_words(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    call = command(web, stand_in, "subscribe monday 09:00", channel="C0SPOT1")
    assert call.body["response_type"] == "in_channel"
    text = call.body["text"]
    assert "<@U123> set up a weekly Medicon Valley spotlight here" in text
    assert "every Monday at 09:00 Copenhagen time" in text
    assert "Next spotlight: Monday" in text
    assert "09:00 Copenhagen time" in text.splitlines()[-1]


def test_a_bad_schedule_gets_a_friendly_correction(web: WebProcess, stand_in: SlackStandIn) -> None:
    call = command(web, stand_in, "subscribe funday 25:99", channel="C0SPOT2")
    assert call.body["response_type"] == "ephemeral"
    assert "/medicon subscribe monday 09:00 Europe/Copenhagen" in call.body["text"]


def test_a_channel_the_bot_is_not_in_gets_an_invitation_hint(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    stand_in.fail("conversations.info", error="channel_not_found")
    call = command(web, stand_in, "subscribe monday", channel="G0PRIVATE")
    assert "invite me first" in call.body["text"]
    assert call.body["response_type"] == "ephemeral"


def test_subscriptions_shows_the_schedule_and_unsubscribe_stops_it(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    command(web, stand_in, "subscribe friday 14:30 Europe/Stockholm", channel="C0SPOT3")
    shown = command(web, stand_in, "subscriptions", channel="C0SPOT3").body["text"]
    assert "every Friday at 14:30 Stockholm time" in shown
    assert "No spotlight posted here yet." in shown
    stopped = command(web, stand_in, "unsubscribe", channel="C0SPOT3")
    assert stopped.body["response_type"] == "in_channel"
    after = command(web, stand_in, "subscriptions", channel="C0SPOT3").body["text"]
    assert "has no weekly spotlight" in after


def test_the_app_home_lists_the_users_spotlights(web: WebProcess, stand_in: SlackStandIn) -> None:
    command(web, stand_in, "subscribe tuesday 08:15", channel="C0SPOT4")
    body = event_callback_body(app_home_opened_event("U123"))
    post_signed(web.events_url, body, secret=SIGNING_SECRET)
    (call,) = stand_in.wait_for("views.publish")
    view: dict[str, Any] = call.json_field("view")
    text = str(view["blocks"])
    assert "Your weekly spotlights" in text
    assert "<#C0SPOT4>" in text
    assert "every Tuesday at 08:15 Copenhagen time" in text


def test_run_due_delivers_to_the_subscribed_channel_once(
    web: WebProcess, stand_in: SlackStandIn, web_environment: dict[str, str]
) -> None:
    command(web, stand_in, "subscribe wednesday 10:00 UTC", channel="C0SPOT5")
    now = datetime.now(UTC)
    days_ahead = (2 - now.weekday()) % 7 or 7
    slot = (now + timedelta(days=days_ahead)).replace(hour=10, minute=0, second=0, microsecond=0)
    stand_in.clear()
    env = clean_environment(**web_environment)
    for _ in range(2):  # a second pass at the same instant must not post again
        result = subprocess.run(
            [
                str(EXECUTABLE),
                "spotlight",
                "run-due",
                "--now",
                (slot + timedelta(minutes=1)).isoformat(),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    posts = [call for call in stand_in.calls("chat.postMessage") if call.channel == "C0SPOT5"]
    assert len(posts) == 1
    assert "Medicon Valley spotlight" in (posts[0].text or "")
