"""Every name the app and Slack share: paths, the command, shortcuts, events, scopes, and every
action, callback and block id the views carry and the handlers listen for. The one list.

``tests/test_manifest.py`` checks ``manifest.yaml`` against these, ``handlers`` register their
listeners from them and ``bot.slack.views`` build with them, so none can drift apart. The ids
under every answer are built by the domain (``bot.answers``, which never imports the Slack edge):
they are defined beside those blocks and re-exported here.
"""

from __future__ import annotations

from typing import Final

from bot.answers.render.feedback_actions import (
    FEEDBACK_HELPFUL,
    FEEDBACK_NOT_HELPFUL,
    SUGGEST_ADDITION,
)
from bot.answers.render.feedback_blocks import FEEDBACK_BLOCK
from bot.answers.render.render import OPEN_CENTRE, OPEN_FIELD

__all__ = [
    "BOT_EVENTS",
    "BOT_SCOPES",
    "CHART_PATH",
    "ENTRY_SEARCH",
    "EVENTS_PATH",
    "FEEDBACK_BLOCK",
    "FEEDBACK_HELPFUL",
    "FEEDBACK_INPUT",
    "FEEDBACK_NOT_HELPFUL",
    "FOLLOW_UP",
    "FOLLOW_UP_BLOCK",
    "HEALTH_PATH",
    "HOME_BACK",
    "HOME_ENTRY_SEARCH",
    "HOME_LANGUAGE",
    "HOME_NAV_BLOCK",
    "INSTALL_PATH",
    "LOOKUP_BLOCK",
    "LOOKUP_SHORTCUT",
    "MISSING_BLOCK",
    "NOT_HELPFUL_VIEW",
    "OPEN_CENTRE",
    "OPEN_CENTRE_SELECT",
    "OPEN_FIELD",
    "REDIRECT_PATH",
    "SEARCH_BLOCK",
    "SEARCH_SHORTCUT",
    "SEARCH_VIEW",
    "SHARE",
    "SHARE_BLOCK",
    "SHARE_CHANNEL_BLOCK",
    "SHARE_CHANNEL_INPUT",
    "SHORTCUTS",
    "SLASH_COMMAND",
    "SPOTLIGHT_CHANNEL_BLOCK",
    "SPOTLIGHT_INPUT",
    "SPOTLIGHT_LANGUAGE_BLOCK",
    "SPOTLIGHT_SETUP",
    "SPOTLIGHT_SETUP_BLOCK",
    "SPOTLIGHT_TIMEZONE_BLOCK",
    "SPOTLIGHT_TIME_BLOCK",
    "SPOTLIGHT_VIEW",
    "SPOTLIGHT_WEEKDAY_BLOCK",
    "SUGGESTION_VIEW",
    "SUGGEST_ADDITION",
    "SUGGEST_NOTE_BLOCK",
    "SUGGEST_URL_BLOCK",
    "SUGGEST_WHAT_BLOCK",
    "UNFURL_DOMAINS",
    "WELCOME_QUESTION",
    "WELCOME_QUESTIONS_BLOCK",
]

SLASH_COMMAND: Final = "/medicon"
EVENTS_PATH: Final = "/slack/events"
HEALTH_PATH: Final = "/healthz"
INSTALL_PATH: Final = "/slack/install"
REDIRECT_PATH: Final = "/slack/oauth_redirect"
CHART_PATH: Final = "/editors/chart.png"
"""The editors' weekly chart, behind a signed, expiring link (GET only)."""

# -- shortcuts (callback ids) ------------------------------------------------------------------

LOOKUP_SHORTCUT: Final = "lookup_message"
SEARCH_SHORTCUT: Final = "search_medicon"
SHORTCUTS: Final = (
    (LOOKUP_SHORTCUT, "message", "Look up in Medicon Bot"),
    (SEARCH_SHORTCUT, "global", "Search Medicon Valley"),
)
"""(callback id, type, name) of every shortcut (``features.shortcuts``)."""

# -- buttons and menus (block_actions action ids) -----------------------------------------------

SHARE: Final = "share_answer"
""""Share in channel" under an ephemeral answer."""
FOLLOW_UP: Final = "follow_up"
"""A suggested next question under an answer ("Who hosts it?"; ids ``follow_up:<n>``)."""
WELCOME_QUESTION: Final = "welcome_question"
"""An example question button in the Messages tab's welcome (ids ``welcome_question:<n>``)."""
HOME_BACK: Final = "home_back"
"""The App Home's way back from one entry to the overview."""
HOME_ENTRY_SEARCH: Final = "home_entry_search"
"""The type-ahead in the App Home (opens the chosen entry in the tab)."""
HOME_LANGUAGE: Final = "home_language"
"""The App Home's language choice (automatic, English, dansk, svenska)."""
OPEN_CENTRE_SELECT: Final = "open_centre_select"
"""The static centre menu of App Homes published before the type-ahead; still answered."""
ENTRY_SEARCH: Final = "entry_search"
"""The type-ahead ``external_select`` in the search modal; its options come from the app."""
SPOTLIGHT_SETUP: Final = "spotlight_setup"
"""The "Set up a weekly spotlight" button (App Home, subscriptions reply)."""

# -- modals (view_submission callback ids) ------------------------------------------------------

NOT_HELPFUL_VIEW: Final = "feedback_missing"
""""What was missing?" after a "Not helpful" vote."""
SUGGESTION_VIEW: Final = "suggest_addition_form"
"""Suggest an addition to the knowledge base."""
SPOTLIGHT_VIEW: Final = "spotlight_settings"
"""The spotlight settings modal."""
SEARCH_VIEW: Final = "search_modal"
"""The search modal: submitting it shares the chosen card in the chosen channel."""

# -- blocks (block ids) and the input elements inside them (action ids) -------------------------

SHARE_BLOCK: Final = "share"
FOLLOW_UP_BLOCK: Final = "follow_ups"
WELCOME_QUESTIONS_BLOCK: Final = "welcome_questions"
HOME_NAV_BLOCK: Final = "home_nav"
LOOKUP_BLOCK: Final = "lookup"
SPOTLIGHT_SETUP_BLOCK: Final = "spotlight_setup"
MISSING_BLOCK: Final = "missing"
SUGGEST_WHAT_BLOCK: Final = "suggest_what"
SUGGEST_URL_BLOCK: Final = "suggest_url"
SUGGEST_NOTE_BLOCK: Final = "suggest_note"
FEEDBACK_INPUT: Final = "input"
"""The element of each feedback modal's input block."""
SPOTLIGHT_CHANNEL_BLOCK: Final = "spotlight_channel"
SPOTLIGHT_WEEKDAY_BLOCK: Final = "spotlight_weekday"
SPOTLIGHT_TIME_BLOCK: Final = "spotlight_time"
SPOTLIGHT_TIMEZONE_BLOCK: Final = "spotlight_timezone"
SPOTLIGHT_LANGUAGE_BLOCK: Final = "spotlight_language"
SPOTLIGHT_INPUT: Final = "value"
"""The element of each spotlight modal's input block."""
SEARCH_BLOCK: Final = "entry_search"
SHARE_CHANNEL_BLOCK: Final = "share_channel"
SHARE_CHANNEL_INPUT: Final = "channel"
"""The search modal's channel picker, once a card is shown."""

# -- unfurls, events and scopes -----------------------------------------------------------------

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
