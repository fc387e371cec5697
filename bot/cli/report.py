"""``medicon-bot report [--since 30d] [--json]``: what editors should look at.

The top unanswered questions with counts, the answers voted "not helpful" most and their
entries, the suggested additions and each entry's helpful rate, over the database the bot
writes to. Tables in a terminal; ``--json`` for scripts. No Slack user id appears: none is
stored beside a question, a vote or a suggestion. What people typed is printed terminal-safe
(:mod:`bot.cli.terminal`), rows stored before text was cleaned at the edge included.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from rich.console import Console
from rich.table import Table
from rich.text import Text

from bot.cli.terminal import safe_text, terminal_json

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.feedback.summary import Summary
    from bot.knowledge import KnowledgeBase

__all__ = ["add_report_command", "parse_since", "run_report", "show_report"]

_SINCE: Final = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)
_UNITS: Final = {"h": "hours", "d": "days", "w": "weeks"}


def add_report_command(commands: Any) -> None:
    """Register ``report`` on the top-level sub-parsers."""
    report = commands.add_parser(
        "report", help="unanswered questions, unhelpful answers and suggestions, for editors"
    )
    report.add_argument(
        "--since", default="30d", help="how far back: 12h, 30d or 8w (default: 30d)"
    )
    report.add_argument("--json", dest="report_json", action="store_true", help="print JSON")


def parse_since(text: str) -> timedelta | None:
    """``30d`` → 30 days (``h``, ``d`` or ``w``); None for anything else."""
    match = _SINCE.match(text)
    if match is None or int(match.group(1)) == 0:
        return None
    return timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def run_report(
    args: argparse.Namespace,
    *,
    settings: Settings,
    kb: KnowledgeBase,
    out: Console,
    err: Console,
    now: datetime | None = None,
) -> int:
    """Print the report; 2 with one line on stderr for a bad ``--since``."""
    period = parse_since(args.since)
    if period is None:
        err.print(
            f"report: --since takes a number and h, d or w, such as 30d (not {args.since!r})",
            markup=False,
        )
        return 2
    from bot.feedback.summary import summarise
    from bot.storage import open_database

    since = (now or datetime.now(UTC)) - period
    database = open_database(settings.database_url)
    try:
        with database.sessions() as session:
            summary = summarise(session, since=since)
    finally:
        database.dispose()
    show_report(summary, kb=kb, out=out, period=args.since.strip(), as_json=args.report_json)
    return 0


def show_report(
    summary: Summary, *, kb: KnowledgeBase, out: Console, period: str, as_json: bool
) -> None:
    """Print ``summary`` as tables, or as JSON for scripts; terminal-safe either way."""
    if as_json:
        print(terminal_json(summary.as_json()), file=out.file)
    else:
        _print_tables(summary, kb=kb, out=out, period=period)


def _name(kb: KnowledgeBase, entry: str | None) -> str:
    if entry is None:
        return "(no single entry)"
    kind, _, entry_id = entry.partition(":")
    found = kb.fields.get(entry_id) if kind == "field" else kb.centres.get(entry_id)
    if kind == "cluster":
        return "Medicon Valley"
    return getattr(found, "name", None) or entry


def _day(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _print_tables(summary: Summary, *, kb: KnowledgeBase, out: Console, period: str) -> None:
    # Every cell is a safe Text: what people typed is never read as markup nor obeyed.
    out.print(safe_text(f"Medicon Bot: the last {period}", style="bold"))
    unanswered = _table("Unanswered questions", "Question", "Times", "First seen", "Last seen")
    for question in summary.unanswered:
        unanswered.add_row(
            safe_text(question.text),
            safe_text(str(question.count)),
            safe_text(_day(question.first_seen)),
            safe_text(_day(question.last_seen)),
        )
    least = _table("Answers voted not helpful", "Question", "Entry", "Not helpful", "Missing")
    for answer in summary.least_helpful:
        least.add_row(
            safe_text(answer.question),
            safe_text(_name(kb, answer.entry)),
            safe_text(str(answer.not_helpful)),
            safe_text("; ".join(answer.missing)),
        )
    suggestions = _table("Suggested additions", "What", "Source", "Note", "When")
    for suggestion in summary.suggestions:
        suggestions.add_row(
            safe_text(suggestion.text),
            safe_text(suggestion.url or ""),
            safe_text(suggestion.note or ""),
            safe_text(_day(suggestion.created)),
        )
    rates = _table("Helpful rate per entry", "Entry", "Helpful", "Not helpful", "Rate")
    for entry in summary.feedback:
        rates.add_row(
            safe_text(_name(kb, entry.entry)),
            safe_text(str(entry.helpful)),
            safe_text(str(entry.not_helpful)),
            safe_text(f"{entry.helpful_rate:.0%}"),
        )
    for table, empty in (
        (unanswered, "No unanswered questions."),
        (least, "No answer was voted not helpful."),
        (suggestions, "No suggestions."),
        (rates, "No votes yet."),
    ):
        out.print(table if table.row_count else Text(f"{table.title}: {empty}"))
