"""``medicon-bot``: the composition root of every process (console, ask, kb check, Slack, clock).

Expected failures (a broken knowledge base, a bad environment variable) end with a clear message
on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from bot.answers import prepared, render, reply_to
from bot.cli.i18n import add_i18n_commands, run_i18n_command
from bot.cli.kb import add_kb_commands, run_kb_command
from bot.cli.report import add_report_command, run_report
from bot.cli.spotlight import COMMANDS as SPOTLIGHT_COMMANDS
from bot.cli.spotlight import add_spotlight_commands, run_spotlight_command
from bot.cli.terminal import message_to_renderable, terminal_json, terminal_safe
from bot.config import Settings, load_settings
from bot.errors import ConfigurationError, MediconBotError
from bot.knowledge import KnowledgeBase, KnowledgeBaseError, load_knowledge_base
from bot.logs import configure_logging

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="medicon-bot",
        description="Answers about Medicon Valley research, in Slack or right here offline.",
        epilog="With no command: the Slack app when Slack credentials are set, else the console.",
    )
    parser.add_argument(
        "--data", type=Path, help="knowledge base directory (default: shipped data/)"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    ask = commands.add_parser("ask", help="print the answer to one question and exit")
    ask.add_argument("question", nargs="+", help="what you would type after /medicon")
    ask.add_argument("--json", action="store_true", help="print the Slack message payload")

    commands.add_parser("console", help="an interactive offline session with history")
    add_spotlight_commands(commands)
    commands.add_parser("serve", help="the Slack app over HTTP (gunicorn on 0.0.0.0:$PORT)")
    commands.add_parser("socket", help="the Slack app over Socket Mode (no public URL needed)")

    add_kb_commands(commands)
    add_i18n_commands(commands)
    add_report_command(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    if args.command == "i18n":
        return run_i18n_command(args, out=out, err=err)
    try:
        settings = load_settings(os.environ, data_dir=getattr(args, "data", None))
        if args.command == "kb":
            return run_kb_command(args, data_dir=settings.data_dir, out=out, err=err)
        kb = prepared(load_knowledge_base(settings.data_dir))
        if args.command == "ask":
            return _ask(kb, " ".join(args.question), as_json=args.json, out=out)
        if args.command == "report":
            return run_report(args, settings=settings, kb=kb, out=out, err=err)
        command = args.command or _default_command(settings)
        if command == "console":
            return _console(kb, settings, out)
        configure_logging(_log_level(args, settings))
        if command in SPOTLIGHT_COMMANDS:
            return run_spotlight_command(args, settings=settings, kb=kb)
        if command == "serve":
            settings.require_slack()
            from bot.slack.server import migrate_once, serve

            migrate_once(settings)  # in the master, before the workers
            serve(settings)
            return 0
        settings.require_slack(socket_mode=True)
        from bot.slack.socket_mode import run_socket_mode

        run_socket_mode(settings)
        return 0
    except KnowledgeBaseError as error:
        err.print(f"[bold red]Knowledge base did not load[/]: {len(error.problems)} problem(s)")
        for problem in error.problems:
            err.print(terminal_safe(str(problem)), markup=False)
        return 1
    except ConfigurationError as error:
        err.print(f"Configuration error: {terminal_safe(str(error))}", markup=False)
        return 2
    except MediconBotError as error:
        err.print(terminal_safe(str(error)), markup=False, soft_wrap=True)  # one line, however long
        return 1


def _log_level(args: argparse.Namespace, settings: Settings) -> str:
    """Processes that run on (web, socket, clock, run-due) log at LOG_LEVEL, INFO by default; a
    one-off look in a terminal (``spotlight preview``) shows warnings only unless LOG_LEVEL is
    set. (``ask``, ``console`` and ``kb`` set up no logging: they open no database.)"""
    one_off = getattr(args, "spotlight_command", None) == "preview"
    if one_off and "log_level" not in settings.model_fields_set:
        return "WARNING"
    return settings.log_level


def _default_command(settings: Settings) -> str:
    """Socket Mode with an app token, HTTP with a signing secret, else the offline console."""
    if settings.slack_bot_token is not None and settings.slack_app_token is not None:
        return "socket"
    if settings.slack_configured:
        return "serve"
    return "console"


def _ask(kb: KnowledgeBase, question: str, *, as_json: bool, out: Console) -> int:
    reply = reply_to(kb, question)
    message = render(reply.answer, locale=reply.language)
    if as_json:
        print(terminal_json(message.as_dict()), file=out.file)
    else:
        out.print(message_to_renderable(message))
    return 0


def _console(kb: KnowledgeBase, settings: Settings, out: Console) -> int:
    from bot.cli.console import run_console

    return run_console(kb, out=out, data_dir=settings.data_dir)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
