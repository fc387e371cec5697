"""A PostgreSQL that accepts connections but never answers is given up on within seconds."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy.orm import sessionmaker

from bot.storage.engine import CONNECT_TIMEOUT, Database, create_engine_for


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A loopback TCP server that accepts and then says nothing, like a stalled database."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield int(listener.getsockname()[1])
    stop.set()
    thread.join(timeout=2)
    for connection in held:
        connection.close()
    listener.close()


def test_a_silent_postgresql_is_reported_unreachable_within_the_timeout(silent_server: int) -> None:
    engine = create_engine_for(f"postgresql+psycopg://postgres@127.0.0.1:{silent_server}/test")
    database = Database(engine=engine, sessions=sessionmaker(engine))
    started = time.monotonic()
    try:
        assert database.ping() is False
    finally:
        engine.dispose()
    assert time.monotonic() - started < CONNECT_TIMEOUT + 3
