"""Answers right on both sides of a dated change (issue 18): on 1 January 2027 the Capital
Region and Region Zealand become the Region of Eastern Denmark, without a redeploy."""

from __future__ import annotations

import json
from datetime import date

import pytest

from bot.answers import answer_question, outcome, render
from bot.cli.main import main
from bot.knowledge import EntryRef, KnowledgeBase

BEFORE = date(2026, 12, 20)
AFTER = date(2027, 1, 5)


@pytest.mark.parametrize("region", ["Capital Region of Denmark", "Region Zealand"])
def test_a_region_is_active_until_the_merger_and_ended_after_it(
    kb: KnowledgeBase, region: str
) -> None:
    before = render(answer_question(kb, f"is {region} still active?", today=BEFORE)).text
    after = answer_question(kb, f"is {region} still active?", today=AFTER)
    assert "is active today" in before
    assert "2027-01-01" in before
    assert "has ended" in render(after).text
    assert EntryRef("centre", "region-of-eastern-denmark") in outcome(after).subjects


def test_the_new_region_is_an_entry_with_its_start_date(kb: KnowledgeBase) -> None:
    answer = answer_question(kb, "Region of Eastern Denmark", today=BEFORE)
    assert outcome(answer).subjects == (EntryRef("centre", "region-of-eastern-denmark"),)
    assert "From 2027-01-01" in json.dumps(render(answer).as_dict())


def test_a_caveat_follows_the_change_in_force(kb: KnowledgeBase) -> None:
    before = render(answer_question(kb, "where is the Capital Region of Denmark?", today=BEFORE))
    after = render(answer_question(kb, "where is the Capital Region of Denmark?", today=AFTER))
    assert "ended" not in before.text
    assert "ended" in after.text.casefold()


def test_kb_check_lists_what_changes_by_a_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "check", "--as-of", "2027-01-31"]) == 0
    out = capsys.readouterr().out
    assert "changes by 2027-01-31:" in out
    assert "2027-01-01 Capital Region of Denmark: Merged with Region Zealand" in out
    assert "2027-07-01" not in out


def _hospitals_of_the_capital_region(kb: KnowledgeBase) -> list[str]:
    return [
        centre.id
        for centre in kb.centres.values()
        if centre.kind.value == "hospital"
        and any(change.note and "Eastern Denmark" in change.note for change in centre.changes)
    ]


def test_from_1_january_a_hospital_answer_says_who_runs_it_now(kb: KnowledgeBase) -> None:
    """Its host field still names the Capital Region; the change in force is said with it."""
    hospitals = _hospitals_of_the_capital_region(kb)
    assert len(hospitals) >= 5
    for hospital_id in hospitals:
        name = kb.centres[hospital_id].name
        before = render(answer_question(kb, f"who runs {name}?", today=BEFORE)).text
        after = render(answer_question(kb, f"who runs {name}?", today=AFTER)).text
        assert "Region of Eastern Denmark" not in before, before
        assert "Region of Eastern Denmark" in after, after
