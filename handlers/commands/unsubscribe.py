"""``/medicon unsubscribe``: the channel's weekly spotlight stops (announced in the channel).

Acknowledged at once; the database write follows in a lazy listener that answers through the
command's response_url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.services import Services
from bot.slack.views.spotlight import unsubscribed_announcement
from bot.spotlights import phrases as spotlight_phrases
from bot.spotlights import unsubscribe
from handlers.workspace import team_id_of

__all__ = ["make_unsubscribe"]


def make_unsubscribe(services: Services) -> Callable[..., None]:
    def unsubscribe_command(
        command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        with services.database.sessions() as session:
            removed = unsubscribe(
                session, team_id=team_id_of(context), channel_id=command["channel_id"]
            )
        if removed:
            respond(response_type="in_channel", text=unsubscribed_announcement(command["user_id"]))
        else:
            respond(response_type="ephemeral", text=spotlight_phrases.NOT_SUBSCRIBED)

    return unsubscribe_command
