"""What people type reaches the bot cleaned, through the real web process on both databases:
a NUL, control characters, bidi overrides or a lone surrogate cost neither an answer, nor a
stored question, nor a suggestion."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.feedback.summary import Summary, summarise
from bot.slack.surface import LOOKUP_SHORTCUT
from bot.storage import open_database
from tests.conftest import SIGNING_SECRET
from tests.support.block_limits import limit_violations
from tests.support.in_process_web import flush_questions, settle
from tests.support.interactions import form, message_shortcut, submitted_view, typed_state
from tests.support.signing import (
    app_mention_event,
    block_actions_body,
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

EDITORS_CHANNEL = "C0EDITORS"
CONTROLS = "".join(chr(code) for code in (*range(1, 32), *range(0x7F, 0xA0)))


@pytest.fixture(scope="module")
def db_url(module_database_url: str) -> str:
    return module_database_url


@pytest.fixture(scope="module")
def web_environment(editors_web_environment: dict[str, str]) -> dict[str, str]:
    return editors_web_environment


def summary_once(
    web: object, db_url: str, ready: Callable[[Summary], bool], *, tries: int = 10
) -> Summary:
    """The editors' summary as soon as ``ready(summary)`` holds, or after ``tries`` seconds:
    questions are written in batches every two seconds (in process, each try writes it)."""
    database = open_database(db_url, apply_migrations=False)
    try:
        for _ in range(tries):
            settle(web, or_sleep=0)
            flush_questions(web)
            with database.sessions() as session:
                found = summarise(session, since=datetime.now(UTC) - timedelta(days=1))
            if ready(found):
                return found
            time.sleep(1)
    finally:
        database.dispose()
    return found


def slash(web: WebProcess, stand_in: SlackStandIn, text: str) -> dict[str, Any]:
    body = slash_command_body(text, response_url=stand_in.response_url("command"))
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200, raw
    payload: dict[str, Any] = json.loads(raw)
    return payload


def element(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        e for b in blocks for e in b.get("elements", []) if e.get("action_id") == action_id
    ]
    assert len(found) == 1, found
    return found[0]


def test_a_question_with_a_nul_is_kept_with_the_rest_of_its_batch(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    asked = [f"who studies volcanoes on mars, variant {name}" for name in "abcdefgh"]
    typed = [*asked[:3], asked[3].replace("volcanoes", "volca\x00noes"), *asked[4:]]
    for text in typed:
        answer = slash(web, stand_in, text)
        assert element(answer["blocks"], "suggest_addition")  # an "I don't know", noted
    found = summary_once(web, db_url, lambda s: len(s.unanswered) >= len(asked), tries=6)
    assert sorted(q.text for q in found.unanswered if "mars, variant" in q.text) == asked


def test_a_dm_full_of_control_characters_gets_its_answer(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    text = "LUDC " + CONTROLS * 8 + "\u202e\u2066 please"
    post_signed(web.events_url, event_callback_body(message_im_event(text)), secret=SIGNING_SECRET)
    (posted,) = stand_in.wait_for("chat.postMessage")
    blocks = posted.blocks()
    assert blocks[0]["text"]["text"] == "Lund University Diabetes Centre (LUDC)"
    helpful = element(blocks, "feedback_helpful")
    assert json.loads(helpful["value"]) == {"q": "LUDC please", "e": "centre:ludc", "s": "dm"}
    assert limit_violations({"text": posted.text, "blocks": blocks}) == []


def test_a_mention_and_a_looked_up_message_are_read_clean(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    text = "LUDC\x00 " + CONTROLS * 8
    post_signed(web.events_url, event_callback_body(app_mention_event(text)), secret=SIGNING_SECRET)
    (posted,) = stand_in.wait_for("chat.postMessage")
    assert posted.blocks()[0]["text"]["text"] == "Lund University Diabetes Centre (LUDC)"
    value = json.loads(element(posted.blocks(), "feedback_helpful")["value"])
    assert value == {"q": "LUDC", "e": "centre:ludc", "s": "mention"}
    shortcut = message_shortcut(
        LOOKUP_SHORTCUT,
        "We met the \x00LUDC\u202e people " + CONTROLS * 8,
        response_url=stand_in.response_url("lookup"),
    )
    assert post_signed(web.events_url, form(shortcut), secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for("response:lookup")
    assert "Lund University Diabetes Centre" in json.dumps(reply.blocks())
    assert limit_violations({"text": reply.text, "blocks": reply.blocks()}) == []


def test_a_lone_surrogate_costs_neither_the_answer_nor_the_question_log(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    for text in ("\ud800who grows tulips on mars?", "who grows roses on mars?"):
        post_signed(
            web.events_url, event_callback_body(message_im_event(text)), secret=SIGNING_SECRET
        )
    posted = stand_in.wait_for("chat.postMessage", count=2)
    assert all(call.blocks() for call in posted)
    asked = {"who grows tulips on mars?", "who grows roses on mars?"}
    found = summary_once(web, db_url, lambda s: asked <= {q.text for q in s.unanswered})
    assert asked <= {q.text for q in found.unanswered}


def open_modal(
    web: WebProcess, stand_in: SlackStandIn, reply: dict[str, Any], action: str, response: str
) -> dict[str, Any]:
    """Press the feedback button ``action`` of an ephemeral ``reply``; the modal it opens."""
    button = element(reply["blocks"], action)
    body = block_actions_body(
        button["action_id"],
        button["value"],
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url(response),
        block_id="feedback",
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (opened,) = stand_in.wait_for("views.open")
    return dict(opened.json_field("view"))


def test_a_suggestion_with_a_nul_is_stored_and_posted_clean(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    declined = slash(web, stand_in, "who studies comets on mars?")
    modal = open_modal(web, stand_in, declined, "suggest_addition", "suggest")
    typed = {
        "suggest_what": "Comet\x00 research\x1b[2J in Lund",
        "suggest_url": "https://www.lu.se/comets",
        "suggest_note": "ask\x00 the\r\nobservatory\u202e",
    }
    submission = form(submitted_view(modal, typed_state(modal, typed)))
    status, _, raw = post_signed(web.events_url, submission, secret=SIGNING_SECRET)
    assert (status, raw) == (200, b"")
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.channel == EDITORS_CHANNEL
    shown = json.dumps(post.blocks(), ensure_ascii=False)
    assert "Comet research[2J in Lund" in shown
    assert "\\u0000" not in shown
    found = summary_once(web, db_url, lambda s: bool(s.suggestions))
    (suggestion,) = found.suggestions
    assert (suggestion.text, suggestion.url, suggestion.note) == (
        "Comet research[2J in Lund",
        "https://www.lu.se/comets",
        "ask the\nobservatory",
    )
    assert suggestion.question == "who studies comets on mars?"


def test_what_was_missing_with_a_nul_is_kept_clean(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    answer = slash(web, stand_in, "epilepsy")
    modal = open_modal(web, stand_in, answer, "feedback_not_helpful", "vote")
    stand_in.wait_for("response:vote")  # the vote is stored: the note has something to join
    typed = {"missing": "the\x00 newest\x9b centres\u202e"}
    submission = form(submitted_view(modal, typed_state(modal, typed)))
    status, _, raw = post_signed(web.events_url, submission, secret=SIGNING_SECRET)
    assert (status, raw) == (200, b"")
    found = summary_once(web, db_url, lambda s: any(a.missing for a in s.least_helpful))
    (epilepsy,) = [a for a in found.least_helpful if a.question == "epilepsy"]
    assert epilepsy.missing == ("the newest centres",)
