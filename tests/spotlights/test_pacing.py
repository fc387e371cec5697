"""Spotlights go out at Slack's pace: one budget per workspace shared by every pass, a 429 pauses
the whole workspace, and workspaces are paced independently. On both databases, against a
stand-in that models Slack's token buckets."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.knowledge import KnowledgeBase
from bot.slack.poster import SlackPoster
from bot.spotlights import Pace, RunSummary, run_due
from bot.storage import Database, open_database
from bot.storage.pacing import pause_workspace, reserve_turns
from tests.spotlights.conftest import TEAM, TOKEN, make_poster, posted_channels, subscribe_channels
from tests.support.slack_stand_in import RateLimits, SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
BUDGET = Pace(posts_per_minute=800)


@pytest.fixture
def limited_stand_in(no_proxy_env: None) -> Iterator[SlackStandIn]:
    """A stand-in with Slack's buckets at 900 posts a minute and short bursts of 3.

    Passes are given a budget of 800 a minute: a margin under Slack's limit, as the default
    180 a minute is, for the jitter of a busy machine (the stand-in stamps a post when its
    thread gets to it).
    """
    with SlackStandIn(
        rate_limits=RateLimits(posts_per_minute=900, workspace_burst=3), keep_history=True
    ) as stand_in:
        yield stand_in


def _assert_paced(stand_in: SlackStandIn, interval: float, token: str | None = None) -> None:
    """The posts the stand-in took span at least what the budget allows: n posts, n − 1
    intervals, less the one interval a post may go out late. (Single gaps say little on a busy
    machine: the stand-in stamps a post when its thread gets to it. Slack's own bucket,
    modelled by the stand-in, is what must see no 429.)"""
    times = [
        c.at
        for c in stand_in.calls("chat.postMessage")
        if c.status == 200 and (token is None or c.token == token)
    ]
    assert times[-1] - times[0] >= (len(times) - 2) * interval * 0.95


def test_turns_are_reserved_one_interval_apart_and_a_pause_pushes_them_back(
    database: Database,
) -> None:
    with database.sessions() as session:
        first = reserve_turns(session, team_id=TEAM, now=1000.0, interval=0.5, count=3)
        later = reserve_turns(session, team_id=TEAM, now=1000.1, interval=0.5, count=1)
        other = reserve_turns(session, team_id="T0OTHER", now=1000.1, interval=0.5, count=1)
        pause_workspace(session, team_id=TEAM, until=1010.0)
        paused = reserve_turns(session, team_id=TEAM, now=1001.0, interval=0.5, count=2)
        idle = reserve_turns(session, team_id="T0OTHER", now=2000.0, interval=0.5, count=1)
        session.commit()
    assert first == [1000.0, 1000.5, 1001.0]
    assert later == [1001.5]
    assert other == [1000.1]  # its own workspace, its own pace
    assert paused == [1010.0, 1010.5]
    assert idle == [2000.0]  # an idle workspace saves up no burst


def test_a_workspace_is_posted_at_its_budget_with_no_429(
    database: Database, kb: KnowledgeBase, limited_stand_in: SlackStandIn
) -> None:
    channels = [f"C{n:02d}" for n in range(10)]
    subscribe_channels(database, channels, now=SUBSCRIBED)
    started = time.monotonic()

    summary = run_due(
        now=SLOT,
        database=database,
        kb=kb,
        poster=make_poster(limited_stand_in),
        pace=BUDGET,
    )

    elapsed = time.monotonic() - started
    assert summary.posted == 10
    assert summary.rate_limited == 0
    assert [c.status for c in limited_stand_in.calls("chat.postMessage")] == [200] * 10
    _assert_paced(limited_stand_in, BUDGET.interval)
    assert 0.55 < elapsed < 3.0


def test_three_passes_at_once_share_one_workspace_budget(
    database: Database, database_url: str, kb: KnowledgeBase, limited_stand_in: SlackStandIn
) -> None:
    """Two clocks and a cron run-due over one database: together inside one budget."""
    channels = [f"C{n:02d}" for n in range(15)]
    subscribe_channels(database, channels, now=SUBSCRIBED)
    summaries: list[RunSummary] = []
    barrier = threading.Barrier(3)

    def one_pass() -> None:
        own = open_database(database_url)
        try:
            barrier.wait()
            summaries.append(
                run_due(
                    now=SLOT,
                    database=own,
                    kb=kb,
                    poster=make_poster(limited_stand_in),
                    pace=BUDGET,
                    page_size=4,
                )
            )
        finally:
            own.dispose()

    started = time.monotonic()
    threads = [threading.Thread(target=one_pass) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    elapsed = time.monotonic() - started

    counts = Counter(posted_channels(limited_stand_in))
    assert sorted(counts) == channels
    assert set(counts.values()) == {1}
    assert sum(s.posted for s in summaries) == 15
    assert [c.status for c in limited_stand_in.calls("chat.postMessage")] == [200] * 15
    _assert_paced(limited_stand_in, BUDGET.interval)  # not three passes' worth
    assert elapsed > 14 * BUDGET.interval * 0.9


def test_a_429_pauses_the_whole_workspace_and_the_post_is_made_again_without_a_lookup(
    database: Database, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    channels = [f"C{n}" for n in range(6)]
    subscribe_channels(database, channels, now=SUBSCRIBED)
    slack_stand_in.rate_limit("chat.postMessage", retry_after=1)

    summary = run_due(
        now=SLOT,
        database=database,
        kb=kb,
        poster=make_poster(slack_stand_in),
        pace=Pace(posts_per_minute=600, channel_interval=0.01),
    )

    calls = slack_stand_in.calls("chat.postMessage")
    limited = [c for c in calls if c.status == 429]
    assert len(limited) == 1
    after = [c.at - limited[0].at for c in calls if c.at > limited[0].at]
    assert len(after) == 6  # the five others and the one answered 429
    # Nothing new was sent during the Retry-After; at most a post already on its way arrived.
    assert len([seconds for seconds in after if seconds < 0.95]) <= 1
    assert sorted(Counter(posted_channels(slack_stand_in)).items()) == [(c, 1) for c in channels]
    assert slack_stand_in.calls("conversations.history") == []  # a 429 posted nothing
    assert (summary.posted, summary.rate_limited, summary.failed) == (6, 1, 0)
    assert "1 rate-limited by Slack (waited out)" in summary.line()


def test_workspaces_are_paced_independently_and_deliver_side_by_side(
    database: Database, kb: KnowledgeBase, limited_stand_in: SlackStandIn
) -> None:
    teams = [f"T{n}" for n in range(4)]
    for team in teams:
        subscribe_channels(
            database, [f"C{team}{n}" for n in range(5)], now=SUBSCRIBED, team_id=team
        )
    poster = SlackPoster(
        base_url=limited_stand_in.api_url,
        token_for=lambda team, _enterprise: f"{TOKEN}-{team}",
        backoff=0.0,
    )
    started = time.monotonic()

    summary = run_due(
        now=SLOT, database=database, kb=kb, poster=poster, pace=Pace(posts_per_minute=300)
    )

    elapsed = time.monotonic() - started
    assert summary.posted == 20
    assert summary.rate_limited == 0
    for team in teams:
        _assert_paced(limited_stand_in, 0.2, f"{TOKEN}-{team}")  # 300 a minute each
    assert elapsed < 4 * 0.2 * 2.5  # one after another would take 20 × 0.2 s = 4 s
