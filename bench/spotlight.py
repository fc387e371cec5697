"""Benchmark one spotlight delivery pass: 2,000 subscriptions, Slack answering after 50 ms.

Run: ``.venv/bin/python bench/spotlight.py`` (about a minute; needs the local PostgreSQL for the
PostgreSQL rows). Prints a table; nothing is asserted. Each row runs in a fresh process (spawn),
so its peak RSS is its own: a pass over 500 and over 2,000 subscriptions should peak alike (the
due list is paged, results recorded as they arrive). The bare baseline in the same run makes the
same 2,000 chat.postMessage calls straight through slack_sdk with the same concurrency and no
database: the floor a pass could reach.

Targets (issue #4): ≤ 10 s for 2,000 posts, zero duplicates, memory flat in subscriptions.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.support.databases import database_url  # noqa: E402
from tests.support.slack_stand_in import SlackStandIn  # noqa: E402

SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
DELAY = 0.05
CONCURRENCY = 16
TOKEN = "xoxb-bench"
SIZES = (500, 2_000)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _seed(url: str, count: int) -> None:
    from bot.storage import open_database
    from bot.storage.tables import spotlight_subscriptions

    database = open_database(url)
    rows = [
        {
            "team_id": "T0BENCH",
            "enterprise_id": None,
            "channel_id": f"C{n:06d}",
            "created_by": "U1",
            "updated_by": "U1",
            "weekday": 0,
            "local_time": "09:00",
            "timezone": "Europe/Copenhagen",
            "due_at": SLOT,
            "created_at": SLOT,
            "updated_at": SLOT,
            "paused_reason": None,
            "paused_at": None,
        }
        for n in range(count)
    ]
    with database.engine.begin() as connection:
        connection.execute(spotlight_subscriptions.insert(), rows)
    database.dispose()


def _one_pass(url: str, api_url: str) -> tuple[float, int, float]:
    """In a fresh process: one run_due pass; (seconds, posted, peak RSS MB)."""
    from bot.knowledge import default_data_dir, load_knowledge_base
    from bot.spotlights import SlackPoster, run_due
    from bot.storage import open_database

    kb = load_knowledge_base(default_data_dir())
    database = open_database(url)
    poster = SlackPoster(base_url=api_url, token_for=lambda _t, _e: TOKEN)
    started = time.perf_counter()
    summary = run_due(now=SLOT, database=database, kb=kb, poster=poster, concurrency=CONCURRENCY)
    elapsed = time.perf_counter() - started
    database.dispose()
    return elapsed, summary.posted, _peak_rss_mb()


def _baseline(api_url: str, count: int) -> tuple[float, int, float]:
    """In a fresh process: ``count`` bare chat.postMessage calls, same concurrency, no database."""
    from slack_sdk import WebClient

    client = WebClient(token=TOKEN, base_url=api_url)

    def post(n: int) -> str:
        return str(client.chat_postMessage(channel=f"C{n:06d}", text="baseline")["ts"])

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        posted = len(list(pool.map(post, range(count))))
    return time.perf_counter() - started, posted, _peak_rss_mb()


def main() -> None:
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)  # slack_sdk would send loopback calls through a proxy
    spawn = multiprocessing.get_context("spawn")
    print(
        f"one run_due pass; Slack stand-in answers after {DELAY * 1000:.0f} ms; "
        f"concurrency {CONCURRENCY}; {os.cpu_count()} CPUs"
    )
    print(f"{'run':<28}{'subs':>7}{'wall s':>9}{'posts/s':>9}{'dups':>6}{'peak RSS MB':>13}")
    with SlackStandIn() as stand_in, spawn.Pool(1, maxtasksperchild=1) as pool:
        stand_in.set_delay(DELAY)
        for count in SIZES:
            stand_in.clear()
            elapsed, posted, rss = pool.apply(_baseline, (stand_in.api_url, count))
            print(
                f"{'bare slack_sdk (no db)':<28}{count:>7}{elapsed:>9.2f}"
                f"{posted / elapsed:>9.0f}{'-':>6}{rss:>13.1f}"
            )
        for kind in ("sqlite", "postgresql"):
            for count in SIZES:
                with (
                    tempfile.TemporaryDirectory() as directory,
                    database_url(kind, Path(directory)) as url,
                ):
                    _seed(url, count)
                    stand_in.clear()
                    elapsed, posted, rss = pool.apply(_one_pass, (url, stand_in.api_url))
                    channels = Counter(c.channel for c in stand_in.calls("chat.postMessage"))
                    duplicates = sum(n - 1 for n in channels.values())
                    print(
                        f"{'run_due on ' + kind:<28}{count:>7}{elapsed:>9.2f}"
                        f"{posted / elapsed:>9.0f}{duplicates:>6}{rss:>13.1f}"
                    )


if __name__ == "__main__":
    main()
