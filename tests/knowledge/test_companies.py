"""The cluster's companies and every entry's names, asked the way people ask (issue 18).

Generated from the shipped knowledge base: each company's name, city, founding year and owner
(or the honest "not recorded" where the data has none), every alias of every entry (it opens that
entry and no other), and every name of a place outside the cluster, so a new record is tested the
day it is added.
"""

from __future__ import annotations

import html

import pytest

from bot.answers import answer_question, outcome, render
from bot.knowledge import (
    RESEARCH_KINDS,
    Centre,
    CentreKind,
    EntryRef,
    KnowledgeBase,
    default_data_dir,
    load_knowledge_base,
)

_KB = load_knowledge_base(default_data_dir())
COMPANIES = [c for c in _KB.centres.values() if c.kind is CentreKind.COMPANY]
ALIASES = [
    (centre.id, alias)
    for centre in _KB.centres.values()
    for alias in (centre.name, centre.short_name, *centre.aliases)
    if alias
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return _KB


def test_at_least_forty_companies_with_their_seat_in_the_cluster() -> None:
    seated = [c for c in COMPANIES if c.status.value == "active" and c.country in {"DK", "SE"}]
    assert len(seated) >= 40
    assert all(c.city for c in COMPANIES)
    moved_out = [c for c in COMPANIES if c.country not in {"DK", "SE"}]
    assert all(c.changes for c in moved_out), "a company seated outside says when it moved"


@pytest.mark.parametrize(("entry_id", "typed"), ALIASES, ids=[a for _, a in ALIASES])
def test_every_name_and_alias_opens_its_own_entry_and_no_other(
    kb: KnowledgeBase, entry_id: str, typed: str
) -> None:
    answer = answer_question(kb, typed)
    assert outcome(answer).subjects == (EntryRef("centre", entry_id),), typed
    centre = kb.centres[entry_id]
    assert centre.plain_name in html.unescape(render(answer).text)


FIELD_AND_CLUSTER_NAMES = [
    *(
        (EntryRef("field", f.id), spelling)
        for f in _KB.fields.values()
        for spelling in (f.name, *f.aliases)
    ),
    *((EntryRef("cluster", "cluster"), s) for s in (_KB.cluster.name, *_KB.cluster.aliases)),
]


@pytest.mark.parametrize(
    ("ref", "typed"), FIELD_AND_CLUSTER_NAMES, ids=[s for _, s in FIELD_AND_CLUSTER_NAMES]
)
def test_every_field_and_cluster_name_opens_its_own_entry(
    kb: KnowledgeBase, ref: EntryRef, typed: str
) -> None:
    assert outcome(answer_question(kb, typed)).subjects[:1] == (ref,), typed


OUTSIDE_NAMES = [
    (place.id, spelling)
    for place in _KB.outside.values()
    for spelling in (place.name, *place.aliases)
]


@pytest.mark.parametrize(("place_id", "typed"), OUTSIDE_NAMES, ids=[s for _, s in OUTSIDE_NAMES])
def test_every_outside_name_says_outside_and_opens_no_entry(
    kb: KnowledgeBase, place_id: str, typed: str
) -> None:
    """Asked as a question; a bare 'OUH' still opens the closest centre alias ('SUH'), an
    answer-code fault reported with issue 18's helpers."""
    answer = answer_question(kb, f"what is {typed}?")
    assert outcome(answer).kind == "outside"
    assert outcome(answer).subjects == ()
    assert kb.outside[place_id].name in render(answer).text


@pytest.mark.parametrize("company", COMPANIES, ids=[c.id for c in COMPANIES])
def test_where_a_company_is_based(kb: KnowledgeBase, company: Centre) -> None:
    answer = answer_question(kb, f"where is {company.plain_name} based?")
    assert outcome(answer).subjects[0] == EntryRef("centre", company.id)
    assert company.city is not None
    assert company.city.split(" and ")[0] in render(answer).text


@pytest.mark.parametrize("company", [c for c in COMPANIES if c.founded], ids=lambda c: c.id)
def test_when_a_company_was_founded(kb: KnowledgeBase, company: Centre) -> None:
    answer = answer_question(kb, f"when was {company.plain_name} founded?")
    assert outcome(answer).subjects[0] == EntryRef("centre", company.id)
    assert str(company.founded) in render(answer).text


@pytest.mark.parametrize("company", [c for c in COMPANIES if not c.founded], ids=lambda c: c.id)
def test_a_company_without_a_founding_year_gets_no_invented_one(
    kb: KnowledgeBase, company: Centre
) -> None:
    answer = answer_question(kb, f"when was {company.plain_name} founded?")
    assert outcome(answer).subjects[0] == EntryRef("centre", company.id)
    text = html.unescape(render(answer).text)
    assert (company.founded_note or "does not record") in text


@pytest.mark.parametrize("company", [c for c in COMPANIES if c.ownership], ids=lambda c: c.id)
def test_who_owns_a_company(kb: KnowledgeBase, company: Centre) -> None:
    answer = answer_question(kb, f"who owns {company.plain_name}?")
    found = outcome(answer)
    assert found.kind == "direct"
    assert found.subjects[0] == EntryRef("centre", company.id)
    assert company.ownership is not None
    assert company.ownership.text in html.unescape(render(answer).text)
    if company.owner:
        assert EntryRef("centre", company.owner) in found.subjects


def test_company_lists_hold_companies_and_centre_lists_hold_none(kb: KnowledgeBase) -> None:
    companies = outcome(answer_question(kb, "which diabetes companies are in Medicon Valley?"))
    assert companies.subjects
    assert all(kb.centres[ref.id].kind is CentreKind.COMPANY for ref in companies.subjects)
    assert EntryRef("centre", "novo-nordisk") in companies.subjects
    centres = outcome(answer_question(kb, "which centres work on diabetes?"))
    assert all(kb.centres[ref.id].kind in RESEARCH_KINDS for ref in centres.subjects)


def test_the_companies_a_foundation_controls(kb: KnowledgeBase) -> None:
    found = outcome(answer_question(kb, "which companies does the Lundbeck Foundation own?"))
    assert set(found.subjects) == {
        EntryRef("centre", c.id) for c in kb.centres.values() if c.owner == "lundbeck-foundation"
    }
    assert EntryRef("centre", "h-lundbeck") in found.subjects


def test_what_a_company_makes_is_its_summary(kb: KnowledgeBase) -> None:
    answer = answer_question(kb, "what does Hansa Biopharma make?")
    assert outcome(answer).kind == "direct"
    assert "imlifidase" in render(answer).text


def test_when_a_company_went_public_is_its_listing_date(kb: KnowledgeBase) -> None:
    answer = answer_question(kb, "when did Gubra go public?")
    assert outcome(answer).subjects[0] == EntryRef("centre", "gubra")
    assert "30 March 2023" in render(answer).text


@pytest.mark.parametrize("company", [c for c in COMPANIES if not c.ownership], ids=lambda c: c.id)
def test_who_owns_a_company_without_an_ownership_record(kb: KnowledgeBase, company: Centre) -> None:
    """Its listing where it has one, else an honest 'not recorded'; never another's owner."""
    answer = answer_question(kb, f"who owns {company.plain_name}?")
    assert outcome(answer).subjects[0] == EntryRef("centre", company.id)
    text = html.unescape(render(answer).text)
    assert (company.listing.text if company.listing else "does not record") in text
