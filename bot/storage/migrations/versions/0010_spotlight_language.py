"""The language of each channel's weekly spotlight (issue 19): English, Danish or Swedish;
NULL for automatic, which posts in English.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("spotlight_subscriptions") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))
        batch.create_check_constraint(
            op.f("ck_spotlight_subscriptions_language"), "language IN ('en', 'da', 'sv')"
        )


def downgrade() -> None:
    with op.batch_alter_table("spotlight_subscriptions") as batch:
        batch.drop_constraint(op.f("ck_spotlight_subscriptions_language"), type_="check")
        batch.drop_column("language")
