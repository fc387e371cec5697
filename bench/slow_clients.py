"""Benchmark slow clients: signed `/medicon cancer` latency with and without 16 connections
that trickle their request one byte a second.

Run: ``.venv/bin/python bench/slow_clients.py`` (about ten seconds). Starts the production
web process (``medicon-bot serve``, WEB_CONCURRENCY workers) on a loopback port, sends a bounded
number of signed requests (a few at a time, each on a new connection) first with no other
traffic, then while the tricklers hold their connections open, and prints p50/p99 of both.
All traffic stays on 127.0.0.1.

Target (issue #8): p99 under 1 s with the tricklers open.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.slack_stand_in import SlackStandIn  # noqa: E402
from tests.support.slow_clients import Tricklers, percentile, timed_slash_commands  # noqa: E402
from tests.support.web_process import running_web_process  # noqa: E402

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
TIMEOUT = 5.0
"""A request not answered in this many seconds counts as unanswered (its latency: inf)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1000, help="signed requests per phase")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--tricklers", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary, SlackStandIn() as stand_in:
        directory = Path(temporary)
        environment = {
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_API_URL": stand_in.api_url,
            "DATABASE_URL": f"sqlite:///{directory / 'bot.sqlite3'}",
            "WEB_CONCURRENCY": str(args.workers),
            "LOG_LEVEL": "WARNING",
        }
        with running_web_process(environment=environment, log=directory / "web.log") as web:
            port = int(web.base_url.rsplit(":", 1)[1])

            def measure() -> list[float]:
                return timed_slash_commands(
                    port,
                    secret=SECRET,
                    response_url=stand_in.response_url(),
                    count=args.requests,
                    concurrency=args.concurrency,
                    timeout=TIMEOUT,
                    max_seconds=30,
                )

            measure()  # warm-up: imports, caches, auth.test
            quiet = measure()
            with Tricklers(
                port, secret=SECRET, response_url=stand_in.response_url(), count=args.tricklers
            ) as tricklers:
                time.sleep(1.5)  # every trickler has been accepted and sent a few bytes
                slowed = measure()
                trickled = tricklers.bytes_sent

    print(
        f"{os.cpu_count()} cores; medicon-bot serve x{args.workers} workers; "
        f"{args.requests} signed `/medicon cancer` per phase, {args.concurrency} at a time, "
        "each on a new connection"
    )
    print(f"{'phase':<34} {'sent':>5} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  unanswered")
    for name, latencies in (
        ("no other traffic", quiet),
        (f"{args.tricklers} trickling connections", slowed),
    ):
        unanswered = sum(1 for latency in latencies if math.isinf(latency))
        print(
            f"{name:<34} {len(latencies):>5} {percentile(latencies, 0.5) * 1000:>8.1f} "
            f"{percentile(latencies, 0.99) * 1000:>8.1f} {max(latencies) * 1000:>8.1f}  "
            f"{unanswered} (in {TIMEOUT:g} s)"
        )
    print(f"(each trickler had sent {trickled} bytes of its request by the end)")


if __name__ == "__main__":
    main()
