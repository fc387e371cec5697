"""``app_uninstalled`` and ``tokens_revoked``: forget the workspace, so nothing is posted there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext

from bot.services import Services
from bot.slack.workspaces import forget_workspace

__all__ = ["make_forget_workspace"]


def make_forget_workspace(services: Services) -> Callable[..., None]:
    def forget(event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
            return  # only user tokens were revoked: the bot never uses any
        team_id = context.team_id or body.get("team_id")
        enterprise_id = context.enterprise_id or body.get("enterprise_id")
        if context.is_enterprise_install:
            team_id = None  # an org-wide install is forgotten across the organisation
        forget_workspace(services, team_id=team_id, enterprise_id=enterprise_id)

    return forget
