"""Who has had the Messages tab's welcome: one row per person and workspace, claimed atomically."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import welcomed_users

__all__ = ["claim_welcome"]


def claim_welcome(session: Session, *, team_id: str, user_id: str, now: datetime) -> bool:
    """True the first time for (``team_id``, ``user_id``), in any process; False ever after.

    The primary key decides (INSERT … ON CONFLICT DO NOTHING), so two Messages-tab openings
    handled at once by two workers welcome the person once.
    """
    statement = (
        insert_for(session, welcomed_users)
        .values(team_id=team_id[:32], user_id=user_id[:32], welcomed_at=now)
        .on_conflict_do_nothing()
        .returning(welcomed_users.c.user_id)
    )
    claimed = session.execute(statement).first() is not None
    session.commit()
    return claimed
