"""``/medicon subscriptions``: the channel's weekly spotlight, with the set-up button.

Acknowledged at once; the database read follows in a lazy listener that answers through the
command's response_url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.spotlight import subscriptions_reply
from bot.spotlights import describe
from handlers.workspace import team_id_of

__all__ = ["make_subscriptions"]


def make_subscriptions(services: Services) -> Callable[..., None]:
    def subscriptions_command(
        command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        team_id = team_id_of(context)
        reader = language_for(services, command, team_id=team_id)  # their choice; else English
        with services.database.sessions() as session:
            found = describe(
                session,
                team_id=team_id,
                channel_id=command["channel_id"],
                now=services.now(),
                kb=services.kb,
            )
        message = subscriptions_reply(found, reader)
        respond(response_type="ephemeral", text=message.text, blocks=list(message.blocks))

    return subscriptions_command
