"""The loader accepts a good knowledge base and names every problem of a bad one by file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBaseError, Status, load_knowledge_base
from tests.support.kb_files import CENTRES, CLUSTER, FIELDS, SOURCES, write_kb


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(directory)
    return [str(problem) for problem in caught.value.problems]


def test_a_valid_knowledge_base_loads_with_everything_in_it(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    assert list(kb.fields) == ["cancer", "neuroscience"]
    assert kb.centres["wnc"].label == "Wallenberg Neuroscience Center (WNC)"
    assert kb.centres["wnc"].status is Status.ACTIVE
    assert kb.fields["cancer"].stats[0].display_value == "more than 25"
    assert kb.counts() == {"fields": 2, "centres": 2, "stats": 1, "sources": 2}


def test_the_loaded_knowledge_base_cannot_be_changed(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_kb(tmp_path))
    with pytest.raises(TypeError):
        kb.fields["x"] = kb.fields["cancer"]  # type: ignore[index]
    with pytest.raises(ValueError, match="frozen"):
        kb.fields["cancer"].name = "Oncology"  # type: ignore[misc]


def test_a_missing_name_is_an_error_at_the_entry_line(tmp_path: Path) -> None:
    centres = CENTRES.replace("    name: Wallenberg Neuroscience Center\n", "")
    found = problems_of(write_kb(tmp_path, centres=centres))
    assert found == [f"{tmp_path / 'centres.yaml'}:12: centres[wnc].name: Field required"]


def test_a_number_that_is_not_a_number_names_its_line(tmp_path: Path) -> None:
    fields = FIELDS.replace("value: 25", "value: lots")
    (problem,) = problems_of(write_kb(tmp_path, fields=fields))
    assert problem.startswith(
        f"{tmp_path / 'fields.yaml'}:9: fields[cancer].stats[cancer-organisations].value: "
    )
    assert "number" in problem


def test_a_duplicate_id_is_an_error_not_a_warning(tmp_path: Path) -> None:
    centres = CENTRES.replace("id: wnc", "id: create-health")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem.startswith(f"{tmp_path / 'centres.yaml'}:12: centres[create-health].id: ")
    assert "duplicate id 'create-health'" in problem


def test_a_field_and_a_centre_cannot_share_an_id(tmp_path: Path) -> None:
    centres = CENTRES.replace("id: wnc", "id: cancer")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert "duplicate id 'cancer'" in problem
    assert "fields.yaml" in problem


def test_a_dangling_field_reference_is_an_error(tmp_path: Path) -> None:
    centres = CENTRES.replace("fields: [neuroscience]", "fields: [neuroscience, diabetes]")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem == (
        f"{tmp_path / 'centres.yaml'}:16: centres[wnc].fields[1]: unknown field id 'diabetes'"
    )


def test_an_unknown_source_is_an_error(tmp_path: Path) -> None:
    fields = FIELDS.replace("source: seed", "source: nowhere")
    (problem,) = problems_of(write_kb(tmp_path, fields=fields))
    assert problem == (
        f"{tmp_path / 'fields.yaml'}:13: fields[cancer].stats[cancer-organisations].source: "
        "unknown source id 'nowhere'"
    )


def test_a_malformed_url_is_an_error(tmp_path: Path) -> None:
    centres = CENTRES.replace("https://example.org/create", "not a url")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem.startswith(f"{tmp_path / 'centres.yaml'}:8: centres[create-health].website: ")
    assert "URL" in problem


def test_a_misspelt_key_is_reported_rather_than_ignored(tmp_path: Path) -> None:
    centres = CENTRES.replace("    host: Lund University", "    hots: Lund University")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem.startswith(f"{tmp_path / 'centres.yaml'}:5: centres[create-health].hots: ")
    assert "unknown key" in problem


def test_a_key_given_twice_is_an_error(tmp_path: Path) -> None:
    centres = CENTRES.replace("    city: Lund\n", "    city: Lund\n    city: Malmö\n")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem.startswith(
        f"{tmp_path / 'centres.yaml'}:7: centres[create-health].city: duplicate key"
    )


def test_an_alias_that_names_two_entries_is_an_error(tmp_path: Path) -> None:
    centres = CENTRES.replace("short_name: WNC", "short_name: WNC\n    aliases: [Oncology]")
    (problem,) = problems_of(write_kb(tmp_path, centres=centres))
    assert problem.startswith(f"{tmp_path / 'centres.yaml'}:15: centres[wnc].aliases[0]: ")
    assert "also names 'cancer'" in problem


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    cluster = CLUSTER.replace("summary: A life-science cluster.", "summary: [unclosed")
    (problem,) = problems_of(write_kb(tmp_path, cluster=cluster))
    assert problem.startswith(f"{tmp_path / 'cluster.yaml'}:5: (yaml): ")


def test_unsafe_yaml_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    sources = SOURCES + f"  - !!python/object/apply:os.system ['touch {marker}']\n"
    (problem,) = problems_of(write_kb(tmp_path / "kb", sources=sources))
    assert ":8: (yaml): unsafe or unknown YAML tag refused" in problem
    assert not marker.exists()


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    directory = write_kb(tmp_path)
    (directory / "cluster.yaml").unlink()
    assert problems_of(directory) == [f"{directory / 'cluster.yaml'}:1: (file): file is missing"]


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    centres = CENTRES.replace("fields: [cancer]", "fields: [nope]").replace(
        "https://example.org/create", "nope"
    )
    fields = FIELDS.replace("value: 25", "value: many")
    found = problems_of(write_kb(tmp_path, centres=centres, fields=fields))
    # Schema problems in both files; reference checks wait until every file is well-formed.
    assert len(found) == 2
    assert any("centres.yaml:8:" in p for p in found)
    assert any("fields.yaml:9:" in p for p in found)


def test_the_shipped_knowledge_base_is_valid() -> None:
    kb = load_knowledge_base(Path(__file__).parents[2] / "data")
    assert len(kb.fields) == 6
    assert kb.centres
