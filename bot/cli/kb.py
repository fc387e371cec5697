"""``medicon-bot kb check`` and ``medicon-bot kb schema``: tools for editors of ``data/``.

``check`` exits 1 on any problem (a file that does not load, or a broken editorial rule such as
an active status without its year) and 0 otherwise; entries due for review are listed as
warnings and do not fail it. ``schema`` writes the JSON Schema editors' YAML language servers
use (``data/schema/knowledge-base.schema.json``).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rich.console import Console

from bot.knowledge import KnowledgeBase, KnowledgeBaseError, Status, check_knowledge_base
from bot.knowledge.schema import render_schema

__all__ = ["add_kb_commands", "run_kb_command"]


def add_kb_commands(commands: Any) -> None:
    """Register ``kb check`` and ``kb schema`` on the top-level sub-parsers."""
    kb = commands.add_parser("kb", help="knowledge-base tools: check, schema")
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    check = kb_commands.add_parser(
        "check", help="validate a knowledge base; list entries due for review"
    )
    check.add_argument("--data", dest="check_data", type=Path, help="directory to check")
    check.add_argument(
        "--as-of",
        dest="check_as_of",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="judge review dates as of this day and list the dated changes until then"
        " (default: today)",
    )
    schema = kb_commands.add_parser(
        "schema", help="write the JSON Schema of the knowledge-base files"
    )
    schema.add_argument(
        "--output", type=Path, help="file to write (default: print it on standard output)"
    )


def run_kb_command(args: argparse.Namespace, *, data_dir: Path, out: Console, err: Console) -> int:
    """Run the ``kb`` sub-command in ``args``; returns the exit code."""
    if args.kb_command == "schema":
        return _schema(args.output, out)
    today = args.check_as_of or datetime.now(UTC).date()
    return _check(args.check_data or data_dir, out, err, today)


def _print_changes(kb: KnowledgeBase, out: Console, until: date) -> None:
    """The dated changes that take effect from now until ``until`` (``--as-of``), soonest first,
    so an editor sees what the bot will say differently by then."""
    now = datetime.now(UTC).date()
    coming = sorted(
        (change.effective, centre.label, change.note)
        for centre in kb.centres.values()
        for change in centre.changes
        if now < change.effective <= until
    )
    if coming:
        out.print(f"changes by {until.isoformat()}:", markup=False)
    for effective, label, note in coming:
        out.print(f"  {effective.isoformat()} {label}: {note}", markup=False, soft_wrap=True)


def _check(data_dir: Path, out: Console, err: Console, today: date) -> int:
    try:
        report = check_knowledge_base(data_dir, today=today)
    except KnowledgeBaseError as error:
        for problem in error.problems:
            err.print(str(problem), markup=False, soft_wrap=True)
        err.print(f"{len(error.problems)} problem(s) in {data_dir}", markup=False)
        return 1
    for problem in report.errors:
        err.print(
            f"{problem.file}:{problem.line}: error: {problem.path}: {problem.message}",
            markup=False,
            soft_wrap=True,
        )
    for problem in report.warnings:
        err.print(
            f"{problem.file}:{problem.line}: warning: {problem.path}: {problem.message}",
            markup=False,
            soft_wrap=True,
        )
    _print_changes(report.kb, out, today)
    counts = dict(report.kb.counts())
    counts["outside places"] = len(report.kb.outside)
    summary = ", ".join(f"{count} {name}" for name, count in counts.items())
    warned = f"; {len(report.warnings)} warning(s)" if report.warnings else ""
    if report.errors:
        err.print(f"{len(report.errors)} problem(s){warned} in {data_dir}", markup=False)
        return 1
    out.print(f"ok: {summary} in {data_dir}{warned}", markup=False, soft_wrap=True)
    out.print(_years_line(report.kb), markup=False, soft_wrap=True)
    return 0


def _years_line(kb: KnowledgeBase) -> str:
    """``years: 8 of 22 figures dated, 14 undated; 12 of 20 active statuses dated, 8 undated``."""
    stats = kb.all_stats()
    dated_stats = sum(stat.as_of is not None for stat in stats)
    active = [c for c in kb.centres.values() if c.status is Status.ACTIVE]
    dated_statuses = sum(isinstance(c.status_as_of, int) for c in active)
    return (
        f"years: {dated_stats} of {len(stats)} figures dated, {len(stats) - dated_stats} undated;"
        f" {dated_statuses} of {len(active)} active statuses dated,"
        f" {len(active) - dated_statuses} undated"
    )


def _schema(output: Path | None, out: Console) -> int:
    text = render_schema()
    if output is None:
        print(text, end="")
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    out.print(f"wrote {output}", markup=False)
    return 0
