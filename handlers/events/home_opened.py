"""Opening the App Home tab publishes the fields, numbers, centres and the user's spotlights."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services import Services
from bot.slack.home import user_home

__all__ = ["make_home_opened"]


def make_home_opened(services: Services) -> Callable[..., None]:
    def home_opened(event: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        if event.get("tab") != "home":
            return
        user_id = event["user"]
        view = user_home(services, team_id=body.get("team_id") or "", user_id=user_id)
        client.views_publish(user_id=user_id, view=view)

    return home_opened
