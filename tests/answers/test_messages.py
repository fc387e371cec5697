"""Messages, not only questions (issue 17): the question inside a longer message is found, every
question of a message is answered in the order asked, and a question that says "it" or "which
one" is about what the message named before it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers import answer_question, outcome, render
from bot.answers.records import DirectAnswer, SeveralAnswers, SideBySideAnswer
from bot.answers.render.render import MAX_ANSWER_BLOCKS
from bot.answers.understand.focus import MOST_PARTS, asking_parts, sentences
from bot.knowledge import KnowledgeBase


def _said(kb: KnowledgeBase, text: str) -> str:
    return render(answer_question(kb, text)).text


@pytest.mark.parametrize(
    ("message", "subject", "fact"),
    [
        (
            "Good morning. We are hosting guests from Japan next month and someone mentioned "
            "the Wallenberg Neuroscience Center. I'd like to know when it was founded.",
            "wnc",
            "1996",
        ),
        (
            "Thanks for yesterday, the report went well. One more thing: where is DTU Science "
            "Park located",
            "dtu-science-park",
            "Hørsholm",
        ),
        (
            "Quick one before my meeting with the partners from Region Skåne this afternoon: "
            "what year was Medeon Science Park founded? Thanks a lot!",
            "medeon",
            "1985",
        ),
        (
            "Vi skriver en ansøgning og har brug for baggrund om fonden. Fortæl mig hvornår "
            "Lundbeckfonden blev grundlagt.",
            "lundbeck-foundation",
            "1954",
        ),
    ],
)
def test_the_question_inside_a_message_is_answered_not_its_context(
    kb: KnowledgeBase, message: str, subject: str, fact: str
) -> None:
    answer = answer_question(kb, message)
    assert isinstance(answer, DirectAnswer)
    assert answer.known
    assert outcome(answer).subjects[0].id == subject
    assert fact in _said(kb, message)


def test_each_question_of_a_message_is_answered_in_the_order_asked(kb: KnowledgeBase) -> None:
    message = "I'm writing about science parks. When was Ideon founded? And where is it?"
    answer = answer_question(kb, message)
    assert isinstance(answer, SeveralAnswers)
    text = _said(kb, message)
    assert "1983" in text
    assert "Lund" in text
    assert text.index("1983") < text.index("Lund, Sweden")


def test_a_question_asked_of_entries_named_side_by_side_is_answered_for_each(
    kb: KnowledgeBase,
) -> None:
    text = _said(kb, "where are LUDC and CBMR?")
    assert "Malmö" in text
    assert "Copenhagen" in text
    assert outcome(answer_question(kb, "where are LUDC and CBMR?")).subjects[:2] == (
        kb.index.exact("ludc"),
        kb.index.exact("cbmr"),
    )


def test_which_one_compares_what_the_message_named_before(kb: KnowledgeBase) -> None:
    message = (
        "We have a bet running over lunch. She thinks Lund University is older than the "
        "University of Copenhagen. Which one is older?"
    )
    answer = answer_question(kb, message)
    assert isinstance(answer, SideBySideAnswer)
    assert "1479" in _said(kb, message)


def test_a_name_with_an_initial_is_not_two_sentences(kb: KnowledgeBase) -> None:
    assert sentences("how much of H. Lundbeck does the Lundbeck Foundation own?") == [
        "how much of H. Lundbeck does the Lundbeck Foundation own?"
    ]
    assert "70%" in _said(kb, "how much of H. Lundbeck does the Lundbeck Foundation own?")


def test_a_short_lead_in_stays_part_of_the_question(kb: KnowledgeBase) -> None:
    """ "In Lund, …" narrows the list; it is not context to leave out."""
    assert asking_parts("In Lund, which centres work on stem cells?") == [
        "In Lund, which centres work on stem cells?"
    ]
    said = _said(kb, "In Lund, which centres work on stem cells?")
    assert "Lund Stem Cell Center" in said
    assert "reNEW" not in said


def test_several_answers_stay_within_slack_limits(kb: KnowledgeBase) -> None:
    message = "Tell me about CBMR. Tell me about LUDC. Tell me about BRIC. Tell me about ESS."
    rendered = render(answer_question(kb, message))
    assert 0 < len(rendered.blocks) <= MAX_ANSWER_BLOCKS
    assert any(block["type"] == "divider" for block in rendered.blocks)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=400))
def test_any_message_splits_into_at_most_three_parts_it_contains(text: str) -> None:
    parts = asking_parts(text)
    assert 1 <= len(parts) <= MOST_PARTS
    for part in parts:
        assert " ".join(part.split()) in " ".join(text.split())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hi.",
                "When was CBMR founded?",
                "And where is it?",
                "Thanks!",
                "Who leads BRIC",
                "I'd like to know who hosts LUDC.",
                "ok",
                ":",
                "?",
                "Dr. X. Y.",
            ]
        ),
        max_size=6,
    )
)
def test_any_mix_of_sentences_gets_an_answer(kb: KnowledgeBase, pieces: list[str]) -> None:
    rendered = render(answer_question(kb, " ".join(pieces)))
    assert rendered.text
    assert len(rendered.blocks) <= MAX_ANSWER_BLOCKS
