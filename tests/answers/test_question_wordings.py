"""More ways of asking where a centre is and who leads it, and of asking for help, in three
languages: each row is a wording a person might type and the direct answer it must get."""

from __future__ import annotations

import pytest

from bot.answers import Intent, answer_question, outcome, understand
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import KnowledgeBase

WHERE_WORDINGS = [
    ("is LUDC in Denmark or Sweden?", "ludc"),
    ("er CBMR i Danmark eller Sverige?", "cbmr"),
    ("är LUDC i Danmark eller Sverige?", "ludc"),
    ("is CBMR in Copenhagen or Lund?", "cbmr"),
    ("where is CBMR based?", "cbmr"),
    ("where is LUDC located?", "ludc"),
    ("where is LUDC headquartered?", "ludc"),
    ("var håller LUDC till?", "ludc"),
    ("var finns Wallenberg Neuroscience Center?", "wnc"),
    ("hvor holder CBMR til?", "cbmr"),
    ("var har LUDC sitt huvudkontor?", "ludc"),
]

LEAD_WORDINGS = [
    ("who directed CBMR?", "cbmr"),
    ("who heads LUDC?", "ludc"),
    ("who chairs CBMR?", "cbmr"),
    ("who manages LUDC?", "ludc"),
    ("who is in charge of CBMR?", "cbmr"),
    ("who is at the helm of LUDC?", "ludc"),
    ("hvem står i spidsen for CBMR?", "cbmr"),
    ("hvem har ledelsen af CBMR?", "cbmr"),
    ("vem är chef för LUDC?", "ludc"),
    ("vem står i spetsen för LUDC?", "ludc"),
    ("vem styr LUDC?", "ludc"),
]


@pytest.mark.parametrize(("typed", "centre"), WHERE_WORDINGS)
def test_where_wordings_get_the_place(kb: KnowledgeBase, typed: str, centre: str) -> None:
    question = understand(kb, typed)
    assert (question.intent, question.subject and question.subject.id) == (Intent.WHERE, centre)
    assert outcome(answer_question(kb, typed)).kind == "direct"


@pytest.mark.parametrize(("typed", "centre"), LEAD_WORDINGS)
def test_leading_verbs_ask_who_leads(kb: KnowledgeBase, typed: str, centre: str) -> None:
    question = understand(kb, typed)
    assert (question.intent, question.role) == (Intent.WHO, Signal.LEAD)
    assert question.subject is not None
    assert question.subject.id == centre
    assert outcome(answer_question(kb, typed)).kind != "declined"


HELP_WORDINGS = [
    "how does this work?",
    "how does it work?",
    "how do I ask?",
    "hvordan bruger jeg dig?",
    "hvordan bruger man botten?",
    "hvad kan du?",
    "hvad kan du hjælpe med?",
    "hvordan virker det?",
    "hur använder jag dig?",
    "hur använder man boten?",
    "vad kan du göra?",
    "vad kan jag fråga dig om?",
    "hur funkar det?",
]


@pytest.mark.parametrize("typed", HELP_WORDINGS)
def test_asking_how_to_use_the_bot_gets_help(kb: KnowledgeBase, typed: str) -> None:
    assert understand(kb, typed).intent is Intent.HELP
    assert outcome(answer_question(kb, typed)).kind == "help"


@pytest.mark.parametrize(
    ("typed", "intent"),
    [("how does CBMR work?", Intent.LOOKUP), ("hvor holder CBMR til her?", Intent.WHERE)],
)
def test_help_wordings_do_not_swallow_questions_about_a_centre(
    kb: KnowledgeBase, typed: str, intent: Intent
) -> None:
    assert understand(kb, typed).intent is intent


@pytest.mark.parametrize(
    ("typed", "subject"),
    [
        ("how much did the Novo Nordisk Foundation give to DanStem?", "danstem"),
        ("hvor meget gav Lundbeckfonden til CINS?", "cins"),
        ("hur mycket pengar gav Novo Nordisk Foundation till LUDC?", "ludc"),
        ("how much does the Novo Nordisk Foundation give?", "novo-nordisk-foundation"),
    ],
)
def test_a_grant_is_asked_about_its_recipient_not_its_funder(
    kb: KnowledgeBase, typed: str, subject: str
) -> None:
    question = understand(kb, typed)
    assert question.intent is Intent.COUNT
    assert question.subject is not None
    assert question.subject.id == subject
