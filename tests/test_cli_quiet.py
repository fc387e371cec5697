"""One-off commands in a terminal print their answer and nothing else: no migration chatter and
no INFO lines on stderr, unless LOG_LEVEL asks for them. Run as real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXECUTABLE = Path(sys.executable).parent / "medicon-bot"


def run(
    *args: str, database: Path, stdin: str = "", log_level: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "MEDICON_", "DATABASE_URL", "LOG_LEVEL"))
    }
    env.update(
        {"COLUMNS": "120", "HOME": str(database.parent), "DATABASE_URL": f"sqlite:///{database}"}
    )
    if log_level is not None:
        env["LOG_LEVEL"] = log_level
    return subprocess.run(
        [str(EXECUTABLE), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=database.parent,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "stdin", "shows"),
    [
        (("ask", "cancer"), "", "Cancer"),
        (("kb", "check"), "", "ok:"),
        (("spotlight", "preview"), "", "Spotlight"),
        (("console",), "cancer\nquit\n", "Cancer"),
    ],
    ids=["ask", "kb-check", "spotlight-preview", "console"],
)
def test_one_off_commands_print_nothing_on_stderr(
    args: tuple[str, ...], stdin: str, shows: str, tmp_path: Path
) -> None:
    # A fresh database: `spotlight preview` migrates it on the way.
    result = run(*args, database=tmp_path / "fresh.sqlite3", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert shows.casefold() in result.stdout.casefold()
    # kb check lists its warnings (odd sources left for editors) on stderr, and nothing else
    lines = [line for line in result.stderr.splitlines() if ": warning: " not in line]
    assert lines == []


def test_log_level_brings_the_info_lines_back(tmp_path: Path) -> None:
    result = run("spotlight", "preview", database=tmp_path / "fresh.sqlite3", log_level="INFO")
    assert result.returncode == 0, result.stderr
    assert "INFO alembic.runtime.migration: Running upgrade" in result.stderr
