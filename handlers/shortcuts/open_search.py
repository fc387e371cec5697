"""The global shortcut: open the search modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services import Services
from bot.slack.search_modal import search_view
from bot.slack.speaking import language_for

__all__ = ["make_open_search"]


def make_open_search(services: Services) -> Callable[..., None]:
    def open_search(body: dict[str, Any], client: WebClient) -> None:
        view = search_view(services.kb, language=language_for(services, body))
        client.views_open(trigger_id=body["trigger_id"], view=view)

    return open_search
