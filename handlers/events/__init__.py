"""Events API: DMs, @mentions, the App Home, and a 200 for everything else."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.services import Services
from handlers.events.direct_message import is_person_writing, make_direct_message
from handlers.events.home_opened import make_home_opened
from handlers.events.mention import make_mention
from handlers.events.unhandled import acknowledge_only

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    app.event("message", matchers=[is_person_writing])(make_direct_message(services))
    app.event("app_mention", matchers=[is_person_writing])(make_mention(services))
    app.event("app_home_opened")(make_home_opened(services))
    # Last: edits, deletions, bot messages and events this app does not use get a plain 200,
    # so Slack does not retry them.
    app.event(re.compile(".*"))(acknowledge_only)
