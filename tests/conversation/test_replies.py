"""What was assumed opens the reply, on every surface that builds one."""

from __future__ import annotations

from bot.answers import render
from bot.conversation import Assumption, take_turn
from bot.knowledge import KnowledgeBase
from bot.slack.replies import assumed_reply, command_reply, conversation_reply
from tests.support.block_limits import limit_violations


def test_a_follow_up_opens_with_its_assumption_and_a_way_to_start_over(
    kb: KnowledgeBase,
) -> None:
    first = take_turn(kb, "where is LUDC?", None)
    turn = take_turn(kb, "who hosts it?", first.context)
    for message in (
        conversation_reply(kb, "who hosts it?", turn=turn),
        command_reply(kb, "who hosts it?", turn=turn),
    ):
        assert message.text.startswith("LUDC: ")
        opening = message.blocks[0]
        assert opening["type"] == "context"
        assert opening["elements"][0]["text"].startswith("*LUDC:* Assumed from your last")
        assert "start over" in opening["elements"][0]["text"]
        assert limit_violations(message.as_dict()) == []


def test_the_assumption_speaks_the_questions_language(kb: KnowledgeBase) -> None:
    message = render(take_turn(kb, "CBMR", None).answer)
    danish = assumed_reply(message, Assumption("CBMR", "entry"), language="da")
    assert "skriv et helt spørgsmål" in danish.blocks[0]["elements"][0]["text"]
    swedish = assumed_reply(message, Assumption("CBMR", "entry"), language="sv")
    assert "börja om" in swedish.blocks[0]["elements"][0]["text"]


def test_nothing_assumed_changes_nothing(kb: KnowledgeBase) -> None:
    turn = take_turn(kb, "where is LUDC?", None)
    assert conversation_reply(kb, "where is LUDC?", turn=turn) == conversation_reply(
        kb, "where is LUDC?"
    )
    assert command_reply(kb, "where is LUDC?", turn=turn) == command_reply(kb, "where is LUDC?")
