"""What the /medicon subscribe, unsubscribe and subscriptions commands and the App Home call.

Keyword-only functions that take a Session and return frozen views; expected failures are
:class:`~bot.spotlights.errors.SpotlightError` subclasses whose message can be shown as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.answers.render.render import Message
from bot.knowledge import KnowledgeBase
from bot.spotlights import phrases
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import Choice, choose_topic, topic_named
from bot.spotlights.schedule import WEEKDAY_NAMES, Schedule, city_of
from bot.storage.deliveries import DeliveryRecord, last_posted
from bot.storage.features import featured_topics
from bot.storage.subscriptions import (
    SubscriptionRecord,
    count_due_ahead,
    delete_subscription,
    delete_workspace_subscriptions,
    find_subscription_by_channel,
    get_subscription,
    subscriptions_by_user,
    upsert_subscription,
)

__all__ = [
    "QUEUED_AHEAD",
    "SubscriptionView",
    "describe",
    "list_for_user",
    "preview",
    "remove_workspace",
    "subscribe",
    "unsubscribe",
]


QUEUED_AHEAD: Final = 10
"""With this many of its workspace's spotlights due before it, a pending one is "queued": at
Slack's pace (a few posts a second per workspace) it waits more than a moment."""


@dataclass(frozen=True)
class SubscriptionView:
    """A channel's spotlight subscription as people see it."""

    team_id: str
    channel_id: str
    schedule: Schedule
    next_at: datetime
    """The slot to deliver next (UTC); in the past while it is being delivered or retried."""
    pending: bool
    """True when ``next_at`` had passed at the moment the view was made."""
    paused_reason: str | None
    last_posted_at: datetime | None
    """The slot of the last post that reached the channel (UTC)."""
    last_topic: str | None
    """The name of the last topic featured (its key when the knowledge base no longer has it)."""
    subscribed_by: str
    queued_behind: int = 0
    """Spotlights of the same workspace due and delivered before this one (when pending)."""

    @property
    def is_queued(self) -> bool:
        """Pending behind enough others that it is waiting for Slack's rate limits."""
        return self.pending and self.queued_behind >= QUEUED_AHEAD

    @property
    def is_paused(self) -> bool:
        return self.paused_reason is not None

    def describe_schedule(self) -> str:
        """``every Monday at 09:00 Copenhagen time``."""
        return self.schedule.describe()

    def describe_next(self) -> str:
        """``Next spotlight: Monday 1 December, 09:00 Copenhagen time``, in the channel's zone.

        While a large slot drains: ``Next spotlight: queued: delivering at Slack's pace, …``.
        """
        words = _date_words(self.next_at, self.schedule.timezone)
        if self.is_queued:
            return phrases.NEXT_QUEUED.format(ahead=self.queued_behind, **words)
        template = phrases.NEXT_PENDING if self.pending else phrases.NEXT
        return template.format(**words)

    def describe_last(self) -> str:
        if self.last_posted_at is None or self.last_topic is None:
            return phrases.NO_LAST_POST
        words = _date_words(self.last_posted_at, self.schedule.timezone)
        return phrases.LAST_POST.format(topic=self.last_topic, **words)

    def describe_pause(self) -> str | None:
        if self.paused_reason is None:
            return None
        return phrases.PAUSED.format(reason=phrases.pause_reason(self.paused_reason))

    def lines(self) -> tuple[str, ...]:
        """What `/medicon subscriptions` and the App Home show, one mrkdwn line each."""
        first = phrases.SUBSCRIBED.format(schedule=self.describe_schedule())
        pause = self.describe_pause()
        middle = pause if pause is not None else self.describe_next()
        return (first, middle, self.describe_last())


def _date_words(instant: datetime, timezone: str) -> dict[str, str]:
    local = instant.astimezone(ZoneInfo(timezone))
    return {
        "weekday": WEEKDAY_NAMES[local.weekday()],
        "day": str(local.day),
        "month": local.strftime("%B"),
        "time": local.strftime("%H:%M"),
        "city": city_of(timezone),
    }


def subscribe(
    session: Session,
    *,
    team_id: str,
    enterprise_id: str | None,
    channel_id: str,
    user_id: str,
    schedule: Schedule,
    now: datetime,
) -> SubscriptionView:
    """Subscribe ``channel_id``, or give its subscription a new schedule and lift any pause.

    The first spotlight is the first slot after ``now``. Rotation and history are kept when a
    channel subscribes again.
    """
    record = upsert_subscription(
        session,
        team_id=team_id,
        enterprise_id=enterprise_id,
        channel_id=channel_id,
        user_id=user_id,
        weekday=schedule.weekday,
        local_time=schedule.local_time,
        timezone=schedule.timezone,
        due_at=schedule.next_slot_after(now),
        now=now,
    )
    return _view(session, record, now=now, kb=None)


def unsubscribe(session: Session, *, team_id: str, channel_id: str) -> bool:
    """Stop a channel's spotlights; False when it had none."""
    return delete_subscription(session, team_id=team_id, channel_id=channel_id)


def describe(
    session: Session,
    *,
    team_id: str,
    channel_id: str,
    now: datetime,
    kb: KnowledgeBase | None = None,
) -> SubscriptionView | None:
    """The channel's subscription, or None. With ``kb`` the last topic is shown by its name."""
    record = get_subscription(session, team_id=team_id, channel_id=channel_id)
    return None if record is None else _view(session, record, now=now, kb=kb)


def list_for_user(
    session: Session,
    *,
    team_id: str,
    user_id: str,
    now: datetime,
    kb: KnowledgeBase | None = None,
) -> tuple[SubscriptionView, ...]:
    """The subscriptions ``user_id`` set up in this workspace, for the App Home."""
    records = subscriptions_by_user(session, team_id=team_id, user_id=user_id)
    return tuple(_view(session, record, now=now, kb=kb) for record in records)


def remove_workspace(session: Session, *, team_id: str | None, enterprise_id: str | None) -> int:
    """Forget a workspace's subscriptions (app uninstalled, tokens revoked); returns how many."""
    return delete_workspace_subscriptions(session, team_id=team_id, enterprise_id=enterprise_id)


def preview(
    session: Session,
    *,
    kb: KnowledgeBase,
    team_id: str | None = None,
    channel_id: str | None = None,
) -> tuple[Choice, Message] | None:
    """The topic and message a channel's next spotlight will be (a new channel's, without one).

    None when the knowledge base has nothing to feature. Reads only: the rotation is unchanged.
    """
    subscription_id = 0
    if channel_id is not None:
        record = _find(session, team_id=team_id, channel_id=channel_id)
        if record is not None:
            subscription_id = record.id
    featured = featured_topics(session, subscription_ids=[subscription_id]).get(subscription_id)
    choice = choose_topic(kb, subscription_id=subscription_id, featured=featured)
    if choice is None:
        return None
    return choice, render_spotlight(kb, choice.topic)


def _find(session: Session, *, team_id: str | None, channel_id: str) -> SubscriptionRecord | None:
    if team_id is not None:
        return get_subscription(session, team_id=team_id, channel_id=channel_id)
    return find_subscription_by_channel(session, channel_id=channel_id)


def _view(
    session: Session, record: SubscriptionRecord, *, now: datetime, kb: KnowledgeBase | None
) -> SubscriptionView:
    last: DeliveryRecord | None = last_posted(session, subscription_id=record.id)
    last_topic: str | None = None
    if last is not None and last.topic is not None:
        topic = topic_named(kb, last.topic) if kb is not None else None
        last_topic = topic.name if topic is not None else last.topic.partition(":")[2]
    pending = record.due_at <= now
    behind = 0
    if pending and record.paused_reason is None:
        behind = count_due_ahead(
            session, team_id=record.team_id, subscription_id=record.id, now=now
        )
    return SubscriptionView(
        team_id=record.team_id,
        channel_id=record.channel_id,
        schedule=Schedule.from_stored(
            weekday=record.weekday, local_time=record.local_time, timezone=record.timezone
        ),
        next_at=record.due_at,
        pending=pending,
        paused_reason=record.paused_reason,
        last_posted_at=last.period if last is not None else None,
        last_topic=last_topic,
        subscribed_by=record.updated_by,
        queued_behind=behind,
    )
