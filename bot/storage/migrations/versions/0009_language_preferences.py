"""The language each person chose for the bot (issue 19): English, Danish or Swedish.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "language_preferences",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id", name="pk_language_preferences"),
        sa.CheckConstraint(
            "language IN ('en', 'da', 'sv')", name="ck_language_preferences_language"
        ),
    )


def downgrade() -> None:
    op.drop_table("language_preferences")
