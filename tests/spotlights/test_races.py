"""Passes racing over the same due work post each spotlight exactly once, on both databases."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter
from datetime import UTC, datetime

from bot.knowledge import KnowledgeBase
from bot.spotlights import RunSummary, run_due
from bot.storage import Database, open_database
from tests.spotlights.conftest import (
    FAST_PACE,
    TOKEN,
    make_poster,
    posted_channels,
    subscribe_channels,
)
from tests.spotlights.workers import run_pass
from tests.support.slack_stand_in import SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
CHANNELS = [f"C{n:04d}" for n in range(200)]


def _assert_each_posted_once(stand_in: SlackStandIn) -> None:
    counts = Counter(posted_channels(stand_in))
    assert sorted(counts) == CHANNELS
    assert set(counts.values()) == {1}, [c for c, n in counts.items() if n > 1]


def test_two_passes_in_threads_with_their_own_engines_post_each_spotlight_once(
    database: Database, database_url: str, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, CHANNELS, now=SUBSCRIBED)
    slack_stand_in.set_delay(0.002)
    summaries: list[RunSummary] = []
    barrier = threading.Barrier(2)

    def one_pass() -> None:
        own = open_database(database_url)  # its own engine and connections, like a process
        try:
            barrier.wait()
            summaries.append(
                run_due(
                    pace=FAST_PACE,
                    now=SLOT,
                    database=own,
                    kb=kb,
                    poster=make_poster(slack_stand_in),
                    page_size=25,
                )
            )
        finally:
            own.dispose()

    threads = [threading.Thread(target=one_pass) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    _assert_each_posted_once(slack_stand_in)
    assert sum(s.posted for s in summaries) == len(CHANNELS)
    assert len(summaries) == 2


def test_two_passes_in_separate_processes_post_each_spotlight_once(
    database: Database, database_url: str, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, CHANNELS, now=SUBSCRIBED)
    slack_stand_in.set_delay(0.002)
    context = multiprocessing.get_context("spawn")
    with context.Pool(2) as pool:
        results = pool.starmap(
            run_pass,
            [(database_url, slack_stand_in.api_url, SLOT.isoformat(), TOKEN)] * 2,
        )

    _assert_each_posted_once(slack_stand_in)
    assert sum(posted for posted, _ in results) == len(CHANNELS)
