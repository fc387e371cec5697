"""The service the /medicon subscribe, unsubscribe and subscriptions handlers call."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.knowledge import KnowledgeBase
from bot.spotlights import (
    Schedule,
    describe,
    list_for_user,
    preview,
    remove_workspace,
    subscribe,
    unsubscribe,
)
from bot.storage import Database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # Wednesday 25 November 2026
MONDAY_9 = Schedule(0, time(9, 0), "Europe/Copenhagen")


def test_subscribing_answers_with_the_next_delivery_in_words(database: Database) -> None:
    with database.sessions() as session:
        view = subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=MONDAY_9,
            now=NOW,
        )
    assert view.next_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert view.describe_next() == "Next spotlight: Monday 30 November, 09:00 Copenhagen time"
    assert view.describe_schedule() == "every Monday at 09:00 Copenhagen time"
    assert view.describe_last() == "No spotlight posted here yet."
    assert view.describe_pause() is None
    assert not view.pending


def test_subscribing_again_changes_the_schedule_of_the_one_subscription(
    database: Database,
) -> None:
    stockholm = Schedule(4, time(14, 30), "America/Argentina/Buenos_Aires")
    with database.sessions() as session:
        subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=MONDAY_9,
            now=NOW,
        )
        view = subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U2",
            schedule=stockholm,
            now=NOW,
        )
        described = describe(session, team_id="T1", channel_id="C1", now=NOW)
        assert len(list_for_user(session, team_id="T1", user_id="U1", now=NOW)) == 1
        assert len(list_for_user(session, team_id="T1", user_id="U2", now=NOW)) == 1
    assert described == view
    assert view.schedule == stockholm
    assert view.subscribed_by == "U2"
    assert view.describe_next() == ("Next spotlight: Friday 27 November, 14:30 Buenos Aires time")


def test_unsubscribing_and_describing(database: Database) -> None:
    with database.sessions() as session:
        assert describe(session, team_id="T1", channel_id="C1", now=NOW) is None
        assert unsubscribe(session, team_id="T1", channel_id="C1") is False
        subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=MONDAY_9,
            now=NOW,
        )
        assert unsubscribe(session, team_id="T1", channel_id="C1") is True
        assert describe(session, team_id="T1", channel_id="C1", now=NOW) is None


def test_the_app_home_lists_a_users_channels_in_one_workspace(database: Database) -> None:
    with database.sessions() as session:
        for team, channel, user in [
            ("T1", "C2", "U1"),
            ("T1", "C1", "U1"),
            ("T1", "C3", "U2"),
            ("T2", "C4", "U1"),
        ]:
            subscribe(
                session,
                team_id=team,
                enterprise_id="E1" if team == "T2" else None,
                channel_id=channel,
                user_id=user,
                schedule=MONDAY_9,
                now=NOW,
            )
        mine = list_for_user(session, team_id="T1", user_id="U1", now=NOW)
        assert [v.channel_id for v in mine] == ["C1", "C2"]
        assert all(len(v.lines()) == 3 for v in mine)

        assert remove_workspace(session, team_id="T1", enterprise_id=None) == 3
        assert list_for_user(session, team_id="T1", user_id="U1", now=NOW) == ()
        assert remove_workspace(session, team_id=None, enterprise_id="E1") == 1
        assert remove_workspace(session, team_id=None, enterprise_id=None) == 0


def test_a_view_made_after_the_slot_says_it_is_on_its_way(database: Database) -> None:
    with database.sessions() as session:
        subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=MONDAY_9,
            now=NOW,
        )
        view = describe(session, team_id="T1", channel_id="C1", now=NOW + timedelta(days=6))
    assert view is not None
    assert view.pending
    assert view.describe_next().startswith("Next spotlight: any minute now")


def test_preview_shows_the_next_post_without_changing_the_rotation(
    database: Database, kb: KnowledgeBase
) -> None:
    with database.sessions() as session:
        subscribe(
            session,
            team_id="T1",
            enterprise_id=None,
            channel_id="C1",
            user_id="U1",
            schedule=MONDAY_9,
            now=NOW,
        )
        first = preview(session, kb=kb, channel_id="C1")
        again = preview(session, kb=kb, team_id="T1", channel_id="C1")
        fresh = preview(session, kb=kb)
    assert first is not None
    assert again is not None
    assert fresh is not None
    assert first == again
    choice, message = first
    assert choice.topic.name in message.blocks[0]["text"]["text"]
    assert len(message.blocks) <= 50
    assert len(message.text) <= 3000


def test_subscriptions_says_queued_while_a_large_slot_drains(database: Database) -> None:
    slot = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    with database.sessions() as session:
        for n in range(12):
            subscribe(
                session,
                team_id="T1",
                enterprise_id=None,
                channel_id=f"C{n:02d}",
                user_id="U1",
                schedule=MONDAY_9,
                now=NOW,
            )
        front = describe(session, team_id="T1", channel_id="C00", now=slot)
        back = describe(session, team_id="T1", channel_id="C11", now=slot)
        before = describe(session, team_id="T1", channel_id="C11", now=NOW)
    assert front is not None
    assert back is not None
    assert before is not None
    assert front.describe_next().startswith("Next spotlight: any minute now")
    assert back.is_queued
    assert back.describe_next() == (
        "Next spotlight: queued: delivering at Slack's pace, 11 channels ahead "
        "(due Monday 30 November, 09:00 Copenhagen time)"
    )
    assert back.describe_next() in back.lines()
    assert not before.is_queued
