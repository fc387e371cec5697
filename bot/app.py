"""The Bolt app: signature checks, one-reply-per-event, every listener, and the one error policy."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse, Respond, Say
from slack_sdk import WebClient

from bot.replies import error_reply
from bot.services import Services
from bot.storage.events import claim_event
from handlers import register_handlers

__all__ = ["create_app"]

_log = logging.getLogger(__name__)


def _deduplicate_events(services: Services) -> Callable[..., BoltResponse | None]:
    """Global middleware: the first worker to claim an event_id handles it; retries get a 200.

    The claim lives in the database, so a retry that lands on another worker or process is
    recognised too. Runs after Bolt has verified the request signature.
    """

    def deduplicate(body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
        event_id = body.get("event_id")
        if body.get("type") != "event_callback" or not isinstance(event_id, str):
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

    return deduplicate


def _handle_error(
    error: Exception,
    body: dict[str, Any],
    response: BoltResponse | None,
    respond: Respond | None,
    say: Say | None,
) -> BoltResponse | None:
    """The one error policy: log with the traceback, tell the user something short."""
    _log.error("unhandled error while handling a Slack request", exc_info=error)
    message = error_reply()
    if response is not None and body.get("command"):
        # A slash command not acknowledged yet: the acknowledgement carries the apology.
        payload = {"response_type": "ephemeral", "text": message.text}
        return BoltResponse(
            status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
        )
    try:
        if respond is not None and _has_response_url(body):
            respond(response_type="ephemeral", replace_original=False, text=message.text)
        elif say is not None and (body.get("event") or {}).get("channel"):
            say(text=message.text)
    except Exception:  # the apology failed too; the log above already has the cause
        _log.warning("could not tell the user about the error", exc_info=True)
    if response is not None and response.status >= 500:
        return BoltResponse(status=200, body="")  # the user was told; Slack need not retry
    return None


def _has_response_url(body: dict[str, Any]) -> bool:
    return bool(body.get("response_url")) or bool(
        [item for item in body.get("response_urls") or [] if item]
    )


def create_app(services: Services, *, client: WebClient, socket_mode: bool = False) -> App:
    """A Bolt app whose listeners answer from ``services``; ``client`` talks to Slack's Web API.

    Over HTTP every request must carry a valid signature (SLACK_SIGNING_SECRET); Socket Mode
    connections are authenticated by the app token instead.
    """
    secret = services.settings.slack_signing_secret
    if secret is None and not socket_mode:
        raise ValueError("create_app needs SLACK_SIGNING_SECRET for HTTP mode")
    app = App(
        client=client,
        signing_secret=secret.get_secret_value() if secret is not None else "",
        request_verification_enabled=not socket_mode,
        token_verification_enabled=False,
        ignoring_self_events_enabled=True,
        logger=logging.getLogger("slack_bolt"),
    )
    app.use(_deduplicate_events(services))
    register_handlers(app, services)
    app.error(_handle_error)
    return app
