"""``kb check`` keeps the knowledge base right sentence by sentence (issue 18): no generic alias,
no alias that is another entry's name, original https sources, no contradicting figures, and
field tags that a statement supports. Each test breaks one rule of a clean knowledge base."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.knowledge import check_knowledge_base
from bot.knowledge.integrity import url_problem
from tests.support.kb_files import CENTRES, FIELDS, SOURCES, write_checked_kb

TODAY = date(2026, 12, 1)


def check(directory: Path) -> tuple[list[str], list[str]]:
    report = check_knowledge_base(directory, today=TODAY)
    return [str(p) for p in report.errors], [str(p) for p in report.warnings]


def test_the_clean_knowledge_base_breaks_none_of_these_rules(tmp_path: Path) -> None:
    assert check(write_checked_kb(tmp_path)) == ([], [])


@pytest.mark.parametrize("alias", ["Phase 1 Unit", "Steno Diabetes Center", "Hospital"])
def test_a_generic_alias_is_an_error_at_its_line(tmp_path: Path, alias: str) -> None:
    centres = CENTRES.replace(
        "    kind: centre\n    host:", f"    kind: centre\n    aliases: [{alias}]\n    host:", 1
    )
    errors, _ = check(write_checked_kb(tmp_path, centres=centres))
    assert len(errors) == 1
    assert "centres.yaml:5: centres[create-health].aliases[0]" in errors[0]
    assert "names a kind of place" in errors[0]


def test_an_alias_that_is_another_entrys_name_plus_a_kind_word_is_an_error(
    tmp_path: Path,
) -> None:
    centres = CENTRES.replace(
        "    kind: centre\n    host:", "    kind: centre\n    aliases: [WNC Unit]\n    host:", 1
    )
    errors, _ = check(write_checked_kb(tmp_path, centres=centres))
    assert len(errors) == 1
    assert "is the name of 'wnc'" in errors[0]


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("http://example.org/page", "plain http"),
        ("https://en.wikipedia.org./wiki/Lund", "malformed host"),
        ("https://93.184.216.34/page", "bare IP"),
        ("https://wikimili.com/en/Lund_University", "copies other sites"),
        ("https://example.org/news?rss", "suffix"),
        ("https://example.org:20082/wiki", "malformed host"),
    ],
)
def test_an_odd_source_url_warns_with_what_to_prefer(url: str, said: str) -> None:
    problem = url_problem(url)
    assert problem is not None
    assert said in problem


def test_an_original_https_page_is_fine() -> None:
    assert url_problem("https://www.lunduniversity.lu.se/about") is None


def test_an_odd_source_is_listed_as_a_warning_at_its_line(tmp_path: Path) -> None:
    sources = SOURCES.replace("https://example.org/page", "https://wikimili.com/en/Lund")
    directory = write_checked_kb(tmp_path)
    (directory / "sources.yaml").write_text(sources, encoding="utf-8")
    errors, warnings = check(directory)
    assert errors == []
    assert [w.split(": ", 1)[0] for w in warnings] == [f"{directory / 'sources.yaml'}:6"]


def test_two_figures_for_the_same_thing_in_the_same_year_contradict(tmp_path: Path) -> None:
    second = FIELDS.split("    stats:\n")[1].split("    sources:")[0]
    second = second.replace("cancer-organisations", "cancer-organisations-again").replace(
        "value: 25", "value: 30"
    )
    fields = FIELDS.replace("    sources: [seed]\n", second + "    sources: [seed]\n", 1)
    errors, _ = check(write_checked_kb(tmp_path, fields=fields))
    assert len(errors) == 1
    assert "count the same thing in the same year" in errors[0]
    dated = fields.replace("value: 30\n", "value: 30\n").replace(
        "        undated: true\n    sources", "        as_of: 2024\n    sources"
    )
    assert check(write_checked_kb(tmp_path / "dated", fields=dated))[0] == []


def test_a_field_tag_no_statement_supports_warns(tmp_path: Path) -> None:
    centres = CENTRES.replace("    fields: [cancer]\n", "    fields: [cancer, neuroscience]\n", 1)
    _, warnings = check(write_checked_kb(tmp_path, centres=centres))
    assert len(warnings) == 1
    assert "nothing 'create-health' says is about Neuroscience" in warnings[0]
