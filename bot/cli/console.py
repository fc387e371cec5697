"""The interactive offline console: type what you would type after ``/medicon``.

The session is one conversation: "who leads it?" after "where is LUDC?" is about LUDC, and
the answer says so. Its context lives in memory only (the console opens no database).

Line editing and history come from the standard library's readline where the platform has it;
history persists in ``~/.medicon_bot_history`` between sessions.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape as markup_escape
from rich.rule import Rule

from bot.answers import Message, render, reply_to
from bot.answers import phrases as answer_phrases
from bot.answers.records import HelpAnswer
from bot.answers.render.mrkdwn import escape
from bot.answers.render.reply import reply_with
from bot.cli.terminal import message_to_renderable
from bot.conversation import Context, Turn, take_turn
from bot.knowledge import KnowledgeBase

__all__ = ["offline_reply", "run_console"]

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


def offline_reply(kb: KnowledgeBase, line: str, *, turn: Turn | None = None) -> Message:
    """The answer to ``line`` without Slack (``turn``: already answered in the console's
    conversation), in its language: help lists only what works here, and a command that needs
    Slack (a channel's spotlight) says so instead of "not in my knowledge base"."""
    words = line.split()
    if words and words[0].casefold() in answer_phrases.SLACK_ONLY_WORDS:
        slack_only = answer_phrases.SLACK_ONLY.format(
            word=escape(words[0].casefold()), typed=escape(" ".join(words))
        )
        return Message(text=slack_only, blocks=())
    reply = reply_with(turn.answer, line, kb=kb) if turn is not None else reply_to(kb, line)
    answer = reply.answer
    if isinstance(answer, HelpAnswer):
        answer = dataclasses.replace(answer, offline=True)
    return render(answer, prefix="", locale=reply.language)


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
                    f"[bold]{markup_escape(turn.assumed.label)}:[/] [dim]assumed from your last "
                    "question · type a full question to start over[/]",
                    highlight=False,
                )
            out.print(message_to_renderable(offline_reply(kb, line, turn=turn)))
            out.print()
    except EOFError:
        out.print()
    finally:
        save_history()
    return 0
