"""What the Slack app registers with Slack: the one list ``manifest.yaml`` must match.

``tests/test_manifest.py`` checks the manifest against these, and ``bot.slack.app`` registers its
listeners from them, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BOT_EVENTS",
    "BOT_SCOPES",
    "EVENTS_PATH",
    "HEALTH_PATH",
    "INSTALL_PATH",
    "REDIRECT_PATH",
    "SLASH_COMMAND",
]

SLASH_COMMAND: Final = "/medicon"
EVENTS_PATH: Final = "/slack/events"
HEALTH_PATH: Final = "/healthz"
INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"

BOT_EVENTS: Final = (
    "app_home_opened",
    "app_mention",
    "app_uninstalled",
    "message.im",
    "tokens_revoked",
)
"""Events the app subscribes to (``settings.event_subscriptions.bot_events``)."""

BOT_SCOPES: Final = (
    "app_mentions:read",  # app_mention
    "channels:history",  # after a crash: did Slack already take a spotlight post? (metadata)
    "channels:read",  # conversations.info: is the bot in a channel before it posts there
    "chat:write",  # answers, shared answers, spotlights
    "commands",  # /medicon
    "groups:history",  # the same check in private channels
    "groups:read",  # conversations.info for private channels
    "im:history",  # message.im
)
