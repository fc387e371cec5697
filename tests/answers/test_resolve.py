"""What a person types → which answer they get, on the shipped knowledge base."""

from __future__ import annotations

import pytest

from bot.answers import Intent as Command
from bot.answers import parse_command as parse_query
from bot.answers import resolve_text
from bot.answers.records import (
    CentreAnswer,
    CentreListAnswer,
    ClusterAnswer,
    FieldAnswer,
    FieldListAnswer,
    FilteredListAnswer,
    HelpAnswer,
    NoMatchAnswer,
    SearchAnswer,
    StatsAnswer,
)
from bot.knowledge import KnowledgeBase, Status


@pytest.mark.parametrize(
    ("typed", "command", "argument"),
    [
        ("", Command.HELP, ""),
        ("  ?  ", Command.HELP, ""),
        ("HELP", Command.HELP, ""),
        ("fields", Command.FIELDS, ""),
        ("research areas", Command.FIELDS, ""),
        ("centres", Command.CENTRES, ""),
        ("Centers   diabetes", Command.CENTRES, "diabetes"),
        ("centres: cancer", Command.CENTRES, "cancer"),
        ("stats", Command.STATS, ""),
        ("search airway inflammation", Command.SEARCH, "airway inflammation"),
        ("search", Command.LOOKUP, "search"),
        ("stats cancer", Command.LOOKUP, "stats cancer"),
        ("LUDC", Command.LOOKUP, "LUDC"),
    ],
)
def test_parse_query_splits_command_and_argument(
    typed: str, command: Command, argument: str
) -> None:
    query = parse_query(typed)
    assert (query.command, query.argument) == (command, argument)


@pytest.mark.parametrize(
    ("typed", "field_id"),
    [
        ("cancer", "cancer"),
        ("Diabetes", "diabetes"),
        ("inflammation", "inflammation"),
        ("neuroscience", "neuroscience"),
        ("stem cells", "stem-cells"),
        ("microbiome", "microbiome"),
        ("oncology", "cancer"),
        ("kræft", "cancer"),
        ("KRAEFT", "cancer"),
        ("hjerne", "neuroscience"),
        ("hjärna", "neuroscience"),
        ("stamceller", "stem-cells"),
        ("mikrobiom", "microbiome"),
        ("autoimmune", "inflammation"),
        ("metabolic", "diabetes"),
        ("tell me about cancer", "cancer"),
    ],
)
def test_fields_by_name_alias_and_local_word(kb: KnowledgeBase, typed: str, field_id: str) -> None:
    answer = resolve_text(kb, typed)
    assert isinstance(answer, FieldAnswer)
    assert answer.field.id == field_id
    assert answer.closest_to is None


@pytest.mark.parametrize(
    ("typed", "centre_id"),
    [
        ("LUDC", "ludc"),
        ("ludc", "ludc"),
        ("Lund University Diabetes Centre", "ludc"),
        ("CBMR", "cbmr"),
        ("DanStem", "danstem"),
        ("CNSR", "cnsr"),
        ("CINS", "cins"),
        ("WNC", "wnc"),
        ("CIM", "cim"),
        ("CREATE Health", "create-health"),
        ("MAD for Cancer", "mad-for-cancer"),
        ("Sino Danish Breast Cancer Research Center", "sino-danish-bcrc"),
        ("Lund Stem Cell Centre", "lund-stem-cell-center"),
        ("BRAINlab", "brainlab"),
        ("Institute for Inflammation Research", "institute-for-inflammation-research"),
        ("Department of Drug Design and Pharmacology", "drug-design-pharmacology"),
        ("Center for Diabetes Research at Gentofte Hospital", "gentofte-diabetes-research"),
        ("Rigshospitalet", "rigshospitalet"),
        ("Skåne University Hospital", "skane-university-hospital"),
        ("Wallenberg Neuroscience Center", "wnc"),
        ("Novo Nordisk Foundation Center for Basic Metabolic Research", "cbmr"),
    ],
)
def test_centres_by_name_and_abbreviation(kb: KnowledgeBase, typed: str, centre_id: str) -> None:
    answer = resolve_text(kb, typed)
    assert isinstance(answer, CentreAnswer), answer
    assert answer.centre.id == centre_id


@pytest.mark.parametrize(
    ("typed", "field_id"),
    [
        ("canser", "cancer"),
        ("diabetis", "diabetes"),
        ("nueroscience", "neuroscience"),
        ("microbiom", "microbiome"),
        ("inflamation", "inflammation"),
    ],
)
def test_typos_give_the_field_labelled_as_closest_match(
    kb: KnowledgeBase, typed: str, field_id: str
) -> None:
    answer = resolve_text(kb, typed)
    assert isinstance(answer, FieldAnswer)
    assert answer.field.id == field_id
    assert answer.closest_to == typed


def test_a_typo_in_a_centre_abbreviation_finds_the_centre(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "Wallenberg Neuroscience Centre")
    assert isinstance(answer, CentreAnswer)
    assert answer.centre.id == "wnc"


def test_a_field_answer_carries_its_centres_numbers_and_sources(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "diabetes")
    assert isinstance(answer, FieldAnswer)
    centre_ids = {centre.id for centre in answer.centres}
    assert {"ludc", "cbmr", "gentofte-diabetes-research"} <= centre_ids
    assert [stat.display_value for stat in answer.field.stats][:2] == ["more than 10", "over 40"]
    assert answer.sources
    assert answer.sources[0].id == "seed-research-areas"


def test_an_ended_centre_says_so_and_points_to_its_successor(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "danstem")
    assert isinstance(answer, CentreAnswer)
    assert answer.centre.status is Status.ENDED
    assert answer.successor is not None
    assert answer.successor.id == "renew"


def test_a_programme_knows_what_it_is_part_of(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "MAD for Cancer")
    assert isinstance(answer, CentreAnswer)
    assert answer.parent is not None
    assert answer.parent.id == "create-health"
    parent = resolve_text(kb, "CREATE Health")
    assert isinstance(parent, CentreAnswer)
    assert "mad-for-cancer" in {part.id for part in parent.parts}


def test_free_text_question_lists_the_centres_that_fit_best_first(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "who does diabetes research in Lund?")
    assert isinstance(answer, FilteredListAnswer)
    assert answer.centres[0].id == "ludc"
    assert all("diabetes" in centre.fields for centre in answer.centres)


def test_search_finds_a_research_theme(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "search airway inflammation")
    assert isinstance(answer, SearchAnswer)
    ids = [getattr(entry, "id", None) for entry in answer.entries]
    assert "lund-inflammation-research" in ids[:3]


def test_centres_of_a_field(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "centres neuroscience")
    assert isinstance(answer, CentreListAnswer)
    assert answer.field is not None
    assert answer.field.id == "neuroscience"
    ids = {centre.id for centre in answer.centres}
    assert {"wnc", "lund-epilepsy-center", "brainlab", "cnsr", "cins"} <= ids
    assert all("neuroscience" in centre.fields for centre in answer.centres)


def test_centres_of_a_misspelt_field(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "centres diabetis")
    assert isinstance(answer, CentreListAnswer)
    assert answer.field is not None
    assert answer.field.id == "diabetes"
    assert answer.closest_to == "diabetis"


def test_a_centre_name_starting_with_centre_is_not_taken_for_a_command(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "Centre of Inflammation and Metabolism")
    assert isinstance(answer, CentreAnswer)
    assert answer.centre.id == "cim"


def test_centres_of_something_that_is_not_a_field(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "centres quantum gravity")
    assert isinstance(answer, NoMatchAnswer)
    assert answer.reason == "no-field"


def test_all_centres_without_a_field_lists_every_institution_but_no_company(
    kb: KnowledgeBase,
) -> None:
    answer = resolve_text(kb, "centres")
    assert isinstance(answer, CentreListAnswer)
    assert len(answer.centres) == len(kb.institutions)
    assert kb.companies
    assert not any(centre.kind.value == "company" for centre in answer.centres)


def test_fields_lists_all_six_with_centre_counts(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "fields")
    assert isinstance(answer, FieldListAnswer)
    assert [f.id for f, _ in answer.fields] == list(kb.fields)
    assert all(count == len(kb.centres_in(f.id)) for f, count in answer.fields)


def test_stats_puts_every_field_side_by_side(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "stats")
    assert isinstance(answer, StatsAnswer)
    assert [f.id for f in answer.fields] == list(kb.fields)


def test_the_cluster_by_name(kb: KnowledgeBase) -> None:
    assert isinstance(resolve_text(kb, "Medicon Valley"), ClusterAnswer)


def test_help(kb: KnowledgeBase) -> None:
    assert isinstance(resolve_text(kb, "help"), HelpAnswer)


@pytest.mark.parametrize("typed", ["xyzzy", "quantum gravity", "!!!", "<!channel>", "a" * 5000])
def test_nonsense_gets_a_no_match_answer_not_an_error(kb: KnowledgeBase, typed: str) -> None:
    answer = resolve_text(kb, typed)
    assert isinstance(answer, NoMatchAnswer)
    assert answer.typed == typed


def test_no_match_offers_suggestions_that_look_alike(kb: KnowledgeBase) -> None:
    answer = resolve_text(kb, "qqcancerqq")
    assert isinstance(answer, NoMatchAnswer)
    assert getattr(answer.suggestions[0], "id", None) == "cancer"
