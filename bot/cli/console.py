"""The interactive offline console: type what you would type after ``/medicon``.

The session is one conversation: "who leads it?" after "where is LUDC?" is about LUDC, and
the answer says so. Its context lives in memory only (the console opens no database).

Line editing and history come from the standard library's readline where the platform has it;
history persists in ``~/.medicon_bot_history`` between sessions.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.rule import Rule

from bot.answers import render
from bot.cli.terminal import message_to_renderable
from bot.conversation import Context, take_turn
from bot.knowledge import KnowledgeBase

__all__ = ["run_console"]

_QUIT = frozenset({"quit", "exit", ":q", "bye"})
_HISTORY = Path.home() / ".medicon_bot_history"


def _enable_history(path: Path) -> Callable[[], None]:
    """Turn on readline history; returns a function that saves it (a no-op without readline)."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows without pyreadline
        return lambda: None
    with contextlib.suppress(OSError):
        readline.read_history_file(path)
    readline.set_history_length(1000)

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(path)

    return save


def run_console(
    kb: KnowledgeBase,
    *,
    out: Console,
    data_dir: Path,
    read_line: Callable[[str], str] = input,
    history: Path | None = _HISTORY,
) -> int:
    """Answer lines until ``quit`` or end of input; returns the exit code (0)."""
    save_history = _enable_history(history) if history is not None else (lambda: None)
    counts = kb.counts()
    out.print(
        f"[bold]Medicon Bot[/] offline console: {counts['fields']} fields, "
        f"{counts['centres']} centres, {counts['stats']} numbers from {data_dir}",
        highlight=False,
    )
    out.print(
        "Type a question such as [cyan]cancer[/], [cyan]LUDC[/], [cyan]stats[/] or "
        "[cyan]help[/]; [cyan]quit[/] or Ctrl-D to leave.",
        highlight=False,
    )
    context: Context | None = None
    try:
        while True:
            try:
                line = read_line("medicon> ").strip()
            except KeyboardInterrupt:
                out.print()
                continue
            if not line:
                continue
            if line.casefold() in _QUIT:
                break
            out.print(Rule(style="dim"))
            turn = take_turn(kb, line, context)
            context = turn.context
            if turn.assumed is not None:
                out.print(
                    f"[bold]{escape(turn.assumed.label)}:[/] [dim]assumed from your last "
                    "question · type a full question to start over[/]",
                    highlight=False,
                )
            out.print(message_to_renderable(render(turn.answer, prefix="")))
            out.print()
    except EOFError:
        out.print()
    finally:
        save_history()
    return 0
