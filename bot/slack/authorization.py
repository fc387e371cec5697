"""Who the bot is in each workspace ("Add to Slack" mode), without asking Slack every time.

Bolt's own authorizer calls ``auth.test`` before every slash command, DM and click is
acknowledged: with Slack 100 ms away that is 100 ms on every acknowledgement. Here Slack's
answer is remembered per workspace for :data:`AUTHORIZATION_SECONDS`.

The installation is still read from the database on every request, and a remembered answer is
used only while it was given for the token stored now. The database is what every worker and
process shares: an uninstall handled by one gunicorn worker, or a reinstall with a new token,
is therefore seen by all of them at their next request, whatever their memory holds. The
expiry bounds how long a token Slack revoked without telling us (a missed ``tokens_revoked``)
can be used before ``auth.test`` is asked again.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from slack_bolt import BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_sdk.errors import SlackApiError
from slack_sdk.oauth.installation_store import InstallationStore

__all__ = ["AUTHORIZATION_SECONDS", "AuthorizationCache", "WorkspaceAuthorize"]

AUTHORIZATION_SECONDS: Final = 600.0
"""How long Slack's ``auth.test`` answer for a workspace's token is trusted without asking."""

_LIMIT: Final = 10_000
"""Workspaces remembered at most per process; the oldest are forgotten first."""

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Entry:
    token: str
    result: AuthorizeResult
    team_id: str | None
    enterprise_id: str | None
    expires: float


Workspace = tuple[str | None, str | None]
"""(enterprise_id, team_id) of an installation; team_id is None for an org-wide install."""


class AuthorizationCache:
    """Authorizations per workspace, each for ``seconds`` and only for the token it was made
    with. Thread-safe and bounded (``limit`` workspaces)."""

    def __init__(
        self,
        *,
        seconds: float = AUTHORIZATION_SECONDS,
        limit: int = _LIMIT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seconds = seconds
        self._limit = limit
        self._clock = clock
        self._entries: OrderedDict[Workspace, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get(self, workspace: Workspace, *, token: str) -> AuthorizeResult | None:
        """The remembered authorization of ``workspace``, if it is for ``token`` and unexpired."""
        with self._lock:
            entry = self._entries.get(workspace)
            if entry is None:
                return None
            if entry.token != token or entry.expires <= self._clock():
                del self._entries[workspace]
                return None
            return entry.result

    def put(self, workspace: Workspace, *, token: str, result: AuthorizeResult) -> None:
        """Remember ``result`` for ``workspace`` while its token is ``token``."""
        entry = _Entry(
            token=token,
            result=result,
            team_id=workspace[1],
            enterprise_id=workspace[0],
            expires=self._clock() + self._seconds,
        )
        with self._lock:
            self._entries.pop(workspace, None)
            self._entries[workspace] = entry
            while len(self._entries) > self._limit:
                self._entries.popitem(last=False)

    def forget(self, *, team_id: str | None, enterprise_id: str | None) -> int:
        """Drop what is remembered for a workspace (``team_id``), or for every workspace of an
        organisation (``team_id`` None); returns how many entries went."""
        with self._lock:
            gone = [
                key
                for key, entry in self._entries.items()
                if (team_id is not None and entry.team_id == team_id)
                or (team_id is None and enterprise_id and entry.enterprise_id == enterprise_id)
            ]
            for key in gone:
                del self._entries[key]
            return len(gone)


class WorkspaceAuthorize(Authorize):
    """Bolt's authorizer for multi-workspace mode: the stored bot token of the workspace a
    request comes from, with who the bot is there (Slack's ``auth.test``, remembered).

    Returns None (Bolt then answers the "not installed" way) when the workspace has no
    installation or Slack refuses its token. Database errors propagate to the error policy.
    """

    def __init__(self, *, installations: InstallationStore, cache: AuthorizationCache) -> None:
        self._installations = installations
        self._cache = cache

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        actor_enterprise_id: str | None = None,
        actor_team_id: str | None = None,
        actor_user_id: str | None = None,
    ) -> AuthorizeResult | None:
        bot = self._installations.find_bot(
            enterprise_id=enterprise_id,
            team_id=team_id,
            is_enterprise_install=context.is_enterprise_install,
        )
        if bot is None or not bot.bot_token:
            return None
        token = bot.bot_token
        workspace: Workspace = (
            bot.enterprise_id or None,
            None if bot.is_enterprise_install else (bot.team_id or None),
        )
        remembered = self._cache.get(workspace, token=token)
        if remembered is not None:
            return remembered
        try:
            answer = context.client.auth_test(token=token)
        except SlackApiError as error:
            _log.warning(
                "Slack refused the stored token of team=%s enterprise=%s: %s",
                bot.team_id,
                bot.enterprise_id,
                error.response.get("error"),
            )
            return None
        result = AuthorizeResult.from_auth_test_response(
            auth_test_response=answer, bot_token=token, bot_scopes=bot.bot_scopes
        )
        self._cache.put(workspace, token=token, result=result)
        return result
