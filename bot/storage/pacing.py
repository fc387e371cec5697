"""The shared pace of spotlight posts per workspace: one row each, changed by single statements.

Every delivery pass, in any thread or process, reserves each post's turn with
:func:`reserve_turns`: one INSERT … ON CONFLICT DO UPDATE … RETURNING that moves the workspace's
``next_post_at`` on by one interval per post. The database serialises those statements (a row
lock on PostgreSQL, the single writer on SQLite), so no two callers get the same turn and all of
them together stay within the budget. :func:`pause_workspace` pushes every later turn past a
``Retry-After``. Instants are Unix seconds of the wall clock, which all processes share.
"""

from __future__ import annotations

from sqlalchemy import case, literal, select
from sqlalchemy.orm import Session

from bot.storage._upsert import insert_for
from bot.storage.tables import spotlight_pacing as pacing

__all__ = ["pause_workspace", "paused_until", "reserve_turns"]


def reserve_turns(
    session: Session, *, team_id: str, now: float, interval: float, count: int = 1
) -> list[float]:
    """Reserve ``count`` consecutive turns to post in ``team_id``; returns their instants.

    The first turn is the later of ``now``, the end of a pause and the turn after the last one
    anyone reserved; the others follow ``interval`` seconds apart. The caller commits at once
    (a turn is only reserved for others once committed).
    """
    if count < 1:
        return []
    span = interval * count
    statement = insert_for(session, pacing).values(
        team_id=team_id, next_post_at=now + span, paused_until=0.0
    )
    current = pacing.c.next_post_at
    start = case((current > literal(now), current), else_=literal(now))
    row = session.execute(
        statement.on_conflict_do_update(
            index_elements=[pacing.c.team_id],
            set_={"next_post_at": start + literal(span)},
        ).returning(pacing.c.next_post_at)
    ).one()
    first = float(row.next_post_at) - span
    return [first + interval * n for n in range(count)]


def pause_workspace(session: Session, *, team_id: str, until: float) -> None:
    """No turn in ``team_id`` before ``until`` (a Retry-After); the caller commits."""
    statement = insert_for(session, pacing).values(
        team_id=team_id, next_post_at=until, paused_until=until
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[pacing.c.team_id],
            set_={
                "next_post_at": case(
                    (pacing.c.next_post_at > literal(until), pacing.c.next_post_at),
                    else_=literal(until),
                ),
                "paused_until": case(
                    (pacing.c.paused_until > literal(until), pacing.c.paused_until),
                    else_=literal(until),
                ),
            },
        )
    )


def paused_until(session: Session, *, team_id: str) -> float:
    """The end of the workspace's latest Retry-After pause (0 when it was never paused)."""
    value = session.execute(
        select(pacing.c.paused_until).where(pacing.c.team_id == team_id)
    ).scalar_one_or_none()
    return float(value) if value is not None else 0.0
