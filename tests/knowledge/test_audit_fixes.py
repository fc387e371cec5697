"""What the audit of data/ found (issue 10), each fixed in the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.knowledge import (
    EntryRef,
    KnowledgeBase,
    Stat,
    Status,
    default_data_dir,
    load_knowledge_base,
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(default_data_dir())


def _texts(kb: KnowledgeBase) -> list[str]:
    texts = [kb.cluster.summary, *kb.cluster.highlight_texts]
    for research_field in kb.fields.values():
        texts += [research_field.summary, *research_field.highlight_texts]
    for centre in kb.centres.values():
        texts += [
            centre.summary,
            *centre.detail_texts,
            centre.founded_note or "",
            centre.status_note or "",
        ]
    texts += [stat.statement for stat in kb.all_stats()]
    return texts


def _cluster_stat(kb: KnowledgeBase, stat_id: str) -> Stat:
    (stat,) = [s for s in kb.cluster.stats if s.id == stat_id]
    return stat


# --- Medicon Valley Alliance and Medicon Village ---------------------------------------------


def test_mva_members_show_both_figures_with_their_years_newest_first(kb: KnowledgeBase) -> None:
    members = [s for s in kb.cluster.stats if s.id.startswith("cluster-mva-members")]
    assert [(s.display_value, s.as_of) for s in members] == [("over 300", 2022), ("250", 2015)]
    assert [s.source for s in members] == ["naringsliv-2022-mva-uniqueness", "mva-strategy-2015"]
    mva = kb.centres["medicon-valley-alliance"]
    assert "over 300" in mva.summary
    assert "2022" in mva.summary
    assert not any("about 250 members" in text for text in _texts(kb))


def test_the_academy_to_alliance_rename_gets_no_year_without_a_source(kb: KnowledgeBase) -> None:
    mva = kb.centres["medicon-valley-alliance"]
    (rename,) = [d for d in mva.detail_texts if "Alliance" in d]
    assert "2007" not in rename
    assert "2007" not in (mva.founded_note or "")


def test_medicon_village_figures_are_exact_and_dated_2022(kb: KnowledgeBase) -> None:
    # audit 2, row 132: the 2,800 is Labiotech's figure of 13 December 2022 ("more than").
    stat = _cluster_stat(kb, "cluster-medicon-village-people")
    assert (stat.value, stat.qualifier, stat.as_of) == (2800, "more than", 2022)
    assert "more than 2,800 people" in stat.statement
    assert stat.source == "labiotech-2022-medicon-village-hartman"
    village = kb.centres["medicon-village"]
    assert "more than 2,800" in village.summary
    assert "2022" in village.summary
    assert village.status_as_of == 2022
    for text in _texts(kb):
        if "Medicon Village" in text or "companies and organisations" in text:
            assert "about 2,800" not in text
            assert "about 180" not in text


def test_general_organisations_carry_only_the_fields_a_source_supports(kb: KnowledgeBase) -> None:
    assert kb.centres["medicon-valley-alliance"].fields == ("microbiome",)
    assert kb.centres["medicon-village"].fields == ("cancer",)


# --- Drift from sources ----------------------------------------------------------------------


def test_wikipedia_counts_are_exact(kb: KnowledgeBase) -> None:
    companies = _cluster_stat(kb, "cluster-life-science-companies-wikipedia")
    assert "20 of them large pharma or medtech firms" in companies.statement
    assert "about 20" not in companies.statement
    (start_ups,) = [h for h in kb.cluster.highlight_texts if "between 1998 and 2008" in h]
    assert start_ups.startswith("100 new biotech and medtech companies")


def test_the_ilf_grant_sentence_keeps_four_and_seven_apart(kb: KnowledgeBase) -> None:
    ilf = kb.centres["drug-design-pharmacology"]
    # one statement per source: the four ILF grants (drug.ku.dk) and the round of seven
    four = [d for d in ilf.detail_texts if "DKK 114m" in d]
    seven = [d for d in ilf.detail_texts if "DKK 174m" in d]
    assert len(four) == len(seven) == 1
    assert "four" in four[0]
    assert "DKK 174m" not in four[0]
    assert "seven" in seven[0]
    assert "DKK 114m" not in seven[0]
    assert "lundbeckfonden-2022-collaborative-projects" in ilf.sources


# --- The seed's figures ----------------------------------------------------------------------


def test_the_23_percent_is_labelled_a_europe_wide_undated_share(kb: KnowledgeBase) -> None:
    (stat,) = [s for s in kb.fields["cancer"].stats if s.id == "cancer-first-round-venture-share"]
    assert stat.scope == "Europe"
    assert not stat.is_regional
    assert stat.undated is True
    assert "Europe-wide" in stat.label
    assert "undated" in stat.label
    assert "not a Medicon Valley figure" in stat.statement
    (highlight,) = [h for h in kb.fields["cancer"].highlight_texts if "23%" in h]
    assert "Europe-wide share, not Medicon Valley's" in highlight


def test_every_other_figure_is_about_medicon_valley(kb: KnowledgeBase) -> None:
    scoped = [stat.id for stat in kb.all_stats() if not stat.is_regional]
    assert scoped == ["cancer-first-round-venture-share"]


def test_every_figure_has_a_year_or_says_undated(kb: KnowledgeBase) -> None:
    for stat in kb.all_stats():
        assert (stat.as_of is None) != (stat.undated is None), stat.id
        assert stat.year_label


def test_every_seed_figure_is_undated(kb: KnowledgeBase) -> None:
    seed = [stat for stat in kb.all_stats() if stat.source == "seed-research-areas"]
    assert len(seed) == 9
    assert all(stat.undated and stat.as_of is None for stat in seed)


# --- Attribution -----------------------------------------------------------------------------


def test_the_probable_publisher_is_said_once_in_the_source(kb: KnowledgeBase) -> None:
    assert kb.sources["seed-research-areas"].title == (
        "The research-areas page (probably Invest in Skåne's)"
    )
    for text in _texts(kb):
        assert "Invest in Skåne page" not in text, text
        assert "Invest in Skåne research-areas page" not in text, text
    assert sum("research-areas page" in text for text in _texts(kb)) >= 30


# --- Names that opened another entity's card -------------------------------------------------

OWN_ENTRIES = [
    ("EXODIAB", "exodiab", None),
    ("LUDC-IRC", "ludc-irc", "ludc"),
    ("NeuroFortis", "neurofortis", "wnc"),
    ("Mental Health Centre Glostrup", "mental-health-centre-glostrup", None),
    ("Psykiatrisk Center Glostrup", "mental-health-centre-glostrup", None),
    ("StemTherapy", "stemtherapy", "lund-university"),
]


@pytest.mark.parametrize(("name", "entry_id", "parent"), OWN_ENTRIES)
def test_a_programme_or_host_name_opens_its_own_entry(
    kb: KnowledgeBase, name: str, entry_id: str, parent: str | None
) -> None:
    assert kb.index.exact(name) == EntryRef("centre", entry_id)
    entry = kb.centres[entry_id]
    assert entry.part_of == parent
    assert entry.sources


@pytest.mark.parametrize(
    ("former_owner", "name"),
    [
        ("ludc", "LUDC-IRC"),
        ("ludc", "EXODIAB/LUDC-IRC"),
        ("wnc", "NeuroFortis"),
        ("cnsr", "Mental Health Centre Glostrup"),
        ("cnsr", "Psykiatrisk Center Glostrup"),
        ("lund-stem-cell-center", "StemTherapy"),
    ],
)
def test_the_old_owner_no_longer_claims_the_name(
    kb: KnowledgeBase, former_owner: str, name: str
) -> None:
    centre = kb.centres[former_owner]
    assert name not in (centre.name, centre.short_name, *centre.aliases)


def test_cnsr_belongs_to_the_centre_that_hosts_it(kb: KnowledgeBase) -> None:
    assert kb.centres["cnsr"].part_of == "mental-health-centre-glostrup"
    assert kb.centres["cnsr"] in kb.parts_of("mental-health-centre-glostrup")
    assert kb.centres["neurofortis"] in kb.parts_of("wnc")
    assert kb.centres["ludc-irc"] in kb.parts_of("ludc")


# --- Dated and stale facts -------------------------------------------------------------------


def test_the_phase_1_units_heads_are_dated_and_the_change_is_told(kb: KnowledgeBase) -> None:
    unit = kb.centres["rigshospitalet-phase-1-unit"]
    heads = [d for d in unit.detail_texts if "Lassen" in d]
    assert any("undated English page" in d for d in heads)
    assert any("Morten Mau-Sørensen" in d and "took over as its head" in d for d in heads)
    assert {"dagensmedicin-phase-1-new-head", "rigshospitalet-2015-lassen-professor"} <= set(
        unit.sources
    )
    assert unit.status_as_of == 2015


def test_cins_is_not_said_to_be_led_today(kb: KnowledgeBase) -> None:
    cins = kb.centres["cins"]
    assert "in about 2014 it was led by Professor Birte Glenthøj" in cins.summary
    assert cins.status is Status.UNCERTAIN


@pytest.mark.parametrize(
    ("centre_id", "year"),
    [("lund-epilepsy-center", 2020), ("institute-for-inflammation-research", 2020)],
)
def test_statuses_on_old_evidence_say_their_year(
    kb: KnowledgeBase, centre_id: str, year: int
) -> None:
    centre = kb.centres[centre_id]
    assert centre.status is Status.ACTIVE
    assert centre.status_as_of == year
    assert centre.status_year_label == f"as of {year}"


def test_cnsrs_director_in_2024(kb: KnowledgeBase) -> None:
    cnsr = kb.centres["cnsr"]
    assert (
        "In 2024 the Lundbeck Foundation described Professor Bjørn Ebdrup as CNSR's director."
        in (cnsr.detail_texts)
    )
    assert "lundbeckfonden-2024-ebdrup-prize" in cnsr.sources
    assert kb.sources["lundbeckfonden-2024-ebdrup-prize"].as_of == 2024


def test_every_active_centre_says_as_of_when(kb: KnowledgeBase) -> None:
    for centre in kb.centres.values():
        if centre.status is Status.ACTIVE:
            assert centre.status_year_label, centre.id


def test_ended_and_uncertain_centres_explain_themselves(kb: KnowledgeBase) -> None:
    for centre in kb.centres.values():
        if centre.status is not Status.ACTIVE:
            assert centre.status_note, centre.id


def test_every_entry_is_reviewed(kb: KnowledgeBase) -> None:
    dates = [kb.cluster.reviewed]
    dates += [research_field.reviewed for research_field in kb.fields.values()]
    dates += [centre.reviewed for centre in kb.centres.values()]
    dates += [place.reviewed for place in kb.outside.values()]
    assert None not in dates
