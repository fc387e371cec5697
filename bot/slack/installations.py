"""Where each workspace's bot token comes from: one token from the environment, or the
installations that "Add to Slack" stored (slack_sdk's SQLAlchemy stores, same database)."""

from __future__ import annotations

import logging

from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

from bot.config import Settings
from bot.errors import ConfigurationError
from bot.slack.poster import TokenFor
from bot.spotlights import ChannelUnavailable
from bot.storage import Database

__all__ = ["NOT_INSTALLED", "installation_store", "token_source"]

NOT_INSTALLED = "not_installed"
"""The pause reason of a subscription whose workspace no longer has the app installed."""

_log = logging.getLogger(__name__)


def installation_store(settings: Settings, database: Database) -> InstallationStore | None:
    """The installation store in multi-workspace mode (SLACK_CLIENT_ID set), else None."""
    if settings.slack_client_id is None:
        return None
    return SQLAlchemyInstallationStore(
        client_id=settings.slack_client_id, engine=database.engine, logger=_log
    )


def token_source(settings: Settings, installations: InstallationStore | None) -> TokenFor:
    """``token_for(team_id, enterprise_id)``: the bot token to act in that workspace with.

    Raises ChannelUnavailable(``not_installed``) for a workspace without an installation, so a
    spotlight there is paused rather than retried for ever.
    """
    if installations is None:
        if settings.slack_bot_token is None:
            raise ConfigurationError("SLACK_BOT_TOKEN: required to post to Slack")
        token = settings.slack_bot_token.get_secret_value()
        return lambda _team_id, _enterprise_id: token

    def token_for(team_id: str, enterprise_id: str | None) -> str:
        bot = installations.find_bot(enterprise_id=enterprise_id, team_id=team_id)
        if bot is None and enterprise_id:  # an org-wide install covers every workspace in it
            bot = installations.find_bot(
                enterprise_id=enterprise_id, team_id=None, is_enterprise_install=True
            )
        if bot is None or not bot.bot_token:
            raise ChannelUnavailable(NOT_INSTALLED)
        return bot.bot_token

    return token_for
