"""Every fact of the seed page (Invest in Skåne's research-areas page) is in the knowledge base.

One test case per fact, checked against the real files under ``data/`` through the loader, so
that an edit which drops, rounds or re-qualifies a seed fact fails here by name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.knowledge.models import Centre, CentreKind, Stat, Status

DATA_DIR = Path(__file__).parent.parent / "data"
SEED = "seed-research-areas"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(DATA_DIR)


# --- Fields ----------------------------------------------------------------------------------

SEED_FIELDS = {
    "cancer": "Cancer",
    "diabetes": "Diabetes and metabolic disease",
    "inflammation": "Inflammation and autoimmune disease",
    "neuroscience": "Neuroscience",
    "stem-cells": "Stem cells",
    "microbiome": "Microbiome",
}


def test_exactly_the_six_seed_fields(kb: KnowledgeBase) -> None:
    assert set(kb.fields) == set(SEED_FIELDS)


@pytest.mark.parametrize(("field_id", "name"), SEED_FIELDS.items())
def test_field_exists_with_name_and_cites_seed(kb: KnowledgeBase, field_id: str, name: str) -> None:
    research_field = kb.fields[field_id]
    assert research_field.name == name
    assert SEED in research_field.sources


# --- Seed statistics -------------------------------------------------------------------------

# (field, value, qualifier, unit, display text, words the statement must contain)
SEED_STATS = [
    ("cancer", 23, None, "%", "23%", ("23%", "first-round venture investments")),
    ("cancer", 25, "more than", "organisations", "more than 25", ("more than 25",)),
    (
        "cancer",
        75,
        "over",
        "therapeutic compounds in the pipeline",
        "over 75",
        ("over 75", "therapeutic compounds"),
    ),
    (
        "diabetes",
        10,
        "more than",
        "companies dedicated solely to diabetes research",
        "more than 10",
        ("more than 10", "solely to diabetes"),
    ),
    ("diabetes", 40, "over", "compounds in the pipeline", "over 40", ("over 40", "pipeline")),
    ("inflammation", 20, "over", "companies", "over 20", ("over 20", "companies")),
    ("inflammation", 45, "over", "compounds in the pipeline", "over 45", ("over 45", "pipeline")),
    ("neuroscience", 60, "over", "compounds in development", "over 60", ("over 60", "development")),
    (
        "microbiome",
        80,
        "+",
        "companies, organisations and institutions",
        "80+",
        ("80+", "companies, organisations and institutions"),
    ),
]


def _seed_stat(kb: KnowledgeBase, field_id: str, value: float) -> Stat:
    matches = [
        stat for stat in kb.fields[field_id].stats if stat.source == SEED and stat.value == value
    ]
    assert len(matches) == 1, f"expected one seed stat of {value} on {field_id}, found {matches}"
    return matches[0]


@pytest.mark.parametrize(
    ("field_id", "value", "qualifier", "unit", "display", "statement_words"),
    SEED_STATS,
    ids=[f"{row[0]}-{row[4]}" for row in SEED_STATS],
)
def test_seed_stat(
    kb: KnowledgeBase,
    field_id: str,
    value: float,
    qualifier: str | None,
    unit: str,
    display: str,
    statement_words: tuple[str, ...],
) -> None:
    stat = _seed_stat(kb, field_id, value)
    assert stat.qualifier == qualifier
    assert stat.unit == unit
    assert stat.display_value == display
    for words in statement_words:
        assert words in stat.statement, f"statement lacks {words!r}: {stat.statement!r}"
    assert stat.as_of is None, "the seed is undated; its numbers have no reference year"
    assert stat.undated is True, "every seed figure is marked undated"


def test_every_seed_stat_is_accounted_for(kb: KnowledgeBase) -> None:
    """No seed number was added on top of the seed's own (fields must not invent numbers)."""
    expected = sorted((row[0], row[1]) for row in SEED_STATS)
    actual = sorted(
        (research_field.id, stat.value)
        for research_field in kb.fields.values()
        for stat in research_field.stats
        if stat.source == SEED
    )
    assert actual == expected


def test_stem_cells_has_no_seed_numbers(kb: KnowledgeBase) -> None:
    assert kb.fields["stem-cells"].stats == ()


def test_doubtful_gdp_claim_is_left_out(kb: KnowledgeBase) -> None:
    texts = [kb.cluster.summary, *kb.cluster.highlight_texts]
    texts += [stat.statement for stat in kb.all_stats()]
    assert not any("GDP" in text for text in texts)


# --- Seed claims in field texts --------------------------------------------------------------

FIELD_CLAIMS = [
    ("cancer", "fastest- and largest-growing"),
    ("diabetes", "world leader in diabetes care"),
    ("diabetes", "R&D"),
    ("inflammation", "basic immunology to applied inflammation research"),
    ("inflammation", "allergic asthma to infection control"),
    ("neuroscience", "applied neuroscience"),
    ("neuroscience", "number of organisations is small"),
    ("stem-cells", "developing stem cells, cell replacement and gene therapy"),
    ("stem-cells", "no treatment"),
    ("microbiome", "health and the environment"),
    ("microbiome", "bridge basic and applied science"),
]


@pytest.mark.parametrize(("field_id", "phrase"), FIELD_CLAIMS)
def test_field_text_states_seed_claim(kb: KnowledgeBase, field_id: str, phrase: str) -> None:
    research_field = kb.fields[field_id]
    text = " ".join((research_field.summary, *research_field.highlight_texts))
    assert phrase in text


# --- Centres the seed names ------------------------------------------------------------------

# (id, field ids it must have, name part, host part, city, country, kind)
SEED_CENTRES: list[tuple[str, set[str], str, str | None, str | None, str | None, CentreKind]] = [
    (
        "rigshospitalet-phase-1-unit",
        {"cancer"},
        "Phase 1 Unit",
        "Rigshospitalet",
        "Copenhagen",
        "DK",
        CentreKind.UNIT,
    ),
    (
        "sino-danish-bcrc",
        {"cancer"},
        "Sino-Danish Breast Cancer Research Centre",
        None,
        "Copenhagen",
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "create-health",
        {"cancer"},
        "CREATE Health",
        "Lund University",
        "Lund",
        "SE",
        CentreKind.CENTRE,
    ),
    ("mad-for-cancer", {"cancer"}, "MAD for Cancer", None, None, None, CentreKind.PROGRAMME),
    (
        "ludc",
        {"diabetes"},
        "Lund University Diabetes Centre",
        "Lund University",
        None,
        "SE",
        CentreKind.CENTRE,
    ),
    (
        "gentofte-diabetes-research",
        {"diabetes"},
        "Center for Diabetes Research",
        "Gentofte Hospital",
        "Gentofte",
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "cbmr",
        {"diabetes"},
        "Novo Nordisk Foundation Center for Basic Metabolic Research",
        None,
        None,
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "wnc",
        {"neuroscience"},
        "Wallenberg Neuroscience Center",
        None,
        "Lund",
        "SE",
        CentreKind.CENTRE,
    ),
    (
        "lund-epilepsy-center",
        {"neuroscience"},
        "Epilepsy Center",
        None,
        "Lund",
        "SE",
        CentreKind.CENTRE,
    ),
    (
        "brainlab",
        {"neuroscience"},
        "Brain Research and Integrative Neuroscience Laboratory",
        "University of Copenhagen",
        None,
        "DK",
        CentreKind.RESEARCH_GROUP,
    ),
    (
        "cnsr",
        {"neuroscience"},
        "Center for Neuropsychiatric Schizophrenia Research",
        None,
        None,
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "cins",
        {"neuroscience"},
        "Center for Clinical Intervention and Neuropsychiatric Schizophrenia Research",
        "CNSR",
        None,
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "lund-stem-cell-center",
        {"stem-cells"},
        "Lund Stem Cell Center",
        "Lund University",
        "Lund",
        "SE",
        CentreKind.CENTRE,
    ),
    (
        "danstem",
        {"stem-cells"},
        "Stem Cell",
        "University of Copenhagen",
        None,
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "institute-for-inflammation-research",
        {"inflammation"},
        "Institute for Inflammation Research",
        "Copenhagen University Hospital",
        "Copenhagen",
        "DK",
        CentreKind.DEPARTMENT,
    ),
    (
        "cim",
        {"inflammation"},
        "Inflammation and Metabolism",
        None,
        None,
        "DK",
        CentreKind.CENTRE,
    ),
    (
        "drug-design-pharmacology",
        {"inflammation"},
        "Department of Drug Design and Pharmacology",
        "University of Copenhagen",
        None,
        "DK",
        CentreKind.DEPARTMENT,
    ),
    (
        "rigshospitalet",
        {"cancer"},
        "Rigshospitalet",
        None,
        "Copenhagen",
        "DK",
        CentreKind.HOSPITAL,
    ),
    (
        "skane-university-hospital",
        {"inflammation"},
        "Skåne University Hospital",
        None,
        None,
        "SE",
        CentreKind.HOSPITAL,
    ),
    (
        "lund-inflammation-research",
        {"inflammation"},
        "Lund University",
        "Lund University",
        "Lund",
        "SE",
        CentreKind.RESEARCH_GROUP,
    ),
]


def _centre(kb: KnowledgeBase, centre_id: str) -> Centre:
    assert centre_id in kb.centres, f"seed centre {centre_id!r} is missing"
    return kb.centres[centre_id]


@pytest.mark.parametrize(
    ("centre_id", "field_ids", "name_part", "host_part", "city", "country", "kind"),
    SEED_CENTRES,
    ids=[row[0] for row in SEED_CENTRES],
)
def test_seed_centre(
    kb: KnowledgeBase,
    centre_id: str,
    field_ids: set[str],
    name_part: str,
    host_part: str | None,
    city: str | None,
    country: str | None,
    kind: CentreKind,
) -> None:
    centre = _centre(kb, centre_id)
    assert field_ids <= set(centre.fields)
    assert name_part in centre.name
    assert centre.kind is kind
    assert SEED in centre.sources
    if host_part is not None:
        assert centre.host is not None
        assert host_part in centre.host
    if city is not None:
        assert centre.city is not None
        assert city in centre.city
    if country is not None:
        assert centre.country == country


# Spellings the seed uses that differ from the official name: each must still find the entry.
SEED_SPELLINGS = [
    ("sino-danish-bcrc", "Sino Danish Breast Cancer Research Center"),
    ("lund-stem-cell-center", "Lund Stem Cell Centre"),
    ("danstem", "DanStem"),
    ("cim", "Centre for Inflammation and Metabolism"),
    ("cim", "CIM"),
    ("ludc", "LUDC"),
    ("cbmr", "CBMR"),
    ("cnsr", "CNSR"),
    ("cins", "CINS"),
    ("brainlab", "BRAINlab"),
    ("create-health", "CREATE Health"),
    ("mad-for-cancer", "MAD for Cancer"),
    ("gentofte-diabetes-research", "Center for Diabetes Research at Gentofte Hospital"),
    ("rigshospitalet", "The National Hospital"),
    ("institute-for-inflammation-research", "Institute for Inflammation Research"),
    ("drug-design-pharmacology", "Department of Drug Design and Pharmacology"),
    ("wnc", "Wallenberg Neuroscience Center"),
]


@pytest.mark.parametrize(("centre_id", "spelling"), SEED_SPELLINGS)
def test_seed_spelling_names_the_centre(kb: KnowledgeBase, centre_id: str, spelling: str) -> None:
    centre = _centre(kb, centre_id)
    spellings = {centre.name, centre.short_name, *centre.aliases}
    assert spelling in spellings


PART_OF = [
    ("mad-for-cancer", "create-health"),
    ("cins", "cnsr"),
    ("rigshospitalet-phase-1-unit", "rigshospitalet"),
    ("institute-for-inflammation-research", "rigshospitalet"),
]


@pytest.mark.parametrize(("child", "parent"), PART_OF)
def test_part_of(kb: KnowledgeBase, child: str, parent: str) -> None:
    assert _centre(kb, child).part_of == parent
    assert parent in kb.centres


# --- Lund inflammation themes ----------------------------------------------------------------

LUND_THEMES = (
    "Cellular Metabolism and Inflammation",
    "Matrix and inflammation in Atherosclerosis",
    "Inflammation and Stem Cell therapy",
    "Airway inflammation",
    "Neuroinflammation",
    "Autoimmunity",
    "Autoimmunity and Kidney diseases",
)


def test_lund_inflammation_themes_exactly_as_seed(kb: KnowledgeBase) -> None:
    assert _centre(kb, "lund-inflammation-research").themes == LUND_THEMES


def test_lund_inflammation_with_skane_university_hospital(kb: KnowledgeBase) -> None:
    host = _centre(kb, "lund-inflammation-research").host or ""
    assert "Skåne University Hospital" in host


# --- Seed details on centres -----------------------------------------------------------------

CENTRE_CLAIMS = [
    ("sino-danish-bcrc", "BGI"),
    ("sino-danish-bcrc", "Beijing Genomics Institute"),
    ("create-health", "nanotechnology, proteomics, cancer genetics and tumour cell biology"),
    ("create-health", "non-Hodgkin lymphoma, breast cancer and pancreatic cancer"),
    ("create-health", "translational"),
    ("mad-for-cancer", "early diagnosis, patient stratification"),
    ("mad-for-cancer", "resilience"),
    ("wnc", "Alzheimer's, Huntington's and Parkinson's"),
    ("lund-epilepsy-center", "basic and clinical epileptologists"),
    ("brainlab", "normal, pathological and adaptive brain function"),
    ("cnsr", "CINS"),
    ("lund-stem-cell-center", "new cell therapies"),
    ("danstem", "Novo Nordisk Foundation Section for Basic Stem Cell Biology"),
    ("danstem", "Section for Strategic Translational Stem Cell Research and Therapy"),
    ("rigshospitalet-phase-1-unit", "Phase I and early Phase II"),
]


@pytest.mark.parametrize(("centre_id", "phrase"), CENTRE_CLAIMS)
def test_centre_text_states_seed_claim(kb: KnowledgeBase, centre_id: str, phrase: str) -> None:
    centre = _centre(kb, centre_id)
    text = " ".join((centre.name, centre.summary, *centre.detail_texts))
    assert phrase in text


# --- Status: nothing outdated presented as current -------------------------------------------

EXPECTED_STATUS = [
    ("danstem", Status.ENDED),
    ("gentofte-diabetes-research", Status.UNCERTAIN),
    ("cins", Status.UNCERTAIN),
    ("sino-danish-bcrc", Status.UNCERTAIN),
    ("cim", Status.UNCERTAIN),
    ("brainlab", Status.UNCERTAIN),
    ("renew", Status.ACTIVE),
    ("ludc", Status.ACTIVE),
    ("cbmr", Status.ACTIVE),
]


@pytest.mark.parametrize(("centre_id", "status"), EXPECTED_STATUS)
def test_status(kb: KnowledgeBase, centre_id: str, status: Status) -> None:
    centre = _centre(kb, centre_id)
    assert centre.status is status
    if status is not Status.ACTIVE:
        assert centre.status_note, "a non-active status must say why"


def test_danstem_ended_with_successor_renew(kb: KnowledgeBase) -> None:
    danstem = _centre(kb, "danstem")
    assert danstem.status is Status.ENDED
    assert danstem.successor == "renew"
    assert "2011–2022" in (danstem.status_note or "")
    renew = _centre(kb, "renew")
    assert renew.short_name == "reNEW"
    assert "stem-cells" in renew.fields


@pytest.mark.parametrize("word", ["new unit", "recently established", "recently set up", "newly"])
def test_time_relative_seed_words_not_stated_as_current(kb: KnowledgeBase, word: str) -> None:
    """The seed's "new unit" / "recently established" may be attributed, never stated as now."""
    for centre in kb.centres.values():
        for text in (centre.summary, *centre.detail_texts):
            if word in text.casefold():
                assert "research-areas page" in text.casefold(), f"{centre.id}: {text!r}"
    for research_field in kb.fields.values():
        for text in (research_field.summary, *research_field.highlight_texts):
            assert word not in text.casefold(), f"{research_field.id}: {text!r}"


# --- Cluster ---------------------------------------------------------------------------------


def test_cluster_names_six_areas_and_facilities(kb: KnowledgeBase) -> None:
    summary = kb.cluster.summary
    for word in ("cancer", "diabetes", "inflammation", "neuroscience", "stem cells", "microbiome"):
        assert word in summary
    for facility in (
        "knowledge-sharing networks",
        "medical-record databases",
        "health registers",
        "support organisations",
        "clinical trials",
    ):
        assert facility in summary
    assert SEED in kb.cluster.sources


def test_cluster_population_has_year_and_definition(kb: KnowledgeBase) -> None:
    (stat,) = [s for s in kb.cluster.stats if s.value == 4002372]
    assert stat.as_of == 2018
    assert "2017/18" in stat.label


# --- Sources ---------------------------------------------------------------------------------


def test_seed_source_record(kb: KnowledgeBase) -> None:
    seed = kb.sources[SEED]
    # Audit fix: the publisher is only probable, so the record (once) says so.
    assert seed.title == "The research-areas page (probably Invest in Skåne's)"
    assert seed.url is None
    assert seed.note


def _all_entries(kb: KnowledgeBase) -> list[tuple[str, tuple[str, ...]]]:
    entries = [("cluster", kb.cluster.sources)]
    entries += [(f"field:{f.id}", f.sources) for f in kb.fields.values()]
    entries += [(f"centre:{c.id}", c.sources) for c in kb.centres.values()]
    entries += [(f"outside:{o.id}", o.sources) for o in kb.outside.values()]
    return entries


def test_every_entry_cites_a_known_source(kb: KnowledgeBase) -> None:
    for name, sources in _all_entries(kb):
        assert sources, f"{name} cites no source"
        for source_id in sources:
            assert source_id in kb.sources, f"{name} cites unknown source {source_id!r}"


def test_every_stat_cites_a_known_source(kb: KnowledgeBase) -> None:
    for stat in kb.all_stats():
        assert stat.source in kb.sources, f"{stat.id} cites unknown source {stat.source!r}"


def test_every_source_is_cited(kb: KnowledgeBase) -> None:
    cited = {source_id for _, sources in _all_entries(kb) for source_id in sources}
    cited |= {stat.source for stat in kb.all_stats()}
    assert set(kb.sources) == cited


def test_references_resolve(kb: KnowledgeBase) -> None:
    for centre in kb.centres.values():
        for field_id in centre.fields:
            assert field_id in kb.fields, f"{centre.id}: unknown field {field_id!r}"
        for target in (centre.successor, centre.part_of):
            assert target is None or target in kb.centres, f"{centre.id}: unknown {target!r}"
