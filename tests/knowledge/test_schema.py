"""The committed JSON Schema is what the models generate, and every data file satisfies it.

Editors' YAML language servers read the schema through the first line of each data file, so a
stale schema would show them wrong completions; these tests fail when someone changes a model
and forgets ``medicon-bot kb schema --output data/schema/knowledge-base.schema.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from bot.cli.main import main
from bot.knowledge import KB_FILES, OPTIONAL_KB_FILES, default_data_dir, load_knowledge_base
from bot.knowledge.schema import SCHEMA_FILE, render_schema

DATA = default_data_dir()
SCHEMA_PATH = DATA / SCHEMA_FILE
DATA_FILES = sorted([*KB_FILES, *OPTIONAL_KB_FILES])


class _Yaml12Loader(yaml.SafeLoader):
    """Reads dates as text, as YAML 1.2 language servers do (``2026-12-01`` is a string)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def as_editor_sees(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Yaml12Loader)  # noqa: S506


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)


def test_the_committed_schema_is_what_the_models_generate() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "run: medicon-bot kb schema --output data/schema/knowledge-base.schema.json"
    )


@pytest.mark.parametrize("file_name", DATA_FILES)
def test_every_data_file_validates_against_the_schema(
    validator: Draft7Validator, file_name: str
) -> None:
    errors = [error.message for error in validator.iter_errors(as_editor_sees(DATA / file_name))]
    assert errors == []


@pytest.mark.parametrize("file_name", DATA_FILES)
def test_every_data_file_points_editors_at_the_schema(file_name: str) -> None:
    first_line = (DATA / file_name).read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match is not None, first_line
    assert (DATA / match.group(1)).resolve() == SCHEMA_PATH.resolve()


def test_the_schema_flags_a_figure_without_its_year(validator: Draft7Validator) -> None:
    fields = as_editor_sees(DATA / "fields.yaml")
    del fields["fields"][0]["stats"][0]["undated"]
    assert not validator.is_valid(fields)
    fields["fields"][0]["stats"][0]["as_of"] = 2020
    assert validator.is_valid(fields)


def test_the_schema_flags_a_misspelt_key_and_a_bad_date(validator: Draft7Validator) -> None:
    centres = as_editor_sees(DATA / "centres.yaml")
    centres["centres"][0]["hots"] = "Lund University"
    assert any("hots" in error.message for error in validator.iter_errors(centres))
    centres = as_editor_sees(DATA / "centres.yaml")
    centres["centres"][0]["reviewed"] = "2026-13-01"
    assert not validator.is_valid(centres)


def test_the_schema_allows_one_top_level_key_per_file(validator: Draft7Validator) -> None:
    assert not validator.is_valid({})
    assert not validator.is_valid({"sources": [], "fields": []})


def test_kb_schema_writes_and_prints_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out" / "schema.json"
    assert main(["kb", "schema", "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == render_schema()
    capsys.readouterr()
    assert main(["kb", "schema"]) == 0
    assert capsys.readouterr().out == render_schema()


def test_the_loader_does_not_read_the_schema_directory(tmp_path: Path) -> None:
    """data/schema/ sits next to the YAML files; a broken file there changes nothing."""
    import shutil

    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    (copy / "schema" / "knowledge-base.schema.json").write_text("not json", encoding="utf-8")
    (copy / "schema" / "notes.yaml").write_text("centres: [", encoding="utf-8")
    assert load_knowledge_base(copy).centres
