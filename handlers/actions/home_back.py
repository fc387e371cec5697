"""The App Home's "All fields" button: back to the overview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.home import user_home
from handlers.workspace import team_id_of

__all__ = ["make_home_back"]


def make_home_back(services: Services) -> Callable[..., None]:
    def home_back(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        user_id = body["user"]["id"]
        team_id = team_id_of(context)
        client.views_publish(
            user_id=user_id, view=user_home(services, team_id=team_id, user_id=user_id)
        )

    return home_back
