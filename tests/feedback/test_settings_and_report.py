"""The feedback settings, the report's command line, and the chart staying out of start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli.main import main
from bot.cli.report import parse_since
from bot.config import load_settings
from bot.errors import ConfigurationError
from bot.feedback.chart import chart_words, draw_week_chart
from bot.feedback.summary import DayTotals
from bot.storage import open_database
from bot.storage.questions import Sighting, record_sightings
from bot.storage.suggestions import add_suggestion
from bot.text import is_unsafe
from tests.support.web_process import clean_environment


def test_feedback_settings_are_read_and_validated() -> None:
    settings = load_settings(
        {
            "MEDICON_RECORD_QUESTIONS": "false",
            "MEDICON_QUESTION_RETENTION_DAYS": "30",
            "MEDICON_EDITORS": "U01ABC, W02DEF,",
            "MEDICON_EDITORS_CHANNEL": "C0EDITORS",
            "MEDICON_PUBLIC_URL": "https://bot.example.org",
        }
    )
    assert settings.record_questions is False
    assert settings.question_retention_days == 30
    assert settings.editors == ("U01ABC", "W02DEF")
    assert settings.editors_channel == "C0EDITORS"
    defaults = load_settings({})
    assert (defaults.record_questions, defaults.question_retention_days) == (True, 180)
    assert (defaults.editors, defaults.editors_channel, defaults.public_url) == ((), None, None)


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("MEDICON_RECORD_QUESTIONS", "perhaps"),
        ("MEDICON_QUESTION_RETENTION_DAYS", "0"),
        ("MEDICON_EDITORS", "ada,bob"),
        ("MEDICON_EDITORS_CHANNEL", "#editors"),
        ("MEDICON_PUBLIC_URL", "not a url"),
    ],
)
def test_a_bad_feedback_setting_names_its_variable(variable: str, value: str) -> None:
    with pytest.raises(ConfigurationError, match=f"^{variable}: "):
        load_settings({variable: value})


@pytest.mark.parametrize(
    ("text", "period"),
    [("30d", timedelta(days=30)), ("12h", timedelta(hours=12)), (" 8W ", timedelta(weeks=8))],
)
def test_since_takes_hours_days_or_weeks(text: str, period: timedelta) -> None:
    assert parse_since(text) == period


@pytest.mark.parametrize("text", ["abc", "30", "0d", "-3d", "3 months", "1e3d"])
def test_a_bad_since_is_one_friendly_line(
    text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    assert main(["report", f"--since={text}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "--since" in captured.err
    assert "Traceback" not in captured.err


def test_the_report_table_shows_typed_text_literally(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    database = open_database(url)
    now = datetime.now(UTC)
    typed = "[bold red]why[/] no [link=https://x.org]answer[/link]?"
    with database.sessions() as session:
        sighting = Sighting("T1", "slash", "declined", typed, 4, now, now)
        record_sightings(session, sightings=[sighting], counts=[])
    database.dispose()
    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "[bold red]why[/]" in out
    assert "4" in out


def test_the_chart_is_a_png() -> None:
    today = datetime(2026, 11, 30, tzinfo=UTC).date()
    days = [DayTotals(today - timedelta(days=n), n, n % 2) for n in range(6, -1, -1)]
    assert draw_week_chart(days).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(
    ("language", "title", "legend", "monday"),
    [
        ("en", "Questions this week", ("answered", "not answered"), "Mon 30"),
        ("da", "Ugens spørgsmål", ("besvarede", "ubesvarede"), "man. 30"),
        ("sv", "Veckans frågor", ("besvarade", "obesvarade"), "mån 30"),
    ],
)
def test_the_chart_is_titled_labelled_and_dated_in_the_editors_language(
    language: str, title: str, legend: tuple[str, str], monday: str
) -> None:
    today = datetime(2026, 11, 30, tzinfo=UTC).date()  # a Monday
    days = [DayTotals(today - timedelta(days=n), n, n % 2) for n in range(6, -1, -1)]
    words = chart_words(days, language)
    assert (words.title, (words.answered, words.not_answered)) == (title, legend)
    assert words.days[-1] == monday
    assert len(set(words.days)) == 7
    assert draw_week_chart(days, language).startswith(b"\x89PNG\r\n\x1a\n")


def test_plotting_is_not_imported_at_start() -> None:
    code = (
        "import sys, bot.slack.web, bot.cli.main, bot.slack.home;print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "False"


ESCAPES = (
    "\x1b[2J\x1b[H"  # clear the screen
    "\x1b]0;owned\x07"  # set the window title
    "\x1b]52;c;cm0gLXJmIH4=\x07"  # write the clipboard (OSC 52)
    "\x9b31m"  # CSI as one C1 character
    "\u202egnp.exe"  # right-to-left override
)


def _obeyed(output: str) -> list[str]:
    return sorted({c for c in output if c != "\n" and is_unsafe(c)})


def test_the_report_never_drives_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Rows stored before typed text was cleaned where it enters, as SQLite kept them.
    url = f"sqlite:///{tmp_path / 'bot.sqlite3'}"
    monkeypatch.setenv("DATABASE_URL", url)
    database = open_database(url)
    now = datetime.now(UTC)
    with database.sessions() as session:
        sighting = Sighting("T1", "slash", "declined", f"why {ESCAPES}?", 2, now, now)
        record_sightings(session, sightings=[sighting], counts=[])
        add_suggestion(
            session,
            team_id="T1",
            text=f"add {ESCAPES}",
            url=f"https://example.org/{ESCAPES}",
            note=f"first line\n{ESCAPES}",
            question=None,
            now=now,
        )
    database.dispose()
    assert main(["report"]) == 0
    table = capsys.readouterr().out
    assert main(["report", "--json"]) == 0
    printed = capsys.readouterr().out
    for output in (table, printed):
        assert _obeyed(output) == []
    assert "\\x1b[2J\\x1b[H\\x1b]0;owned\\x07" in table  # shown, not obeyed
    assert "\\x9b31m\\u202egnp.exe" in table
    parsed = json.loads(printed)  # the same data for a parser
    assert parsed["unanswered"][0]["text"] == f"why {ESCAPES}?"
    (suggestion,) = parsed["suggestions"]
    assert suggestion["note"] == f"first line\n{ESCAPES}"
    assert "\\u009b31m\\u202egnp.exe" in printed


def test_ask_shows_a_typed_escape_without_obeying_it(capsys: pytest.CaptureFixture[str]) -> None:
    for arguments in (["ask", f"xyzzy {ESCAPES}"], ["ask", "--json", f"xyzzy {ESCAPES}"]):
        assert main(arguments) == 0
        assert _obeyed(capsys.readouterr().out) == []
