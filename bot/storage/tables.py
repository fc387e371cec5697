"""The schema as SQLAlchemy Core tables. Alembic migrations create it; these describe it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

__all__ = [
    "UTCDateTime",
    "answer_votes",
    "conversation_contexts",
    "language_preferences",
    "metadata",
    "oauth_states",
    "question_days",
    "slack_events",
    "spotlight_attempts",
    "spotlight_deliveries",
    "spotlight_features",
    "spotlight_pacing",
    "spotlight_subscriptions",
    "suggestions",
    "unanswered_questions",
    "welcomed_users",
]

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

slack_events = Table(
    "slack_events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("team_id", String(32), nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False, index=True),
)
"""Events already taken by some worker: Slack retries carry the same event_id."""


# --- spotlights (migration 0002) -------------------------------------------------------------


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as UTC and read back aware, on SQLite as on PostgreSQL.

    SQLite keeps no offset, so an aware value is converted to UTC before it is written (its
    text then compares in time order) and the naive value read back is marked UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one (UTC)")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


spotlight_subscriptions = Table(
    "spotlight_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False),
    Column("enterprise_id", String(32), nullable=True),
    Column("channel_id", String(32), nullable=False),
    Column("created_by", String(32), nullable=False),
    Column("updated_by", String(32), nullable=False),
    Column("weekday", SmallInteger, nullable=False),
    Column("local_time", String(5), nullable=False),
    Column("timezone", String(64), nullable=False),
    Column("due_at", UTCDateTime, nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("paused_reason", String(64), nullable=True),
    Column("paused_at", UTCDateTime, nullable=True),
    Column("language", String(8), nullable=True),
    UniqueConstraint("team_id", "channel_id", name="uq_spotlight_subscriptions_team_channel"),
    CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
    CheckConstraint("language IN ('en', 'da', 'sv')", name="language"),
)
"""One weekly spotlight per (workspace, channel). ``due_at`` is the next slot not yet delivered
(UTC): the due query reads it through its index instead of computing every schedule.
``language``: the posts' language (``en``, ``da``, ``sv``); NULL for automatic (English)."""

spotlight_deliveries = Table(
    "spotlight_deliveries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "subscription_id",
        Integer,
        ForeignKey("spotlight_subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("period", UTCDateTime, nullable=False),
    Column("status", String(16), nullable=False),
    Column("topic", String(80), nullable=True),
    Column("attempts", Integer, nullable=False),
    Column("owner", String(64), nullable=True, index=True),
    Column("claimed_at", UTCDateTime, nullable=False),
    Column("lease_until", UTCDateTime, nullable=True),
    Column("posted_ts", String(32), nullable=True),
    Column("finished_at", UTCDateTime, nullable=True),
    Column("error", String(200), nullable=True),
    UniqueConstraint("subscription_id", "period", name="uq_spotlight_deliveries_period"),
)
"""One row per (subscription, scheduled slot): the row's existence is the exactly-once claim."""

spotlight_attempts = Table(
    "spotlight_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "delivery_id",
        Integer,
        ForeignKey("spotlight_deliveries.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("attempt", Integer, nullable=False),
    Column("owner", String(64), nullable=True),
    Column("outcome", String(16), nullable=False),
    Column("error", String(200), nullable=True),
    Column("posted_ts", String(32), nullable=True),
    Column("recorded_at", UTCDateTime, nullable=False),
)
"""Every attempt at a delivery and how it ended, so nothing fails silently."""

spotlight_features = Table(
    "spotlight_features",
    metadata,
    Column(
        "subscription_id",
        Integer,
        ForeignKey("spotlight_subscriptions.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("cycle", Integer, primary_key=True),
    Column("topic", String(80), primary_key=True),
    Column("featured_at", UTCDateTime, nullable=False),
)
"""Rotation state: the topics a subscription has featured, per cycle through all topics."""


# --- spotlight pacing (migration 0004) -------------------------------------------------------

spotlight_pacing = Table(
    "spotlight_pacing",
    metadata,
    Column("team_id", String(32), primary_key=True),
    Column("next_post_at", Float, nullable=False),
    Column("paused_until", Float, nullable=False),
)
"""Per workspace, the shared pace of spotlight posts, in Unix seconds of the wall clock:
``next_post_at`` is the earliest instant the next post may go out (every pass and clock reserves
its turn here), ``paused_until`` the end of the latest ``Retry-After`` Slack gave."""


# --- the editors' loop (migration 0005) ------------------------------------------------------

answer_votes = Table(
    "answer_votes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False),
    Column("voter", String(64), nullable=False),
    Column("answer_key", String(255), nullable=False),
    Column("entry", String(120), nullable=True, index=True),
    Column("question", String(300), nullable=False),
    Column("surface", String(16), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("missing", String(300), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False, index=True),
    UniqueConstraint("team_id", "voter", "answer_key", name="uq_answer_votes_voter_answer"),
)
"""One vote per person per answer (changed in place). ``voter`` is a one-way hash of the
workspace and user ids: enough to keep one vote each, not a Slack user id."""

unanswered_questions = Table(
    "unanswered_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False),
    Column("surface", String(16), nullable=False),
    Column("reason", String(16), nullable=False),
    Column("question", String(300), nullable=False),
    Column("count", Integer, nullable=False),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False, index=True),
    UniqueConstraint(
        "team_id", "surface", "reason", "question", name="uq_unanswered_questions_question"
    ),
)
"""Questions that got "I don't know" (``declined``) or a "not helpful" vote (``not_helpful``),
normalised, counted; never who asked."""

question_days = Table(
    "question_days",
    metadata,
    Column("team_id", String(32), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("answered", Integer, nullable=False),
    Column("unanswered", Integer, nullable=False),
)
"""Per workspace and UTC day (``YYYY-MM-DD``), how many questions were answered and declined:
counts only, no text and no user."""

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_id", String(32), nullable=False),
    Column("text", String(300), nullable=False),
    Column("url", String(500), nullable=True),
    Column("note", String(500), nullable=True),
    Column("question", String(300), nullable=True),
    Column("created_at", UTCDateTime, nullable=False, index=True),
)
"""Additions people suggested after an "I don't know"; who suggested it goes only to the
editors' channel post, not here."""


# --- the Messages tab's welcome (migration 0006) ---------------------------------------------

welcomed_users = Table(
    "welcomed_users",
    metadata,
    Column("team_id", String(32), primary_key=True),
    Column("user_id", String(32), primary_key=True),
    Column("welcomed_at", UTCDateTime, nullable=False),
)
"""Who has been shown the welcome in the bot's Messages tab (once per person and workspace)."""


# --- "Add to Slack" OAuth state (migration 0003, indexes 0007) -----------------------------

oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("state", String(200), nullable=False, index=True),
    Column("expire_at", DateTime, nullable=False, index=True),
)
"""slack_sdk's table of install links' ``state`` values; ``expire_at`` is naive UTC, as
slack_sdk writes it. Each row is spent once; expired rows are deleted."""


# --- the language each person wants (migration 0009) ----------------------------------------

language_preferences = Table(
    "language_preferences",
    metadata,
    Column("team_id", String(32), primary_key=True),
    Column("user_id", String(32), primary_key=True),
    Column("language", String(8), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("language IN ('en', 'da', 'sv')", name="language"),
)
"""The language a person chose in the App Home (English, dansk, svenska); no row means
automatic: the language of each question, else English."""
conversation_contexts = Table(
    "conversation_contexts",
    metadata,
    Column("team_id", String(32), primary_key=True),
    Column("channel_id", String(32), primary_key=True),
    Column("thread_key", String(32), primary_key=True),
    Column("user_id", String(32), primary_key=True),
    Column("enterprise_id", String(32), nullable=True, index=True),
    Column("slots", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False, index=True),
)
"""What a conversation (a thread, a DM, one person's slash commands in a channel) was last
about: entry ids and filters as JSON, never what anyone typed (migration 0008)."""
