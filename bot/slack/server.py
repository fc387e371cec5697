"""``medicon-bot serve``: the web app under gunicorn, with waitress inside each worker.

The master process validates everything and migrates the database once; each worker then builds
its own app (engine, client), so nothing that holds sockets crosses a fork.

Each worker reads requests in waitress's event loop and hands a request to one of its threads
only once the whole of it has arrived: a client that sends slowly, or stalls, holds a socket and
never a thread, so it cannot starve the signed requests behind it (bench/slow_clients.py).
gunicorn's own threaded worker hands over a connection after its first byte.

On SIGTERM a worker stops accepting, answers every request it has received, and the process
then waits for Bolt's lazy follow-ups before it exits, within ``graceful_timeout``.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import time
from collections.abc import Callable
from typing import Any, Final

from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from waitress import wasyncore
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server

from bot.config import Settings
from bot.errors import MediconBotError
from bot.slack.web import MAX_BODY_BYTES, create_web_app
from bot.storage import open_database

__all__ = ["BufferingWorker", "gunicorn_options", "migrate_once", "run_gunicorn", "serve"]

THREADS: Final = 4
"""Threads per worker. Requests are acknowledged from memory and slow follow-ups run in Bolt's
own executor, so a few suffice; more only lengthen the latency tail on two cores."""

GRACEFUL_SECONDS: Final = 25
"""How long a stopping worker may take: a Procfile platform kills everything 30 s after SIGTERM."""

_TICK: Final = 1.0
"""The longest the event loop waits before telling the master it is alive."""
_LINGER: Final = 2.0
"""After SIGTERM, how long idle kept-alive connections stay open for a request already under
way, and how long a request still arriving may take to finish arriving."""

_SINCE_GUNICORN_25: Final = frozenset({"control_socket_disable"})
"""Settings older gunicorn releases do not know: left out there."""

_WAITRESS: Final[dict[str, Any]] = {
    "threads": THREADS,
    "connection_limit": 1000,  # idle or slow sockets cost a file descriptor, not a thread
    "channel_timeout": 60,  # seconds a connection may sit without sending anything
    "max_request_header_size": 64 * 1024,
    "max_request_body_size": 2 * MAX_BODY_BYTES,  # beyond this waitress itself answers 413
    "asyncore_use_poll": True,  # select() stops at 1024 descriptors
    "ident": "medicon-bot",
    "clear_untrusted_proxy_headers": True,
}


def _nothing() -> None:
    pass


class BufferingWorker(Worker):  # type: ignore[misc]
    """A gunicorn worker that serves its app with waitress on the sockets gunicorn opened."""

    def run(self) -> None:
        # "Task queue depth is N" fires whenever a burst waits a millisecond for a thread.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        channels: dict[int, Any] = {}
        create_server(
            self.wsgi,
            map=channels,
            sockets=[listener.sock for listener in self.sockets],
            **_WAITRESS,
        )
        listeners = [item for item in channels.values() if isinstance(item, BaseWSGIServer)]
        self._wake = listeners[0].pull_trigger
        while self.alive and self.ppid == os.getppid():
            self.notify()
            wasyncore.loop(timeout=_TICK, map=channels, use_poll=True, count=1)
        self._drain(channels, deadline=time.monotonic() + self.cfg.graceful_timeout - _TICK)

    _wake: Callable[[], None] = staticmethod(lambda: None)  # until the server exists

    def handle_exit(self, sig: int, frame: Any) -> None:
        """SIGTERM: stop now, not at the loop's next tick (a write to waitress's trigger pipe,
        which is safe in a signal handler; a second SIGTERM may find it closed already)."""
        super().handle_exit(sig, frame)
        with contextlib.suppress(OSError):
            self._wake()

    def _drain(self, channels: dict[int, Any], *, deadline: float) -> None:
        """Stop accepting; serve what has arrived; close connections once they are idle."""
        listeners = [item for item in channels.values() if isinstance(item, BaseWSGIServer)]
        for listener in listeners:
            listener.del_channel()  # its trigger stays: threads still wake the loop with it
            if listener.socket is not None:
                listener.socket.close()
        lingering = time.monotonic() + _LINGER
        while time.monotonic() < deadline:
            self.notify()
            linger = time.monotonic() < lingering
            busy = False
            for channel in [item for item in channels.values() if isinstance(item, HTTPChannel)]:
                if channel.requests or channel.total_outbufs_len:
                    busy = True  # received whole: it gets its answer
                elif linger:
                    busy = True  # a request may be on its way
                else:
                    channel.handle_close()  # idle, or a request that never finished arriving
            if not busy:
                break
            wasyncore.loop(timeout=0.1, map=channels, use_poll=True, count=1)
        for listener in listeners[:1]:
            listener.task_dispatcher.shutdown(
                cancel_pending=False, timeout=max(0, math.ceil(deadline - time.monotonic()))
            )
        self._wake = _nothing
        wasyncore.close_all(channels)


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, load: Callable[[], Any], options: dict[str, Any]) -> None:
        self._load = load
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            if key in _SINCE_GUNICORN_25 and key not in self.cfg.settings:
                continue
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self._load()


def run_gunicorn(load: Callable[[], Any], options: dict[str, Any]) -> None:
    """Serve the WSGI app that ``load()`` builds (once per worker) until stopped."""
    _Server(load, options).run()


def gunicorn_options(settings: Settings, *, host: str = "0.0.0.0") -> dict[str, Any]:  # noqa: S104
    """The production server set-up: WEB_CONCURRENCY buffering workers on ``host``:PORT."""
    return {
        "bind": f"{host}:{settings.port}",
        "workers": settings.web_concurrency,
        "worker_class": BufferingWorker,
        "timeout": 30,
        "graceful_timeout": GRACEFUL_SECONDS,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "medicon-bot-web",
        # One control socket per user ($HOME/.gunicorn/gunicorn.ctl) would be shared by every
        # instance on the machine, tests and benches included; nothing here uses it.
        "control_socket_disable": True,
    }


def migrate_once(settings: Settings) -> None:
    """Bring the schema up to date in the master, before any worker starts.

    Raises MediconBotError with one line naming the database when it cannot be reached: the
    platform restarts the process, and a traceback would tell an operator nothing more.
    """
    try:
        open_database(settings.database_url).dispose()
    except DBAPIError as error:
        original = error.orig if error.orig is not None else error
        first_line = (str(original).strip().splitlines() or [""])[0]
        where = make_url(settings.database_url).render_as_string(hide_password=True)
        raise MediconBotError(
            f"medicon-bot serve: the database at {where} is unreachable "
            f"({type(original).__name__}: {first_line}); not starting"
        ) from None


def serve(settings: Settings) -> None:
    """Run gunicorn on 0.0.0.0:``PORT`` with ``WEB_CONCURRENCY`` workers until stopped."""
    run_gunicorn(
        lambda: create_web_app(settings, apply_migrations=False), gunicorn_options(settings)
    )
