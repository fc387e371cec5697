"""Fixtures for spotlight tests: the shipped knowledge base, a poster on the Slack stand-in."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import pytest

from bot.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base
from bot.slack.poster import SlackPoster
from bot.spotlights import Pace, Schedule, SubscriptionView, subscribe
from bot.storage import Database
from tests.support.slack_stand_in import SlackStandIn

TOKEN = "xoxb-stand-in-token"
TEAM = "T0STANDIN"
MONDAY_9 = Schedule.from_stored(weekday=0, local_time="09:00", timezone="Europe/Copenhagen")
FAST_PACE = Pace(posts_per_minute=60_000, channel_interval=0.01)
"""A budget tests do not wait for (1,000 posts a second), still shared through the database."""


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once (it is immutable)."""
    return load_knowledge_base(default_data_dir())


def make_poster(stand_in: SlackStandIn, *, max_retries: int = 2) -> SlackPoster:
    """A real slack_sdk poster on the stand-in, with retries but no backoff to wait out."""
    return SlackPoster(
        base_url=stand_in.api_url,
        token_for=lambda _team, _enterprise: TOKEN,
        max_retries=max_retries,
        backoff=0.0,
    )


@pytest.fixture
def poster(slack_stand_in: SlackStandIn) -> SlackPoster:
    return make_poster(slack_stand_in)


def subscribe_channels(
    database: Database,
    channels: Iterable[str],
    *,
    now: datetime,
    schedule: Schedule = MONDAY_9,
    team_id: str = TEAM,
) -> list[SubscriptionView]:
    """Subscribe each channel with ``schedule`` at ``now``."""
    with database.sessions() as session:
        return [
            subscribe(
                session,
                team_id=team_id,
                enterprise_id=None,
                channel_id=channel,
                user_id="U1",
                schedule=schedule,
                now=now,
            )
            for channel in channels
        ]


def posted_channels(stand_in: SlackStandIn) -> list[str]:
    """Channels of every chat.postMessage the stand-in answered with ok, in arrival order."""
    return [
        str(call.channel)
        for call in stand_in.calls("chat.postMessage")
        if isinstance(call.response, dict) and call.response.get("ok")
    ]


def headline(call_blocks: list[dict[str, object]]) -> str:
    """The header text of a spotlight post."""
    first = call_blocks[0]
    text = first["text"]
    assert isinstance(text, dict)
    return str(text["text"])
