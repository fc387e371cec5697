"""Forgetting a workspace when the app is uninstalled or its tokens are revoked."""

from __future__ import annotations

import logging

from bot.logs import loggable
from bot.services import Services
from bot.spotlights import remove_workspace
from bot.storage.conversations import delete_workspace_contexts

__all__ = ["forget_workspace"]

_log = logging.getLogger(__name__)


def forget_workspace(services: Services, *, team_id: str | None, enterprise_id: str | None) -> int:
    """Delete the workspace's installation (multi-workspace mode), its subscriptions and its
    conversation contexts, so nothing is posted there again and nothing of it is kept; returns
    how many subscriptions were removed.

    With only ``enterprise_id`` (an org-wide install) the whole organisation is forgotten.
    Reinstalling afterwards starts afresh: this process's remembered authorization for the
    workspace goes too (other processes stop using it as soon as they read the installation).
    """
    if services.installations is not None:
        services.installations.delete_all(enterprise_id=enterprise_id, team_id=team_id)
    if services.authorizations is not None:
        services.authorizations.forget(team_id=team_id, enterprise_id=enterprise_id)
    with services.database.sessions() as session:
        removed = remove_workspace(session, team_id=team_id, enterprise_id=enterprise_id)
        delete_workspace_contexts(session, team_id=team_id, enterprise_id=enterprise_id)
    _log.info(
        "forgot workspace team=%s enterprise=%s: %d subscription(s) removed",
        loggable(team_id),
        loggable(enterprise_id),
        removed,
    )
    return removed
