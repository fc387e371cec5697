"""What each conversation was last about (entry ids and slots, never text), for follow-ups.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_contexts",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("channel_id", sa.String(32), nullable=False),
        sa.Column("thread_key", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("enterprise_id", sa.String(32), nullable=True),
        sa.Column("slots", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint(
            "team_id", "channel_id", "thread_key", "user_id", name="pk_conversation_contexts"
        ),
    )
    op.create_index("ix_conversation_contexts_updated_at", "conversation_contexts", ["updated_at"])
    op.create_index(
        "ix_conversation_contexts_enterprise_id", "conversation_contexts", ["enterprise_id"]
    )


def downgrade() -> None:
    op.drop_table("conversation_contexts")
