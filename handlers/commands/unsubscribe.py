"""``/medicon unsubscribe``: the channel's weekly spotlight stops (announced in the channel).

Acknowledged at once; the database write follows in a lazy listener that answers through the
command's response_url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond

from bot.answers.locale import localise
from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.spotlight import unsubscribed_announcement
from bot.spotlights import describe, unsubscribe
from bot.spotlights import phrases as spotlight_phrases
from handlers.workspace import team_id_of

__all__ = ["make_unsubscribe"]


def make_unsubscribe(services: Services) -> Callable[..., None]:
    def unsubscribe_command(
        command: dict[str, Any], respond: Respond, context: BoltContext
    ) -> None:
        team_id, channel_id = team_id_of(context), command["channel_id"]
        reader = language_for(services, command, team_id=team_id)  # their choice; else English
        with services.database.sessions() as session:
            found = describe(session, team_id=team_id, channel_id=channel_id, now=services.now())
            removed = unsubscribe(session, team_id=team_id, channel_id=channel_id)
        if removed:
            channel = found.post_language if found is not None else reader  # as its posts were
            text = unsubscribed_announcement(command["user_id"], channel)
            respond(response_type="in_channel", text=text)
        else:
            said = localise(spotlight_phrases.NOT_SUBSCRIBED, reader)
            respond(response_type="ephemeral", text=said)

    return unsubscribe_command
