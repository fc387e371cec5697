"""Rendered answers: what a Slack user sees, inside Slack's limits, never pinging anyone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.answers import render, resolve_text
from bot.answers.render.mrkdwn import escape, truncate
from bot.knowledge import KnowledgeBase, load_knowledge_base
from tests.support.block_limits import limit_violations
from tests.support.kb_files import CENTRES, write_kb

COMMANDS = ["help", "fields", "centres", "stats", "Medicon Valley", "search lund", "xyzzy"]


def every_question(kb: KnowledgeBase) -> list[str]:
    questions = list(COMMANDS)
    questions += list(kb.fields) + [f"centres {field_id}" for field_id in kb.fields]
    questions += [centre.name for centre in kb.centres.values()]
    return questions


def test_every_answer_of_the_shipped_kb_is_within_slack_limits(kb: KnowledgeBase) -> None:
    for question in every_question(kb):
        payload = render(resolve_text(kb, question)).as_dict()
        assert limit_violations(payload) == [], question


@pytest.mark.parametrize(
    "typed", ["<!channel>", "<!here> cancer", "<@U123>", "<https://evil.test|click>"]
)
def test_user_text_is_escaped_so_it_cannot_ping_or_link(kb: KnowledgeBase, typed: str) -> None:
    for question in (typed, f"search {typed}", f"centres {typed}", f"{typed}x"):
        dumped = json.dumps(render(resolve_text(kb, question)).as_dict())
        assert "<!" not in dumped
        assert "<@" not in dumped
        assert "<https://evil" not in dumped


def test_no_match_echoes_the_typed_text_escaped(kb: KnowledgeBase) -> None:
    message = render(resolve_text(kb, "<!channel> & friends"))
    assert "&lt;!channel&gt; &amp; friends" in json.dumps(message.as_dict())
    assert "&lt;!channel&gt;" in message.text


def test_a_field_answer_shows_numbers_with_their_qualifiers(kb: KnowledgeBase) -> None:
    message = render(resolve_text(kb, "cancer"))
    blocks = message.as_dict()["blocks"]
    assert blocks[0]["type"] == "header"
    assert "Cancer" in blocks[0]["text"]["text"]
    fields_text = " ".join(
        field["text"]
        for block in blocks
        if block["type"] == "section"
        for field in block.get("fields", [])
    )
    assert "*more than 25* organisations" in fields_text
    assert "*over 75* therapeutic compounds in the pipeline" in fields_text
    assert "*23%*" in fields_text
    assert "more than 25" in message.text


def test_a_field_answer_has_a_button_per_centre(kb: KnowledgeBase) -> None:
    blocks = render(resolve_text(kb, "diabetes")).as_dict()["blocks"]
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert {"open_centre:ludc", "open_centre:cbmr"} <= {b["action_id"] for b in buttons}
    assert all(b["value"] == b["action_id"].split(":", 1)[1] for b in buttons)


def test_a_closest_match_is_labelled(kb: KnowledgeBase) -> None:
    message = render(resolve_text(kb, "canser"))
    assert "Closest match to ‘canser’" in json.dumps(message.as_dict(), ensure_ascii=False)
    assert message.text.startswith("(Closest match to ‘canser’)")


def test_an_ended_centre_is_never_shown_as_current(kb: KnowledgeBase) -> None:
    message = render(resolve_text(kb, "DanStem"))
    dumped = json.dumps(message.as_dict(), ensure_ascii=False)
    assert ":warning: *Ended*" in dumped
    assert "open_centre:renew" in dumped
    assert "[Ended]" in message.text


def test_a_centre_answer_shows_host_place_website_and_source(kb: KnowledgeBase) -> None:
    dumped = json.dumps(render(resolve_text(kb, "LUDC")).as_dict(), ensure_ascii=False)
    for expected in ("*Host*", "Lund University", "Sweden", "<https://www.ludc.lu.se", "Source"):
        assert expected in dumped


def test_help_lists_every_command_with_the_surface_prefix(kb: KnowledgeBase) -> None:
    slack = json.dumps(render(resolve_text(kb, "help")).as_dict())
    console = json.dumps(render(resolve_text(kb, "help"), prefix="").as_dict())
    for command in ("fields", "centres diabetes", "stats", "search", "help"):
        assert f"/medicon {command}" in slack
        assert f"`{command}" in console


def test_a_huge_knowledge_base_still_renders_within_limits(tmp_path: Path) -> None:
    many = "".join(
        f"  - id: centre-{n}\n    name: {'Centre ' * 18}{n}\n    kind: centre\n"
        f"    fields: [cancer]\n    summary: {'Long text. ' * 400}\n    sources: [seed]\n"
        for n in range(300)
    )
    kb = load_knowledge_base(write_kb(tmp_path, centres=CENTRES + many))
    for question in ("cancer", "centres cancer", "centres", "search centre", "Centre"):
        payload = render(resolve_text(kb, question)).as_dict()
        assert limit_violations(payload) == [], question


def test_escape_and_truncate() -> None:
    assert escape("a<b>&c") == "a&lt;b&gt;&amp;c"
    assert truncate("x" * 10, 5) == "xxxx…"
    assert truncate("abc &amp; def", 8) == "abc…"
    assert truncate("short", 10) == "short"
