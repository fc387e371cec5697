"""`medicon-bot spotlight run-due|preview` and `clock`, through the parser bot.cli.main uses."""

from __future__ import annotations

import argparse
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from bot.cli.clock import run_clock
from bot.cli.spotlight import COMMANDS, add_spotlight_commands, run_spotlight_command
from bot.config import Settings, load_settings
from bot.errors import ConfigurationError
from bot.knowledge import KnowledgeBase
from bot.spotlights import Schedule
from bot.storage import Database
from bot.storage.oauth_states import forget_expired_states, issue_state
from bot.storage.tables import oauth_states
from tests.spotlights.conftest import TOKEN, make_poster, posted_channels, subscribe_channels
from tests.support.cli import run_cli
from tests.support.slack_stand_in import SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="medicon-bot")
    add_spotlight_commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    return parser.parse_args(argv)


def _settings(database_url: str, stand_in: SlackStandIn, *, token: bool = True) -> Settings:
    environ = {"DATABASE_URL": database_url, "SLACK_API_URL": stand_in.api_url}
    if token:
        environ["SLACK_BOT_TOKEN"] = TOKEN
    return load_settings(environ)


def test_run_due_delivers_and_prints_a_summary_line(
    database: Database, database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1", "C2"], now=SUBSCRIBED)
    out = io.StringIO()

    args = _parse("spotlight", "run-due", "--now", "2026-11-30T09:00:00+01:00")
    assert args.command in COMMANDS
    code = run_spotlight_command(
        args, settings=_settings(database_url, slack_stand_in), kb=kb, out=out
    )

    assert code == 0
    assert out.getvalue() == (
        "run-due 2026-11-30T09:00:00+01:00: 2 posted, 0 paused, 0 failed, "
        "0 skipped (older than 24h), 0 taken by another run\n"
    )
    assert sorted(posted_channels(slack_stand_in)) == ["C1", "C2"]
    assert {c.token for c in slack_stand_in.calls()} == {TOKEN}


def test_run_due_without_a_token_is_a_configuration_error(
    database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    args = _parse("spotlight", "run-due")
    with pytest.raises(ConfigurationError, match="SLACK_BOT_TOKEN"):
        run_spotlight_command(
            args, settings=_settings(database_url, slack_stand_in, token=False), kb=kb
        )


def test_a_naive_now_is_utc_and_a_bad_one_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert _parse("spotlight", "run-due", "--now", "2026-11-30T08:00").now == SLOT
    with pytest.raises(SystemExit):
        _parse("spotlight", "run-due", "--now", "next monday")
    assert "not an ISO 8601 instant" in capsys.readouterr().err


def test_preview_prints_the_next_post_as_json(
    database: Database, database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    out = io.StringIO()
    args = _parse("spotlight", "preview", "--channel", "C1", "--json")
    assert (
        run_spotlight_command(
            args, settings=_settings(database_url, slack_stand_in), kb=kb, out=out
        )
        == 0
    )
    payload = json.loads(out.getvalue())
    assert payload["blocks"][0]["text"]["text"].startswith(":sparkles: Medicon Valley spotlight")
    # Preview posts nothing and changes nothing: the real post features the same topic.
    run_spotlight_command(
        _parse("spotlight", "run-due", "--now", SLOT.isoformat()),
        settings=_settings(database_url, slack_stand_in),
        kb=kb,
        out=io.StringIO(),
    )
    [call] = slack_stand_in.calls("chat.postMessage")
    assert call.blocks() == payload["blocks"]


def test_preview_draws_the_message_in_the_terminal(
    database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    out = io.StringIO()
    args = _parse("spotlight", "preview")
    assert (
        run_spotlight_command(
            args, settings=_settings(database_url, slack_stand_in), kb=kb, out=out
        )
        == 0
    )
    assert "Medicon Valley spotlight" in out.getvalue()
    assert slack_stand_in.calls() == []


def test_the_clock_triggers_delivery_at_once_and_stops_when_told(
    database: Database, database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    # A slot one minute ago, by the real clock: the clock's first tick must deliver it.
    now = datetime.now(UTC)
    local = (now - timedelta(minutes=1)).astimezone(Schedule(0, time(0), "Europe/Copenhagen").zone)
    schedule = Schedule(local.weekday(), time(local.hour, local.minute), "Europe/Copenhagen")
    subscribe_channels(database, ["C1"], now=now - timedelta(hours=1), schedule=schedule)
    with running_clock(database_url, database, kb, slack_stand_in) as (clock, _):
        slack_stand_in.wait_for("chat.postMessage", timeout=10)
    assert not clock.is_alive()
    assert posted_channels(slack_stand_in) == ["C1"]


@contextmanager
def running_clock(
    database_url: str, database: Database, kb: KnowledgeBase, stand_in: SlackStandIn
) -> Iterator[tuple[threading.Thread, threading.Event]]:
    """The clock process's loop in a thread, posting through ``stand_in``; stopped and joined
    (within 10 s) on leaving."""
    stop = threading.Event()
    clock = threading.Thread(
        target=run_clock,
        args=(_settings(database_url, stand_in),),
        kwargs={
            "kb": kb,
            "database": database,
            "poster_factory": lambda: make_poster(stand_in),
            "stop_event": stop,
        },
    )
    clock.start()
    try:
        yield clock, stop
    finally:
        stop.set()
        clock.join(timeout=10)


def _states(database: Database) -> int:
    with database.sessions() as session:
        return int(session.execute(select(func.count()).select_from(oauth_states)).scalar_one())


def test_the_clocks_daily_job_deletes_expired_install_states(
    database: Database, database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    now = datetime.now(UTC)
    lifetime = timedelta(minutes=10)
    with database.sessions() as session:
        issue_state(session, state="valid", expires=now + lifetime, now=now)
        issued = now - lifetime * 2
        for number in range(30):  # issued 20 minutes ago, expired 10 minutes ago
            issue_state(session, state=f"old-{number}", expires=now - lifetime, now=issued)
    assert _states(database) == 31
    with running_clock(database_url, database, kb, slack_stand_in) as (clock, stop):
        for _ in range(100):  # the daily job also runs once at start: wait up to 10 s
            if _states(database) == 1:
                break
            stop.wait(0.1)
    assert not clock.is_alive()
    assert _states(database) == 1
    with database.sessions() as session:
        assert forget_expired_states(session, now=now + lifetime * 2) == 1


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("postgresql+psycopg://postgres:secret@127.0.0.1:1/test", "127.0.0.1:1"),
        ("sqlite:////dev/null/medicon-bot.sqlite3", "/dev/null/medicon-bot.sqlite3"),
    ],
    ids=["postgresql", "sqlite"],
)
def test_run_due_without_its_database_says_so_in_one_line(url: str, named: str) -> None:
    result = run_cli({"DATABASE_URL": url, "SLACK_BOT_TOKEN": TOKEN}, "spotlight", "run-due")
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("medicon-bot: the database at ")
    assert "is unreachable (" in line
    assert named in line
    assert "secret" not in line


def test_the_workspace_budget_is_a_validated_setting() -> None:
    assert load_settings({}).posts_per_minute == 180
    assert load_settings({"MEDICON_POSTS_PER_MINUTE": "300"}).posts_per_minute == 300
    for bad in ("0", "lots", "100000"):
        with pytest.raises(ConfigurationError, match=r"^MEDICON_POSTS_PER_MINUTE: "):
            load_settings({"MEDICON_POSTS_PER_MINUTE": bad})
