"""Events API: DMs, @mentions, replies in threads the bot answers in, the App Home and
Messages tab, link unfurls, uninstalls, and a 200 for everything else."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.services import Services
from bot.slack.error_policy import acknowledge, guarded
from bot.slack.event_claims import once_per_event
from handlers.events.direct_message import in_a_dm, is_person_writing, make_direct_message
from handlers.events.home_opened import make_home_opened
from handlers.events.link_shared import make_link_shared
from handlers.events.mention import make_mention
from handlers.events.thread_reply import in_a_channel_thread, make_thread_reply
from handlers.events.uninstall import make_forget_workspace

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Each event is acknowledged at once; its reply is posted by a lazy listener."""
    person = [is_person_writing]
    once = [once_per_event(services)]
    app.event("message", matchers=[*person, in_a_dm], middleware=once)(
        ack=acknowledge, lazy=[guarded(make_direct_message(services))]
    )
    app.event("message", matchers=[*person, in_a_channel_thread], middleware=once)(
        ack=acknowledge, lazy=[guarded(make_thread_reply(services))]
    )
    app.event("app_mention", matchers=person, middleware=once)(
        ack=acknowledge, lazy=[guarded(make_mention(services))]
    )
    app.event("app_home_opened", middleware=once)(
        ack=acknowledge, lazy=[guarded(make_home_opened(services))]
    )
    app.event("link_shared", middleware=once)(
        ack=acknowledge, lazy=[guarded(make_link_shared(services))]
    )
    forget = make_forget_workspace(services)
    app.event("app_uninstalled")(forget)
    app.event("tokens_revoked")(forget)
    # Last: edits, deletions, bot messages and events this app does not use get a plain 200,
    # so Slack does not retry them.
    app.event(re.compile(".*"))(acknowledge)
