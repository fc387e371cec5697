"""The offline commands, run the way a person runs them: as the installed ``medicon-bot``."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.kb_files import CENTRES, write_kb

REPO = Path(__file__).resolve().parents[1]
EXECUTABLE = Path(sys.executable).parent / "medicon-bot"


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MEDICON_"))}
    clean.update({"COLUMNS": "120", "HOME": str(REPO / ".pytest_cache"), **(env or {})})
    return subprocess.run(
        [str(EXECUTABLE), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=clean,
        timeout=60,
        check=False,
    )


def test_ask_prints_the_answer_readably() -> None:
    result = run("ask", "cancer")
    assert result.returncode == 0, result.stderr
    assert "Cancer" in result.stdout
    assert "more than 25 organisations" in result.stdout
    assert "[ CREATE Health ]" in result.stdout
    assert "*" not in result.stdout.split("\n")[0]  # mrkdwn is drawn, not printed raw


def test_ask_json_prints_the_slack_payload() -> None:
    result = run("ask", "--json", "LUDC")
    payload = json.loads(result.stdout)
    assert set(payload) == {"text", "blocks"}
    assert payload["blocks"][0] == {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": "Lund University Diabetes Centre (LUDC)",
            "emoji": True,
        },
    }


def test_ask_with_a_typo_says_closest_match() -> None:
    result = run("ask", "diabetis")
    assert "Closest match to ‘diabetis’" in result.stdout
    assert "Diabetes and metabolic disease" in result.stdout


def test_console_answers_each_line_until_quit() -> None:
    result = run("console", stdin="LUDC\nstats\nxyzzy\nquit\nnever answered\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Lund University Diabetes Centre (LUDC)" in out
    assert "Medicon Valley in numbers" in out
    assert "I couldn't find anything about ‘xyzzy’" in out
    assert "never answered" not in out


def test_the_console_offers_only_what_works_offline() -> None:
    helped = run("console", stdin="help\nquit\n")
    assert helped.returncode == 0, helped.stderr
    assert "centres diabetes" in helped.stdout
    assert "subscri" not in helped.stdout
    typed = ["subscribe monday 09:00", "subscriptions", "Unsubscribe"]
    tried = run("console", stdin="\n".join([*typed, "quit", ""]))
    assert tried.returncode == 0, tried.stderr
    assert "not in my knowledge base" not in tried.stdout
    assert tried.stdout.count("works in Slack") == len(typed)
    assert "/medicon subscribe monday 09:00" in tried.stdout


def test_the_console_session_is_one_conversation() -> None:
    result = run("console", stdin="where is LUDC?\nwho hosts it?\nwhen was CBMR founded?\nquit\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("assumed from your last question") == 1
    assert "LUDC: assumed from your last question · type a full question to start over" in out
    assert "hosted by Lund University" in out
    assert "founded in 2010" in out


def test_console_is_the_default_without_slack_credentials() -> None:
    result = run(stdin="help\n")
    assert result.returncode == 0, result.stderr
    assert "offline console" in result.stdout
    assert "centres diabetes" in result.stdout


def test_kb_check_summarises_a_good_knowledge_base() -> None:
    result = run("kb", "check")
    assert result.returncode == 0
    assert result.stdout.startswith("ok: 6 fields, ")


def test_kb_check_lists_every_problem_with_file_and_line(tmp_path: Path) -> None:
    broken = CENTRES.replace("fields: [neuroscience]", "fields: [nope]").replace(
        "    name: CREATE Health\n", ""
    )
    directory = write_kb(tmp_path, centres=broken)
    result = run("kb", "check", "--data", str(directory))
    assert result.returncode == 1
    assert (
        f"{directory / 'centres.yaml'}:2: centres[create-health].name: Field required"
        in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_broken_knowledge_base_stops_the_bot_with_reasons_not_a_traceback(tmp_path: Path) -> None:
    directory = tmp_path / "kb"
    shutil.copytree(REPO / "data", directory)
    (directory / "fields.yaml").write_text("fields:\n  - id: Not An Id\n", encoding="utf-8")
    result = run("ask", "cancer", env={"MEDICON_DATA_DIR": str(directory)})
    assert result.returncode == 1
    assert "Knowledge base did not load" in result.stderr
    assert f"{directory / 'fields.yaml'}:2: fields[Not An Id].id:" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [("MEDICON_TIMEZONE", "Mars/Olympus"), ("PORT", "eighty"), ("DATABASE_URL", "mysql://x")],
)
def test_a_bad_environment_variable_is_named_in_one_line(variable: str, value: str) -> None:
    result = run("ask", "cancer", env={variable: value})
    assert result.returncode == 2
    assert result.stderr.startswith(f"Configuration error: {variable}: ")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "environment", "variable"),
    [
        ("socket", {"SLACK_BOT_TOKEN": "xoxb-1-2"}, "SLACK_APP_TOKEN"),
        ("serve", {"SLACK_BOT_TOKEN": "xoxb-1-2"}, "SLACK_SIGNING_SECRET"),
        ("serve", {"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
        ("serve", {"SLACK_CLIENT_ID": "1.2", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_SECRET"),
    ],
)
def test_slack_modes_name_the_missing_variable(
    command: str, environment: dict[str, str], variable: str
) -> None:
    result = run(command, env=environment)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Configuration error: {variable}: ")
    assert "Traceback" not in result.stderr


def test_tokens_never_reach_the_logs() -> None:
    import logging

    from bot.logs import TokenRedactingFilter, redact

    assert redact("token xoxb-123-456-abc and xapp-1-A1-xyz") == "token xoxb-*** and xapp-***"
    record = logging.LogRecord(
        "t", logging.INFO, __file__, 1, "using %s", ("xoxb-9-9-secret",), None
    )
    TokenRedactingFilter().filter(record)
    assert record.getMessage() == "using xoxb-***"
