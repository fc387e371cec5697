"""Slow clients for the web process: connections that trickle a request one byte at a time, and
signed ``/medicon`` requests timed from connect to the last byte of the answer.

Loopback only; every loop is bounded in count and in time.
"""

from __future__ import annotations

import contextlib
import http.client
import math
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from types import TracebackType
from typing import Self

from tests.support.signing import signed_headers, slash_command_body

__all__ = ["Tricklers", "percentile", "timed_slash_commands"]

_MAX_TRICKLE_SECONDS = 300.0
"""However long a caller forgets them, the tricklers stop after this."""


def _signed_request_bytes(port: int, secret: str, response_url: str) -> bytes:
    body = slash_command_body("cancer", response_url=response_url)
    headers = signed_headers(body, secret)
    lines = ["POST /slack/events HTTP/1.1", f"Host: 127.0.0.1:{port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class Tricklers:
    """``count`` connections to 127.0.0.1:``port``, each sending a signed ``/medicon`` request
    one byte every ``interval`` seconds (a request takes minutes: it never completes in a test).

    A context manager: the connections are open and have sent their first byte on entry, and
    are closed on exit.
    """

    def __init__(
        self, port: int, *, secret: str, response_url: str, count: int = 16, interval: float = 1.0
    ) -> None:
        self._port = port
        self._request = _signed_request_bytes(port, secret, response_url)
        self._count = count
        self._interval = interval
        self._sockets: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._trickle, name="tricklers", daemon=True)
        self.bytes_sent = 0

    def __enter__(self) -> Self:
        for _ in range(self._count):
            connection = socket.create_connection(("127.0.0.1", self._port), timeout=5)
            connection.sendall(self._request[:1])
            self._sockets.append(connection)
        self.bytes_sent = 1
        self._thread.start()
        return self

    def _trickle(self) -> None:
        deadline = time.monotonic() + _MAX_TRICKLE_SECONDS
        while not self._stop.wait(self._interval) and time.monotonic() < deadline:
            if self.bytes_sent >= len(self._request) - 1:
                return  # never complete the request
            for connection in self._sockets:
                # A connection the server closed is still a client that never finished.
                with contextlib.suppress(OSError):
                    connection.sendall(self._request[self.bytes_sent : self.bytes_sent + 1])
            self.bytes_sent += 1

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self._sockets:
            connection.close()


def _one_slash_command(port: int, secret: str, response_url: str, timeout: float) -> float:
    """Seconds from connect to the whole answer; ``inf`` if no answer came within ``timeout``."""
    body = slash_command_body("cancer", response_url=response_url)
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/slack/events", body=body, headers=signed_headers(body, secret))
        response = connection.getresponse()
        payload = response.read()
    except TimeoutError:
        return math.inf
    finally:
        connection.close()
    if response.status != 200 or b"Cancer" not in payload:
        raise RuntimeError(f"/medicon cancer answered {response.status}: {payload[:200]!r}")
    return time.perf_counter() - started


def timed_slash_commands(
    port: int,
    *,
    secret: str,
    response_url: str,
    count: int,
    concurrency: int = 4,
    timeout: float = 5.0,
    max_seconds: float = 30.0,
) -> list[float]:
    """Send up to ``count`` signed ``/medicon cancer`` requests, ``concurrency`` at a time, each
    on a new connection, for at most about ``max_seconds``; the seconds each took from connect
    to the whole answer (``inf`` for one not answered within ``timeout``).

    Raises RuntimeError for an answer that is not the Cancer card."""
    deadline = time.monotonic() + max_seconds
    remaining = iter(range(count))
    lock = threading.Lock()
    latencies: list[float] = []

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                if next(remaining, None) is None:
                    return
            latency = _one_slash_command(port, secret, response_url, timeout)
            with lock:
                latencies.append(latency)

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for future in [pool.submit(client) for _ in range(concurrency)]:
            future.result()
    return latencies


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile (``fraction`` 0.5 for the median, 0.99 for p99)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]
