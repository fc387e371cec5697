"""The real web process (``medicon-bot serve``: gunicorn, several workers) on a loopback port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXECUTABLE = Path(sys.executable).parent / "medicon-bot"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class WebProcess:
    base_url: str
    process: subprocess.Popen[bytes]
    log: Path
    started_in: float

    @property
    def events_url(self) -> str:
        return f"{self.base_url}/slack/events"

    def health(self) -> tuple[int, dict[str, Any]]:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"{self.base_url}/healthz", timeout=5) as response:
            return response.status, json.loads(response.read())

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def clean_environment(**overrides: str) -> dict[str, str]:
    """This environment without proxies or any Slack/Medicon settings, plus ``overrides``."""
    keep = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "MEDICON_", "DATABASE_URL", "PORT", "WEB_CONCURRENCY"))
        and key.lower() not in {"http_proxy", "https_proxy", "all_proxy"}
    }
    keep.update(overrides)
    return keep


@contextmanager
def running_web_process(
    *, environment: dict[str, str], log: Path, timeout: float = 20.0
) -> Iterator[WebProcess]:
    """Start ``medicon-bot serve``; yield once /healthz answers 200; stop it afterwards."""
    port = free_port()
    env = clean_environment(**environment, PORT=str(port))
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(EXECUTABLE), "serve"], env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    web = WebProcess(f"http://127.0.0.1:{port}", process, log, 0.0)
    deadline = started + timeout
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"web process exited early:\n{web.log_text()}")
            try:
                status, _ = web.health()
                if status == 200:
                    break
            except OSError:
                pass
            if time.perf_counter() > deadline:
                raise RuntimeError(f"web process not healthy in {timeout}s:\n{web.log_text()}")
            time.sleep(0.05)
        yield WebProcess(web.base_url, process, log, time.perf_counter() - started)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
