"""A pass always finishes, however slow the database, at the highest budgets (issue 16).

Every statement the pass sends is slowed by a real pause on the connection (an event on the
engine, on SQLite and PostgreSQL alike): booking a turn then takes longer than the budget's
interval, which used to make every turn late and booked again, forever.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

import pytest
from sqlalchemy import event

from bot.knowledge import KnowledgeBase
from bot.spotlights import Pace, run_due
from bot.storage import Database
from tests.spotlights.conftest import make_poster, posted_channels, subscribe_channels
from tests.support.slack_stand_in import SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
HIGHEST_BUDGET = Pace(posts_per_minute=6_000, channel_interval=0.01)
"""The highest ``MEDICON_POSTS_PER_MINUTE`` production allows: a post every 10 ms."""
TEST_BUDGET = Pace(posts_per_minute=60_000, channel_interval=0.01)
"""The tests' own budget, a post every millisecond: the one that used to spin forever."""
ADDED_LATENCY = 0.005
"""Seconds added to every database statement: more than either budget's interval."""


@pytest.fixture
def slow_database(database: Database) -> Iterator[Database]:
    """The test's database with ``ADDED_LATENCY`` before every statement it runs."""

    def pause(*_: Any) -> None:
        time.sleep(ADDED_LATENCY)

    event.listen(database.engine, "before_cursor_execute", pause)
    yield database
    event.remove(database.engine, "before_cursor_execute", pause)


@pytest.mark.parametrize("pace", [HIGHEST_BUDGET, TEST_BUDGET], ids=["6000-a-minute", "60000"])
def test_a_slow_database_delays_a_pass_but_every_channel_gets_one_post(
    slow_database: Database, kb: KnowledgeBase, slack_stand_in: SlackStandIn, pace: Pace
) -> None:
    channels = [f"C{n:03d}" for n in range(60)]
    subscribe_channels(slow_database, channels, now=SUBSCRIBED)

    summary = run_due(
        now=SLOT, database=slow_database, kb=kb, poster=make_poster(slack_stand_in), pace=pace
    )

    assert summary.posted == 60
    assert Counter(posted_channels(slack_stand_in)) == Counter(channels)  # each exactly once
    assert summary.rebooked <= 3 * 60  # bounded: at most three re-bookings a post
    times = sorted(c.at for c in slack_stand_in.calls("chat.postMessage"))
    gaps = [later - earlier for earlier, later in pairwise(times)]
    # this pass never sends two posts of the workspace closer than the budget's interval (the
    # stand-in stamps a post when its thread reaches it, so allow it a little jitter)
    assert sum(gap < pace.interval * 0.5 for gap in gaps) <= len(gaps) // 10
    assert times[-1] - times[0] >= (len(times) - 2) * pace.interval * 0.9


def test_a_second_pass_on_a_slow_database_posts_nothing_again(
    slow_database: Database, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    channels = [f"C{n:03d}" for n in range(20)]
    subscribe_channels(slow_database, channels, now=SUBSCRIBED)
    poster = make_poster(slack_stand_in)

    first = run_due(now=SLOT, database=slow_database, kb=kb, poster=poster, pace=TEST_BUDGET)
    second = run_due(now=SLOT, database=slow_database, kb=kb, poster=poster, pace=TEST_BUDGET)

    assert (first.posted, second.posted) == (20, 0)
    assert len(posted_channels(slack_stand_in)) == 20
