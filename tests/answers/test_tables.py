"""``stats`` and centre lists as Block Kit tables: what they show, Slack's limits, the fallback."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.models.blocks import TableBlock

from bot.answers import answer_question, render
from bot.answers.records import CentreListAnswer
from bot.answers.render.tables import MAX_ROWS, centres_table, with_table
from bot.config import load_settings
from bot.knowledge import RESEARCH_KINDS, KnowledgeBase
from bot.slack.views.replies import command_reply, conversation_reply
from tests.support.block_limits import action_ids, limit_violations


def tables_in(blocks: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    return [block for block in blocks if block["type"] == "table"]


def cells(table: dict[str, Any]) -> list[list[str]]:
    """The words of every cell (rich text: one section of text elements)."""
    return [
        ["".join(e["text"] for e in cell["elements"][0]["elements"]) for cell in row]
        for row in table["rows"]
    ]


def test_stats_show_every_figure_in_one_table(kb: KnowledgeBase) -> None:
    message = render(answer_question(kb, "stats"), tables=True)
    (table,) = tables_in(message.blocks)
    rows = cells(table)
    assert rows[0] == ["Field", "Figure", "What", "Year"]
    figures = sum(len(f.stats) for f in kb.fields.values())
    assert len(rows) == figures + 1
    assert {row[0] for row in rows[1:]} <= {f.name for f in kb.fields.values()}
    assert limit_violations(message.as_dict()) == []
    # The table replaces the sections per field; the cluster's numbers and sources stay.
    plain = render(answer_question(kb, "stats"))
    assert message.text == plain.text
    assert len(message.blocks) == len(plain.blocks) - len(kb.fields) + 1


def test_a_centre_list_is_a_table_with_its_buttons_kept(kb: KnowledgeBase) -> None:
    message = command_reply(kb, "centres diabetes")
    (table,) = tables_in(message.blocks)
    names = [row[0] for row in cells(table)[1:]]
    centres = [
        c for c in kb.centres.values() if "diabetes" in c.fields and c.kind in RESEARCH_KINDS
    ]
    assert names == [c.label for c in centres]
    assert {f"open_centre:{c.id}" for c in centres} <= action_ids(list(message.blocks))
    assert "share_answer" in action_ids(list(message.blocks))
    assert limit_violations(message.as_dict()) == []


@pytest.mark.parametrize("text", ["stats", "centres", "centres cancer", "fields", "LUDC"])
def test_with_tables_off_the_rendering_is_todays(kb: KnowledgeBase, text: str) -> None:
    assert tables_in(command_reply(kb, text, tables=False).blocks) == []
    assert tables_in(conversation_reply(kb, text, tables=False).blocks) == []
    assert tables_in(render(answer_question(kb, text)).blocks) == []


def test_answers_that_compare_nothing_get_no_table(kb: KnowledgeBase) -> None:
    for text in ("LUDC", "cancer", "fields", "help", "where is LUDC?"):
        assert tables_in(command_reply(kb, text).blocks) == [], text


def test_a_list_longer_than_a_table_keeps_todays_rendering(kb: KnowledgeBase) -> None:
    many = tuple(kb.centres.values()) * (MAX_ROWS // len(kb.centres) + 1)
    answer = CentreListAnswer(centres=many[:MAX_ROWS])  # 100 centres + the header row: 101
    assert centres_table(answer) is None
    blocks = render(answer).blocks
    assert with_table(answer, blocks) == blocks
    fits = CentreListAnswer(centres=many[: MAX_ROWS - 1])
    table = centres_table(fits)
    assert table is not None
    assert len(table["rows"]) == MAX_ROWS
    assert limit_violations({"text": "x", "blocks": [table]}) == []


def test_the_tables_are_valid_for_slack_sdks_own_model(kb: KnowledgeBase) -> None:
    for text in ("stats", "centres"):
        (table,) = tables_in(command_reply(kb, text).blocks)
        model = TableBlock(rows=table["rows"], column_settings=table["column_settings"])
        model.validate_json()
        assert model.to_dict()["rows"] == table["rows"]


def test_the_limit_checker_catches_a_broken_table() -> None:
    wide = {"type": "table", "rows": [[{"type": "raw_text", "text": "x"}] * 21]}
    tall = {"type": "table", "rows": [[{"type": "raw_text", "text": "x"}]] * 101}
    problems = limit_violations({"text": "x", "blocks": [wide, tall]})
    assert any("cells > 20" in p for p in problems)
    assert any("101 rows" in p for p in problems)
    assert "more than one table in a message" in problems


def test_the_setting_turns_tables_off() -> None:
    assert load_settings({}).table_blocks is True
    assert load_settings({"MEDICON_TABLE_BLOCKS": "false"}).table_blocks is False
