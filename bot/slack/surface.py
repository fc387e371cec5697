"""What the Slack app registers with Slack: the one list ``manifest.yaml`` must match.

``tests/test_manifest.py`` checks the manifest against these, and ``bot.slack.app`` registers its
listeners from them, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BOT_EVENTS",
    "BOT_SCOPES",
    "CHART_PATH",
    "EVENTS_PATH",
    "FEEDBACK_HELPFUL",
    "FEEDBACK_NOT_HELPFUL",
    "HEALTH_PATH",
    "INSTALL_PATH",
    "NOT_HELPFUL_VIEW",
    "REDIRECT_PATH",
    "SLASH_COMMAND",
    "SUGGESTION_VIEW",
    "SUGGEST_ADDITION",
]

SLASH_COMMAND: Final = "/medicon"
EVENTS_PATH: Final = "/slack/events"
HEALTH_PATH: Final = "/healthz"
INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"
CHART_PATH: Final = "/editors/chart.png"
"""The editors' weekly chart, behind a signed, expiring link (GET only)."""

FEEDBACK_HELPFUL: Final = "feedback_helpful"
FEEDBACK_NOT_HELPFUL: Final = "feedback_not_helpful"
SUGGEST_ADDITION: Final = "suggest_addition"
"""Buttons under answers (block_actions action ids; interactivity needs no extra scope)."""
NOT_HELPFUL_VIEW: Final = "feedback_missing"
SUGGESTION_VIEW: Final = "suggest_addition_form"
"""Modals (view_submission callback ids)."""

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
