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

from bot.answers.locale import localise
from bot.answers.locale.formats import city_name, language_name, month_name, weekday_name
from bot.answers.render.render import Message
from bot.knowledge import KnowledgeBase
from bot.spotlights import phrases
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import Choice, choose_topic, topic_named
from bot.spotlights.schedule import Schedule
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
    language: str | None = None
    """The posts' language (``en``, ``da``, ``sv``); None for automatic, which is English."""

    @property
    def is_queued(self) -> bool:
        """Pending behind enough others that it is waiting for Slack's rate limits."""
        return self.pending and self.queued_behind >= QUEUED_AHEAD

    @property
    def is_paused(self) -> bool:
        return self.paused_reason is not None

    @property
    def post_language(self) -> str:
        """The language the posts are written in."""
        return self.language or "en"

    def describe_schedule(self, language: str = "en") -> str:
        """``every Monday at 09:00 Copenhagen time``, in ``language`` (the reader's)."""
        return self.schedule.describe(language)

    def describe_next(self, language: str = "en") -> str:
        """``Next spotlight: Monday 1 December, 09:00 Copenhagen time``, in the channel's zone.

        While a large slot drains: ``Next spotlight: queued: delivering at Slack's pace, …``.
        """
        words = _date_words(self.next_at, self.schedule.timezone, language)
        if self.is_queued:
            return localise(phrases.NEXT_QUEUED.format(ahead=self.queued_behind, **words), language)
        template = phrases.NEXT_PENDING if self.pending else phrases.NEXT
        return localise(template.format(**words), language)

    def describe_last(self, language: str = "en") -> str:
        if self.last_posted_at is None or self.last_topic is None:
            return localise(phrases.NO_LAST_POST, language)
        words = _date_words(self.last_posted_at, self.schedule.timezone, language)
        return localise(phrases.LAST_POST.format(topic=self.last_topic, **words), language)

    def describe_pause(self, language: str = "en") -> str | None:
        if self.paused_reason is None:
            return None
        reason = phrases.pause_reason(self.paused_reason)
        return localise(phrases.PAUSED.format(reason=reason), language)

    def describe_language(self, language: str = "en") -> str:
        """``Posts in Danish.``: the channel's choice, named in ``language``."""
        name = language_name(self.post_language, language)
        return localise(phrases.IN_LANGUAGE.format(language=name), language)

    def lines(self, language: str = "en") -> tuple[str, ...]:
        """What `/medicon subscriptions` and the App Home show, one mrkdwn line each, in
        ``language`` (the reader's, not necessarily the posts')."""
        first = localise(
            phrases.SUBSCRIBED.format(schedule=self.describe_schedule(language)), language
        )
        if self.language is not None:
            first = f"{first} {self.describe_language(language)}"
        pause = self.describe_pause(language)
        middle = pause if pause is not None else self.describe_next(language)
        return (first, middle, self.describe_last(language))


def _date_words(instant: datetime, timezone: str, language: str = "en") -> dict[str, str]:
    local = instant.astimezone(ZoneInfo(timezone))
    english = language == "en"
    return {
        "weekday": weekday_name(local.weekday(), language, capital=english),
        "day": str(local.day),
        "month": local.strftime("%B") if english else month_name(local, language),
        "time": local.strftime("%H:%M"),
        "city": city_name(timezone, language),
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
    language: str | None = None,
) -> SubscriptionView:
    """Subscribe ``channel_id``, or give its subscription a new schedule and language (None:
    automatic, English) and lift any pause.

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
        language=language,
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
    subscription_id, language = 0, "en"
    if channel_id is not None:
        record = _find(session, team_id=team_id, channel_id=channel_id)
        if record is not None:
            subscription_id, language = record.id, record.language or "en"
    featured = featured_topics(session, subscription_ids=[subscription_id]).get(subscription_id)
    choice = choose_topic(kb, subscription_id=subscription_id, featured=featured)
    if choice is None:
        return None
    return choice, render_spotlight(kb, choice.topic, language=language)


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
        language=record.language,
    )
