"""The App Home's "All fields" button: back to the overview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.replies import home_view
from bot.services import Services

__all__ = ["make_home_back"]


def make_home_back(services: Services) -> Callable[..., None]:
    def home_back(body: dict[str, Any], client: WebClient) -> None:
        client.views_publish(user_id=body["user"]["id"], view=home_view(services.kb))

    return home_back
