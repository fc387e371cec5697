"""The App Home's language choice, as Slack sends it: remembered per person, and the home, the
cards it opens and the buttons under them in that language."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlencode

import pytest

from bot.knowledge import EntryRef, KnowledgeBase, default_data_dir, load_knowledge_base
from bot.slack.views.home import home_view
from tests.conftest import SIGNING_SECRET
from tests.support.block_limits import header_text, limit_violations
from tests.support.signing import (
    app_home_opened_event,
    app_mention_event,
    block_actions_body,
    channel_message_event,
    event_callback_body,
    message_im_event,
    post_signed,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

HOME = {"id": "V1", "type": "home"}


def send_event(web: WebProcess, event: dict[str, Any]) -> None:
    post_signed(web.events_url, event_callback_body(event), secret=SIGNING_SECRET)


def _choose(web: WebProcess, language: str, *, user_id: str = "U42") -> None:
    raw = block_actions_body("home_language", "", user_id=user_id, view=HOME)
    payload = json.loads(parse_qs(raw.decode())["payload"][0])
    action = payload["actions"][0]
    action.pop("value", None)
    action["type"] = "static_select"
    action["selected_option"] = {"text": {"type": "plain_text", "text": "x"}, "value": language}
    encoded = urlencode({"payload": json.dumps(payload)}).encode()
    assert post_signed(web.events_url, encoded, secret=SIGNING_SECRET)[0] == 200


def test_choosing_dansk_shows_the_home_in_danish_and_keeps_it(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send_event(web, app_home_opened_event("U42"))
    (first,) = stand_in.wait_for("views.publish")
    assert "How to ask" in json.dumps(first.json_field("view"), ensure_ascii=False)
    _choose(web, "da")
    calls = stand_in.wait_for("views.publish", count=2)
    danish = json.dumps(calls[1].json_field("view"), ensure_ascii=False)
    assert "Sådan spørger du" in danish
    assert '"value": "da"' in danish  # the select shows the choice
    send_event(web, app_home_opened_event("U42"))
    calls = stand_in.wait_for("views.publish", count=3)
    assert "Sådan spørger du" in json.dumps(calls[2].json_field("view"), ensure_ascii=False)
    opened = block_actions_body("open_centre:ludc", "ludc", user_id="U42", view=HOME)
    post_signed(web.events_url, opened, secret=SIGNING_SECRET)
    calls = stand_in.wait_for("views.publish", count=4)
    card = calls[3].json_field("view")
    assert "LUDC" in header_text(card["blocks"])
    said = json.dumps(card, ensure_ascii=False)
    assert "*Vært*" in said
    assert "← Alle felter" in said


def test_automatic_forgets_the_choice_and_others_keep_english(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    _choose(web, "sv")
    (swedish,) = stand_in.wait_for("views.publish")
    assert "Så frågar du" in json.dumps(swedish.json_field("view"), ensure_ascii=False)
    _choose(web, "auto")
    stand_in.wait_for("views.publish", count=2)
    send_event(web, app_home_opened_event("U7"))
    calls = stand_in.wait_for("views.publish", count=3)
    for call in calls[1:]:
        assert "How to ask" in json.dumps(call.json_field("view"), ensure_ascii=False)


def test_a_bare_name_in_a_dm_follows_the_choice_and_a_question_its_own_language(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    _choose(web, "sv", user_id="U123")
    stand_in.wait_for("views.publish")
    send_event(web, message_im_event("LUDC", user="U123"))
    (card,) = stand_in.wait_for("chat.postMessage")
    assert "*Värd*" in json.dumps(card.blocks(), ensure_ascii=False)
    send_event(web, message_im_event("who hosts LUDC?", user="U123"))
    calls = stand_in.wait_for("chat.postMessage", count=2)
    assert "is hosted by" in (calls[1].text or "")


def test_a_bare_name_in_a_thread_follows_the_choice_too(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    """After the bot answered in a channel thread, a bare name typed there is answered in the
    person's chosen language, as in a DM or a mention."""
    _choose(web, "sv", user_id="U321")
    stand_in.wait_for("views.publish")
    mention = app_mention_event("who hosts LUDC?", user="U321", channel="C0LANG")
    send_event(web, mention)
    (first,) = stand_in.wait_for("chat.postMessage")
    assert "is hosted by" in (first.text or "")
    send_event(
        web, channel_message_event("CBMR?", user="U321", channel="C0LANG", thread_ts=mention["ts"])
    )
    calls = stand_in.wait_for("chat.postMessage", count=2)
    assert calls[1].body["thread_ts"] == mention["ts"]
    assert "*Värd*" in json.dumps(calls[1].blocks(), ensure_ascii=False)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(default_data_dir())


@pytest.mark.parametrize("language", ["en", "da", "sv"])
def test_the_home_in_each_language_stays_within_slack_limits(
    kb: KnowledgeBase, language: str
) -> None:
    chosen = None if language == "en" else language
    for showing in (None, EntryRef("centre", "ludc"), EntryRef("field", "cancer")):
        view = home_view(kb, showing=showing, language=chosen)
        assert view["type"] == "home"
        problems = limit_violations({"text": "home", "blocks": view["blocks"]})
        assert problems == [], (language, showing)
    overview = json.dumps(home_view(kb, language=chosen), ensure_ascii=False)
    expected = {"en": "How to ask", "da": "Sådan spørger du", "sv": "Så frågar du"}[language]
    assert expected in overview
