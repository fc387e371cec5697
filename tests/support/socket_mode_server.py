"""A real loopback WebSocket server playing Slack's side of Socket Mode.

Answer ``apps.connections.open`` with ``{"ok": true, "url": server.url}`` (the Web API stand-in's
``respond_with``) and an app's Socket Mode client connects here. What it does, as Slack does:

* On every new connection it sends ``hello`` first (``type``, ``num_connections``,
  ``debug_info``, ``connection_info.app_id``); only then is the connection "seen"
  (:meth:`SocketModeServer.wait_for_connection`).
* :meth:`~SocketModeServer.send` writes an envelope (``envelope_id``, ``type`` = ``events_api``,
  ``slash_commands`` or ``interactive``, ``payload``, ``accepts_response_payload``; build them
  with :func:`events_api_envelope`, :func:`slash_commands_envelope` and
  :func:`interactive_envelope`) to the newest open connection.
* Everything the client sends is recorded (:meth:`~SocketModeServer.received`); an
  acknowledgement is a message ``{"envelope_id": …, "payload": {…}?}`` and
  :meth:`~SocketModeServer.wait_for_ack` waits for the one of an envelope.
* :meth:`~SocketModeServer.disconnect` sends ``{"type": "disconnect", …}`` as Slack does before
  it refreshes a connection.

Slack's WebSocket is ``wss://``; this one is plain ``ws://`` on 127.0.0.1 (slack_sdk's builtin
client only uses TLS on port 443). The server never opens a connection of its own.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Final, Self

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

__all__ = [
    "Received",
    "SocketModeServer",
    "events_api_envelope",
    "interactive_envelope",
    "slash_commands_envelope",
]

Envelope = dict[str, Any]
"""A JSON object sent over the socket, as Python data."""

_PATH: Final = "/link/"
_HOST: Final = "127.0.0.1"


@dataclass(frozen=True)
class Received:
    """One text message the client sent."""

    connection: int
    """The serial of the connection it came on (1 for the first)."""
    text: str
    data: Any
    """``text`` decoded as JSON, or ``None`` if it is not JSON."""
    at: float
    """``time.monotonic()`` when it arrived."""

    @property
    def envelope_id(self) -> str | None:
        if isinstance(self.data, dict):
            value = self.data.get("envelope_id")
            return value if isinstance(value, str) else None
        return None


class SocketModeServer:
    """Slack's Socket Mode endpoint on a free loopback port. Thread-safe.

    Use as a context manager, or call :meth:`start` and :meth:`stop`.
    """

    def __init__(self, *, app_id: str = "A0STANDIN", send_hello: bool = True) -> None:
        self.app_id = app_id
        self.send_hello = send_hello
        self.ticket = uuid.uuid4().hex
        self._condition = threading.Condition()
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._open: list[tuple[int, ServerConnection]] = []
        self._paths: list[str] = []
        self._received: list[Received] = []
        self._sent: list[Envelope] = []
        self._errors: list[BaseException] = []
        self._serial = 0

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve from a daemon thread. Returns ``self``."""
        if self._server is not None:
            raise RuntimeError("the Socket Mode server is already running")
        server = serve(
            self._handle,
            _HOST,
            0,
            compression=None,
            ping_interval=None,
            close_timeout=2,
            open_timeout=5,
        )
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, name=f"socket-mode-server:{self.port}", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close every connection (1001 going away), stop serving, release the port. Idempotent."""
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is None:
            return
        server.shutdown()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the Socket Mode server is not running: call start() first")
        return int(self._server.socket.getsockname()[1])

    @property
    def url(self) -> str:
        """``ws://127.0.0.1:PORT/link/?ticket=…&app_id=…``, shaped like Slack's WSS URLs."""
        return f"ws://{_HOST}:{self.port}{_PATH}?ticket={self.ticket}&app_id={self.app_id}"

    # -- connections -----------------------------------------------------------------------

    @property
    def connection_count(self) -> int:
        """How many connections were accepted (and greeted) so far, open or not."""
        with self._condition:
            return len(self._paths)

    @property
    def paths(self) -> list[str]:
        """The request path (with query) of every accepted connection, oldest first."""
        with self._condition:
            return list(self._paths)

    def is_connected(self) -> bool:
        with self._condition:
            return bool(self._open)

    def wait_for_connection(self, count: int = 1, timeout: float = 10.0) -> None:
        """Block until ``count`` connections were accepted and sent ``hello``.

        Raises AssertionError if that does not happen within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._condition:
            while len(self._paths) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"expected {count} Socket Mode connection(s) within {timeout:g} s, "
                        f"got {len(self._paths)}"
                    )
                self._condition.wait(remaining)

    # -- sending ---------------------------------------------------------------------------

    def send(self, envelope: Mapping[str, Any]) -> str:
        """Send ``envelope`` as JSON to the newest open connection; returns its ``envelope_id``.

        Raises RuntimeError if no client is connected.
        """
        with self._condition:
            if not self._open:
                raise RuntimeError("no Socket Mode client is connected")
            _, connection = self._open[-1]
            self._sent.append(dict(envelope))
        connection.send(json.dumps(envelope))
        return str(envelope.get("envelope_id", ""))

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the client to reconnect, as Slack does before a connection is refreshed."""
        self.send(
            {
                "type": "disconnect",
                "reason": reason,
                "debug_info": {"host": f"applink-stand-in-{self.port}"},
            }
        )

    def sent(self) -> list[Envelope]:
        """A copy of what :meth:`send` sent, oldest first (``hello`` messages are not listed)."""
        with self._condition:
            return [dict(envelope) for envelope in self._sent]

    # -- what arrived ----------------------------------------------------------------------

    def received(self) -> list[Received]:
        """A copy of every text message the clients sent, oldest first."""
        with self._condition:
            return list(self._received)

    def acks(self) -> list[Envelope]:
        """The decoded messages that carry an ``envelope_id`` (acknowledgements), oldest first."""
        with self._condition:
            return [dict(r.data) for r in self._received if r.envelope_id is not None]

    def wait_for_ack(self, envelope_id: str, timeout: float = 5.0) -> Envelope:
        """Block until the client acknowledges ``envelope_id``; return the acknowledgement.

        Raises AssertionError naming what did arrive if it does not within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                for message in self._received:
                    if message.envelope_id == envelope_id:
                        return dict(message.data)
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    arrived = "; ".join(r.text[:120] for r in self._received) or "nothing"
                    raise AssertionError(
                        f"no acknowledgement of envelope {envelope_id} within {timeout:g} s; "
                        f"what arrived: {arrived}"
                    )
                self._condition.wait(remaining)

    def clear(self) -> None:
        """Forget what was received and sent (connections stay)."""
        with self._condition:
            self._received.clear()
            self._sent.clear()

    @property
    def errors(self) -> list[BaseException]:
        """Unexpected exceptions raised while serving a connection (a bug in the server)."""
        with self._condition:
            return list(self._errors)

    # -- serving (called from the server's threads) ----------------------------------------

    def _hello(self, connections: int) -> Envelope:
        return {
            "type": "hello",
            "num_connections": connections,
            "debug_info": {
                "host": f"applink-stand-in-{self.port}",
                "build_number": 1,
                "approximate_connection_time": 18060,
            },
            "connection_info": {"app_id": self.app_id},
        }

    def _handle(self, connection: ServerConnection) -> None:
        path = connection.request.path if connection.request is not None else ""
        try:
            with self._condition:
                self._serial += 1
                serial = self._serial
                open_count = len(self._open) + 1
            if self.send_hello:
                connection.send(json.dumps(self._hello(open_count)))
            with self._condition:
                self._paths.append(path)
                self._open.append((serial, connection))
                self._condition.notify_all()
            for message in connection:
                text = message if isinstance(message, str) else message.decode("utf-8", "replace")
                try:
                    data: Any = json.loads(text)
                except ValueError:
                    data = None
                with self._condition:
                    self._received.append(Received(serial, text, data, time.monotonic()))
                    self._condition.notify_all()
        except ConnectionClosed:
            pass
        except Exception as error:  # recorded for the tests to see, not lost in a thread
            with self._condition:
                self._errors.append(error)
        finally:
            with self._condition:
                self._open = [(s, c) for s, c in self._open if c is not connection]
                self._condition.notify_all()


# -- envelopes ------------------------------------------------------------------------------


def _envelope_id() -> str:
    return str(uuid.uuid4())


def events_api_envelope(
    event_callback: Mapping[str, Any],
    *,
    envelope_id: str | None = None,
    retry_attempt: int = 0,
    retry_reason: str = "",
) -> Envelope:
    """An ``events_api`` envelope around an ``event_callback`` body (``signing.event_callback_body``
    decoded). Events take no response payload."""
    return {
        "envelope_id": envelope_id or _envelope_id(),
        "payload": dict(event_callback),
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": retry_attempt,
        "retry_reason": retry_reason,
    }


def slash_commands_envelope(
    fields: Mapping[str, str], *, envelope_id: str | None = None
) -> Envelope:
    """A ``slash_commands`` envelope: the command's fields as a JSON object, not form-encoded.
    The acknowledgement's ``payload`` is the answer the user sees."""
    return {
        "envelope_id": envelope_id or _envelope_id(),
        "payload": dict(fields),
        "type": "slash_commands",
        "accepts_response_payload": True,
    }


def interactive_envelope(payload: Mapping[str, Any], *, envelope_id: str | None = None) -> Envelope:
    """An ``interactive`` envelope (block actions, view submissions…) around the decoded payload.
    Only ``view_submission`` and option requests take a response payload."""
    kind = payload.get("type")
    return {
        "envelope_id": envelope_id or _envelope_id(),
        "payload": dict(payload),
        "type": "interactive",
        "accepts_response_payload": kind in ("view_submission", "block_suggestion"),
    }
