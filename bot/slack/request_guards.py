"""Global Bolt middleware that keeps a verified request within what this install may do.

- A response_url that is not Slack's is dropped from the context, so ``respond()`` has
  nowhere to POST (the web layer already refuses such bodies; Socket Mode gets the same rule).
- In single-workspace mode (one bot token), a request from another workspace is acknowledged
  and ignored rather than answered with this workspace's token.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.slack.response_urls import ResponseUrlPolicy

__all__ = ["make_other_workspace_filter", "make_response_url_guard"]

_log = logging.getLogger(__name__)


def make_response_url_guard(policy: ResponseUrlPolicy) -> Callable[..., None]:
    def guard_response_url(context: BoltContext, next: Callable[[], None]) -> None:
        url = context.get("response_url")
        if url is not None and not policy.allows(url):
            _log.warning("ignored a response_url that is not Slack's")
            context["response_url"] = None
        next()

    return guard_response_url


def make_other_workspace_filter() -> Callable[..., BoltResponse | None]:
    def ignore_other_workspaces(
        context: BoltContext, body: dict[str, Any], next: Callable[[], None]
    ) -> BoltResponse | None:
        authorized = context.authorize_result
        team_id = context.team_id
        if authorized is None or not authorized.team_id or not team_id:
            next()
            return None
        same_org = authorized.enterprise_id is not None and (
            authorized.enterprise_id == context.enterprise_id
        )
        if team_id != authorized.team_id and not same_org:
            _log.info("ignored a %s request from another workspace", body.get("type") or "command")
            return BoltResponse(status=200, body="")
        next()
        return None

    return ignore_other_workspaces
