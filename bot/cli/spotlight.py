"""``medicon-bot spotlight run-due|preview`` and ``medicon-bot clock``.

:func:`add_spotlight_commands` registers the sub-commands on the main parser and
:func:`run_spotlight_command` runs them; ``bot.cli.main`` stays the composition root and calls both.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from bot.cli.terminal import message_to_renderable, terminal_json, terminal_safe
from bot.errors import ConfigurationError

if TYPE_CHECKING:  # the console starts faster without the storage and Slack stacks
    from bot.config import Settings
    from bot.knowledge import KnowledgeBase
    from bot.slack.poster import SlackPoster
    from bot.storage import Database

__all__ = ["COMMANDS", "add_spotlight_commands", "run_spotlight_command"]

COMMANDS: Final = frozenset({"spotlight", "clock"})
"""The top-level commands this module handles (``args.command``)."""


def _instant(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 instant: {text!r} (try 2026-12-01T09:00:00+01:00)"
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def add_spotlight_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add ``spotlight run-due``, ``spotlight preview`` and ``clock`` to ``subparsers``.

    ``subparsers`` is what ``ArgumentParser.add_subparsers(dest="command")`` returned.
    """
    spotlight = subparsers.add_parser("spotlight", help="weekly spotlights: deliver, preview")
    commands = spotlight.add_subparsers(
        dest="spotlight_command", metavar="SPOTLIGHT_COMMAND", required=True
    )
    run = commands.add_parser(
        "run-due", help="deliver every spotlight due now, once, and exit (for cron)"
    )
    run.add_argument(
        "--now", type=_instant, help="the instant to deliver for (ISO 8601; no offset = UTC)"
    )
    run.add_argument(
        "--grace-hours",
        type=float,
        default=24.0,
        help="skip (and record) slots older than this (default 24)",
    )
    run.add_argument(
        "--journal-dir",
        type=Path,
        help="where posts are kept until the database has them "
        "(default: beside the SQLite file, or a directory in the temp dir)",
    )
    show = commands.add_parser("preview", help="print the next spotlight a channel will get")
    show.add_argument("--channel", help="a subscribed channel id (default: a new subscription)")
    show.add_argument("--team", help="the channel's workspace id, when it is ambiguous")
    show.add_argument("--json", action="store_true", help="print the Slack message payload")
    subparsers.add_parser("clock", help="the clock process: deliver spotlights every minute")


def run_spotlight_command(
    args: argparse.Namespace,
    *,
    settings: Settings,
    kb: KnowledgeBase,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the parsed command; returns the exit code. Raises ConfigurationError without a token.

    ``run-due`` prints one summary line and exits 0 when nothing was left failed, else 1. A
    database that cannot be reached, or a pass that had to stop for want of it, is one line on
    ``err`` and exit code 1, never a traceback.
    """
    from sqlalchemy.exc import DBAPIError

    from bot.spotlights.errors import DeliveryStalled

    err = err if err is not None else sys.stderr
    try:
        return _run(args, settings=settings, kb=kb, out=out if out is not None else sys.stdout)
    except DeliveryStalled as error:
        print(f"medicon-bot: {terminal_safe(str(error))}", file=err)
    except (DBAPIError, OSError) as error:
        problem = _database_problem(settings.database_url, error)
        print(f"medicon-bot: {terminal_safe(problem)}", file=err)
    return 1


def _database_problem(url: str, error: BaseException) -> str:
    """``the database at postgresql+psycopg://postgres@127.0.0.1:1/test is unreachable: …``."""
    from sqlalchemy.engine import make_url

    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    reason = f"{type(original).__name__}: {lines[0] if lines else ''}".rstrip(": ")
    where = make_url(url).render_as_string(hide_password=True)
    return f"the database at {where} is unreachable ({reason})"


def _run(args: argparse.Namespace, *, settings: Settings, kb: KnowledgeBase, out: TextIO) -> int:
    from bot.spotlights.delivery import run_due
    from bot.spotlights.delivery.journal import default_journal_dir
    from bot.spotlights.delivery.pacing import Pace
    from bot.spotlights.service import preview
    from bot.storage import open_database

    database = open_database(settings.database_url)
    try:
        if args.command == "clock":
            from bot.cli.clock import run_clock

            run_clock(
                settings,
                kb=kb,
                database=database,
                poster_factory=lambda: _poster(settings, database),
            )
            return 0
        if args.spotlight_command == "run-due":
            summary = run_due(
                now=args.now or datetime.now(UTC),
                database=database,
                kb=kb,
                poster=_poster(settings, database),
                grace=timedelta(hours=args.grace_hours),
                pace=Pace(posts_per_minute=settings.posts_per_minute),
                journal_dir=args.journal_dir or default_journal_dir(settings.database_url),
            )
            print(summary.line(), file=out)
            return 1 if summary.failed else 0
        with database.sessions() as session:
            found = preview(session, kb=kb, team_id=args.team, channel_id=args.channel)
        if found is None:
            print("The knowledge base has nothing to feature.", file=out)
            return 1
        choice, message = found
        if args.json:
            print(terminal_json(message.as_dict()), file=out)
            return 0
        from rich.console import Console

        console = Console(file=out, highlight=False)
        console.print(f"Next spotlight ({choice.key}, rotation cycle {choice.cycle + 1}):")
        console.print(message_to_renderable(message))
        return 0
    finally:
        database.dispose()


def _poster(settings: Settings, database: Database) -> SlackPoster:
    """Posts with each workspace's own token: SLACK_BOT_TOKEN, or its stored installation."""
    from bot.slack.installations import installation_store, token_source
    from bot.slack.poster import SlackPoster

    if settings.slack_bot_token is None and not settings.oauth_enabled:
        raise ConfigurationError("SLACK_BOT_TOKEN: required to post spotlights")
    token_for = token_source(settings, installation_store(settings, database))
    return SlackPoster(base_url=str(settings.slack_api_url), token_for=token_for)
