"""Install links' OAuth ``state`` values: issued, spent once, and deleted once expired.

Anyone can open the install page, and each visit issues a state, so expired ones are deleted
whenever a state is issued or spent, and by the clock's daily job: the table holds at most the
states of the last few minutes. Functions take a Session and commit their own writes; times are
aware datetimes (stored as naive UTC, as slack_sdk's table has them).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.storage.tables import oauth_states

__all__ = ["STATE_LIMIT", "forget_expired_states", "issue_state", "spend_state"]

STATE_LIMIT = 200
"""The column's length: a longer value cannot be a state this app issued."""


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def _delete_expired(session: Session, now: datetime) -> int:
    expired = oauth_states.c.expire_at <= _naive_utc(now)
    result = session.execute(delete(oauth_states).where(expired))
    return int(result.rowcount)  # type: ignore[attr-defined]


def issue_state(session: Session, *, state: str, expires: datetime, now: datetime) -> None:
    """Store ``state`` until ``expires``, deleting states that expired by ``now``."""
    _delete_expired(session, now)
    session.execute(oauth_states.insert().values(state=state, expire_at=_naive_utc(expires)))
    session.commit()


def spend_state(session: Session, *, state: str, now: datetime) -> bool:
    """True, once, for a state that was issued and has not expired by ``now``; the state is
    gone afterwards. Deleting it is the check, so two callbacks racing with the same state
    cannot both succeed. Expired states are deleted on the way."""
    if not state or len(state) > STATE_LIMIT:
        return False
    _delete_expired(session, now)
    result = session.execute(delete(oauth_states).where(oauth_states.c.state == state))
    session.commit()
    return int(result.rowcount) > 0  # type: ignore[attr-defined]


def forget_expired_states(session: Session, *, now: datetime) -> int:
    """Delete every state expired by ``now``; returns how many (the clock's daily job)."""
    forgotten = _delete_expired(session, now)
    session.commit()
    return forgotten
