"""``kb check``: every figure, person and status carries its year; entries due for review warn.

Each test breaks one rule of an otherwise clean knowledge base and checks what an editor sees:
the problem at its ``file:line``, and whether the check fails (exit 1) or only warns (exit 0).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.knowledge import KnowledgeBaseError, check_knowledge_base, load_knowledge_base
from bot.knowledge.rules import _months_before
from tests.support.kb_files import CENTRES, FIELDS, REVIEWED, write_checked_kb, write_kb

TODAY = date(2026, 12, 1)


def check(directory: Path, today: date = TODAY) -> tuple[list[str], list[str]]:
    report = check_knowledge_base(directory, today=today)
    return [str(p) for p in report.errors], [str(p) for p in report.warnings]


def run_check(
    directory: Path, capsys: pytest.CaptureFixture[str], today: date = TODAY
) -> tuple[int, str, str]:
    """``medicon-bot kb check --data DIR --as-of DAY``; returns (exit code, stdout, stderr)."""
    code = main(["kb", "check", "--data", str(directory), "--as-of", today.isoformat()])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_clean_knowledge_base_passes_with_no_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_check(write_checked_kb(tmp_path), capsys)
    assert code == 0, err
    assert out.startswith("ok: 2 fields, 2 centres, 1 stats, 2 sources, 1 outside places in ")
    assert out.splitlines()[1] == (
        "years: 0 of 1 figures dated, 1 undated; 1 of 2 active statuses dated, 1 undated"
    )
    assert "warning" not in out + err


# --- Figures ---------------------------------------------------------------------------------


def test_a_figure_without_a_year_or_undated_fails_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fields = FIELDS.replace("        undated: true\n", "")
    directory = write_checked_kb(tmp_path, fields=fields)
    code, _, err = run_check(directory, capsys)
    assert code == 1
    assert (
        f"{directory / 'fields.yaml'}:7: fields[cancer].stats[cancer-organisations]: "
        "a figure needs the year it applies to: add 'as_of: YEAR', or 'undated: true'"
    ) in err
    with pytest.raises(KnowledgeBaseError):
        load_knowledge_base(directory)


def test_a_figure_with_both_a_year_and_undated_fails(tmp_path: Path) -> None:
    fields = FIELDS.replace(
        "        undated: true\n", "        undated: true\n        as_of: 2020\n"
    )
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(write_checked_kb(tmp_path, fields=fields))
    (problem,) = caught.value.problems
    assert problem.line == 7
    assert "not both" in problem.message


def test_undated_must_be_true_not_false(tmp_path: Path) -> None:
    fields = FIELDS.replace("        undated: true\n", "        undated: false\n")
    with pytest.raises(KnowledgeBaseError) as caught:
        load_knowledge_base(write_checked_kb(tmp_path, fields=fields))
    assert any(p.path.endswith(".undated") for p in caught.value.problems)


def test_a_dated_figure_says_its_year_and_an_undated_one_says_so(tmp_path: Path) -> None:
    fields = FIELDS.replace("        undated: true\n", "        as_of: 2022\n")
    kb = load_knowledge_base(write_checked_kb(tmp_path, fields=fields))
    assert kb.fields["cancer"].stats[0].year_label == "2022"
    kb = load_knowledge_base(write_checked_kb(tmp_path / "undated"))
    assert kb.fields["cancer"].stats[0].year_label == "undated"
    assert kb.fields["cancer"].stats[0].is_regional


def test_a_figure_about_somewhere_else_says_its_scope(tmp_path: Path) -> None:
    fields = FIELDS.replace(
        "        undated: true\n", "        undated: true\n        scope: Europe\n"
    )
    stat = load_knowledge_base(write_checked_kb(tmp_path, fields=fields)).fields["cancer"].stats[0]
    assert stat.scope == "Europe"
    assert not stat.is_regional


# --- Statuses and people ---------------------------------------------------------------------


def test_an_active_centre_without_the_year_of_its_status_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "centres.yaml").read_text(encoding="utf-8")
    (directory / "centres.yaml").write_text(
        text.replace("    status_as_of: 2020\n", ""), encoding="utf-8"
    )
    code, _, err = run_check(directory, capsys)
    assert code == 1
    assert (
        f"{directory / 'centres.yaml'}:2: error: centres[create-health].status: "
        "an active status needs its year"
    ) in err


def test_an_ended_or_uncertain_centre_needs_no_status_year(tmp_path: Path) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "centres.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    status_as_of: 2020\n",
        "    status: uncertain\n    status_note: No source after 2012 was found.\n",
    )
    (directory / "centres.yaml").write_text(text, encoding="utf-8")
    assert check(directory) == ([], [])


def test_a_status_year_shows_as_of_or_undated(tmp_path: Path) -> None:
    kb = load_knowledge_base(write_checked_kb(tmp_path))
    assert kb.centres["create-health"].status_year_label == "as of 2020"
    assert kb.centres["wnc"].status_year_label == "undated"


def test_a_status_year_in_the_future_fails(tmp_path: Path) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "centres.yaml").read_text(encoding="utf-8")
    (directory / "centres.yaml").write_text(
        text.replace("status_as_of: 2020", "status_as_of: 2030"), encoding="utf-8"
    )
    errors, _ = check(directory)
    assert errors == [
        f"{directory / 'centres.yaml'}:11: centres[create-health].status_as_of: lies in the future"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "It is led by Professor Ada Jensen.",
        "Its head is Bo Berg.",
        "Ada Jensen is its director.",
        "Bo Berg coordinated it until he retired; Ada Jensen succeeded him.",
        "Group leaders include Ada Jensen and Bo Berg.",
    ],
)
def test_a_persons_role_without_a_year_fails_at_its_line(tmp_path: Path, sentence: str) -> None:
    centres = CENTRES.replace(
        "    summary: Neurodegenerative disease research.\n",
        f"    summary: Neurodegenerative disease research.\n    details:\n      - {sentence}\n",
    )
    directory = write_checked_kb(tmp_path, centres=centres)
    errors, _ = check(directory)
    (error,) = errors
    assert error.startswith(f"{directory / 'centres.yaml'}:21: centres[wnc].details[0]: ")
    assert "without a year" in error


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2020 it was led by Professor Ada Jensen.",
        "Its undated page lists Ada Jensen and Bo Berg as heads.",
        "The region is a world leader in diabetes care.",
        "It leads to new therapies for patients.",
    ],
)
def test_a_dated_role_or_an_ordinary_sentence_passes(tmp_path: Path, sentence: str) -> None:
    centres = CENTRES.replace(
        "    summary: Neurodegenerative disease research.\n",
        f"    summary: Neurodegenerative disease research.\n    details:\n      - {sentence}\n",
    )
    assert check(write_checked_kb(tmp_path, centres=centres)) == ([], [])


def test_a_role_in_a_field_highlight_is_checked_too(tmp_path: Path) -> None:
    fields = FIELDS.replace(
        "    summary: Brain research.\n",
        "    summary: Brain research.\n    highlights:\n      - Its centre is led by Ada Jensen.\n",
    )
    errors, _ = check(write_checked_kb(tmp_path, fields=fields))
    (error,) = errors
    assert "fields[neuroscience].highlights[0]" in error


# --- Review dates ----------------------------------------------------------------------------


def test_an_entry_reviewed_more_than_12_months_ago_warns_but_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "centres.yaml").read_text(encoding="utf-8")
    stale = text.replace(f"reviewed: {REVIEWED}", "reviewed: 2025-11-30", 1)
    (directory / "centres.yaml").write_text(stale, encoding="utf-8")
    code, out, err = run_check(directory, capsys)
    assert code == 0
    assert (
        f"{directory / 'centres.yaml'}:13: warning: centres[create-health].reviewed: "
        "last reviewed 2025-11-30, more than 12 months ago"
    ) in err
    assert out.startswith("ok: ")
    assert "1 warning(s)" in out


def test_exactly_12_months_is_not_yet_due(tmp_path: Path) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "centres.yaml").read_text(encoding="utf-8")
    (directory / "centres.yaml").write_text(
        text.replace(f"reviewed: {REVIEWED}", "reviewed: 2025-12-01", 1), encoding="utf-8"
    )
    assert check(directory) == ([], [])


def test_an_entry_never_reviewed_warns_at_the_entry(tmp_path: Path) -> None:
    directory = write_kb(tmp_path)
    _, warnings = check(directory)
    assert f"{directory / 'cluster.yaml'}:1: cluster: never reviewed: check it against its " in (
        "\n".join(warnings)
    )
    assert sum("never reviewed" in warning for warning in warnings) == 5  # 2 + 2 + cluster


def test_a_review_date_in_the_future_fails(tmp_path: Path) -> None:
    directory = write_checked_kb(tmp_path)
    errors, _ = check(directory, today=date(2026, 10, 1))
    assert f"{directory / 'cluster.yaml'}:6: cluster.reviewed: reviewed 2026-11-01 lies in" in (
        "\n".join(errors)
    )


def test_a_stale_source_warns_and_an_unreviewed_source_does_not(tmp_path: Path) -> None:
    directory = write_checked_kb(tmp_path)
    text = (directory / "sources.yaml").read_text(encoding="utf-8")
    (directory / "sources.yaml").write_text(
        text.replace("    as_of: 2020\n", "    as_of: 2020\n    reviewed: 2024-01-31\n"),
        encoding="utf-8",
    )
    _, warnings = check(directory)
    assert warnings == [
        f"{directory / 'sources.yaml'}:8: sources[site].reviewed: last reviewed 2024-01-31, "
        "more than 12 months ago"
    ]


@pytest.mark.parametrize(
    ("today", "cutoff"),
    [
        (date(2026, 12, 1), date(2025, 12, 1)),
        (date(2024, 2, 29), date(2023, 2, 28)),
        (date(2026, 1, 31), date(2025, 1, 31)),
    ],
)
def test_twelve_months_before(today: date, cutoff: date) -> None:
    assert _months_before(today, 12) == cutoff


# --- The shipped knowledge base --------------------------------------------------------------


def test_the_shipped_knowledge_base_passes_every_rule_without_a_warning() -> None:
    """No error and no warning: every source is an original page at an https address."""
    from bot.knowledge import default_data_dir

    report = check_knowledge_base(default_data_dir(), today=date(2026, 12, 7))
    assert [str(p) for p in report.errors] == []
    assert [str(p) for p in report.warnings] == []


def test_the_shipped_knowledge_base_never_breaks_a_year_rule_later() -> None:
    """Review warnings come with time; the year rules must hold on any day."""
    from bot.knowledge import default_data_dir

    report = check_knowledge_base(default_data_dir(), today=date(2031, 6, 1))
    assert [str(p) for p in report.errors] == []
