"""Each modal submission acts once: a signed ``view_submission`` replayed within Slack's
five-minute signature window must not store a second suggestion, save old settings again or
post a second time.

Slack gives every submitted view an id and a hash (which changes whenever the view is
updated), and a replay repeats them byte for byte. The listener that acknowledges a
submission claims it once it has accepted it, in the event claims' table: inside the
transaction of the write it guards (:func:`claim_submission`), so claim and row are stored
together or not at all, or on its own (:class:`bot.slack.event_claims.Claims`) when nothing is
written. It then marks the request (:func:`mark_first`); the lazy listener that posts
afterwards gets a copy of the request's context from Bolt and posts only when it is marked
(:func:`was_first`). A submission refused with field errors claims nothing, so the person's
corrected submission of the same view goes through.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from slack_bolt import BoltContext
from sqlalchemy.orm import Session

from bot.storage.events import claim_in

__all__ = [
    "claim_submission",
    "mark_first",
    "submission_key",
    "submission_team",
    "was_first",
]

_TEAM_LIMIT = 32
_FIRST = "medicon_first_submission"
"""A context key of our own: Bolt copies such keys into the context of lazy listeners."""


def mark_first(context: BoltContext) -> None:
    """Note on the request that this submission was accepted and claimed here, first."""
    context[_FIRST] = True


def was_first(context: BoltContext) -> bool:
    """True in a lazy listener when the acknowledging listener accepted and claimed the
    submission first: only then is there something to post."""
    return context.get(_FIRST) is True


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def submission_team(body: dict[str, Any]) -> str | None:
    """The workspace a submission came from, if it fits the claims' column."""
    team = _mapping(body.get("team")).get("id") or _mapping(body.get("view")).get("team_id")
    return team if isinstance(team, str) and 0 < len(team) <= _TEAM_LIMIT else None


def submission_key(body: dict[str, Any], *, action: str) -> str:
    """The claim key of ``action`` (a handler's name for what it does) for the submission in
    ``body``: the same for every replay of it, different for any other submission.

    The view's id and hash when Slack sent them (it always does); otherwise the view's whole
    content and who submitted it.
    """
    view = _mapping(body.get("view"))
    user = _mapping(body.get("user")).get("id") or ""
    view_id, view_hash = view.get("id"), view.get("hash")
    if isinstance(view_id, str) and view_id and isinstance(view_hash, str):
        parts = [action, str(submission_team(body)), view_id, view_hash]
    else:
        parts = [action, str(submission_team(body)), str(user), json.dumps(view, sort_keys=True)]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:48]
    return f"view:{digest}"


def claim_submission(session: Session, body: dict[str, Any], *, action: str, now: datetime) -> bool:
    """True the first time ``action`` is taken for this submission, in any process. Inside the
    caller's transaction: commit it with the write it guards. Database errors propagate (the
    write would fail too)."""
    return claim_in(
        session,
        key=submission_key(body, action=action),
        team_id=submission_team(body),
        now=now,
    )
