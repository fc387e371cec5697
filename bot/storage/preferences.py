"""The language each person chose: one row per person and workspace, none for automatic."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import language_preferences

__all__ = ["AUTOMATIC", "CHOICES", "language_preference", "set_language_preference"]

AUTOMATIC = "auto"
CHOICES = (AUTOMATIC, "en", "da", "sv")
"""What a person can choose: automatic (each question's own language), English, dansk, svenska."""


def language_preference(session: Session, *, team_id: str, user_id: str) -> str | None:
    """The language (``en``, ``da``, ``sv``) the person chose, or None for automatic."""
    row = session.execute(
        select(language_preferences.c.language).where(
            language_preferences.c.team_id == team_id[:32],
            language_preferences.c.user_id == user_id[:32],
        )
    ).first()
    return None if row is None else str(row[0])


def set_language_preference(
    session: Session, *, team_id: str, user_id: str, language: str, now: datetime
) -> None:
    """Remember ``language`` for the person (``auto`` forgets any choice); the last write wins.
    Raises ``ValueError`` for anything but :data:`CHOICES`."""
    if language not in CHOICES:
        raise ValueError(f"not a language choice: {language!r}")
    key = (language_preferences.c.team_id == team_id[:32]) & (
        language_preferences.c.user_id == user_id[:32]
    )
    if language == AUTOMATIC:
        session.execute(delete(language_preferences).where(key))
    else:
        values = {"language": language, "updated_at": now}
        statement = insert_for(session, language_preferences).values(
            team_id=team_id[:32], user_id=user_id[:32], **values
        )
        session.execute(
            statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=values)
        )
    session.commit()
