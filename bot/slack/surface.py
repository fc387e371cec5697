"""What the Slack app registers with Slack: the one list ``manifest.yaml`` must match.

``tests/test_manifest.py`` checks the manifest against these, and ``bot.slack.app`` registers its
listeners from them, so the two cannot drift apart.
"""

from __future__ import annotations

from typing import Final

from bot.answers.render.feedback_actions import (
    FEEDBACK_HELPFUL,
    FEEDBACK_NOT_HELPFUL,
    SUGGEST_ADDITION,
)

__all__ = [
    "BOT_EVENTS",
    "BOT_SCOPES",
    "CHART_PATH",
    "ENTRY_SEARCH",
    "EVENTS_PATH",
    "FEEDBACK_HELPFUL",
    "FEEDBACK_NOT_HELPFUL",
    "FOLLOW_UP",
    "HEALTH_PATH",
    "HOME_ENTRY_SEARCH",
    "HOME_LANGUAGE",
    "INSTALL_PATH",
    "LOOKUP_SHORTCUT",
    "NOT_HELPFUL_VIEW",
    "REDIRECT_PATH",
    "SEARCH_SHORTCUT",
    "SEARCH_VIEW",
    "SHORTCUTS",
    "SLASH_COMMAND",
    "SPOTLIGHT_SETUP",
    "SPOTLIGHT_VIEW",
    "SUGGESTION_VIEW",
    "SUGGEST_ADDITION",
    "UNFURL_DOMAINS",
    "WELCOME_QUESTION",
]

SLASH_COMMAND: Final = "/medicon"
EVENTS_PATH: Final = "/slack/events"
HEALTH_PATH: Final = "/healthz"
INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"
CHART_PATH: Final = "/editors/chart.png"
"""The editors' weekly chart, behind a signed, expiring link (GET only)."""

NOT_HELPFUL_VIEW: Final = "feedback_missing"
SUGGESTION_VIEW: Final = "suggest_addition_form"
"""Modals (view_submission callback ids)."""

SPOTLIGHT_SETUP: Final = "spotlight_setup"
"""The "Set up a weekly spotlight" button (App Home, subscriptions reply)."""
SPOTLIGHT_VIEW: Final = "spotlight_settings"
"""The spotlight settings modal (view_submission callback id)."""
LOOKUP_SHORTCUT: Final = "lookup_message"
SEARCH_SHORTCUT: Final = "search_medicon"
SHORTCUTS: Final = (
    (LOOKUP_SHORTCUT, "message", "Look up in Medicon Bot"),
    (SEARCH_SHORTCUT, "global", "Search Medicon Valley"),
)
"""(callback id, type, name) of every shortcut (``features.shortcuts``)."""
ENTRY_SEARCH: Final = "entry_search"
"""The type-ahead ``external_select`` in the search modal; its options come from the app."""
HOME_ENTRY_SEARCH: Final = "home_entry_search"
HOME_LANGUAGE: Final = "home_language"
"""The App Home's language choice (automatic, English, dansk, svenska)."""
"""The same type-ahead in the App Home (opens the chosen entry in the tab)."""
SEARCH_VIEW: Final = "search_modal"
"""The search modal: submitting it shares the chosen card in the chosen channel."""
FOLLOW_UP: Final = "follow_up"
"""A suggested next question under an answer ("Who hosts it?"; ids ``follow_up:<n>``)."""
WELCOME_QUESTION: Final = "welcome_question"
"""An example question button in the Messages tab's welcome."""
UNFURL_DOMAINS: Final = ("lu.se", "ku.dk", "rigshospitalet.dk", "mva.org", "mediconvillage.se")
"""Domains whose links the bot unfurls (Slack takes five; subdomains are included): the five
that hold the most entries' websites, so most centres' links unfurl."""

BOT_EVENTS: Final = (
    "app_home_opened",
    "app_mention",
    "app_uninstalled",
    "link_shared",
    "message.channels",
    "message.groups",
    "message.im",
    "tokens_revoked",
)
"""Events the app subscribes to (``settings.event_subscriptions.bot_events``)."""

BOT_SCOPES: Final = (
    "app_mentions:read",  # app_mention
    "channels:history",  # message.channels (thread follow-ups); a spotlight post's metadata
    "channels:read",  # conversations.info: is the bot in a channel before it posts there
    "chat:write",  # answers, shared answers, spotlights
    "commands",  # /medicon
    "groups:history",  # message.groups and the same spotlight check in private channels
    "groups:read",  # conversations.info for private channels
    "im:history",  # message.im
    "links:read",  # link_shared for the unfurl domains
    "links:write",  # chat.unfurl: a centre's short card under its link
    "users:read",  # users.info: the spotlight modal starts in the user's own timezone
)
