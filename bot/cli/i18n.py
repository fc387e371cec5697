"""``medicon-bot i18n extract|update|compile|check``: the project's own command for its
gettext catalogs (Babel underneath), so nobody needs to remember pybabel's flags."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console

__all__ = ["add_i18n_commands", "run_i18n_command"]

_STEPS = ("extract", "update", "compile", "check", "all")


def add_i18n_commands(commands: Any) -> None:
    """The ``i18n`` command and its steps (``all``: extract, update, compile, then check)."""
    i18n = commands.add_parser("i18n", help="extract, update, compile or check the translations")
    i18n.add_argument("step", choices=_STEPS, help="what to do with the catalogs")


def run_i18n_command(args: argparse.Namespace, *, out: Console, err: Console) -> int:
    """0 when the step ran (for ``check``: when every message is translated), else 1."""
    from bot.answers.locale import catalogs

    steps = ("extract", "update", "compile", "check") if args.step == "all" else (args.step,)
    for step in steps:
        if step == "extract":
            out.print(f"wrote {catalogs.extract()}", highlight=False)
        elif step == "update":
            for path in catalogs.update():
                out.print(f"updated {path}", highlight=False)
        elif step == "compile":
            for path in catalogs.compile_catalogs():
                out.print(f"compiled {path}", highlight=False)
        else:
            problems = catalogs.check()
            for problem in problems:
                err.print(problem, markup=False, highlight=False)
            if problems:
                return 1
            out.print(f"{len(catalogs.messages())} messages, all translated", highlight=False)
    return 0
