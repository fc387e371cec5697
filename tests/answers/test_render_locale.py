"""Answers rendered in Danish and Swedish: the bot's own words in the reader's language,
numbers and days written their way, knowledge quoted as written, within Slack's limits."""

from __future__ import annotations

import json
import re

import pytest

from bot.answers import render, reply_to, resolve_text
from bot.answers.locale import TRANSLATED
from bot.knowledge import KnowledgeBase
from bot.spotlights.schedule import parse_schedule, split_language
from tests.answers.test_render import every_question
from tests.support.block_limits import limit_violations

ENGLISH_UI = (
    "The knowledge base",
    "knowledge base",
    "Source:",
    "Sources:",
    "Last reviewed",
    "Did you mean",
    "Centres and programmes",
    "research fields",
    "Closest match",
    "Research themes",
    "Key numbers",
    "*Host*",
    "*Location*",
    "*Founded*",
    "*Website*",
    "Try a research field",
)
"""The bot's own English that must never reach a Danish or Swedish reader (none of it is in a
sourced statement of the shipped knowledge base)."""

QUESTIONS = [
    "help",
    "fields",
    "centres",
    "stats",
    "xyzzy",
    "LUDC",
    "Rigshospitalet",
    "BioCARE",
    "who hosts LUDC?",
    "when was Rigshospitalet founded?",
    "is BioCARE still active?",
    "which hospitals are in Copenhagen?",
    "which field has the most companies?",
    "compare LUDC and Steno Diabetes Center Copenhagen",
    "how many centres are there in cancer?",
    "what is the weather in Paris?",
]


def _all_text(payload: dict[str, object]) -> str:
    return json.dumps(payload, ensure_ascii=False)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_answer_renders_within_slack_limits_in_each_language(
    kb: KnowledgeBase, language: str
) -> None:
    for question in [*every_question(kb), *QUESTIONS]:
        payload = render(resolve_text(kb, question), locale=language).as_dict()
        assert limit_violations(payload) == [], (language, question)


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_english_of_the_bots_own_reaches_a_danish_or_swedish_reader(
    kb: KnowledgeBase, language: str
) -> None:
    for question in [*every_question(kb), *QUESTIONS]:
        said = _all_text(render(resolve_text(kb, question), locale=language).as_dict())
        english = [words for words in ENGLISH_UI if words in said]
        assert english == [], (language, question)


def test_english_stays_the_default_and_says_what_it_always_said(kb: KnowledgeBase) -> None:
    for question in QUESTIONS:
        answer = resolve_text(kb, question)
        assert render(answer) == render(answer, locale="en") == render(answer, locale="en-GB")
    said = _all_text(render(resolve_text(kb, "who hosts LUDC?")).as_dict())
    assert "is hosted by" in said
    assert "Source:" in said


def test_a_card_speaks_danish_around_the_knowledge(kb: KnowledgeBase) -> None:
    said = _all_text(render(resolve_text(kb, "LUDC"), locale="da").as_dict())
    for label in ("*Vært*", "*Beliggenhed*", "*Felter*", "*Type*", "*Status*", "Sverige"):
        assert label in said
    assert "Lund University Diabetes Centre" in said  # the name, as written


def test_a_direct_answer_in_swedish_keeps_the_statement_and_its_source(
    kb: KnowledgeBase,
) -> None:
    reply = reply_to(kb, "vem är värd för LUDC?")
    assert reply.language == "sv"
    said = _all_text(render(reply.answer, locale=reply.language).as_dict())
    assert "är värd för Lund University Diabetes Centre (LUDC)" in said
    assert "Källa:" in said


def test_figures_are_written_the_danish_way(kb: KnowledgeBase) -> None:
    english = _all_text(render(resolve_text(kb, "Medicon Valley")).as_dict())
    danish = _all_text(render(resolve_text(kb, "Medicon Valley"), locale="da").as_dict())
    assert "4,002,372" in english or "," in english
    grouped = [part for part in english.split() if part.count(",") >= 1 and part[0].isdigit()]
    assert grouped, "the cluster card has a figure in thousands"
    number = grouped[0].rstrip("*,.")
    assert number.replace(",", ".") in danish


@pytest.mark.parametrize(
    ("greeting", "chosen", "hint"),
    [
        ("hej med dig", None, "Spørg om"),
        ("hejsan", None, "Fråga om"),
        ("hej", "sv", "Fråga om"),  # both languages' word: the person's choice
        ("hej", None, "Ask about"),  # and with none made, English
    ],
)
def test_a_greeting_hint_follows_the_greeting(
    kb: KnowledgeBase, greeting: str, chosen: str | None, hint: str
) -> None:
    reply = reply_to(kb, greeting, otherwise=chosen)
    said = _all_text(render(reply.answer, locale=reply.language).as_dict())
    assert hint in said
    for other in {"Ask about", "Spørg om", "Fråga om"} - {hint}:
        assert other not in said


def test_a_filtered_list_is_named_in_swedish(kb: KnowledgeBase) -> None:
    reply = reply_to(kb, "vilka sjukhus finns i Sverige?")
    message = render(reply.answer, locale=reply.language)
    assert message.blocks[0]["text"]["text"].startswith("Sjukhus i Sverige")


@pytest.mark.parametrize("language", TRANSLATED)
def test_tables_speak_the_language_and_stay_within_limits(kb: KnowledgeBase, language: str) -> None:
    for question in ("stats", "centres", "centres cancer"):
        payload = render(resolve_text(kb, question), tables=True, locale=language).as_dict()
        assert limit_violations(payload) == [], (language, question)
        tables = [block for block in payload["blocks"] if block["type"] == "table"]
        assert len(tables) == 1, question
        said = json.dumps(tables[0], ensure_ascii=False)
        assert '"Place"' not in said
        assert '"Year"' not in said
        assert '"Field"' not in said
        assert '"Centre"' not in said
    long_list = render(resolve_text(kb, "centres"), tables=True, locale=language).as_dict()
    more = {"da": "*Og ", "sv": "*Och "}[language]
    assert not any(
        str((block.get("text") or {}).get("text", "")).startswith(more)
        for block in long_list["blocks"]
    )


@pytest.mark.parametrize(
    ("language", "told"),
    [
        ("en", "add english, dansk or svenska for its language"),
        ("da", "tilføj english, dansk eller svenska for at vælge dets sprog"),
        ("sv", "lägg till english, dansk eller svenska för att välja dess språk"),
    ],
)
def test_help_tells_that_a_spotlight_takes_a_language_word_and_its_example_works(
    kb: KnowledgeBase, language: str, told: str
) -> None:
    help_text = json.dumps(
        render(resolve_text(kb, "help"), locale=language).as_dict(), ensure_ascii=False
    )
    assert told in help_text
    (example,) = re.findall(r"`/medicon subscribe ([^`]*)`", help_text)
    chosen, schedule = split_language(example)
    assert chosen == "da"
    assert parse_schedule(schedule, default_timezone="Europe/Copenhagen").local_time == "09:00"
