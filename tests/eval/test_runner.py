"""The measuring itself: fact matching, what counts as said, and how a reply is scored."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from bot.knowledge import KnowledgeBase
from tests.eval.runner import (
    ALL_KINDS,
    EvalQuery,
    Expectation,
    Observed,
    QuerySetError,
    entry_names,
    fact_present,
    load_queries,
    message_text,
    normalize_answer_text,
    parse_ref,
    score,
    unknown_refs,
)


def says(fact: str, answer: str) -> bool:
    return fact_present(fact, normalize_answer_text(answer))


@pytest.mark.parametrize(
    ("answer", "fact"),
    [
        ("There are *over 45* compounds in the pipeline.", "over 45"),
        ("_Inflammation_: over 45 compounds", "inflammation: over 45"),
        ("Hosted by <https://www.lu.se|Lund University>.", "Lund University"),
        ("See `LUDC` for more.", "ludc"),
        ("CBMR &amp; partners", "CBMR & partners"),
        ("Led by Birte Glenthøj.", "Birte Glenthoj"),
        ("Located in Malmo and Lund.", "Malmö"),
        ("Translational stem-cell research", "stem cell"),
        ("DanStem (2011–2022)", "2022"),
        ("23% of first-round venture investments", "23"),
        ("80+ companies, organisations and institutions", "80+"),
    ],
)
def test_markup_case_accents_and_dashes_do_not_hide_a_fact(answer: str, fact: str) -> None:
    assert says(fact, answer)


@pytest.mark.parametrize(
    "answer",
    [
        "4,002,372 people lived there",
        "4 002 372 people lived there",
        "4.002.372 people lived there",
        "4\u00a0002\u00a0372 people lived there",
        "4\u202f002\u202f372 people lived there",
        "4002372 people lived there",
    ],
)
def test_digits_match_with_or_without_thousands_separators(answer: str) -> None:
    assert says("4002372", answer)
    assert says("4,002,372", answer)


@pytest.mark.parametrize(
    ("answer", "fact"),
    [
        ("145 compounds", "45"),
        ("450 compounds", "45"),
        ("In 1757 it opened", "175"),
        ("about 65,500 people", "500"),
    ],
)
def test_a_number_is_not_found_inside_a_longer_number(answer: str, fact: str) -> None:
    assert not says(fact, answer)


def test_neighbouring_numbers_stay_apart() -> None:
    answer = "In 2011 there were 300 companies and 12 universities; in 2015, 41,000 people."
    for fact in ("2011", "300", "12", "2015", "41000"):
        assert says(fact, answer), fact
    assert not says("2011300", answer)


def test_button_labels_are_not_part_of_what_is_said() -> None:
    blocks: list[dict[str, Any]] = [
        {"type": "section", "text": {"type": "mrkdwn", "text": "*Founded* 2010"}},
        {
            "type": "actions",
            "elements": [
                {"type": "button", "text": {"type": "plain_text", "text": "Lund University"}}
            ],
        },
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "Source: KU"}]},
    ]
    text = normalize_answer_text(message_text("CBMR", blocks))
    assert fact_present("2010", text)
    assert fact_present("source: ku", text)
    assert not fact_present("Lund University", text)


def _query(kind: str, expect: Expectation, facts: tuple[tuple[str, ...], ...] = ()) -> EvalQuery:
    return EvalQuery(text="q", lang="en", kind=kind, expect=expect, facts=facts)


LUDC = ("centre", "ludc")
CBMR = ("centre", "cbmr")


def test_a_direct_answer_needs_the_right_subject_and_every_fact(kb: KnowledgeBase) -> None:
    names = entry_names(kb)
    query = _query("when", Expectation(frozenset({"direct"}), (CBMR,)), (("2010",),))
    right = score(query, Observed("direct", (CBMR,), "CBMR was founded in 2010."), names)
    wrong_year = score(query, Observed("direct", (CBMR,), "CBMR was founded in 2011."), names)
    wrong_entry = score(query, Observed("direct", (LUDC,), "Founded in 2010."), names)
    a_card = score(query, Observed("card", (CBMR,), "Founded 2010"), names)
    assert (right.right, right.top1) == (True, True)
    assert (wrong_year.right, wrong_year.top1) == (False, True)
    assert (wrong_entry.right, wrong_entry.top1) == (False, False)
    assert (a_card.right, a_card.top1) == (False, True)


def test_a_name_may_be_answered_directly_if_the_answer_names_the_entry(kb: KnowledgeBase) -> None:
    names = entry_names(kb)
    query = _query("name", Expectation(frozenset({"card"}), (LUDC,)))
    assert score(query, Observed("card", (LUDC,), ""), names).right
    assert score(query, Observed("direct", (LUDC,), "LUDC is a diabetes centre."), names).right
    assert not score(query, Observed("direct", (LUDC,), "A diabetes centre."), names).right
    assert not score(query, Observed("search", (LUDC,), "LUDC"), names).right


def test_an_unknown_fact_is_right_when_declined_or_answered_about_the_entry(
    kb: KnowledgeBase,
) -> None:
    names = entry_names(kb)
    expect = Expectation(frozenset({"direct", "declined"}), (LUDC,), unknown=True)
    query = _query("who", expect)
    assert score(query, Observed("declined", (), "I don't know."), names).right
    assert score(query, Observed("direct", (LUDC,), "I don't know who funds LUDC."), names).right
    assert not score(query, Observed("direct", (CBMR,), "CBMR is funded by…"), names).right
    assert not score(query, Observed("card", (LUDC,), "LUDC"), names).right


def test_a_list_must_hold_what_it_includes_and_not_what_it_excludes(kb: KnowledgeBase) -> None:
    names = entry_names(kb)
    expect = Expectation(frozenset({"list"}), includes=(LUDC,), excludes=(CBMR,))
    query = _query("list", expect)
    assert score(query, Observed("list", (("centre", "wnc"), LUDC), ""), names).right
    assert not score(query, Observed("list", (LUDC, CBMR), ""), names).right
    assert not score(query, Observed("list", (CBMR,), ""), names).right
    assert not score(query, Observed("search", (LUDC,), ""), names).right


def test_the_set_is_large_varied_and_names_only_real_entries(
    queries: tuple[EvalQuery, ...], kb: KnowledgeBase
) -> None:
    assert len(queries) >= 300
    langs = Counter(q.lang for q in queries)
    assert 0.45 <= langs["en"] / len(queries) <= 0.55
    assert min(langs["da"], langs["sv"]) / len(queries) >= 0.2
    assert {q.kind for q in queries} == ALL_KINDS
    assert unknown_refs(queries, kb) == []
    assert len({q.text for q in queries}) == len(queries), "a query appears twice"


def test_a_malformed_record_is_named(tmp_path: Path) -> None:
    path = tmp_path / "queries.yaml"
    path.write_text(
        "queries:\n  - {text: LUDC, lang: en, kind: name, expect: {outcome: kard}}\n",
        encoding="utf-8",
    )
    with pytest.raises(QuerySetError, match=r"query 1 \('LUDC'\)"):
        load_queries(path)
    with pytest.raises(QuerySetError, match="not an entry"):
        parse_ref("ludc")
