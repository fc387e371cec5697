"""Opening the App Home tab publishes the fields, numbers, centres and the user's spotlights;
opening the Messages tab for the first time posts a short welcome there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.home import user_home
from bot.slack.speaking import language_for
from bot.slack.views.welcome import welcome_message
from bot.storage.welcomes import claim_welcome
from handlers.workspace import team_id_of

__all__ = ["make_home_opened"]


def make_home_opened(services: Services) -> Callable[..., None]:
    def home_opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user_id = event["user"]
        team_id = team_id_of(context)
        if event.get("tab") == "messages":
            with services.database.sessions() as session:
                first = claim_welcome(session, team_id=team_id, user_id=user_id, now=services.now())
            if first:
                message = welcome_message(language_for(services, event, team_id=team_id))
                client.chat_postMessage(
                    channel=event["channel"], text=message.text, blocks=list(message.blocks)
                )
            return
        if event.get("tab") != "home":
            return
        view = user_home(services, team_id=team_id, user_id=user_id)
        client.views_publish(user_id=user_id, view=view)

    return home_opened
