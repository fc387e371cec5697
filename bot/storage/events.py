"""Which Slack events have been handled: one row per event_id, claimed atomically."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import slack_events

__all__ = ["claim_event", "claim_in", "forget_events_before"]


def claim_event(session: Session, *, event_id: str, team_id: str | None, now: datetime) -> bool:
    """True for the first caller with ``event_id``, in any process; False for every later one.

    The primary key decides (INSERT … ON CONFLICT DO NOTHING), so two workers handling a
    Slack retry at the same moment cannot both win.
    """
    claimed = claim_in(session, key=event_id, team_id=team_id, now=now)
    session.commit()
    return claimed


def claim_in(session: Session, *, key: str, team_id: str | None, now: datetime) -> bool:
    """:func:`claim_event` inside the caller's transaction, which commits it together with
    what the claim guards (a stored submission): if that write fails, so does the claim."""
    values = {"event_id": key, "team_id": team_id, "received_at": now}
    statement = (
        insert_for(session, slack_events)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(slack_events.c.event_id)
    )
    return session.execute(statement).first() is not None


def forget_events_before(session: Session, *, cutoff: datetime) -> int:
    """Drop claims older than ``cutoff`` (Slack stops retrying within minutes); returns how many."""
    result = session.execute(delete(slack_events).where(slack_events.c.received_at < cutoff))
    session.commit()
    return int(result.rowcount)  # type: ignore[attr-defined]


RETENTION = timedelta(days=1)
"""How long a claim is kept: far longer than Slack's retry window (about an hour at most)."""
