"""The editors' loop through the real web process: vote on answers, say what was missing,
suggest an addition after an "I don't know", and find it all in `medicon-bot report` and in an
editor's App Home, whose chart is served only behind a signed, unexpired link."""

from __future__ import annotations

import json
import time
import urllib.request
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlsplit

import pytest

from bot.feedback.links import chart_query
from tests.conftest import SIGNING_SECRET
from tests.slack.conftest import web_process_environment
from tests.slack.test_home_language import _choose
from tests.support.block_limits import action_ids, limit_violations
from tests.support.cli import CliRun, run_cli
from tests.support.in_process_web import flush_questions, settle
from tests.support.interactions import form, submitted_view, typed_state
from tests.support.signing import (
    app_home_opened_event,
    block_actions_body,
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import Call, SlackStandIn
from tests.support.web_process import WebProcess

EDITOR = "U0EDITOR"
EDITORS_CHANNEL = "C0EDITORS"
PUBLIC_URL = "https://medicon-bot.example.com"
DECLINED = "who does crispr research on mars?"


@pytest.fixture(scope="module")
def web_environment(
    module_stand_in: SlackStandIn, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    return web_process_environment(
        module_stand_in,
        tmp_path_factory.mktemp("feedback-web"),
        MEDICON_EDITORS=f"{EDITOR},U0OTHER",
        MEDICON_EDITORS_CHANNEL=EDITORS_CHANNEL,
        MEDICON_PUBLIC_URL=PUBLIC_URL,
    )


def slash(web: WebProcess, stand_in: SlackStandIn, text: str) -> dict[str, Any]:
    body = slash_command_body(text, response_url=stand_in.response_url("command"))
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    payload: dict[str, Any] = json.loads(raw)
    return payload


def button(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    for block in blocks:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                found: dict[str, Any] = element
                return found
    raise AssertionError(f"no {action_id} button in {action_ids(blocks)}")


def click_in_ephemeral(
    web: WebProcess, stand_in: SlackStandIn, element: dict[str, Any], *, user_id: str = "U123"
) -> int:
    body = block_actions_body(
        element["action_id"],
        element["value"],
        user_id=user_id,
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url("vote"),
        block_id="feedback",
    )
    return post_signed(web.events_url, body, secret=SIGNING_SECRET)[0]


def submit(web: WebProcess, opened: dict[str, Any], values: dict[str, str]) -> tuple[int, bytes]:
    status, _, raw = post_signed(
        web.events_url,
        form(submitted_view(opened, typed_state(opened, values))),
        secret=SIGNING_SECRET,
    )
    return status, raw


def opened_view(call: Call) -> dict[str, Any]:
    view: dict[str, Any] = call.json_field("view")
    return view


def report(web_environment: dict[str, str], *arguments: str) -> CliRun:
    """``medicon-bot report ARGUMENTS`` over the web app's database (in this process)."""
    return run_cli({"DATABASE_URL": web_environment["DATABASE_URL"]}, "report", *arguments)


def report_json_once(web: object, web_environment: dict[str, str], ready: Any) -> dict[str, Any]:
    """The report's JSON, as soon as ``ready(report)`` holds: questions are written in batches
    every two seconds (bounded: 10 tries; in process, each try writes the batch first)."""
    for _ in range(10):
        settle(web, or_sleep=0)
        flush_questions(web)
        result = report(web_environment, "--json")
        assert result.returncode == 0, result.stderr
        parsed: dict[str, Any] = json.loads(result.stdout)
        if ready(parsed):
            return parsed
        time.sleep(1)
    raise AssertionError(f"the report never showed it: {parsed}")


def get(url: str) -> tuple[int, str, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except HTTPError as error:
        with error:
            return error.code, error.headers["Content-Type"], error.read()


def on_this_web(web: WebProcess, url: str) -> str:
    """A link made for the public host, sent to this loopback web process instead."""
    parts = urlsplit(url)
    return f"{web.base_url}{parts.path}?{parts.query}"


# --- the buttons -----------------------------------------------------------------------------


def test_every_kind_of_answer_ends_with_the_right_buttons(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    answer = slash(web, stand_in, "cancer")
    assert answer["blocks"][-1]["block_id"] == "feedback"
    assert action_ids(answer["blocks"][-1:]) == {"feedback_helpful", "feedback_not_helpful"}
    value = json.loads(button(answer["blocks"], "feedback_helpful")["value"])
    assert value == {"q": "cancer", "e": "field:cancer", "s": "slash"}
    declined = slash(web, stand_in, DECLINED)
    assert action_ids(declined["blocks"][-1:]) == {"suggest_addition"}
    help_card = slash(web, stand_in, "help")
    assert "feedback_helpful" not in action_ids(help_card["blocks"])
    for payload in (answer, declined):
        assert limit_violations(payload) == []
    long_question = slash(web, stand_in, "ludc " + "x" * 3000)
    for block in long_question["blocks"][-1:]:
        assert all(len(element["value"]) <= 2000 for element in block["elements"])


def test_a_dm_answer_has_the_buttons_and_a_vote_there_thanks_in_place(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    post_signed(
        web.events_url,
        event_callback_body(message_im_event("LUDC", channel="D777")),
        secret=SIGNING_SECRET,
    )
    (posted,) = stand_in.wait_for("chat.postMessage")
    blocks = posted.blocks()
    helpful = button(blocks, "feedback_helpful")
    assert json.loads(helpful["value"])["s"] == "dm"
    message = {"type": "message", "ts": "1700000000.000100", "text": "LUDC", "blocks": blocks}
    body = block_actions_body(
        "feedback_helpful",
        helpful["value"],
        channel_id="D777",
        message=message,
        response_url=stand_in.response_url("dm-vote"),
        block_id="feedback",
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for("response:dm-vote")
    assert reply.body["replace_original"] is True
    assert "Thanks: noted" in json.dumps(reply.json_field("blocks"))
    assert "feedback_helpful" not in action_ids(reply.blocks())
    assert reply.blocks()[0] == blocks[0]


def test_a_vote_under_a_channel_message_thanks_the_voter_alone(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    share = button(slash(web, stand_in, "diabetes")["blocks"], "share_answer")
    body = block_actions_body(
        "share_answer",
        share["value"],
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url("share"),
    )
    post_signed(web.events_url, body, secret=SIGNING_SECRET)
    shared, _ = stand_in.wait_for("response:share", count=2)
    helpful = button(shared.blocks(), "feedback_helpful")
    assert json.loads(helpful["value"])["s"] == "shared"
    vote = block_actions_body(
        "feedback_helpful",
        helpful["value"],
        user_id="U777",
        channel_id="C123",
        message={"type": "message", "ts": "1700000000.000200", "blocks": shared.blocks()},
        response_url=stand_in.response_url("channel-vote"),
        block_id="feedback",
    )
    assert post_signed(web.events_url, vote, secret=SIGNING_SECRET)[0] == 200
    (thanks,) = stand_in.wait_for("response:channel-vote")
    assert thanks.body["response_type"] == "ephemeral"
    assert thanks.body["replace_original"] is False
    assert "Thanks: noted" in (thanks.text or "")


# --- the whole loop --------------------------------------------------------------------------


def test_votes_and_a_suggestion_reach_the_report_and_the_editors(
    web: WebProcess, stand_in: SlackStandIn, web_environment: dict[str, str]
) -> None:
    # A vote on an answer, acknowledged in place.
    answer = slash(web, stand_in, "inflammation")
    assert click_in_ephemeral(web, stand_in, button(answer["blocks"], "feedback_helpful")) == 200
    (thanked,) = stand_in.wait_for("response:vote")
    assert thanked.body["replace_original"] is True
    assert "Thanks: noted" in json.dumps(thanked.json_field("blocks"))
    assert "feedback_helpful" not in action_ids(thanked.blocks())
    assert "share_answer" in action_ids(thanked.blocks())

    # Changed to "not helpful": the modal asks what was missing.
    stand_in.clear()
    not_helpful = button(answer["blocks"], "feedback_not_helpful")
    assert click_in_ephemeral(web, stand_in, not_helpful) == 200
    (opened,) = stand_in.wait_for("views.open")
    modal = opened_view(opened)
    assert modal["callback_id"] == "feedback_missing"
    stand_in.wait_for("response:vote")
    status, raw = submit(web, modal, {"missing": "the <!channel> new centres"})
    assert (status, raw) == (200, b"")

    # "I don't know", then a suggestion: a bad URL is a field error, a good one is stored.
    stand_in.clear()
    declined = slash(web, stand_in, DECLINED)
    assert click_in_ephemeral(web, stand_in, button(declined["blocks"], "suggest_addition")) == 200
    (opened,) = stand_in.wait_for("views.open")
    form = opened_view(opened)
    assert form["callback_id"] == "suggest_addition_form"
    assert [b["block_id"] for b in form["blocks"]] == [
        "suggest_what",
        "suggest_url",
        "suggest_note",
    ]
    typed = {"suggest_what": "CRISPR groups in Lund", "suggest_note": "ask <@U999>"}
    status, raw = submit(web, form, {**typed, "suggest_url": "not a url"})
    assert status == 200
    refusal = json.loads(raw)
    assert refusal["response_action"] == "errors"
    assert set(refusal["errors"]) == {"suggest_url"}
    assert "https://" in refusal["errors"]["suggest_url"]
    status, raw = submit(web, form, {**typed, "suggest_url": "https://www.lu.se/crispr"})
    assert (status, raw) == (200, b"")
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.channel == EDITORS_CHANNEL
    shown = json.dumps(post.blocks())
    assert "<@U123>" in shown
    assert "CRISPR groups in Lund" in shown
    assert "https://www.lu.se/crispr" in shown
    assert "ask &lt;@U999&gt;" in shown

    # The report, from another process over the same database.
    parsed = report_json_once(
        web,
        web_environment,
        lambda r: (
            {DECLINED, "inflammation"} <= {q["text"] for q in r["unanswered"]}
            and any(s["text"] == "CRISPR groups in Lund" for s in r["suggestions"])
        ),
    )
    assert set(parsed) == {"unanswered", "feedback", "suggestions"}
    (crispr,) = [q for q in parsed["unanswered"] if q["text"] == DECLINED]
    assert crispr["count"] >= 1
    assert set(crispr) == {"text", "count", "first_seen", "last_seen"}
    assert any(q["text"] == "inflammation" for q in parsed["unanswered"])  # voted not helpful
    (inflammation,) = [f for f in parsed["feedback"] if f["entry"] == "field:inflammation"]
    assert inflammation == {"entry": "field:inflammation", "helpful": 0, "not_helpful": 1}
    (suggestion,) = [s for s in parsed["suggestions"] if s["text"] == "CRISPR groups in Lund"]
    assert suggestion["url"] == "https://www.lu.se/crispr"
    assert suggestion["note"] == "ask <@U999>"
    assert set(suggestion) == {"text", "url", "note", "created"}
    table = report(web_environment)
    assert table.returncode == 0, table.stderr
    assert "CRISPR groups in Lund" in table.stdout
    assert "Inflammation" in table.stdout
    for output in (json.dumps(parsed), table.stdout):
        assert "U123" not in output

    # The editor's App Home: the same summary, and this week's chart.
    stand_in.clear()
    post_signed(
        web.events_url,
        event_callback_body(app_home_opened_event(EDITOR)),
        secret=SIGNING_SECRET,
    )
    (published,) = stand_in.wait_for("views.publish")
    home = published.json_field("view")
    texts = json.dumps(home["blocks"])
    assert any(b["type"] == "header" and b["text"]["text"] == "Editors" for b in home["blocks"])
    assert "who does crispr research on mars?" in texts
    assert "CRISPR groups in Lund" in texts
    assert "the &lt;!channel&gt; new centres" in texts
    assert "U123" not in texts
    assert len(home["blocks"]) <= 100
    (image,) = [b for b in home["blocks"] if b["type"] == "image"]
    assert image["image_url"].startswith(f"{PUBLIC_URL}/editors/chart.png?")
    status, content_type, png = get(on_this_web(web, image["image_url"]))
    assert (status, content_type) == (200, "image/png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_an_editor_who_chose_dansk_gets_the_section_and_its_chart_in_danish(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    _choose(web, "da", user_id=EDITOR)
    (published,) = stand_in.wait_for("views.publish")
    home = published.json_field("view")
    headers = [b["text"]["text"] for b in home["blocks"] if b["type"] == "header"]
    assert "Redaktører" in headers
    (image,) = [b for b in home["blocks"] if b["type"] == "image"]
    assert image["title"]["text"] == "Ugens spørgsmål"
    assert "lang=da" in image["image_url"]
    status, content_type, png = get(on_this_web(web, image["image_url"]))
    assert (status, content_type) == (200, "image/png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    _choose(web, "auto", user_id=EDITOR)
    stand_in.wait_for("views.publish", count=2)


def test_people_who_are_not_editors_see_no_editors_section(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    post_signed(
        web.events_url,
        event_callback_body(app_home_opened_event("U0READER")),
        secret=SIGNING_SECRET,
    )
    (published,) = stand_in.wait_for("views.publish")
    assert "Editors" not in json.dumps(published.json_field("view")["blocks"])


def test_forged_altered_and_expired_chart_links_are_refused(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    chart = f"{web.base_url}/editors/chart.png"
    soon = int(time.time()) + 600
    good = chart_query(SIGNING_SECRET.encode(), team_id="T0STANDIN", expires=soon)
    assert get(f"{chart}?{good}")[0] == 200
    forged = chart_query(b"not-the-secret", team_id="T0STANDIN", expires=soon)
    other_team = good.replace("T0STANDIN", "T0OTHER")
    expired = chart_query(SIGNING_SECRET.encode(), team_id="T0STANDIN", expires=soon - 3600)
    for query in (forged, other_team, expired, "", "team=T0STANDIN&expires=x&sig=y"):
        status, _, body = get(f"{chart}?{query}")
        assert status == 403, query
        assert not body.startswith(b"\x89PNG")


def test_a_chart_link_in_danish_or_swedish_is_signed_with_its_language(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    chart = f"{web.base_url}/editors/chart.png"
    soon = int(time.time()) + 600
    secret = SIGNING_SECRET.encode()
    danish = chart_query(secret, team_id="T0STANDIN", expires=soon, language="da")
    swedish = chart_query(secret, team_id="T0STANDIN", expires=soon, language="sv")
    english = chart_query(secret, team_id="T0STANDIN", expires=soon)
    assert "lang=da" in danish
    assert "lang" not in english  # an English link is as it was
    for query in (danish, swedish):
        status, content_type, body = get(f"{chart}?{query}")
        assert (status, content_type) == (200, "image/png")
        assert body.startswith(b"\x89PNG")
    for altered in (danish.replace("lang=da", "lang=sv"), danish.replace("lang=da&", "")):
        assert get(f"{chart}?{altered}")[0] == 403, altered
    assert get(f"{chart}?{danish.replace('lang=da', 'lang=xx')}")[0] == 403


def test_a_malformed_chart_link_is_refused_without_a_traceback(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    chart = f"{web.base_url}/editors/chart.png"
    good = chart_query(SIGNING_SECRET.encode(), team_id="T0STANDIN", expires=int(time.time()) + 60)
    padding = "&".join(f"x{n}=1" for n in range(6))
    for query, expected in (
        (padding, 400),  # more fields than a link has, unsigned
        (f"{good}&{padding}", 400),  # a signed link with fields added
        ("team=T0STANDIN&expires=9999999999&sig=%C3%A5", 403),  # a signature that is not hex
        (f"{good}&team=T0OTHER", 403),  # a field given twice
    ):
        status, content_type, body = get(f"{chart}?{query}")
        assert (status, content_type) == (expected, "text/plain; charset=utf-8"), query
        assert not body.startswith(b"\x89PNG")
    assert get(f"{chart}?{good}")[0] == 200
    assert "Traceback" not in web.log_text()
