"""``medicon-bot ARGS`` called in this test process: :func:`bot.cli.main.main`, the console
script's own entry point, with the environment, standard output and standard error a
subprocess would have had.

A subprocess costs an interpreter start and every import before the command runs; most tests
of ``spotlight run-due`` and ``report`` are about what the command does, not about the process.
One test per command still runs the installed executable end to end
(``tests/slack/test_spotlight_commands.py``, ``tests/slack/test_feedback_off.py``).
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass

from bot.cli.main import main
from tests.support.web_process import clean_environment

__all__ = ["CliRun", "run_cli"]


@dataclass(frozen=True)
class CliRun:
    """What a run left: its exit code and everything it printed (as ``subprocess.run``)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(environment: Mapping[str, str], *arguments: str) -> CliRun:
    """``medicon-bot ARGUMENTS`` with the environment a subprocess would get
    (:func:`~tests.support.web_process.clean_environment` of ``environment``)."""
    out, err = io.StringIO(), io.StringIO()
    with (
        _environment(clean_environment(**environment)),
        _own_logging(),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        code = main(list(arguments))
    return CliRun(code, out.getvalue(), err.getvalue())


@contextmanager
def _environment(wanted: Mapping[str, str]) -> Iterator[None]:
    """``os.environ`` exactly ``wanted`` for the call, then as it was. Variables are changed
    one by one, never cleared all at once, so a thread of an in-process web app never finds
    ``PATH`` missing."""
    saved = dict(os.environ)
    try:
        _become(wanted)
        yield
    finally:
        _become(saved)


def _become(wanted: Mapping[str, str]) -> None:
    for key in [key for key in os.environ if key not in wanted]:
        del os.environ[key]
    os.environ.update(wanted)


@contextmanager
def _own_logging() -> Iterator[None]:
    """The root logger's handlers and level back as they were: a command configures logging
    for its process (:func:`bot.logs.configure_logging`), and this process is pytest's."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
