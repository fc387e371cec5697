"""The workspace a request is answered for: the one Bolt authorized it in.

Bolt reads it once per request, from wherever that kind of payload carries it (``team.id``,
``team_id``, an event's ``authorizations``, a view's ``app_installed_team_id``, ``user.team_id``
for an org-wide install), into ``context.team_id``; handlers read it there and nowhere else.
"""

from __future__ import annotations

from slack_bolt import BoltContext

__all__ = ["team_id_of"]


def team_id_of(context: BoltContext) -> str:
    """The workspace's id, or ``""`` for a payload that names none."""
    return context.team_id or ""
