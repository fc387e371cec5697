"""Places outside Medicon Valley: found by exact name or alias, never mistaken for the cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase, KnowledgeBaseError, default_data_dir, load_knowledge_base
from tests.support.kb_files import OUTSIDE, write_kb, write_outside


@pytest.fixture(scope="module")
def shipped() -> KnowledgeBase:
    return load_knowledge_base(default_data_dir())


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(directory)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("typed", "place_id"),
    [
        ("Karolinska Institutet", "karolinska-institutet"),
        ("karolinska institute", "karolinska-institutet"),
        ("KI", "karolinska-institutet"),
        ("Aarhus University", "aarhus-university"),
        ("Aarhus Universitet", "aarhus-university"),
        ("Uppsala University", "uppsala-university"),
        ("SciLifeLab", "science-for-life-laboratory"),
        ("SciLifeLab Stockholm", "science-for-life-laboratory"),
        ("Odense University Hospital", "odense-university-hospital"),
        ("OUH", "odense-university-hospital"),
        ("SDU", "university-of-southern-denmark"),
    ],
)
def test_a_place_outside_the_cluster_is_found_by_name_or_alias(
    shipped: KnowledgeBase, typed: str, place_id: str
) -> None:
    place = shipped.outside_named(typed)
    assert place is not None
    assert place.id == place_id
    assert place.note
    assert all(source in shipped.sources for source in place.sources)


@pytest.mark.parametrize(
    "typed", ["Lund University Diabetes Centre", "LUDC", "Medicon Valley", "cancer", "Karolinska x"]
)
def test_names_in_the_cluster_and_partial_names_are_not_outside(
    shipped: KnowledgeBase, typed: str
) -> None:
    assert shipped.outside_named(typed) is None


def test_no_outside_name_opens_a_card(shipped: KnowledgeBase) -> None:
    for place in shipped.outside.values():
        for spelling in (place.name, *place.aliases):
            assert shipped.index.exact(spelling) is None, spelling


def test_karolinska_says_where_it_is(shipped: KnowledgeBase) -> None:
    place = shipped.outside["karolinska-institutet"]
    assert place.place == "Solna (Stockholm), Sweden"
    assert "Stockholm" in place.note


def test_a_knowledge_base_without_outside_yaml_loads_with_none(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    assert kb.outside == {}
    assert kb.outside_named("Karolinska Institutet") is None


def test_outside_yaml_is_loaded_when_present(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_outside(write_kb(tmp_path)))
    place = kb.outside_named("ki")
    assert place is not None
    assert place.country_name == "Sweden"


def test_an_outside_alias_that_names_a_centre_is_refused(tmp_path: Path) -> None:
    outside = OUTSIDE.replace("aliases: [KI, Karolinska Institute]", "aliases: [KI, WNC]")
    (problem,) = problems_of(write_outside(write_kb(tmp_path), outside))
    assert problem.startswith(
        f"{tmp_path / 'outside.yaml'}:4: outside[karolinska-institutet].aliases[1]: "
    )
    assert "also names 'wnc'" in problem


def test_an_outside_place_citing_an_unknown_source_is_refused(tmp_path: Path) -> None:
    outside = OUTSIDE.replace("sources: [site]", "sources: [nowhere]")
    (problem,) = problems_of(write_outside(write_kb(tmp_path), outside))
    assert problem == (
        f"{tmp_path / 'outside.yaml'}:8: outside[karolinska-institutet].sources[0]: "
        "unknown source id 'nowhere'"
    )


def test_an_outside_note_must_be_one_line(tmp_path: Path) -> None:
    outside = OUTSIDE.replace(
        "note: A medical university in the Stockholm area.",
        'note: "A medical university.\\nIn Stockholm."',
    )
    (problem,) = problems_of(write_outside(write_kb(tmp_path), outside))
    assert ":7: outside[karolinska-institutet].note: " in problem
    assert "single line" in problem


def test_an_exact_name_outside_beats_a_lookalike_inside(shipped: KnowledgeBase) -> None:
    """ "OUH" is Odense University Hospital (outside), not a typo of "SUH"/"ZUH" (inside), and
    "is OUH in Medicon Valley?" asks about OUH, not about the cluster."""
    from bot.answers import answer_question, outcome

    for question in ("OUH", "is OUH in Medicon Valley?"):
        assert outcome(answer_question(shipped, question)).kind == "outside", question
