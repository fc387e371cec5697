"""A pass killed with SIGKILL mid-way, or one whose database goes away: the next run delivers
every remaining channel, and nothing twice. Real processes, real databases, the Slack stand-in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.knowledge import KnowledgeBase
from bot.spotlights import DeliveryStalled, Pace, RunSummary, run_due
from bot.storage import Database, open_database
from tests.spotlights.conftest import TOKEN, make_poster, posted_channels, subscribe_channels
from tests.support.slack_stand_in import SlackStandIn
from tests.support.sqlite_lock import sqlite_write_locked
from tests.support.tcp_proxy import TcpProxy
from tests.support.web_process import clean_environment

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
TWO_MINUTES_LATER = SLOT + timedelta(minutes=2)
REPO = Path(__file__).resolve().parents[2]
PACE = Pace(posts_per_minute=1200, channel_interval=0.01)


@pytest.fixture
def history_stand_in(no_proxy_env: None) -> Iterator[SlackStandIn]:
    """A stand-in whose conversations.history returns what was posted."""
    with SlackStandIn(keep_history=True) as stand_in:
        yield stand_in


def _start_pass(
    url: str, stand_in: SlackStandIn, journal: Path, log: Path
) -> subprocess.Popen[bytes]:
    """A pass in its own process, with the default lease and patience, as a clock runs it."""
    command = [
        sys.executable,
        "-m",
        "tests.spotlights.workers",
        f"--database-url={url}",
        f"--api-url={stand_in.api_url}",
        f"--now={SLOT.isoformat()}",
        f"--token={TOKEN}",
        f"--posts-per-minute={PACE.posts_per_minute}",
        f"--journal-dir={journal}",
    ]
    with log.open("wb") as sink:
        return subprocess.Popen(
            command, cwd=REPO, env=clean_environment(), stdout=sink, stderr=subprocess.STDOUT
        )


def _kill(process: subprocess.Popen[bytes]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL


def _quiet(stand_in: SlackStandIn, seconds: float = 0.4, timeout: float = 10.0) -> None:
    """Wait until no chat.postMessage arrived for ``seconds``: nothing is in flight."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        calls = stand_in.calls("chat.postMessage")
        if calls and time.monotonic() - calls[-1].at > seconds:
            return
        time.sleep(0.05)
    raise AssertionError("posts kept arriving")


@contextmanager
def _writes_blocked(url: str) -> Iterator[None]:
    """Another writer holds the database: SQLite's write lock, a PostgreSQL table lock."""
    if url.startswith("sqlite"):
        with sqlite_write_locked(url):
            yield
        return
    engine = create_engine(url)
    with engine.connect() as connection:
        connection.execute(text("LOCK TABLE spotlight_deliveries IN EXCLUSIVE MODE"))
        try:
            yield
        finally:
            connection.rollback()
    engine.dispose()


def _assert_each_once(stand_in: SlackStandIn, channels: list[str]) -> None:
    counts = Counter(posted_channels(stand_in))
    assert sorted(counts) == channels, "some channel was never posted to"
    assert [c for c, n in counts.items() if n > 1] == [], "posted twice"


def test_a_run_two_minutes_after_kill_9_delivers_the_rest_and_nothing_twice(
    database: Database,
    database_url: str,
    kb: KnowledgeBase,
    history_stand_in: SlackStandIn,
    tmp_path: Path,
) -> None:
    channels = [f"C{n:02d}" for n in range(40)]
    subscribe_channels(database, channels, now=SUBSCRIBED)
    journal = tmp_path / "journal"
    process = _start_pass(database_url, history_stand_in, journal, tmp_path / "pass.log")
    try:
        history_stand_in.wait_for("chat.postMessage", count=12, timeout=30)
    finally:
        _kill(process)
    before = len(posted_channels(history_stand_in))
    assert before < len(channels), "the pass finished before it was killed"

    summary = run_due(
        now=TWO_MINUTES_LATER,
        database=database,
        kb=kb,
        poster=make_poster(history_stand_in),
        pace=PACE,
        journal_dir=journal,
    )

    _assert_each_once(history_stand_in, channels)
    assert summary.busy == 0  # the dead pass's claims had lapsed
    assert summary.posted + before == len(channels)


def test_posts_kept_in_the_journal_are_not_posted_again_even_without_history(
    database: Database,
    database_url: str,
    kb: KnowledgeBase,
    slack_stand_in: SlackStandIn,
    tmp_path: Path,
) -> None:
    """The database stalls mid-pass (another writer holds it), the pass is killed while its
    posts wait to be recorded, and the history scope was refused: the journal alone decides."""
    channels = [f"C{n:02d}" for n in range(30)]
    subscribe_channels(database, channels, now=SUBSCRIBED)
    slack_stand_in.respond_with("conversations.history", {"ok": False, "error": "missing_scope"})
    journal = tmp_path / "journal"
    process = _start_pass(database_url, slack_stand_in, journal, tmp_path / "pass.log")
    try:
        slack_stand_in.wait_for("chat.postMessage", count=6, timeout=30)
        with _writes_blocked(database_url):
            _quiet(slack_stand_in)
            _kill(process)
    finally:
        if process.poll() is None:
            _kill(process)
    assert list(journal.glob("*.jsonl")), "the killed pass left no journal"

    summary = run_due(
        now=TWO_MINUTES_LATER,
        database=database,
        kb=kb,
        poster=make_poster(slack_stand_in),
        pace=PACE,
        journal_dir=journal,
    )

    _assert_each_once(slack_stand_in, channels)
    assert summary.failed == 0
    assert list(journal.glob("*.jsonl")) == []


def test_a_short_outage_mid_pass_is_waited_out_and_every_post_recorded(
    kb: KnowledgeBase, slack_stand_in: SlackStandIn, tmp_path: Path
) -> None:
    """PostgreSQL behind a proxy that is cut for two seconds in the middle of a pass."""
    from tests.support.databases import postgres_url

    channels = [f"C{n:02d}" for n in range(30)]
    with postgres_url() as url, TcpProxy(_upstream(url)) as proxy:
        direct = open_database(url)
        subscribe_channels(direct, channels, now=SUBSCRIBED)
        proxied = open_database(proxy.proxied(url), apply_migrations=False)
        summaries: list[RunSummary] = []

        def deliver() -> None:
            summaries.append(
                run_due(
                    now=SLOT,
                    database=proxied,
                    kb=kb,
                    poster=make_poster(slack_stand_in),
                    pace=PACE,
                    journal_dir=tmp_path / "journal",
                    patience=timedelta(seconds=15),
                )
            )

        worker = threading.Thread(target=deliver)
        worker.start()
        slack_stand_in.wait_for("chat.postMessage", count=8, timeout=20)
        proxy.cut()
        time.sleep(2)
        proxy.restore()
        worker.join(timeout=30)
        proxied.dispose()
        again = run_due(
            now=TWO_MINUTES_LATER, database=direct, kb=kb, poster=make_poster(slack_stand_in)
        )
        direct.dispose()

    [summary] = summaries
    assert summary.posted == len(channels)
    assert again.posted == 0
    _assert_each_once(slack_stand_in, channels)


def test_an_outage_longer_than_the_patience_stops_the_pass_in_one_line_and_loses_nothing(
    kb: KnowledgeBase, slack_stand_in: SlackStandIn, tmp_path: Path
) -> None:
    from tests.support.databases import postgres_url

    channels = [f"C{n:02d}" for n in range(20)]
    slack_stand_in.respond_with("conversations.history", {"ok": False, "error": "missing_scope"})
    journal = tmp_path / "journal"
    with postgres_url() as url, TcpProxy(_upstream(url)) as proxy:
        direct = open_database(url)
        subscribe_channels(direct, channels, now=SUBSCRIBED)
        proxied = open_database(proxy.proxied(url), apply_migrations=False)
        errors: list[DeliveryStalled] = []

        def deliver() -> None:
            try:
                run_due(
                    now=SLOT,
                    database=proxied,
                    kb=kb,
                    poster=make_poster(slack_stand_in),
                    pace=PACE,
                    journal_dir=journal,
                    patience=timedelta(seconds=0.5),
                )
            except DeliveryStalled as error:
                errors.append(error)

        worker = threading.Thread(target=deliver)
        worker.start()
        slack_stand_in.wait_for("chat.postMessage", count=5, timeout=20)
        proxy.cut()
        worker.join(timeout=20)
        proxy.restore()
        proxied.dispose()
        summary = run_due(
            now=TWO_MINUTES_LATER,
            database=direct,
            kb=kb,
            poster=make_poster(slack_stand_in),
            pace=PACE,
            journal_dir=journal,
        )
        direct.dispose()

    [error] = errors
    assert "\n" not in str(error)
    assert str(error).startswith("spotlights stopped: ")
    assert "for 0.5 s" in str(error)
    _assert_each_once(slack_stand_in, channels)
    assert summary.failed == 0


def _upstream(url: str) -> tuple[str, int]:
    parsed = make_url(url)
    return parsed.host or "127.0.0.1", parsed.port or 5432
