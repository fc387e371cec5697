"""A Danish and a Swedish user over Slack (issue 19), through Bolt's pipeline with signed
requests: they choose their language in the App Home, then a bare name on the slash command
and in an @mention, a question in a DM, the spotlight modal, a channel's spotlight in their
language (announced and posted by a real delivery pass), all in their language."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import SIGNING_SECRET
from tests.slack.test_home_language import _choose, send_event
from tests.slack.test_spotlight_commands import command
from tests.support.block_limits import limit_violations
from tests.support.cli import run_cli
from tests.support.signing import (
    app_mention_event,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

SAID: dict[str, dict[str, str]] = {
    "da": {
        "user": "U0DANE",
        "word": "dansk",
        "home": "Sådan spørger du",
        "card": "*Vært*",
        "dm": "hvem er vært for LUDC?",
        "dm_said": "er vært for",
        "modal": "Ugentlig spotlight",
        "announced": "har sat en ugentlig Medicon Valley-spotlight op her",
        "schedule": "hver onsdag kl. 10:00 (tid i UTC)",
        "post": "Medicon Valley-spotlight:",
        "footer": "Ugentlig spotlight",
    },
    "sv": {
        "user": "U0SWEDE",
        "word": "svenska",
        "home": "Så frågar du",
        "card": "*Värd*",
        "dm": "vem är värd för LUDC?",
        "dm_said": "är värd för",
        "modal": "Spotlight varje vecka",
        "announced": "har ställt in en Medicon Valley-spotlight varje vecka här",
        "schedule": "varje onsdag kl. 10:00 (tid i UTC)",
        "post": "Medicon Valley-spotlight:",
        "footer": "Spotlight varje vecka",
    },
}


def _slash(web: WebProcess, stand_in: SlackStandIn, text: str, user: str) -> dict[str, Any]:
    body = slash_command_body(text, user_id=user, response_url=stand_in.response_url("walk"))
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    answer: dict[str, Any] = json.loads(raw)
    return answer


@pytest.mark.parametrize("language", ["da", "sv"])
def test_a_person_who_chose_their_language_is_answered_in_it_everywhere(
    web: WebProcess, stand_in: SlackStandIn, web_environment: dict[str, str], language: str
) -> None:
    said = SAID[language]
    user = said["user"]
    _choose(web, language, user_id=user)
    (home,) = stand_in.wait_for("views.publish")
    assert said["home"] in json.dumps(home.json_field("view"), ensure_ascii=False)

    # The slash command: a bare name has no language, so the person's choice decides.
    answer = _slash(web, stand_in, "LUDC", user)
    assert said["card"] in json.dumps(answer["blocks"], ensure_ascii=False)
    assert limit_violations(answer) == []
    english = _slash(web, stand_in, "who hosts LUDC?", user)  # a question keeps its own
    assert "is hosted by" in english["text"]

    # A DM.
    send_event(web, message_im_event(said["dm"], user=user))
    (reply,) = stand_in.wait_for("chat.postMessage")
    assert said["dm_said"] in (reply.text or "")

    # An @mention of a bare name in a channel: the person's choice, as on the slash command.
    stand_in.clear()
    send_event(web, app_mention_event("LUDC", user=user, channel=f"C0MENTION{language.upper()}"))
    (mentioned,) = stand_in.wait_for("chat.postMessage")
    assert said["card"] in json.dumps(mentioned.blocks(), ensure_ascii=False)
    assert limit_violations({"text": mentioned.text, "blocks": mentioned.blocks()}) == []

    # The spotlight modal, opened by `/medicon subscribe` without a schedule.
    body = slash_command_body(
        "subscribe", user_id=user, channel_id="C0WALK", response_url=stand_in.response_url("m")
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (opened,) = stand_in.wait_for("views.open")
    assert opened.json_field("view")["title"]["text"] == said["modal"]

    # A channel's spotlight in the language typed with the schedule, announced and posted in it.
    channel = f"C0WALK{language.upper()}"
    typed = f"subscribe wednesday 10:00 UTC {said['word']}"
    announced = command(web, stand_in, typed, channel=channel).body["text"]
    assert said["announced"] in announced
    assert said["schedule"] in announced
    now = datetime.now(UTC)
    days_ahead = (2 - now.weekday()) % 7 or 7
    slot = (now + timedelta(days=days_ahead)).replace(hour=10, minute=0, second=0, microsecond=0)
    stand_in.clear()
    result = run_cli(
        web_environment, "spotlight", "run-due", "--now", (slot + timedelta(minutes=1)).isoformat()
    )
    assert result.returncode == 0, result.stderr
    (post,) = [call for call in stand_in.calls("chat.postMessage") if call.channel == channel]
    blocks = post.blocks()
    assert said["post"] in blocks[0]["text"]["text"]
    footer = next(block for block in blocks if block["type"] == "context")
    assert footer["elements"][0]["text"].startswith(said["footer"])
