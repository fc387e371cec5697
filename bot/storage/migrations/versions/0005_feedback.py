"""The editors' loop: votes on answers, unanswered questions, per-day question counts and
suggested additions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_INSTANT = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "answer_votes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("voter", sa.String(64), nullable=False),
        sa.Column("answer_key", sa.String(255), nullable=False),
        sa.Column("entry", sa.String(120), nullable=True),
        sa.Column("question", sa.String(300), nullable=False),
        sa.Column("surface", sa.String(16), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("missing", sa.String(300), nullable=True),
        sa.Column("created_at", _INSTANT, nullable=False),
        sa.Column("updated_at", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answer_votes"),
        sa.UniqueConstraint("team_id", "voter", "answer_key", name="uq_answer_votes_voter_answer"),
    )
    op.create_index("ix_answer_votes_entry", "answer_votes", ["entry"])
    op.create_index("ix_answer_votes_updated_at", "answer_votes", ["updated_at"])
    op.create_table(
        "unanswered_questions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("surface", sa.String(16), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("question", sa.String(300), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("first_seen", _INSTANT, nullable=False),
        sa.Column("last_seen", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_unanswered_questions"),
        sa.UniqueConstraint(
            "team_id", "surface", "reason", "question", name="uq_unanswered_questions_question"
        ),
    )
    op.create_index("ix_unanswered_questions_last_seen", "unanswered_questions", ["last_seen"])
    op.create_table(
        "question_days",
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("answered", sa.Integer(), nullable=False),
        sa.Column("unanswered", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "day", name="pk_question_days"),
    )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(32), nullable=False),
        sa.Column("text", sa.String(300), nullable=False),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("question", sa.String(300), nullable=True),
        sa.Column("created_at", _INSTANT, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_suggestions"),
    )
    op.create_index("ix_suggestions_created_at", "suggestions", ["created_at"])


def downgrade() -> None:
    op.drop_index("ix_suggestions_created_at", table_name="suggestions")
    op.drop_table("suggestions")
    op.drop_table("question_days")
    op.drop_index("ix_unanswered_questions_last_seen", table_name="unanswered_questions")
    op.drop_table("unanswered_questions")
    op.drop_index("ix_answer_votes_updated_at", table_name="answer_votes")
    op.drop_index("ix_answer_votes_entry", table_name="answer_votes")
    op.drop_table("answer_votes")
