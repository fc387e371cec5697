"""Reading a question against the conversation: pure functions over the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.answers import Intent, answer_question, render
from bot.conversation import (
    Context,
    asks_the_bot,
    context_from_slots,
    follow_up,
    leans_on_context,
    take_turn,
)
from bot.knowledge import EntryRef, KnowledgeBase, Status
from tests.eval.conversation_runner import load_dialogues

LUDC = EntryRef("centre", "ludc")
CBMR = EntryRef("centre", "cbmr")


def after(kb: KnowledgeBase, *texts: str) -> Context | None:
    """The context after asking ``texts`` in turn."""
    context: Context | None = None
    for text in texts:
        context = take_turn(kb, text, context).context
    return context


def test_a_pronoun_means_the_last_answers_entry(kb: KnowledgeBase) -> None:
    step = follow_up(kb, "who hosts it?", after(kb, "where is LUDC?"))
    assert step.question.subject == LUDC
    assert step.question.intent is Intent.WHO
    assert step.assumed is not None
    assert (step.assumed.label, step.assumed.how) == ("LUDC", "entry")


def test_without_a_context_the_question_is_read_as_typed(kb: KnowledgeBase) -> None:
    step = follow_up(kb, "who hosts it?", None)
    assert step.assumed is None
    assert step.question.intent is Intent.UNKNOWN


@pytest.mark.parametrize(
    "text",
    [
        "when was CBMR founded?",
        "hvornår blev CBMR grundlagt?",
        "which centres work on cancer?",
        "and which centres work on cancer in Lund?",
        "og hvilke centre forsker i kræft i Lund?",
        "how many centres are there in Lund?",
        "hvor mange centre er der i Lund?",
        "hur många centrum finns det i Lund?",
        "help",
        "thanks!",
        "stats",
        "centres diabetes",
    ],
)
def test_a_question_with_its_own_subject_starts_fresh(kb: KnowledgeBase, text: str) -> None:
    for context in (after(kb, "where is LUDC?"), after(kb, "diabetes centres in Sweden")):
        step = follow_up(kb, text, context)
        assert step.assumed is None, text
        fresh = take_turn(kb, text, context).answer
        assert render(fresh).text == render(answer_question(kb, text)).text


def test_a_new_place_replaces_the_old_one_and_the_field_stays(kb: KnowledgeBase) -> None:
    context = after(kb, "which centres work on diabetes in Copenhagen?")
    step = follow_up(kb, "and in Sweden?", context)
    filters = step.question.filters
    assert (filters.field, filters.city, filters.country) == ("diabetes", None, "SE")
    assert step.assumed is not None
    assert step.assumed.label == "Diabetes and metabolic disease centres in Sweden"


def test_a_new_field_replaces_the_old_one_and_the_place_stays(kb: KnowledgeBase) -> None:
    context = after(kb, "which centres work on diabetes in Copenhagen?")
    filters = follow_up(kb, "what about cancer?", context).question.filters
    assert (filters.field, filters.city) == ("cancer", "copenhagen")


def test_them_narrows_the_last_list(kb: KnowledgeBase) -> None:
    context = after(kb, "diabetes centres in Sweden")
    filters = follow_up(kb, "which of them are active?", context).question.filters
    assert (filters.field, filters.country, filters.status) == ("diabetes", "SE", Status.ACTIVE)


def test_what_about_asks_the_last_question_about_a_new_entry(kb: KnowledgeBase) -> None:
    step = follow_up(kb, "hvad med CBMR?", after(kb, "when was LUDC founded?"))
    assert step.question.subject == CBMR
    assert step.question.intent is Intent.WHEN
    assert step.question.language == "da"
    assert step.assumed is not None
    assert step.assumed.how == "same-question"


def test_a_decline_keeps_the_conversation_where_it_was(kb: KnowledgeBase) -> None:
    context = after(kb, "where is LUDC?", "xyzzy plugh")
    assert context is not None
    assert context.subject == LUDC


def test_stored_slots_are_checked_against_the_knowledge_base(kb: KnowledgeBase) -> None:
    context = after(kb, "which centres work on diabetes in Copenhagen?")
    assert context is not None
    assert context_from_slots(kb, context.slots()) == context
    tampered = {
        "subject": ["centre", "no-such-centre"],
        "entries": [["centre", "ludc"], ["planet", "mars"], "junk", ["field", 3]],
        "field": "astrology",
        "country": "NO",
        "kind": "castle",
        "status": "sleeping",
        "intent": "rm -rf",
        "language": "fr",
    }
    cleaned = context_from_slots(kb, tampered)
    assert cleaned == Context(entries=(LUDC,))


def test_the_slots_hold_no_text_anyone_typed(kb: KnowledgeBase) -> None:
    context = after(kb, "hvor ligger LUDC egentlig, min ven?")
    assert context is not None
    assert "ven" not in str(context.slots())
    assert "egentlig" not in str(context.slots())


@pytest.mark.parametrize(
    ("text", "for_the_bot"),
    [
        ("when was it founded?", True),
        ("and CBMR?", True),
        ("who hosts CBMR?", True),
        ("thanks!", False),
        ("haha, shall we grab lunch at 12?", False),
        ("where do we meet tomorrow?", False),
        ("LUDC is great", False),
        ("is it raining there?", False),
    ],
)
def test_only_questions_for_the_knowledge_base_are_for_the_bot_in_a_thread(
    kb: KnowledgeBase, text: str, for_the_bot: bool
) -> None:
    turn = take_turn(kb, text, after(kb, "where is LUDC?"))
    assert asks_the_bot(turn, text) is for_the_bot


def test_a_question_that_cannot_lean_is_never_read_against_a_context(kb: KnowledgeBase) -> None:
    """Surfaces skip the database for these, so the context must never matter to them."""
    contexts = [
        after(kb, "where is LUDC?"),
        after(kb, "which centres work on diabetes in Copenhagen?"),
        after(kb, "compare LUDC and CBMR"),
        after(kb, "cancer"),
    ]
    texts = {step.ask for dialogue in load_dialogues() for step in dialogue.steps}
    leaning = {text for text in texts if leans_on_context(kb, text)}
    assert "who hosts it?" in leaning
    assert "where is LUDC?" not in leaning
    for text in sorted(texts - leaning):
        for context in contexts:
            assert follow_up(kb, text, context).assumed is None, text
