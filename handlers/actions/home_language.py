"""The App Home's language choice: remembered for the person, and the home shown in it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.home import user_home
from bot.storage.preferences import CHOICES, set_language_preference
from handlers.workspace import team_id_of

__all__ = ["make_home_language"]


def make_home_language(services: Services) -> Callable[..., None]:
    def home_language(
        action: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        chosen = str((action.get("selected_option") or {}).get("value", ""))
        if chosen not in CHOICES:
            return
        user_id = body["user"]["id"]
        team_id = team_id_of(context)
        with services.database.sessions() as session:
            set_language_preference(
                session, team_id=team_id, user_id=user_id, language=chosen, now=services.now()
            )
        client.views_publish(
            user_id=user_id, view=user_home(services, team_id=team_id, user_id=user_id)
        )

    return home_language
