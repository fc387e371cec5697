"""Benchmark spotlight delivery: unpaced throughput, at Slack's rate limits, after kill -9, through
a database outage.

Run: ``.venv/bin/python bench/spotlight.py [MODE …]`` (needs the local PostgreSQL for the
PostgreSQL rows). Prints tables; nothing is asserted. Timings need a quiet machine: on a busy
one, late turns are taken again and the ratios to the floor grow. Every pass runs in a fresh
process, so its peak RSS is its own. Modes (default: all but ``limits``, which takes ~10 minutes):

* ``throughput``: one pass over 500 and 2,000 subscriptions with no budget, Slack answering
  after 50 ms, beside the bare baseline: the same chat.postMessage calls straight through
  slack_sdk with the same concurrency and no database. Target (issue #4): ≤ 10 s for 2,000.
* ``limits``: the stand-in models Slack's limits (a token bucket per workspace at
  ``--posts-per-minute``, bursts of 3, one post a second per channel, 429 + Retry-After) and
  the pass is given the same budget: 2,000 subscriptions in one workspace and 2,000 over 20,
  beside the floor the limits allow (posts ÷ budget, per workspace, workspaces in parallel).
  Targets (issue #11): wall ≤ 1.15× the floor, ≤ 2 % of calls answered 429, every channel
  exactly once, peak memory flat in the number of subscriptions (500 vs 2,000).
  ``--posts-per-minute 6000`` is the same run scaled 20× (about a minute).
* ``crash``: a pass over 200 channels in its own process is killed with SIGKILL after 60 posts;
  a run two minutes later (by its clock) finishes. With the channel history readable and with
  it refused. Targets: 0 duplicates and 0 misses with history.
* ``slowdb``: 500 subscriptions at 6,000 posts a minute (a post every 10 ms) with 5 ms added
  before every database statement, beside the floor (posts ÷ budget); wall time and the turns
  missed and booked again per post. Target (issue 16): the pass finishes, every channel once.
* ``outage``: the database goes away for 5 s in the middle of a 200-channel pass (PostgreSQL
  behind a proxy that is cut; SQLite held by another writer), then a run two minutes later.
  Also an outage longer than the pass's patience (2 s here), which stops the pass.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy.engine import make_url  # noqa: E402

from tests.support.databases import database_url  # noqa: E402
from tests.support.slack_stand_in import RateLimits, SlackStandIn  # noqa: E402
from tests.support.sqlite_lock import sqlite_write_locked  # noqa: E402
from tests.support.tcp_proxy import TcpProxy  # noqa: E402
from tests.support.web_process import clean_environment  # noqa: E402

SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
LATER = SLOT + timedelta(minutes=2)
DELAY = 0.05
CONCURRENCY = 16
TOKEN = "xoxb-bench"
SIZES = (500, 2_000)
KINDS = ("sqlite", "postgresql")
RECOVERY_CHANNELS = 200
RECOVERY_PACE = 1200.0


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def _token(team: str) -> str:
    return f"{TOKEN}-{team}"


def _seed(url: str, count: int, workspaces: int = 1) -> None:
    """``count`` subscriptions due at SLOT, in ``workspaces`` contiguous blocks of ids."""
    from bot.storage import open_database
    from bot.storage.tables import spotlight_subscriptions

    database = open_database(url)
    rows = [
        {
            "team_id": f"T{n * workspaces // count:03d}",
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


def _one_pass(
    url: str,
    api_url: str,
    posts_per_minute: float | None,
    now_iso: str = SLOT.isoformat(),
    journal: str | None = None,
    added_latency: float = 0.0,
) -> tuple[float, dict[str, int], float]:
    """In a fresh process: one run_due pass; (seconds, summary counts, peak RSS MB).
    ``added_latency`` seconds are slept before every database statement."""
    logging.getLogger("bot").setLevel(logging.ERROR)  # the tables are the output
    from sqlalchemy import event

    from bot.knowledge import default_data_dir, load_knowledge_base
    from bot.slack.poster import SlackPoster
    from bot.spotlights import Pace, run_due
    from bot.storage import open_database

    kb = load_knowledge_base(default_data_dir())
    database = open_database(url)
    if added_latency:
        event.listen(database.engine, "before_cursor_execute", lambda *_: time.sleep(added_latency))
    poster = SlackPoster(base_url=api_url, token_for=lambda team, _e: _token(team), backoff=0.0)
    pace = Pace(posts_per_minute=posts_per_minute) if posts_per_minute else None
    started = time.perf_counter()
    summary = run_due(
        now=datetime.fromisoformat(now_iso),
        database=database,
        kb=kb,
        poster=poster,
        concurrency=CONCURRENCY,
        pace=pace,
        journal_dir=Path(journal) if journal else None,
    )
    elapsed = time.perf_counter() - started
    database.dispose()
    counts = {
        "posted": summary.posted,
        "recovered": summary.recovered,
        "failed": summary.failed,
        "rate_limited": summary.rate_limited,
        "rebooked": summary.rebooked,
    }
    return elapsed, counts, _peak_rss_mb()


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


def _posted(stand_in: SlackStandIn) -> Counter[str]:
    return Counter(
        str(c.channel)
        for c in stand_in.calls("chat.postMessage")
        if isinstance(c.response, dict) and c.response.get("ok")
    )


def _dups_and_misses(stand_in: SlackStandIn, count: int) -> tuple[int, int]:
    posted = _posted(stand_in)
    return sum(n - 1 for n in posted.values()), count - len(posted)


# -- modes ---------------------------------------------------------------------------------


def throughput(pool: Any) -> None:
    print(f"\nthroughput: no budget; Slack answers after {DELAY * 1000:.0f} ms")
    print(f"{'run':<28}{'subs':>7}{'wall s':>9}{'posts/s':>9}{'dups':>6}{'peak RSS MB':>13}")
    with SlackStandIn() as stand_in:
        stand_in.set_delay(DELAY)
        for count in SIZES:
            stand_in.clear()
            elapsed, posted, rss = pool.apply(_baseline, (stand_in.api_url, count))
            print(
                f"{'bare slack_sdk (no db)':<28}{count:>7}{elapsed:>9.2f}"
                f"{posted / elapsed:>9.0f}{'-':>6}{rss:>13.1f}"
            )
        for kind in KINDS:
            for count in SIZES:
                with (
                    tempfile.TemporaryDirectory() as directory,
                    database_url(kind, Path(directory)) as url,
                ):
                    _seed(url, count)
                    stand_in.clear()
                    elapsed, counts, rss = pool.apply(_one_pass, (url, stand_in.api_url, None))
                    duplicates, _ = _dups_and_misses(stand_in, count)
                    print(
                        f"{'run_due on ' + kind:<28}{count:>7}{elapsed:>9.2f}"
                        f"{counts['posted'] / elapsed:>9.0f}{duplicates:>6}{rss:>13.1f}"
                    )


def limits(pool: Any, posts_per_minute: float, kinds: tuple[str, ...]) -> None:
    model = RateLimits(posts_per_minute=posts_per_minute, workspace_burst=3)
    print(
        f"\nlimits: stand-in at {posts_per_minute:g} posts/min per workspace (bursts of 3), "
        f"1/s per channel, answers after {DELAY * 1000:.0f} ms; pass budget the same"
    )
    print(
        f"{'db':<12}{'subs':>6}{'wksp':>6}{'floor s':>9}{'wall s':>9}{'×floor':>8}"
        f"{'calls':>7}{'429s':>6}{'429 %':>7}{'dups':>6}{'miss':>6}{'peak RSS MB':>13}"
    )
    for kind in kinds:
        for count, workspaces in [(500, 1), (2_000, 1), (2_000, 20)]:
            floor = (count / workspaces) / (posts_per_minute / 60)
            with (
                SlackStandIn(rate_limits=model) as stand_in,
                tempfile.TemporaryDirectory() as directory,
                database_url(kind, Path(directory)) as url,
            ):
                stand_in.set_delay(DELAY)
                _seed(url, count, workspaces)
                elapsed, _, rss = pool.apply(_one_pass, (url, stand_in.api_url, posts_per_minute))
                calls = stand_in.calls("chat.postMessage")
                limited = sum(1 for c in calls if c.status == 429)
                duplicates, misses = _dups_and_misses(stand_in, count)
                print(
                    f"{kind:<12}{count:>6}{workspaces:>6}{floor:>9.1f}{elapsed:>9.1f}"
                    f"{elapsed / floor:>8.3f}{len(calls):>7}{limited:>6}"
                    f"{100 * limited / len(calls):>7.2f}{duplicates:>6}{misses:>6}{rss:>13.1f}",
                    flush=True,
                )


def slow_database(pool: Any, kinds: tuple[str, ...]) -> None:
    count, posts_per_minute, latency = 500, 6_000.0, 0.005
    floor = count / (posts_per_minute / 60)
    print(
        f"\nslowdb: {count} subscriptions at {posts_per_minute:g} posts/min, "
        f"{latency * 1000:.0f} ms added to every database statement, Slack answers at once"
    )
    print(
        f"{'db':<12}{'floor s':>9}{'wall s':>9}{'×floor':>8}{'rebooked/post':>15}"
        f"{'dups':>6}{'miss':>6}"
    )
    for kind in kinds:
        with (
            SlackStandIn() as stand_in,
            tempfile.TemporaryDirectory() as directory,
            database_url(kind, Path(directory)) as url,
        ):
            _seed(url, count)
            elapsed, counts, _ = pool.apply(
                _one_pass,
                (url, stand_in.api_url, posts_per_minute),
                {"added_latency": latency},
            )
            duplicates, misses = _dups_and_misses(stand_in, count)
            print(
                f"{kind:<12}{floor:>9.1f}{elapsed:>9.1f}{elapsed / floor:>8.2f}"
                f"{counts['rebooked'] / count:>15.2f}{duplicates:>6}{misses:>6}",
                flush=True,
            )


def _start_pass(
    url: str, stand_in: SlackStandIn, journal: Path, patience: float = 60.0
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "tests.spotlights.workers",
        f"--database-url={url}",
        f"--api-url={stand_in.api_url}",
        f"--now={SLOT.isoformat()}",
        f"--token={TOKEN}-T000",
        f"--posts-per-minute={RECOVERY_PACE}",
        f"--journal-dir={journal}",
        f"--patience={patience}",
    ]
    with (journal.parent / "pass.log").open("ab") as log:
        return subprocess.Popen(
            command, cwd=REPO, env=clean_environment(), stdout=log, stderr=subprocess.STDOUT
        )


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def _stand_in(history: bool) -> SlackStandIn:
    stand_in = SlackStandIn(keep_history=history)
    if not history:
        stand_in.respond_with("conversations.history", {"ok": False, "error": "missing_scope"})
    return stand_in


def crash(pool: Any) -> None:
    print(
        f"\ncrash: kill -9 after 60 of {RECOVERY_CHANNELS} posts "
        f"({RECOVERY_PACE:g}/min); the next run two minutes later"
    )
    print(f"{'db':<12}{'history':<10}{'before kill':>12}{'next run s':>11}{'dups':>6}{'miss':>6}")
    for kind in KINDS:
        for history in (True, False):
            with (
                _stand_in(history) as stand_in,
                tempfile.TemporaryDirectory() as directory,
                database_url(kind, Path(directory)) as url,
            ):
                _seed(url, RECOVERY_CHANNELS)
                journal = Path(directory) / "journal"
                process = _start_pass(url, stand_in, journal)
                stand_in.wait_for("chat.postMessage", count=60, timeout=60)
                _kill(process)
                before = len(_posted(stand_in))
                elapsed, _, _ = pool.apply(
                    _one_pass,
                    (url, stand_in.api_url, RECOVERY_PACE, LATER.isoformat(), str(journal)),
                )
                duplicates, misses = _dups_and_misses(stand_in, RECOVERY_CHANNELS)
                label = "readable" if history else "refused"
                print(
                    f"{kind:<12}{label:<10}{before:>12}{elapsed:>11.1f}{duplicates:>6}{misses:>6}",
                    flush=True,
                )


@contextmanager
def _outage(kind: str, url: str, proxy: TcpProxy | None) -> Iterator[None]:
    if proxy is not None:
        proxy.cut()
        try:
            yield
        finally:
            proxy.restore()
        return
    if kind == "sqlite":
        with sqlite_write_locked(url):
            yield


def outage(pool: Any) -> None:
    from tests.support.databases import postgres_url

    print(f"\noutage: the database goes away after 60 of {RECOVERY_CHANNELS} posts")
    print(
        f"{'db':<12}{'outage':<22}{'history':<10}{'pass exit':>10}{'pass s':>8}"
        f"{'dups':>6}{'miss':>6}"
    )
    cases = [
        ("sqlite", 5.0, 60.0, True),
        ("sqlite", 5.0, 60.0, False),
        ("postgresql", 5.0, 60.0, True),
        ("postgresql", 5.0, 60.0, False),
        ("postgresql", 5.0, 2.0, False),
    ]
    for kind, seconds, patience, history in cases:
        with _stand_in(history) as stand_in, tempfile.TemporaryDirectory() as directory:
            manager = (
                postgres_url() if kind == "postgresql" else database_url(kind, Path(directory))
            )
            with manager as url:
                _seed(url, RECOVERY_CHANNELS)
                journal = Path(directory) / "journal"
                proxy = None
                pass_url = url
                if kind == "postgresql":
                    parsed = make_url(url)
                    proxy = TcpProxy((parsed.host or "127.0.0.1", parsed.port or 5432))
                    proxy.__enter__()
                    pass_url = proxy.proxied(url)
                try:
                    started = time.perf_counter()
                    process = _start_pass(pass_url, stand_in, journal, patience)
                    stand_in.wait_for("chat.postMessage", count=60, timeout=60)
                    with _outage(kind, url, proxy):
                        time.sleep(seconds)
                    code = process.wait(timeout=300)
                    took = time.perf_counter() - started
                finally:
                    if proxy is not None:
                        proxy.__exit__(None, None, None)
                pool.apply(
                    _one_pass,
                    (url, stand_in.api_url, RECOVERY_PACE, LATER.isoformat(), str(journal)),
                )
                duplicates, misses = _dups_and_misses(stand_in, RECOVERY_CHANNELS)
                what = f"{seconds:g} s, patience {patience:g} s"
                label = "readable" if history else "refused"
                print(
                    f"{kind:<12}{what:<22}{label:<10}{code:>10}{took:>8.1f}"
                    f"{duplicates:>6}{misses:>6}",
                    flush=True,
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "modes",
        nargs="*",
        choices=["throughput", "limits", "slowdb", "crash", "outage"],
        help="default: throughput slowdb crash outage",
    )
    parser.add_argument("--posts-per-minute", type=float, default=300.0)
    parser.add_argument("--kinds", default="sqlite,postgresql")
    args = parser.parse_args()
    modes = args.modes or ["throughput", "slowdb", "crash", "outage"]
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY"):
        os.environ.pop(name, None)  # slack_sdk would send loopback calls through a proxy
    print(f"concurrency {CONCURRENCY}; {os.cpu_count()} CPUs")
    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(1, maxtasksperchild=1) as pool:
        if "throughput" in modes:
            throughput(pool)
        if "limits" in modes:
            limits(pool, args.posts_per_minute, tuple(args.kinds.split(",")))
        if "slowdb" in modes:
            slow_database(pool, tuple(args.kinds.split(",")))
        if "crash" in modes:
            crash(pool)
        if "outage" in modes:
            outage(pool)


if __name__ == "__main__":
    main()
