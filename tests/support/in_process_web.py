"""The web app in this test process: the WSGI app ``medicon-bot serve`` builds in each worker,
served by waitress (the server inside each gunicorn worker) on a loopback port in a thread.

It answers the same URLs as :class:`tests.support.web_process.WebProcess` and writes the same
log lines to a file, so a test module switches tiers by choosing its ``web`` fixture; its tests
and assertions stay the same. What it leaves out is gunicorn itself: the master, forked
workers, their start-up and shutdown. Tests about those use the real process.

Starting it costs one knowledge-base load, not a process start plus one per worker, and
:meth:`InProcessWeb.settle` knows when every listener a request started has finished, so a
test can prove that nothing was sent without sleeping.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from waitress import wasyncore
from waitress.server import TcpWSGIServer, create_server

from bot.config import load_settings
from bot.logs import ControlEscapingFilter, TokenRedactingFilter
from bot.slack.server import _WAITRESS
from bot.slack.web import WebApp, create_web_app
from tests.support.web_process import clean_environment

__all__ = ["InProcessWeb", "serving_in_process"]

_LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
"""The web process's log line (``bot.logs.configure_logging``)."""


@dataclass
class _Work:
    """Counts the listener runs Bolt has handed to its executor and not yet finished."""

    pending: int = 0
    idle: threading.Condition = field(default_factory=threading.Condition)

    def track(self, submit: Callable[..., Future[Any]]) -> Callable[..., Future[Any]]:
        def counted(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
            with self.idle:
                self.pending += 1
            future = submit(fn, *args, **kwargs)
            future.add_done_callback(self._done)
            return future

        return counted

    def _done(self, _future: Future[Any]) -> None:
        with self.idle:
            self.pending -= 1
            self.idle.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self.idle:
            return self.idle.wait_for(lambda: self.pending == 0, timeout=timeout)


@dataclass(frozen=True)
class InProcessWeb:
    """The web app on ``base_url``, in this process; the same attributes tests use on
    :class:`~tests.support.web_process.WebProcess`."""

    base_url: str
    log: Path
    app: WebApp
    _work: _Work

    @property
    def events_url(self) -> str:
        return f"{self.base_url}/slack/events"

    def health(self) -> tuple[int, dict[str, Any]]:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"{self.base_url}/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def settle(self, timeout: float = 10.0) -> None:
        """Return once every listener that requests started has finished (its Slack calls
        made); fail after ``timeout`` seconds. After a request's answer, this is the event that
        proves anything it would have sent has been sent."""
        if not self._work.wait_idle(timeout):
            raise AssertionError(f"listeners still running after {timeout}s")

    def flush_logs(self) -> None:
        """Write the question log's batch now instead of at its next interval."""
        if self.app.services.questions is not None:
            self.app.services.questions.flush()


def _log_handler(path: Path) -> logging.Handler:
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_LOG_FORMAT))
    handler.addFilter(TokenRedactingFilter())
    handler.addFilter(ControlEscapingFilter())
    return handler


@contextmanager
def serving_in_process(*, environment: dict[str, str], log: Path) -> Iterator[InProcessWeb]:
    """Build the web app from ``environment`` (as the web process reads it: migrations first,
    then the app) and serve it on a free loopback port until the block ends."""
    settings = load_settings(clean_environment(**environment))
    with _logging_to(log, settings.log_level):
        app = create_web_app(settings, apply_migrations=True)
        try:
            work = _Work()
            bolt = app.dispatch.__self__  # type: ignore[attr-defined]
            executor = bolt.listener_runner.listener_executor
            executor.submit = work.track(executor.submit)
            with _serving(app) as port:
                yield InProcessWeb(f"http://127.0.0.1:{port}", log, app, work)
            work.wait_idle(timeout=10)
            executor.shutdown(wait=True)
        finally:
            if app.services.questions is not None:
                app.services.questions.close()
            app.services.database.dispose()


@contextmanager
def _logging_to(path: Path, level: str) -> Iterator[None]:
    """The process's log lines into ``path`` while the block runs, at ``level``, with the
    quieter loggers ``configure_logging`` and the gunicorn worker set."""
    root = logging.getLogger()
    handler = _log_handler(path)
    quiet = {"waitress.queue": logging.ERROR, "alembic.runtime.plugins": logging.WARNING}
    levels = {name: logging.getLogger(name).level for name in [*quiet, ""]}
    root.addHandler(handler)
    root.setLevel(level)
    for name, quiet_level in quiet.items():
        logging.getLogger(name).setLevel(quiet_level)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()
        for name, previous in levels.items():
            logging.getLogger(name).setLevel(previous)


@contextmanager
def _serving(app: WebApp) -> Iterator[int]:
    """Waitress, set up as in each worker, on a free loopback port (yielded) in one thread."""
    channels: dict[int, Any] = {}
    server = create_server(app, map=channels, host="127.0.0.1", port=0, **_WAITRESS)
    assert isinstance(server, TcpWSGIServer)
    assert server.socket is not None
    port = int(server.socket.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:  # every asyncore call in this one thread
        while not stop.is_set():
            wasyncore.loop(timeout=0.05, map=channels, use_poll=True, count=1)
        server.task_dispatcher.shutdown(cancel_pending=False, timeout=5)
        wasyncore.close_all(channels)

    thread = threading.Thread(target=serve, name="in-process-web", daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(timeout=10)


def settle(web: object, *, or_sleep: float) -> None:
    """Wait until everything the requests sent so far will do is done: in process, until the
    last listener has returned (an event, with a deadline); through the real process, which
    tells the test nothing of the kind, ``or_sleep`` seconds."""
    if isinstance(web, InProcessWeb):
        web.settle()
    else:
        time.sleep(or_sleep)


def flush_questions(web: object) -> None:
    """In process, write the question log's batch now; the real process writes it on its own
    within its batch interval (wait for that with :func:`settle`'s ``or_sleep``)."""
    if isinstance(web, InProcessWeb):
        web.flush_logs()
