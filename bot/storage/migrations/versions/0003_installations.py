"""Installations and OAuth state for "Add to Slack" (slack_sdk's SQLAlchemy stores).

The tables are slack_sdk's own definitions, so its stores read and write them unchanged;
Alembic decides when they are created.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _tables() -> list[sa.Table]:
    metadata = sa.MetaData()
    store = SQLAlchemyInstallationStore
    return [
        store.build_bots_table(metadata, store.default_bots_table_name),
        store.build_installations_table(metadata, store.default_installations_table_name),
        SQLAlchemyOAuthStateStore.build_oauth_states_table(
            metadata, SQLAlchemyOAuthStateStore.default_table_name
        ),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    for table in _tables():
        table.create(bind)


def downgrade() -> None:
    bind = op.get_bind()
    for table in reversed(_tables()):
        table.drop(bind)
