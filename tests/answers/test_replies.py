"""Every Slack surface answers through the one understanding layer."""

from __future__ import annotations

import pytest

from bot.answers import answer_question, render, reply_to
from bot.answers.render.feedback_blocks import FEEDBACK_BLOCK
from bot.knowledge import KnowledgeBase
from bot.slack.surface import FEEDBACK_HELPFUL, SUGGEST_ADDITION
from bot.slack.views.lookup import lookup_reply
from bot.slack.views.replies import (
    SurfaceReply,
    answered,
    command_reply,
    conversation_reply,
    reply_in_conversation,
    reply_to_command,
    shared_reply,
)


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
    reply = reply_to(kb, typed)
    assert reply.answer == answer_question(kb, typed)
    expected = render(reply.answer, locale=reply.language).text
    assert command_reply(kb, typed).text == expected
    in_conversation = render(reply.answer, prefix="", locale=reply.language).text
    assert conversation_reply(kb, typed).text == in_conversation


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


@pytest.mark.parametrize(
    ("typed", "language", "share", "helpful"),
    [
        ("hvem er vært for LUDC?", "da", "Del i kanalen", "Nyttigt"),
        ("vem är värd för LUDC?", "sv", "Dela i kanalen", "Användbart"),
        ("who hosts LUDC?", "en", "Share in channel", "Helpful"),
    ],
)
def test_a_slash_reply_speaks_the_askers_language_to_the_last_button(
    kb: KnowledgeBase, typed: str, language: str, share: str, helpful: str
) -> None:
    message = command_reply(kb, typed)
    labels = [
        element["text"]["text"]
        for block in message.blocks
        if block["type"] == "actions"
        for element in block["elements"]
    ]
    assert share in labels
    assert any(helpful in label for label in labels)
    assert reply_to(kb, typed).language == language
    shared = shared_reply(kb, typed, user_id="U1")
    attribution = shared.blocks[-1]["elements"][0]["text"]
    assert attribution.startswith({"da": "Delt af", "sv": "Delat av", "en": "Shared by"}[language])


@pytest.mark.parametrize(
    ("greeting", "opening"), [("hej med dig", "Hej! Jeg er"), ("hejsan", "Hej! Jag är")]
)
def test_a_greeting_in_a_dm_is_introduced_in_its_language(
    kb: KnowledgeBase, greeting: str, opening: str
) -> None:
    message = conversation_reply(kb, greeting)
    assert message.text.startswith(opening)
    assert "Ask about" not in str(message.blocks)


@pytest.mark.parametrize(
    ("chosen", "opening"), [(None, "Hi! I'm"), ("da", "Hej! Jeg er"), ("sv", "Hej! Jag är")]
)
def test_a_hej_both_languages_say_is_answered_in_the_person_choice_else_english(
    kb: KnowledgeBase, chosen: str | None, opening: str
) -> None:
    assert conversation_reply(kb, "hej", otherwise=chosen).text.startswith(opening)


def test_the_message_shortcut_speaks_the_language_of_the_message(kb: KnowledgeBase) -> None:
    danish = lookup_reply(kb, "Jeg læste om LUDC og Rigshospitalet i går")
    swedish = lookup_reply(kb, "Jag läste om LUDC och Rigshospitalet igår")
    english = lookup_reply(kb, "I read about LUDC and Rigshospitalet yesterday")
    assert danish.text.startswith("Beskeden nævner")
    assert swedish.text.startswith("Meddelandet nämner")
    assert english.text.startswith("That message mentions")


def _offered(reply: SurfaceReply) -> str | None:
    """What the buttons under ``reply`` ask for: a vote, an addition, or nothing."""
    for block in reply.message.blocks:
        if block.get("block_id") == FEEDBACK_BLOCK:
            ids = {element["action_id"] for element in block["elements"]}
            return (
                "addition"
                if SUGGEST_ADDITION in ids
                else "vote"
                if FEEDBACK_HELPFUL in ids
                else "?"
            )
    return None


@pytest.mark.parametrize(
    ("typed", "recorded", "offered"),
    [
        ("who leads LUDC?", True, "vote"),
        ("hvem leder LUDC?", True, "vote"),
        ("who leads the Atlantis Institute?", False, "addition"),
        ("help", None, None),
        ("hi", None, None),
    ],
)
def test_the_question_log_and_the_buttons_agree_on_whether_it_was_answered(
    kb: KnowledgeBase, typed: str, recorded: bool | None, offered: str | None
) -> None:
    """The one recording service (:func:`bot.slack.conversations.note_question`) counts what
    the surface's reply says it was; the person sees the same verdict in its buttons."""
    for reply in (reply_to_command(kb, typed), reply_in_conversation(kb, typed)):
        assert answered(reply.outcome) is recorded
        assert _offered(reply) == offered
