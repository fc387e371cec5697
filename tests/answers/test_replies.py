"""Every Slack surface answers through the one understanding layer."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, render
from bot.knowledge import KnowledgeBase
from bot.slack.replies import command_reply, conversation_reply, shared_reply


def action_ids(blocks: tuple[dict[str, object], ...]) -> list[str]:
    found: list[str] = []
    for block in blocks:
        if block["type"] == "actions":
            elements = block["elements"]
            assert isinstance(elements, list)
            found.extend(element["action_id"] for element in elements)
    return found


@pytest.mark.parametrize(
    "typed", ["who hosts CREATE Health?", "vem leder LUDC?", "hvornår blev CBMR grundlagt?"]
)
def test_slash_dm_and_mention_give_the_same_direct_answer(kb: KnowledgeBase, typed: str) -> None:
    expected = render(answer_question(kb, typed)).text
    assert command_reply(kb, typed).text == expected
    assert conversation_reply(kb, typed).text == render(answer_question(kb, typed), prefix="").text


def test_a_direct_answer_can_be_shared_and_opens_its_card(kb: KnowledgeBase) -> None:
    ids = action_ids(command_reply(kb, "where is LUDC?").blocks)
    assert "open_centre:ludc" in ids
    assert "share_answer" in ids


@pytest.mark.parametrize(
    "typed", ["what's the weather in Lund?", "Karolinska Institutet", "thanks"]
)
def test_declines_outside_places_and_chat_are_not_shareable(kb: KnowledgeBase, typed: str) -> None:
    assert "share_answer" not in action_ids(command_reply(kb, typed).blocks)


def test_a_greeting_in_a_dm_gets_an_introduction(kb: KnowledgeBase) -> None:
    reply = conversation_reply(kb, "hej")
    assert "Medicon Bot" in reply.text
    assert len(reply.blocks) > 2


def test_a_shared_direct_answer_is_attributed(kb: KnowledgeBase) -> None:
    reply = shared_reply(kb, "when was Rigshospitalet founded?", user_id="U1")
    assert "1757" in reply.text
    assert "<@U1>" in str(reply.blocks[-1])
