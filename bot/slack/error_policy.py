"""The one error policy: log with the traceback, tell the user something short.

Bolt calls :func:`handle_error` for listeners it runs itself; :func:`guarded` routes the
failures of lazy listeners (which Bolt runs after the acknowledgement) to the same place.
"""

from __future__ import annotations

import inspect
import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltResponse, Respond, Say
from slack_bolt.error import BoltUnhandledRequestError

from bot.answers.render.reply import language_of_text
from bot.logs import loggable
from bot.slack.views.replies import error_reply

__all__ = ["acknowledge", "guarded", "handle_error"]

_log = logging.getLogger(__name__)


_CONVERSATION_EVENTS = frozenset({"message", "app_mention"})
"""Events that are a person writing to the bot: the only ones whose failure merits a message
in the conversation (opening the Home tab, say, must not post an apology in the DM)."""


def _someone_wrote(body: dict[str, Any]) -> bool:
    event = body.get("event") or {}
    return event.get("type") in _CONVERSATION_EVENTS and bool(event.get("channel"))


def _has_response_url(body: dict[str, Any]) -> bool:
    return bool(body.get("response_url")) or any(body.get("response_urls") or [])


def handle_error(
    error: Exception,
    body: dict[str, Any],
    response: BoltResponse | None,
    respond: Respond | None,
    say: Say | None,
) -> BoltResponse | None:
    """Log ``error`` and apologise where the user is; Slack gets a 200 so it does not retry.

    Only verified requests reach Bolt (the web layer refuses the rest), so an apology always
    answers a real Slack request. A request no listener handles is not an error: it gets a 200
    and one log line (a warning when Slack says it is dropping our events).
    """
    if isinstance(error, BoltUnhandledRequestError):
        return _acknowledge_unhandled(body)
    _log.error("unhandled error while handling a Slack request", exc_info=error)
    message = error_reply(_language_of(body))
    if response is not None and body.get("command"):
        # A slash command not acknowledged yet: the acknowledgement carries the apology.
        payload = {"response_type": "ephemeral", "text": message.text}
        return BoltResponse(
            status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
        )
    try:
        if respond is not None and _has_response_url(body):
            respond(response_type="ephemeral", replace_original=False, text=message.text)
        elif say is not None and _someone_wrote(body):
            say(text=message.text)
    except Exception:  # the apology failed too; the log above already has the cause
        _log.warning("could not tell the user about the error", exc_info=True)
    if response is not None and response.status >= 500:
        return BoltResponse(status=200, body="")
    return None


def _language_of(body: dict[str, Any]) -> str:
    """The language of what the person wrote (a command's text, a message), else English:
    the apology cannot wait for a database that may be what broke."""
    event = body.get("event") or {}
    text = body.get("text") if body.get("command") else event.get("text")
    return language_of_text(text) if isinstance(text, str) and text else "en"


def _acknowledge_unhandled(body: dict[str, Any]) -> BoltResponse:
    kind = body.get("type") or ("slash command" if body.get("command") else "unknown")
    if kind == "app_rate_limited":
        _log.warning(
            "Slack is rate-limiting this app's events (minute %s)",
            loggable(body.get("minute_rate_limited")),
        )
    else:
        _log.info("acknowledged a %s request that no listener handles", loggable(kind))
    return BoltResponse(status=200, body="")


_LAZY_ARGUMENTS = ("body", "respond", "say", "client", "event", "action", "command", "context")


def guarded(function: Callable[..., None]) -> Callable[..., None]:
    """``function`` as a Bolt lazy listener whose exceptions reach :func:`handle_error`.

    Bolt injects arguments by parameter name, so the wrapper declares every name a handler here
    may want and passes on only those ``function`` asks for.
    """
    wanted = [name for name in inspect.signature(function).parameters if name in _LAZY_ARGUMENTS]

    def lazy(
        body: dict[str, Any],
        respond: Respond,
        say: Say,
        client: Any,
        event: Any,
        action: Any,
        command: Any,
        context: Any,
    ) -> None:
        available = {
            "body": body,
            "respond": respond,
            "say": say,
            "client": client,
            "event": event,
            "action": action,
            "command": command,
            "context": context,
        }
        try:
            function(**{name: available[name] for name in wanted})
        except Exception as error:  # the policy itself: every failure ends up here
            handle_error(error, body, None, respond, say)

    # Bolt finds a lazy function again by its name when it runs it.
    lazy.__name__ = function.__name__
    lazy.__qualname__ = function.__qualname__
    return lazy


def acknowledge(ack: Callable[[], None]) -> None:
    """The acknowledgement of a listener whose work happens lazily, after Slack got its 200."""
    ack()
