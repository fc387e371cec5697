"""Follow-up questions through the real web process (issue 20): a DM conversation, a thread
that keeps going without re-mentions, a thread where people talk among themselves (the bot
stays silent), the slash command per person, two processes answering alternate turns, expiry
and uninstall.

Every request is signed as Slack signs it; every reply is what the loopback stand-in received.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.conversation import CONTEXT_TTL
from bot.storage import Database, open_database
from bot.storage.conversations import (
    ConversationKey,
    load_context,
    save_context,
    touch_context,
)
from tests.conftest import SIGNING_SECRET
from tests.slack.conftest import web_process_environment
from tests.support.databases import postgres_url
from tests.support.in_process_web import settle
from tests.support.signing import (
    TEAM_ID,
    app_mention_event,
    block_actions_body,
    channel_message_event,
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import Call, SlackStandIn
from tests.support.web_process import WebProcess, running_web_process

START_OVER = "type a full question to start over"
QUIET = 2.0
"""How long a test waits to be sure the bot said nothing (replies come within a second)."""


def send(web: WebProcess, event: dict[str, Any]) -> None:
    status, _, _ = post_signed(web.events_url, event_callback_body(event), secret=SIGNING_SECRET)
    assert status == 200


def reply_number(stand_in: SlackStandIn, number: int) -> Call:
    """The ``number``-th chat.postMessage of this test (1-based), once it has arrived."""
    return stand_in.wait_for("chat.postMessage", count=number)[number - 1]


def opening(call: Call) -> str:
    """The text of a reply's first block (where the assumption is shown)."""
    first = call.blocks()[0]
    elements = first.get("elements") or [first.get("text") or {}]
    return " ".join(str(element.get("text", "")) for element in elements)


@pytest.fixture
def database(web_environment: dict[str, str], web: WebProcess) -> Iterator[Database]:
    """The web process's own database, opened beside it (already migrated by the process)."""
    opened = open_database(web_environment["DATABASE_URL"], apply_migrations=False)
    yield opened
    opened.dispose()


def test_a_dm_conversation_understands_follow_ups_and_says_what_it_assumed(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(web, message_im_event("where is LUDC?", channel="D0CONV"))
    first = reply_number(stand_in, 1)
    assert "Malmö and Lund" in (first.text or "")
    assert START_OVER not in json.dumps(first.blocks())

    send(web, message_im_event("who hosts it?", channel="D0CONV"))
    second = reply_number(stand_in, 2)
    assert (second.text or "").startswith("LUDC: ")
    assert "LUDC:" in opening(second)
    assert START_OVER in opening(second)
    assert "Lund University" in (second.text or "")

    send(web, message_im_event("what about CBMR?", channel="D0CONV"))
    third = reply_number(stand_in, 3)
    assert (third.text or "").startswith("CBMR: ")
    assert "University of Copenhagen" in (third.text or "")

    send(web, message_im_event("when was DTU founded?", channel="D0CONV"))
    fourth = reply_number(stand_in, 4)
    assert "1829" in (fourth.text or "")
    assert START_OVER not in json.dumps(fourth.blocks())  # a full question starts over


def test_a_suggested_next_question_is_answered_in_the_conversation(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    mention = app_mention_event("CBMR", channel="C0BUTTON")
    send(web, mention)
    answer = reply_number(stand_in, 1)
    (offered,) = [b for b in answer.blocks() if b.get("block_id") == "follow_ups"]
    (founded,) = [e for e in offered["elements"] if e["text"]["text"] == "When was it founded?"]
    posted = {"type": "message", "ts": "1765000000.000900", "thread_ts": mention["ts"]}
    click = block_actions_body(
        founded["action_id"],
        founded["value"],
        channel_id="C0BUTTON",
        message={**posted, "user": "U0BOT", "bot_id": "B0BOT", "text": "", "blocks": []},
        block_id="follow_ups",
        response_url=stand_in.response_url("button"),
    )
    assert post_signed(web.events_url, click, secret=SIGNING_SECRET)[0] == 200
    second = reply_number(stand_in, 2)
    assert second.body["thread_ts"] == mention["ts"]
    assert "2010" in (second.text or "")
    # The thread moved on with the click: a typed follow-up is about CBMR still.
    send(web, channel_message_event("where is it?", channel="C0BUTTON", thread_ts=mention["ts"]))
    assert "Copenhagen" in (reply_number(stand_in, 3).text or "")


def test_a_list_follow_up_keeps_the_field_and_replaces_the_place(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    send(web, message_im_event("which centres work on diabetes in Copenhagen?", channel="D0LIST"))
    assert "CBMR" in json.dumps(reply_number(stand_in, 1).blocks())
    send(web, message_im_event("and in Sweden?", channel="D0LIST"))
    answer = reply_number(stand_in, 2)
    assert "centres in Sweden:" in opening(answer)
    shown = json.dumps(answer.blocks())
    assert "LUDC" in shown
    assert "EXODIAB" in shown
    assert "CREATE Health" not in shown  # diabetes was kept: no cancer centres


def test_a_thread_keeps_going_without_re_mentions(web: WebProcess, stand_in: SlackStandIn) -> None:
    mention = app_mention_event("where is WNC?", channel="C0THREAD")
    send(web, mention)
    first = reply_number(stand_in, 1)
    assert first.body["thread_ts"] == mention["ts"]

    send(
        web,
        channel_message_event("when was it founded?", channel="C0THREAD", thread_ts=mention["ts"]),
    )
    second = reply_number(stand_in, 2)
    assert second.body["thread_ts"] == mention["ts"]
    assert "1996" in (second.text or "")
    assert "WNC:" in opening(second)

    send(web, channel_message_event("and DRCMR?", channel="C0THREAD", thread_ts=mention["ts"]))
    third = reply_number(stand_in, 3)
    assert "1985" in (third.text or "")


def test_people_talking_in_a_thread_are_left_alone(web: WebProcess, stand_in: SlackStandIn) -> None:
    mention = app_mention_event("LUDC", channel="C0CHAT")
    send(web, mention)
    reply_number(stand_in, 1)
    for chatter in (
        "thanks!",
        "haha, shall we grab lunch at 12?",
        "I met some of them at the conference last week",
        "Anna, can you send me the slides?",
        "where do we meet tomorrow?",
        "<@U0ANNA> when was it founded?",  # asked of a colleague, not of the bot
        "is it raining there?",
    ):
        send(web, channel_message_event(chatter, channel="C0CHAT", thread_ts=mention["ts"]))
    # A question in a thread the bot never answered in, and a top-level channel message.
    send(web, channel_message_event("who hosts LUDC?", channel="C0CHAT", thread_ts="1.000001"))
    send(web, channel_message_event("who hosts LUDC?", channel="C0CHAT"))
    settle(web, or_sleep=QUIET)
    assert len(stand_in.calls("chat.postMessage")) == 1


def test_a_mention_inside_a_thread_is_answered_once(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    mention = app_mention_event("CBMR", channel="C0ONCE")
    send(web, mention)
    reply_number(stand_in, 1)
    again = app_mention_event("when was it founded?", channel="C0ONCE", thread_ts=mention["ts"])
    send(web, again)  # Slack sends the same message as app_mention and as message.channels
    send(
        web,
        channel_message_event(
            again["text"], channel="C0ONCE", thread_ts=mention["ts"], ts=again["ts"]
        ),
    )
    assert "2010" in (reply_number(stand_in, 2).text or "")
    settle(web, or_sleep=QUIET)
    assert len(stand_in.calls("chat.postMessage")) == 2


def test_the_slash_command_keeps_a_context_per_person_and_channel(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    def ask(text: str, user: str, channel: str = "C0SLASH") -> dict[str, Any]:
        body = slash_command_body(
            text, user_id=user, channel_id=channel, response_url=stand_in.response_url()
        )
        status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
        assert status == 200
        answer: dict[str, Any] = json.loads(raw)
        return answer

    assert "Copenhagen" in ask("CBMR", "U0ADA")["text"]
    followed = ask("when was it founded?", "U0ADA")
    assert followed["text"].startswith("CBMR: ")
    assert "2010" in followed["text"]
    assert START_OVER in json.dumps(followed["blocks"])
    assert "CBMR" not in ask("when was it founded?", "U0BOB")["text"]  # Bob asked nothing
    other_channel = ask("when was it founded?", "U0ADA", channel="C0ELSE")["text"]
    assert "CBMR" not in other_channel


def test_a_context_unused_for_30_minutes_is_not_used(
    web: WebProcess, stand_in: SlackStandIn, database: Database
) -> None:
    send(web, message_im_event("where is LUDC?", channel="D0EXPIRE"))
    reply_number(stand_in, 1)
    key = ConversationKey(TEAM_ID, "D0EXPIRE")
    last_used = datetime.now(UTC) - CONTEXT_TTL - timedelta(seconds=5)
    with database.sessions() as session:
        assert touch_context(session, key=key, now=last_used)  # as if asked 30 minutes ago
    send(web, message_im_event("who hosts it?", channel="D0EXPIRE"))
    answer = reply_number(stand_in, 2)
    assert START_OVER not in json.dumps(answer.blocks())
    assert "LUDC" not in (answer.text or "")

    mention = app_mention_event("where is LUDC?", channel="C0EXPIRE")
    send(web, mention)
    reply_number(stand_in, 3)
    with database.sessions() as session:
        thread = ConversationKey(TEAM_ID, "C0EXPIRE", mention["ts"])
        assert touch_context(session, key=thread, now=last_used)
    send(web, channel_message_event("who hosts it?", channel="C0EXPIRE", thread_ts=mention["ts"]))
    settle(web, or_sleep=QUIET)
    assert len(stand_in.calls("chat.postMessage")) == 3  # the thread went quiet


def test_an_uninstall_forgets_the_workspaces_conversations(
    web: WebProcess, stand_in: SlackStandIn, database: Database
) -> None:
    now = datetime.now(UTC)
    gone, kept = ConversationKey("T0GONE", "D0GONE"), ConversationKey("T0KEPT", "D0KEPT")
    with database.sessions() as session:
        for key in (gone, kept):
            save_context(session, key=key, slots={"subject": ["centre", "ludc"]}, now=now)
    body = event_callback_body({"type": "app_uninstalled"}, team_id="T0GONE")
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    with database.sessions() as session:
        assert load_context(session, key=gone, now=now, ttl=CONTEXT_TTL) is None
        assert load_context(session, key=kept, now=now, ttl=CONTEXT_TTL) is not None


# --- two processes, one PostgreSQL -------------------------------------------------------------


@pytest.fixture(scope="module")
def two_processes(
    module_stand_in: SlackStandIn, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[WebProcess, WebProcess]]:
    """Two web processes (one worker each) sharing a fresh PostgreSQL schema."""
    with postgres_url() as url:
        directory: Path = tmp_path_factory.mktemp("two")
        environment = web_process_environment(
            module_stand_in, directory, DATABASE_URL=url, WEB_CONCURRENCY="1"
        )
        with (
            running_web_process(environment=environment, log=directory / "a.log") as first,
            running_web_process(environment=environment, log=directory / "b.log") as second,
        ):
            yield first, second


def test_two_processes_answer_alternate_turns_of_one_thread(
    two_processes: tuple[WebProcess, WebProcess], stand_in: SlackStandIn
) -> None:
    first, second = two_processes
    mention = app_mention_event("where is DRCMR?", channel="C0TWO")
    send(first, mention)
    assert "Hvidovre" in (reply_number(stand_in, 1).text or "")
    send(
        second,
        channel_message_event("when was it founded?", channel="C0TWO", thread_ts=mention["ts"]),
    )
    assert "1985" in (reply_number(stand_in, 2).text or "")
    send(
        first, channel_message_event("what about Ideon?", channel="C0TWO", thread_ts=mention["ts"])
    )
    third = reply_number(stand_in, 3)
    assert "1983" in (third.text or "")
    assert "Ideon" in opening(third)
