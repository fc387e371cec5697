"""Spotlight pacing: one row per workspace with the next instant a post may go out; claims
found by their owner (the heartbeat of a running pass renews its leases by owner).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spotlight_pacing",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("next_post_at", sa.Float(), nullable=False),
        sa.Column("paused_until", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", name="pk_spotlight_pacing"),
    )
    op.create_index("ix_spotlight_deliveries_owner", "spotlight_deliveries", ["owner"])


def downgrade() -> None:
    op.drop_index("ix_spotlight_deliveries_owner", table_name="spotlight_deliveries")
    op.drop_table("spotlight_pacing")
