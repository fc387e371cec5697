"""What was assumed opens the reply, on every surface that builds one."""

from __future__ import annotations

from bot.answers import render
from bot.conversation import Assumption, take_turn
from bot.knowledge import KnowledgeBase
from bot.slack.views.replies import assumed_reply, command_reply, conversation_reply
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
    """Without an assumption the reply is the one given outside a conversation, plus (in a DM
    or thread) the suggested next questions."""
    turn = take_turn(kb, "where is LUDC?", None)
    conversed = conversation_reply(kb, "where is LUDC?", turn=turn)
    kept = tuple(block for block in conversed.blocks if block.get("block_id") != "follow_ups")
    plain = conversation_reply(kb, "where is LUDC?")
    assert (conversed.text, kept) == (plain.text, plain.blocks)
    assert command_reply(kb, "where is LUDC?", turn=turn) == command_reply(kb, "where is LUDC?")


def test_sharing_a_follow_up_shares_the_question_it_was_read_as(kb: KnowledgeBase) -> None:
    """The Share button's value is answered on its own, without the conversation: a follow-up
    shares its rebuilt question, never the bare "and in Sweden?"."""
    first = take_turn(kb, "which centres work on diabetes in Copenhagen?", None)
    turn = take_turn(kb, "and in Sweden?", first.context)
    message = command_reply(kb, "and in Sweden?", turn=turn)
    (share,) = [block for block in message.blocks if block.get("block_id") == "share"]
    shared = share["elements"][0]["value"]
    assert shared == "Diabetes and metabolic disease centres in Sweden"
    assert render(turn.answer).text == render(take_turn(kb, shared, None).answer).text


def test_a_conversation_reply_offers_next_questions_that_name_their_subject(
    kb: KnowledgeBase,
) -> None:
    turn = take_turn(kb, "CBMR", None)
    message = conversation_reply(kb, "CBMR", turn=turn)
    ids = [block.get("block_id") for block in message.blocks]
    assert ids.index("follow_ups") == ids.index("feedback") - 1
    (offered,) = [block for block in message.blocks if block.get("block_id") == "follow_ups"]
    buttons = {element["text"]["text"]: element["value"] for element in offered["elements"]}
    assert set(buttons) == {
        "Who hosts it?",
        "When was it founded?",
        "Centres in Diabetes and metabolic disease",
    }
    for question in buttons.values():
        assert take_turn(kb, question, None).question.entities  # answerable on its own
    founded = take_turn(kb, buttons["When was it founded?"], turn.context)
    assert founded.assumed is None
    assert "2010" in render(founded.answer).text


def test_a_list_in_one_country_offers_the_same_in_the_other(kb: KnowledgeBase) -> None:
    turn = take_turn(kb, "diabetes centres in Denmark", None)
    message = conversation_reply(kb, "diabetes centres in Denmark", turn=turn)
    (offered,) = [block for block in message.blocks if block.get("block_id") == "follow_ups"]
    (button,) = offered["elements"]
    assert button["text"]["text"] == "Same in Sweden"
    assert "LUDC" in render(take_turn(kb, button["value"], None).answer).text


def test_a_decline_offers_nothing_to_follow(kb: KnowledgeBase) -> None:
    turn = take_turn(kb, "xyzzy plugh", take_turn(kb, "CBMR", None).context)
    message = conversation_reply(kb, "xyzzy plugh", turn=turn)
    assert "follow_ups" not in [block.get("block_id") for block in message.blocks]
