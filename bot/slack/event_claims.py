"""One reply per Slack event, across retries, workers and processes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse

from bot.services import Services
from bot.storage.events import claim_event

__all__ = ["once_per_event"]

_log = logging.getLogger(__name__)


def once_per_event(services: Services) -> Callable[..., BoltResponse | None]:
    """Listener middleware: the first worker to claim an event_id handles it; retries get a 200.

    Slack redelivers an event (same event_id, X-Slack-Retry-Num set) when it did not see a 200
    in time. The claim lives in the database, so a retry that lands on another worker or
    process is recognised too.
    """

    def claim(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        event_id = body.get("event_id")
        if not isinstance(event_id, str):
            next()
            return None
        with services.database.sessions() as session:
            first = claim_event(
                session, event_id=event_id, team_id=body.get("team_id"), now=services.now()
            )
        if first:
            next()
            return None
        _log.info("event %s was already handled; acknowledging the retry only", event_id)
        return BoltResponse(status=200, body="")

    return claim
