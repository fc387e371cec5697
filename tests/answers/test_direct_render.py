"""Direct answers as a Slack user sees them: the fact first, its year and source, the card one
click away, the doubts said, within Slack's limits, and never a ping from user text."""

from __future__ import annotations

import json

import pytest

from bot.answers import answer_question, outcome, render
from bot.knowledge import KnowledgeBase
from tests.support.block_limits import limit_violations

QUESTIONS = [
    "how many compounds for inflammation are in the pipeline?",
    "hvor mange diabetesvirksomheder er der?",
    "how many people work in life science?",
    "when was Rigshospitalet founded?",
    "where is LUDC?",
    "who hosts CREATE Health?",
    "who leads CBMR?",
    "who funds Rigshospitalet?",
    "is DanStem still active?",
    "what is CBMR?",
    "what does MAD stand for?",
    "which centres do stem-cell research in Copenhagen?",
    "which centres have closed?",
    "centres in Lund",
    "how many centres are in Lund?",
    "what is part of Rigshospitalet?",
    "which field has the most compounds in the pipeline?",
    "which is older, Rigshospitalet or Skåne University Hospital?",
    "Karolinska Institutet",
    "hej",
    "tack så mycket",
    "Mayo Clinic",
    "what's the stock price of Novo Nordisk",
]


def buttons(payload: dict[str, object]) -> list[str]:
    blocks = payload["blocks"]
    assert isinstance(blocks, list)
    found: list[str] = []
    for block in blocks:
        if block["type"] == "actions":
            found.extend(element["action_id"] for element in block["elements"])
        accessory = block.get("accessory")
        if accessory and accessory.get("type") == "button":
            found.append(accessory["action_id"])
    return found


@pytest.mark.parametrize("typed", QUESTIONS)
def test_every_kind_of_answer_fits_slack(kb: KnowledgeBase, typed: str) -> None:
    payload = render(answer_question(kb, typed)).as_dict()
    assert limit_violations(payload) == [], typed


@pytest.mark.parametrize(
    "typed",
    [
        "where is <!here> LUDC?",
        "<!channel> how many compounds are in the cancer pipeline?",
        "who leads <@U123> CBMR?",
        "<https://evil.test|click> Karolinska Institutet",
        "what is <!everyone>?",
    ],
)
def test_user_text_in_questions_cannot_ping_or_link(kb: KnowledgeBase, typed: str) -> None:
    dumped = json.dumps(render(answer_question(kb, typed)).as_dict())
    assert "<!" not in dumped
    assert "<@" not in dumped
    assert "<https://evil" not in dumped


def test_a_direct_answer_leads_with_the_fact_its_year_and_source(kb: KnowledgeBase) -> None:
    payload = render(answer_question(kb, "how many compounds for diabetes are in the pipeline?"))
    first = payload.blocks[0]["text"]["text"]
    assert "over 40" in first
    assert "undated" in first or "as of" in first
    assert "Source:" in first
    assert "open_field:diabetes" in buttons(payload.as_dict())


def test_an_ended_centre_says_so_in_the_direct_answer(kb: KnowledgeBase) -> None:
    answer = answer_question(kb, "where is DanStem?")
    text = render(answer).text
    assert "ended" in text
    assert "reNEW" in text
    assert [ref.id for ref in outcome(answer).subjects][:2] == ["danstem", "renew"]


def test_a_centre_in_a_list_is_marked_when_it_ended(kb: KnowledgeBase) -> None:
    text = render(answer_question(kb, "which centres do stem-cell research in Copenhagen?")).text
    assert "DanStem (ended)" in text


def test_the_stem_cell_card_marks_its_ended_centre(kb: KnowledgeBase) -> None:
    payload = render(answer_question(kb, "stem cells")).as_dict()
    assert "DanStem (ended)" in json.dumps(payload)


def test_every_stat_on_a_card_says_its_year_or_undated(kb: KnowledgeBase) -> None:
    for research_field in kb.fields.values():
        dumped = json.dumps(render(answer_question(kb, research_field.name)).as_dict())
        for stat in research_field.stats:
            assert (f"as of {stat.as_of}" if stat.as_of else "undated") in dumped


def test_cards_show_when_they_were_last_reviewed(kb: KnowledgeBase) -> None:
    reviewed = [c for c in kb.centres.values() if c.reviewed is not None]
    if not reviewed:
        pytest.skip("no reviewed centre in the shipped data")
    centre = reviewed[0]
    dumped = json.dumps(render(answer_question(kb, centre.name)).as_dict())
    assert f"Last reviewed {centre.reviewed.isoformat()}" in dumped  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("typed", "kind", "first"),
    [
        ("what is part of Rigshospitalet?", "list", "rigshospitalet-phase-1-unit"),
        (
            "which is older, Skåne University Hospital or Rigshospitalet?",
            "compare",
            "rigshospitalet",
        ),
        ("what does MAD stand for?", "direct", "mad-for-cancer"),
        ("Karolinska Institutet", "outside", None),
        ("hej", "chat", None),
        ("Mayo Clinic", "declined", None),
    ],
)
def test_outcomes_of_the_new_kinds(
    kb: KnowledgeBase, typed: str, kind: str, first: str | None
) -> None:
    result = outcome(answer_question(kb, typed))
    assert result.kind == kind
    assert (result.subjects[0].id if result.subjects else None) == first
