"""Opening the App Home tab publishes the overview of fields, numbers and centres."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.replies import home_view
from bot.services import Services

__all__ = ["make_home_opened"]


def make_home_opened(services: Services) -> Callable[..., None]:
    def home_opened(event: dict[str, Any], client: WebClient) -> None:
        if event.get("tab") != "home":
            return
        client.views_publish(user_id=event["user"], view=home_view(services.kb))

    return home_opened
