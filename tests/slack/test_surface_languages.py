"""The Slack surfaces that are not answers speak Danish and Swedish too (issue 19): modals, the
welcome, unfurls, errors and the follow-up buttons, within Slack's limits."""

from __future__ import annotations

import pytest

from bot.answers.render.feedback_blocks import AnswerRef
from bot.answers.render.reply import reply_to
from bot.conversation import take_turn
from bot.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base
from bot.slack.views.feedback import not_helpful_modal, suggestion_from, suggestion_modal
from bot.slack.views.replies import conversation_reply, error_reply
from bot.slack.views.search import search_view
from bot.slack.views.unfurl import short_card
from bot.slack.views.welcome import welcome_message
from tests.support.block_limits import limit_violations


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(default_data_dir())


REF = AnswerRef(question="hvem leder LUDC?", entry="centre:ludc", surface="slash")
WORDS = {
    "en": ("Not helpful", "Send", "Search Medicon Valley", "Hi! I answer", "From Medicon Bot"),
    "da": ("Ikke nyttigt", "Indsend", "Søg i Medicon Valley", "Hej! Jeg svarer", "Fra Medicon Bot"),
    "sv": (
        "Inte användbart",
        "Skicka",
        "Sök i Medicon Valley",
        "Hej! Jag svarar",
        "Från Medicon Bot",
    ),
}


@pytest.mark.parametrize("language", ["en", "da", "sv"])
def test_modals_welcome_unfurl_and_errors_in_each_language(
    kb: KnowledgeBase, language: str
) -> None:
    title, send, search, welcome, unfurl = WORDS[language]
    modal = not_helpful_modal(REF, language)
    assert modal["title"]["text"] == title
    assert modal["submit"]["text"] == send
    for view in (modal, suggestion_modal(REF, language), search_view(kb, language=language)):
        assert len(view["title"]["text"]) <= 24
    assert search_view(kb, language=language)["title"]["text"] == search
    message = welcome_message(language)
    assert message.text.startswith(welcome)
    assert limit_violations({"text": message.text, "blocks": list(message.blocks)}) == []
    card = short_card(kb.centres["ludc"], language)
    assert card["blocks"][1]["elements"][0]["text"].startswith(unfurl)
    assert error_reply(language).text != error_reply("en").text or language == "en"


@pytest.mark.parametrize("language", ["da", "sv"])
def test_the_welcome_questions_are_answered_in_the_welcome_language(
    kb: KnowledgeBase, language: str
) -> None:
    message = welcome_message(language)
    questions = [b["value"] for b in message.blocks[1]["elements"]]
    assert [reply_to(kb, q).language for q in questions] == [language] * 3


def test_a_field_error_is_said_in_the_person_language() -> None:
    view = {"state": {"values": {"suggest_url": {"input": {"value": "nope"}}}}}
    errors = suggestion_from(view, "sv")
    assert errors == {
        "suggest_what": "Skriv vad som saknas.",
        "suggest_url": "Skriv en webbadress som börjar med http:// eller https://, eller lämna "
        "fältet tomt.",
    }


@pytest.mark.parametrize(
    ("question", "label", "language"),
    [
        ("hvor ligger CBMR?", "Hvornår blev det grundlagt?", "da"),
        ("var ligger CBMR?", "När grundades det?", "sv"),
    ],
)
def test_follow_up_buttons_are_labelled_and_asked_in_the_reply_language(
    kb: KnowledgeBase, question: str, label: str, language: str
) -> None:
    turn = take_turn(kb, question, None)
    message = conversation_reply(kb, question, turn=turn)
    block = next(b for b in message.blocks if b.get("block_id") == "follow_ups")
    labels = [button["text"]["text"] for button in block["elements"]]
    assert label in labels
    for button in block["elements"]:
        assert reply_to(kb, button["value"]).language == language, button["value"]
