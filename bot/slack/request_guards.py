"""Global Bolt middleware that keeps a verified request within what this install may do.

- A response_url that is not Slack's is dropped from the context, so ``respond()`` has
  nowhere to POST (the web layer already refuses such bodies; Socket Mode gets the same rule).
- In single-workspace mode (one bot token), a request from another workspace is acknowledged
  and ignored rather than answered with this workspace's token.

Both are :class:`~slack_bolt.middleware.Middleware` subclasses rather than functions: Bolt
builds its whole set of injectable arguments for every function middleware on every request.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.logs import loggable
from bot.slack.response_urls import ResponseUrlPolicy

__all__ = ["IgnoreOtherWorkspaces", "ResponseUrlGuard"]

_log = logging.getLogger(__name__)


class ResponseUrlGuard(Middleware):
    def __init__(self, policy: ResponseUrlPolicy) -> None:
        self._policy = policy

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        url = req.context.get("response_url")
        if url is not None and not self._policy.allows(url):
            _log.warning("ignored a response_url that is not Slack's")
            req.context["response_url"] = None
        return next()


class IgnoreOtherWorkspaces(Middleware):
    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        context = req.context
        authorized = context.authorize_result
        team_id = context.team_id
        if authorized is None or not authorized.team_id or not team_id:
            return next()
        same_org = authorized.enterprise_id is not None and (
            authorized.enterprise_id == context.enterprise_id
        )
        if team_id != authorized.team_id and not same_org:
            kind = req.body.get("type") or "command"
            _log.info("ignored a %s request from another workspace", loggable(kind))
            return BoltResponse(status=200, body="")
        return next()
