"""run_due against both databases and the Slack stand-in over HTTP: once, on time, recorded."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.knowledge import KnowledgeBase
from bot.slack.poster import SlackPoster
from bot.spotlights import describe, run_due
from bot.spotlights.delivery.ports import EVENT_TYPE, spotlight_metadata
from bot.storage import Database
from bot.storage.deliveries import DeliveryStatus, attempts_of, claim_delivery, delivery_for
from bot.storage.tables import spotlight_attempts
from tests.spotlights.conftest import (
    FAST_PACE,
    TEAM,
    TOKEN,
    make_poster,
    posted_channels,
    subscribe_channels,
)
from tests.support.slack_stand_in import SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)  # Monday 30 November, 09:00 Copenhagen


def test_a_due_spotlight_is_posted_once_with_metadata_and_recorded(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)

    early = run_due(
        pace=FAST_PACE, now=SLOT - timedelta(minutes=1), database=database, kb=kb, poster=poster
    )
    assert early.posted == 0
    assert slack_stand_in.calls() == []

    first = run_due(pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=poster)
    again = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=1), database=database, kb=kb, poster=poster
    )

    assert (first.posted, again.posted) == (1, 0)
    [call] = slack_stand_in.calls("chat.postMessage")
    assert call.channel == "C1"
    assert call.token == TOKEN
    assert call.json_field("metadata") == {
        "event_type": EVENT_TYPE,
        "event_payload": {"subscription_id": 1, "period": SLOT.isoformat()},
    }
    assert call.blocks()[0]["text"]["text"].startswith(":sparkles: Medicon Valley spotlight: ")
    assert call.text
    with database.sessions() as session:
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
        assert delivery is not None
        assert delivery.status is DeliveryStatus.POSTED
        assert delivery.posted_ts == call.response["ts"]
        assert attempts_of(session, delivery_id=delivery.id) == ((1, "posted", None),)
        view = describe(session, team_id=TEAM, channel_id="C1", now=SLOT, kb=kb)
    assert view is not None
    assert view.next_at == SLOT + timedelta(days=7)
    assert view.describe_next() == "Next spotlight: Monday 7 December, 09:00 Copenhagen time"
    assert view.last_posted_at == SLOT
    assert view.last_topic is not None
    assert view.last_topic in call.blocks()[0]["text"]["text"]


def test_monday_nine_copenhagen_posts_at_local_nine_across_both_dst_changes(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=datetime(2026, 10, 13, 12, 0, tzinfo=UTC))
    expected = [
        datetime(2026, 10, 19, 7, 0, tzinfo=UTC),  # summer time
        datetime(2026, 10, 26, 8, 0, tzinfo=UTC),  # winter time from Sunday 25 October
        datetime(2027, 3, 22, 8, 0, tzinfo=UTC),
        datetime(2027, 3, 29, 7, 0, tzinfo=UTC),  # summer time from Sunday 28 March
    ]
    for slot in expected:
        if slot.month == 3:  # the winter in between is skipped by subscribing again in March
            subscribe_channels(database, ["C1"], now=datetime(2027, 3, 16, 12, 0, tzinfo=UTC))
        before = run_due(
            pace=FAST_PACE, now=slot - timedelta(minutes=1), database=database, kb=kb, poster=poster
        )
        at = run_due(pace=FAST_PACE, now=slot, database=database, kb=kb, poster=poster)
        assert (before.posted, at.posted) == (0, 1), slot
    with database.sessions() as session:
        periods = [
            delivery_for(session, subscription_id=1, period=slot) is not None for slot in expected
        ]
    assert all(periods)
    assert len(slack_stand_in.calls("chat.postMessage")) == len(expected)


def test_after_three_missed_weeks_one_spotlight_is_posted(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    back = SLOT + timedelta(weeks=3, hours=2)  # down for three slots; back two hours after one

    summary = run_due(pace=FAST_PACE, now=back, database=database, kb=kb, poster=poster)
    later = run_due(
        pace=FAST_PACE, now=back + timedelta(minutes=1), database=database, kb=kb, poster=poster
    )

    assert (summary.posted, later.posted) == (1, 0)
    assert len(slack_stand_in.calls("chat.postMessage")) == 1
    with database.sessions() as session:
        assert delivery_for(session, subscription_id=1, period=SLOT + timedelta(weeks=3))
        view = describe(session, team_id=TEAM, channel_id="C1", now=back)
    assert view is not None
    assert view.next_at == SLOT + timedelta(weeks=4)


def test_a_slot_older_than_the_grace_period_is_recorded_as_skipped_not_sent(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    late = SLOT + timedelta(hours=25)

    summary = run_due(pace=FAST_PACE, now=late, database=database, kb=kb, poster=poster)

    assert (summary.posted, summary.skipped) == (0, 1)
    assert "1 skipped (older than 24h)" in summary.line()
    assert slack_stand_in.calls() == []
    with database.sessions() as session:
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
        assert delivery is not None
        assert delivery.status is DeliveryStatus.SKIPPED
        assert attempts_of(session, delivery_id=delivery.id)[0][1] == "skipped"
        view = describe(session, team_id=TEAM, channel_id="C1", now=late)
    assert view is not None
    assert view.next_at == SLOT + timedelta(weeks=1)
    # The next week is delivered as usual.
    nxt = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(weeks=1), database=database, kb=kb, poster=poster
    )
    assert nxt.posted == 1


def test_a_rate_limit_is_waited_out_and_the_post_made(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    slack_stand_in.rate_limit("chat.postMessage", retry_after=0)

    summary = run_due(pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=poster)

    assert summary.posted == 1
    assert [c.status for c in slack_stand_in.calls("chat.postMessage")] == [429, 200]


@pytest.mark.parametrize(
    "error", ["not_in_channel", "channel_not_found", "is_archived", "account_inactive"]
)
def test_a_channel_error_pauses_that_subscription_and_the_run_goes_on(
    database: Database, kb: KnowledgeBase, slack_stand_in: SlackStandIn, error: str
) -> None:
    subscribe_channels(database, ["C1", "C2", "C3"], now=SUBSCRIBED)
    slack_stand_in.fail("chat.postMessage", error)  # the first post, which is C1's: one worker
    poster = make_poster(slack_stand_in)

    summary = run_due(
        pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=poster, concurrency=1
    )
    later = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(weeks=1), database=database, kb=kb, poster=poster
    )

    assert (summary.posted, summary.paused) == (2, 1)
    assert later.posted == 2  # C1 stays paused
    assert sorted(posted_channels(slack_stand_in)) == ["C2", "C2", "C3", "C3"]
    with database.sessions() as session:
        view = describe(session, team_id=TEAM, channel_id="C1", now=SLOT)
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
    assert view is not None
    assert view.paused_reason == error
    pause = view.describe_pause()
    assert pause is not None
    assert pause in view.lines()
    assert "/medicon subscribe" in pause
    assert delivery is not None
    assert (delivery.status, delivery.error) == (DeliveryStatus.PAUSED, error)

    # Subscribing again lifts the pause from the next slot on.
    resumed = subscribe_channels(database, ["C1"], now=SLOT + timedelta(weeks=1, hours=1))
    assert resumed[0].paused_reason is None
    third = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(weeks=2), database=database, kb=kb, poster=poster
    )
    assert third.posted == 3


def test_server_errors_are_retried_then_left_due_for_the_next_pass(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    slack_stand_in.server_error("chat.postMessage", 503, times=3)  # 1 try + 2 retries

    first = run_due(pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=poster)
    with database.sessions() as session:
        pending = describe(session, team_id=TEAM, channel_id="C1", now=SLOT)
    second = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=1), database=database, kb=kb, poster=poster
    )

    assert (first.posted, first.failed) == (0, 1)
    assert pending is not None
    assert pending.pending
    assert pending.describe_next().startswith("Next spotlight: any minute now")
    assert second.posted == 1
    assert [c.status for c in slack_stand_in.calls("chat.postMessage")] == [503, 503, 503, 200]
    # The retry looked for a post of the first attempt before posting again.
    assert len(slack_stand_in.calls("conversations.history")) == 1
    with database.sessions() as session:
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
        assert delivery is not None
        assert attempts_of(session, delivery_id=delivery.id) == (
            (1, "failed", "http_503"),
            (2, "posted", None),
        )


def test_a_connection_error_is_a_transient_failure(
    database: Database, kb: KnowledgeBase, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    unreachable = SlackPoster(
        base_url="http://127.0.0.1:9/api/",  # discard port: connection refused
        token_for=lambda _t, _e: TOKEN,
        max_retries=1,
        backoff=0.0,
    )
    summary = run_due(pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=unreachable)
    assert summary.failed == 1
    retried = run_due(
        pace=FAST_PACE,
        now=SLOT + timedelta(minutes=1),
        database=database,
        kb=kb,
        poster=make_poster(slack_stand_in),
    )
    assert retried.posted == 1


def test_a_claim_whose_owner_died_is_retried_once_after_its_lease(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    lease = timedelta(minutes=15)
    with database.sessions() as session:  # a pass claimed the slot, then its process died
        claim = claim_delivery(
            session, subscription_id=1, period=SLOT, owner="dead", now=SLOT, lease=lease
        )
        session.commit()
    assert claim is not None

    during = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=5), database=database, kb=kb, poster=poster
    )
    after = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=16), database=database, kb=kb, poster=poster
    )
    again = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=17), database=database, kb=kb, poster=poster
    )

    assert (during.posted, during.busy) == (0, 1)
    assert (after.posted, again.posted) == (1, 0)
    assert len(slack_stand_in.calls("chat.postMessage")) == 1


def test_a_claim_whose_post_reached_slack_is_recorded_not_reposted(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    with database.sessions() as session:  # claimed; Slack took the post; the process died
        claim_delivery(
            session,
            subscription_id=1,
            period=SLOT,
            owner="dead",
            now=SLOT,
            lease=timedelta(minutes=15),
        )
        session.commit()
    earlier = {"type": "message", "ts": "1764489600.000100", "text": "spotlight"}
    earlier["metadata"] = spotlight_metadata(subscription_id=1, period=SLOT)  # type: ignore[assignment]
    other = {"type": "message", "ts": "1764489601.000100", "text": "hello"}
    slack_stand_in.respond_with("conversations.history", {"ok": True, "messages": [other, earlier]})

    summary = run_due(
        pace=FAST_PACE, now=SLOT + timedelta(hours=1), database=database, kb=kb, poster=poster
    )

    assert (summary.recovered, summary.posted) == (1, 0)
    assert slack_stand_in.calls("chat.postMessage") == []
    [lookup] = slack_stand_in.calls("conversations.history")
    assert lookup.channel == "C1"
    with database.sessions() as session:
        delivery = delivery_for(session, subscription_id=1, period=SLOT)
        assert delivery is not None
        assert (delivery.status, delivery.posted_ts) == (DeliveryStatus.POSTED, "1764489600.000100")
        assert attempts_of(session, delivery_id=delivery.id) == ((2, "recovered", None),)


def test_every_attempt_is_logged(
    database: Database, kb: KnowledgeBase, poster: SlackPoster, slack_stand_in: SlackStandIn
) -> None:
    subscribe_channels(database, ["C1", "C2"], now=SUBSCRIBED)
    slack_stand_in.server_error("chat.postMessage", 500, times=3)
    run_due(pace=FAST_PACE, now=SLOT, database=database, kb=kb, poster=poster, concurrency=1)
    run_due(
        pace=FAST_PACE, now=SLOT + timedelta(minutes=1), database=database, kb=kb, poster=poster
    )
    with database.sessions() as session:
        logged = session.execute(select(func.count()).select_from(spotlight_attempts)).scalar()
    assert logged == 3  # C1 failed, C2 posted, C1 posted
