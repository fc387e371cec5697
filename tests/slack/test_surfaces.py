"""Clicks and shortcuts through the real web process: the spotlight modal, the message and
global shortcuts, the type-ahead (options requests), link unfurls and the Messages tab welcome.

Every request is signed as Slack signs it; every answer is what the loopback stand-in received.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from tests.conftest import SIGNING_SECRET
from tests.support.block_limits import action_ids, header_text, limit_violations
from tests.support.in_process_web import settle
from tests.support.interactions import (
    block_suggestion,
    form,
    global_shortcut,
    link_shared_event,
    message_shortcut,
    modal_select,
    submitted_view,
)
from tests.support.signing import (
    app_home_opened_event,
    block_actions_body,
    event_callback_body,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


def send(web: WebProcess, body: bytes) -> tuple[int, bytes]:
    status, _, answer = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    return status, answer


def opened_view(stand_in: SlackStandIn, method: str = "views.open") -> dict[str, Any]:
    (call,) = stand_in.wait_for(method)
    view: dict[str, Any] = call.json_field("view")
    return view


def block(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [b for b in view["blocks"] if b.get("block_id") == block_id]
    (only,) = found
    return only


def spotlight_state(
    channel: str | None, day: str | None, at: str | None, zone: str | None
) -> dict[str, Any]:
    def pick(value: str | None) -> dict[str, Any] | None:
        return {"text": {"type": "plain_text", "text": value}, "value": value} if value else None

    return {
        "spotlight_channel": {
            "value": {"type": "conversations_select", "selected_conversation": channel}
        },
        "spotlight_weekday": {"value": {"type": "static_select", "selected_option": pick(day)}},
        "spotlight_time": {"value": {"type": "timepicker", "selected_time": at}},
        "spotlight_timezone": {"value": {"type": "static_select", "selected_option": pick(zone)}},
    }


# --- the spotlight settings modal ----------------------------------------------------------------


def test_subscribe_alone_opens_the_modal_then_preselects_the_users_timezone(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    stand_in.respond_with("users.info", {"ok": True, "user": {"id": "U123", "tz": "Asia/Tokyo"}})
    body = slash_command_body(
        "subscribe",
        channel_id="C0MODAL",
        trigger_id="12345.98765.abcdef",
        response_url=stand_in.response_url("subscribe"),
    )
    started = time.monotonic()
    status, answer = send(web, body)
    assert status == 200
    assert answer == b""
    assert time.monotonic() - started < 3
    view = opened_view(stand_in)
    (opened,) = stand_in.calls("views.open")
    assert opened.body["trigger_id"] == "12345.98765.abcdef"
    assert view["callback_id"] == "spotlight_settings"
    channel = block(view, "spotlight_channel")["element"]
    assert channel["type"] == "conversations_select"
    assert channel["initial_conversation"] == "C0MODAL"
    assert block(view, "spotlight_time")["element"]["type"] == "timepicker"
    zone = block(view, "spotlight_timezone")["element"]
    assert zone["initial_option"]["value"] == "Europe/Copenhagen"  # the app's default, at once
    assert len(zone["options"]) <= 100
    days = block(view, "spotlight_weekday")["element"]
    assert [o["text"]["text"] for o in days["options"]][:2] == ["Monday", "Tuesday"]

    (update,) = stand_in.wait_for("views.update")
    assert stand_in.calls("users.info")[0].body["user"] == "U123"
    shown = opened.response["view"]
    assert (update.body["view_id"], update.body["hash"]) == (shown["id"], shown["hash"])
    updated: dict[str, Any] = update.json_field("view")
    assert block(updated, "spotlight_timezone")["element"]["initial_option"]["value"] == (
        "Asia/Tokyo"
    )
    assert block(updated, "spotlight_channel")["element"]["initial_conversation"] == "C0MODAL"
    assert stand_in.calls("response:subscribe") == []


def test_a_slow_profile_does_not_hold_the_modal_back(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    stand_in.respond_with("users.info", {"ok": True, "user": {"id": "U123", "tz": "Asia/Tokyo"}})
    stand_in.set_delay(3.0, method="users.info")
    body = slash_command_body(
        "subscribe", channel_id="C0SLOW", response_url=stand_in.response_url("slow")
    )
    started = time.monotonic()
    assert send(web, body)[0] == 200
    (opened,) = stand_in.wait_for("views.open", timeout=2.0)
    assert opened.at - started < 1.0
    view: dict[str, Any] = opened.json_field("view")
    assert block(view, "spotlight_timezone")["element"]["initial_option"]["value"] == (
        "Europe/Copenhagen"
    )
    (update,) = stand_in.wait_for("views.update", timeout=8.0)
    assert update.at - started >= 2.5
    assert update.body["view_id"] == opened.response["view"]["id"]
    updated: dict[str, Any] = update.json_field("view")
    assert block(updated, "spotlight_timezone")["element"]["initial_option"]["value"] == (
        "Asia/Tokyo"
    )


def test_a_profile_slack_will_not_give_leaves_the_default_zone(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    stand_in.fail("users.info", error="missing_scope")
    body = slash_command_body(
        "subscribe", channel_id="C0NOSCOPE", response_url=stand_in.response_url("noscope")
    )
    assert send(web, body)[0] == 200
    view = opened_view(stand_in)
    assert block(view, "spotlight_timezone")["element"]["initial_option"]["value"] == (
        "Europe/Copenhagen"
    )
    stand_in.wait_for("users.info")
    settle(web, or_sleep=0.5)  # an update would have followed the profile
    assert stand_in.calls("views.update") == []
    assert stand_in.calls("response:noscope") == []


def test_submitting_the_modal_saves_and_announces_in_the_channel(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(
        web,
        slash_command_body(
            "subscribe", channel_id="C0MODAL2", response_url=stand_in.response_url("m")
        ),
    )
    view = opened_view(stand_in)
    state = spotlight_state("C0MODAL2", "3", "14:30", "Europe/Stockholm")
    status, answer = send(web, form(submitted_view(view, state)))
    assert status == 200
    assert answer == b""  # the modal closes
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.channel == "C0MODAL2"
    assert "<@U123> set up a weekly Medicon Valley spotlight here" in (post.text or "")
    assert "every Thursday at 14:30 Stockholm time" in (post.text or "")
    # The text grammar sees the same subscription, and offers the modal to change it.
    listing = slash_command_body(
        "subscriptions", channel_id="C0MODAL2", response_url=stand_in.response_url("list")
    )
    send(web, listing)
    (shown,) = stand_in.wait_for("response:list")
    assert "every Thursday at 14:30 Stockholm time" in shown.body["text"]
    assert "spotlight_setup" in action_ids(shown.blocks())


def test_bad_choices_are_shown_on_their_fields(web: WebProcess, stand_in: SlackStandIn) -> None:
    send(
        web,
        slash_command_body(
            "subscribe", channel_id="C0MODAL3", response_url=stand_in.response_url("m")
        ),
    )
    view = opened_view(stand_in)
    state = spotlight_state(None, "9", None, "Mars/Olympus_Mons")
    status, answer = send(web, form(submitted_view(view, state)))
    assert status == 200
    reply = json.loads(answer)
    assert reply["response_action"] == "errors"
    assert set(reply["errors"]) == {
        "spotlight_channel",
        "spotlight_weekday",
        "spotlight_time",
        "spotlight_timezone",
    }
    assert "Mars/Olympus_Mons" in reply["errors"]["spotlight_timezone"]
    settle(web, or_sleep=0.3)
    assert stand_in.calls("chat.postMessage") == []


def test_a_channel_the_bot_is_not_in_is_refused_on_the_channel_field(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(
        web,
        slash_command_body(
            "subscribe", channel_id="C0MODAL4", response_url=stand_in.response_url("m")
        ),
    )
    view = opened_view(stand_in)
    stand_in.fail("conversations.info", error="channel_not_found")
    state = spotlight_state("G0SECRET", "0", "09:00", "Europe/Copenhagen")
    reply = json.loads(send(web, form(submitted_view(view, state)))[1])
    assert reply["response_action"] == "errors"
    assert "invite me" in reply["errors"]["spotlight_channel"]


def test_the_home_button_opens_the_modal(web: WebProcess, stand_in: SlackStandIn) -> None:
    body = block_actions_body(
        "spotlight_setup", "setup", view={"id": "V0HOME", "type": "home"}, user_id="U55"
    )
    assert send(web, body)[0] == 200
    view = opened_view(stand_in)
    assert view["callback_id"] == "spotlight_settings"
    assert block(view, "spotlight_channel")["element"]["default_to_current_conversation"] is True


def test_the_text_grammar_still_subscribes(web: WebProcess, stand_in: SlackStandIn) -> None:
    body = slash_command_body(
        "subscribe wednesday 10:00",
        channel_id="C0TEXT",
        response_url=stand_in.response_url("text"),
    )
    send(web, body)
    (call,) = stand_in.wait_for("response:text")
    assert "every Wednesday at 10:00" in call.body["text"]
    assert stand_in.calls("views.open") == []


# --- the message shortcut -------------------------------------------------------------------------


def test_the_message_shortcut_lists_what_the_message_mentions(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    text = "Great talk from LUDC today, and DanStem on stem cells next week!"
    payload = message_shortcut("lookup_message", text, response_url=stand_in.response_url("look"))
    assert send(web, form(payload))[0] == 200
    (reply,) = stand_in.wait_for("response:look")
    assert reply.body["response_type"] == "ephemeral"
    assert "LUDC" in reply.body["text"]
    assert "DanStem" in reply.body["text"]
    assert {"open_centre:ludc", "open_centre:danstem", "open_field:stem-cells"} <= set(
        action_ids(reply.blocks())
    )


def test_the_message_shortcut_answers_a_question_that_names_nothing(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    payload = message_shortcut(
        "lookup_message", "what is Medicon Valley?", response_url=stand_in.response_url("ask")
    )
    send(web, form(payload))
    (reply,) = stand_in.wait_for("response:ask")
    assert reply.body["response_type"] == "ephemeral"
    assert "Medicon Valley is a life-science cluster" in reply.body["text"]


# --- the global shortcut, the type-ahead and sharing ----------------------------------------------


def test_the_search_shortcut_opens_a_type_ahead_modal(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    assert send(web, form(global_shortcut("search_medicon")))[0] == 200
    view = opened_view(stand_in)
    assert view["callback_id"] == "search_modal"
    element = block(view, "entry_search")["accessory"]
    assert element["type"] == "external_select"
    assert element["action_id"] == "entry_search"


def test_options_requests_are_answered_in_the_acknowledgement(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    status, answer = send(web, form(block_suggestion("entry_search", "lund")))
    assert status == 200
    options = json.loads(answer)["options"]
    values = [o["value"] for o in options]
    assert "centre:lund-stem-cell-center" in values
    assert all(len(o["text"]["text"]) <= 75 for o in options)
    everything = json.loads(send(web, form(block_suggestion("home_entry_search", "")))[1])
    assert 6 < len(everything["options"]) <= 100
    nothing = json.loads(send(web, form(block_suggestion("entry_search", "zzqx")))[1])
    assert nothing["options"] == []


def test_choosing_an_entry_shows_its_card_and_sharing_posts_it(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(web, form(global_shortcut("search_medicon")))
    opened = opened_view(stand_in)
    choice = modal_select(opened, "entry_search", "centre:ludc", block_id="entry_search")
    assert send(web, form(choice))[0] == 200
    (update,) = stand_in.wait_for("views.update")
    assert update.body["view_id"] == "V0MODAL"
    assert update.body["hash"]
    card: dict[str, Any] = update.json_field("view")
    assert "Lund University Diabetes Centre" in header_text(card["blocks"])
    assert card["submit"]["text"] == "Share in channel"
    assert action_ids(card["blocks"]) <= {"entry_search", "channel"}

    state = {"share_channel": {"channel": {"type": "conversations_select"}}}
    state["share_channel"]["channel"]["selected_conversation"] = "C0SHARE"
    assert send(web, form(submitted_view(card, state)))[1] == b""
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.channel == "C0SHARE"
    assert "Lund University Diabetes Centre" in header_text(post.blocks())
    assert "Shared by <@U123>" in json.dumps(post.blocks())


def test_sharing_where_the_bot_is_not_is_refused_on_the_field(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(web, form(global_shortcut("search_medicon")))
    opened = opened_view(stand_in)
    send(web, form(modal_select(opened, "entry_search", "field:cancer", block_id="entry_search")))
    card: dict[str, Any] = stand_in.wait_for("views.update")[0].json_field("view")
    stand_in.fail("conversations.info", error="channel_not_found")
    state = {"share_channel": {"channel": {"selected_conversation": "G0NOTIN"}}}
    reply = json.loads(send(web, form(submitted_view(card, state)))[1])
    assert reply == {
        "response_action": "errors",
        "errors": {"share_channel": reply["errors"]["share_channel"]},
    }
    assert "invite me" in reply["errors"]["share_channel"]


def test_the_app_home_uses_the_type_ahead(web: WebProcess, stand_in: SlackStandIn) -> None:
    send(web, event_callback_body(app_home_opened_event("U321")))
    home = opened_view(stand_in, "views.publish")
    menus = [
        b["accessory"]
        for b in home["blocks"]
        if b.get("accessory", {}).get("type") == "external_select"
    ]
    assert [m["action_id"] for m in menus] == ["home_entry_search"]
    assert "spotlight_setup" in action_ids(home["blocks"])
    stand_in.clear()
    choice = modal_select(home, "home_entry_search", "centre:danstem", block_id="x")
    send(web, form(choice))
    shown = opened_view(stand_in, "views.publish")
    assert "DanStem" in header_text(shown["blocks"])


# --- link unfurls ---------------------------------------------------------------------------------


def test_a_link_to_a_centres_website_is_unfurled_with_its_card(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    urls = ["https://www.ludc.lu.se/research/groups", "https://www.lunduniversity.lu.se/about"]
    event = link_shared_event(urls, channel="C0LINKS", ts="1764580000.000200")
    assert send(web, event_callback_body(event))[0] == 200
    (unfurl,) = stand_in.wait_for("chat.unfurl")
    assert unfurl.body["channel"] == "C0LINKS"
    assert unfurl.body["ts"] == "1764580000.000200"
    unfurls = unfurl.json_field("unfurls")
    assert list(unfurls) == [urls[0]]
    assert "Lund University Diabetes Centre" in unfurls[urls[0]]["blocks"][0]["text"]["text"]


def test_links_to_no_known_website_unfurl_nothing(web: WebProcess, stand_in: SlackStandIn) -> None:
    send(web, event_callback_body(link_shared_event(["https://www.au.dk/en/"])))
    settle(web, or_sleep=0.5)
    assert stand_in.calls("chat.unfurl") == []


# --- the Messages tab -----------------------------------------------------------------------------


def test_the_messages_tab_welcomes_once_and_its_buttons_answer(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    opened = event_callback_body(app_home_opened_event("U0NEW", channel="D0NEW", tab="messages"))
    send(web, opened)
    (welcome,) = stand_in.wait_for("chat.postMessage")
    assert welcome.channel == "D0NEW"
    buttons = [e for b in welcome.blocks() if b["type"] == "actions" for e in b["elements"]]
    assert len(buttons) == 3
    again = event_callback_body(app_home_opened_event("U0NEW", channel="D0NEW", tab="messages"))
    send(web, again)
    settle(web, or_sleep=0.5)
    assert len(stand_in.calls("chat.postMessage")) == 1
    stand_in.clear()
    click = block_actions_body(
        buttons[1]["action_id"],
        buttons[1]["value"],
        user_id="U0NEW",
        channel_id="D0NEW",
        response_url=stand_in.response_url("welcome"),
    )
    send(web, click)
    (answer,) = stand_in.wait_for("chat.postMessage")
    assert answer.channel == "D0NEW"
    assert "Lund" in (answer.text or "")


# --- tables ---------------------------------------------------------------------------------------


def test_stats_come_back_as_a_table_in_the_acknowledgement(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    status, answer = send(web, slash_command_body("stats", response_url=stand_in.response_url()))
    assert status == 200
    blocks = json.loads(answer)["blocks"]
    assert [b["type"] for b in blocks].count("table") == 1
    assert limit_violations({"text": "x", "blocks": blocks}) == []


def test_a_choice_overtaken_by_a_newer_one_is_no_error(
    web: WebProcess, stand_in: SlackStandIn, log: Path
) -> None:
    send(web, form(global_shortcut("search_medicon")))
    opened = opened_view(stand_in)
    stand_in.fail("views.update", error="hash_conflict")
    send(web, form(modal_select(opened, "entry_search", "centre:cbmr", block_id="entry_search")))
    stand_in.wait_for("views.update")
    settle(web, or_sleep=0.3)
    assert "hash_conflict" not in log.read_text(encoding="utf-8", errors="replace")
