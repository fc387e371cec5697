"""``MEDICON_RECORD_QUESTIONS=false``: the bot still answers and takes votes, but remembers no
question and counts nothing, through the real web process. Its `medicon-bot report` is the
installed executable in a process of its own, the one end-to-end test of the command (others
call it in process, :mod:`tests.support.cli`)."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.storage import open_database
from bot.storage.tables import question_days
from tests.conftest import SIGNING_SECRET
from tests.slack.conftest import web_process_environment
from tests.support.in_process_web import flush_questions, settle
from tests.support.signing import (
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import EXECUTABLE, WebProcess, clean_environment

DECLINED = "who does crispr research on mars?"


@pytest.fixture(scope="module")
def web_environment(
    module_stand_in: SlackStandIn, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    return web_process_environment(
        module_stand_in,
        tmp_path_factory.mktemp("feedback-off"),
        MEDICON_RECORD_QUESTIONS="false",
    )


def report(web_environment: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [str(EXECUTABLE), "report", "--json"],
        env=clean_environment(DATABASE_URL=web_environment["DATABASE_URL"]),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_nothing_is_remembered_when_recording_is_off(
    web: WebProcess, stand_in: SlackStandIn, web_environment: dict[str, str]
) -> None:
    body = slash_command_body(DECLINED, response_url=stand_in.response_url())
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200
    assert "suggest_addition" in raw.decode()
    post_signed(
        web.events_url, event_callback_body(message_im_event(DECLINED)), secret=SIGNING_SECRET
    )
    stand_in.wait_for("chat.postMessage")
    # Once the listeners are done, a recording log would write its batch now (or, through the
    # real process, within a batch interval).
    settle(web, or_sleep=3)
    flush_questions(web)
    assert report(web_environment)["unanswered"] == []
    database = open_database(web_environment["DATABASE_URL"])
    try:
        with database.sessions() as session:
            counted = session.execute(select(func.count()).select_from(question_days))
            assert counted.scalar_one() == 0
    finally:
        database.dispose()
