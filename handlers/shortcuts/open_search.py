"""The global shortcut: open the search modal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.search import search_view
from handlers.workspace import team_id_of

__all__ = ["make_open_search"]


def make_open_search(services: Services) -> Callable[..., None]:
    def open_search(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        view = search_view(
            services.kb, language=language_for(services, body, team_id=team_id_of(context))
        )
        client.views_open(trigger_id=body["trigger_id"], view=view)

    return open_search
