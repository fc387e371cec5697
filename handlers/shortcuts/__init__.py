"""Shortcuts: "Look up in Medicon Bot" on a message, "Search Medicon Valley" from anywhere."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.error_policy import acknowledge, guarded
from bot.slack.surface import LOOKUP_SHORTCUT, SEARCH_SHORTCUT
from handlers.shortcuts.lookup_message import make_lookup_message
from handlers.shortcuts.open_search import make_open_search

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Acknowledged at once; the reply or the modal follows (a modal within the trigger's 3 s)."""
    app.shortcut(LOOKUP_SHORTCUT)(ack=acknowledge, lazy=[guarded(make_lookup_message(services))])
    app.shortcut(SEARCH_SHORTCUT)(ack=acknowledge, lazy=[guarded(make_open_search(services))])
