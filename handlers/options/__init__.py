"""Options requests: the type-ahead over every field and centre (search modal, App Home)."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.services import Services
from bot.slack.surface import ENTRY_SEARCH, HOME_ENTRY_SEARCH
from handlers.options.entry_options import make_entry_options

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Answered in the acknowledgement itself, from an index built once here."""
    menus = re.compile(rf"^({re.escape(ENTRY_SEARCH)}|{re.escape(HOME_ENTRY_SEARCH)})$")
    app.options(menus)(make_entry_options(services))
