"""Weekly spotlights: subscriptions, deliveries claimed once per slot, attempts, rotation.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_INSTANT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "spotlight_subscriptions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32), nullable=True),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("created_by", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.String(32), nullable=False),
        sa.Column("weekday", sa.SmallInteger(), nullable=False),
        sa.Column("local_time", sa.String(5), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("due_at", _INSTANT, nullable=False),
        sa.Column("created_at", _INSTANT, nullable=False),
        sa.Column("updated_at", _INSTANT, nullable=False),
        sa.Column("paused_reason", sa.String(64), nullable=True),
        sa.Column("paused_at", _INSTANT, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_spotlight_subscriptions"),
        sa.UniqueConstraint(
            "team_id", "channel_id", name="uq_spotlight_subscriptions_team_channel"
        ),
        sa.CheckConstraint("weekday BETWEEN 0 AND 6", name="ck_spotlight_subscriptions_weekday"),
    )
    op.create_index("ix_spotlight_subscriptions_due_at", "spotlight_subscriptions", ["due_at"])
    op.create_table(
        "spotlight_deliveries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("period", _INSTANT, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("topic", sa.String(80), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(64), nullable=True),
        sa.Column("claimed_at", _INSTANT, nullable=False),
        sa.Column("lease_until", _INSTANT, nullable=True),
        sa.Column("posted_ts", sa.String(32), nullable=True),
        sa.Column("finished_at", _INSTANT, nullable=True),
        sa.Column("error", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_spotlight_deliveries"),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["spotlight_subscriptions.id"],
            name="fk_spotlight_deliveries_subscription_id_spotlight_subscriptions",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint("subscription_id", "period", name="uq_spotlight_deliveries_period"),
    )
    op.create_table(
        "spotlight_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(64), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("error", sa.String(200), nullable=True),
        sa.Column("posted_ts", sa.String(32), nullable=True),
        sa.Column("recorded_at", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_spotlight_attempts"),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["spotlight_deliveries.id"],
            name="fk_spotlight_attempts_delivery_id_spotlight_deliveries",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_spotlight_attempts_delivery_id", "spotlight_attempts", ["delivery_id"])
    op.create_table(
        "spotlight_features",
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(80), nullable=False),
        sa.Column("featured_at", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("subscription_id", "cycle", "topic", name="pk_spotlight_features"),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["spotlight_subscriptions.id"],
            name="fk_spotlight_features_subscription_id_spotlight_subscriptions",
            ondelete="CASCADE",
        ),
    )


def downgrade() -> None:
    op.drop_table("spotlight_features")
    op.drop_index("ix_spotlight_attempts_delivery_id", table_name="spotlight_attempts")
    op.drop_table("spotlight_attempts")
    op.drop_table("spotlight_deliveries")
    op.drop_index("ix_spotlight_subscriptions_due_at", table_name="spotlight_subscriptions")
    op.drop_table("spotlight_subscriptions")
