"""An entry chosen in the type-ahead: the search modal shows its card, the App Home opens it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import Services
from bot.slack.entry_search import parse_option_value
from bot.slack.home import user_home
from bot.slack.speaking import language_for
from bot.slack.views.search import search_view
from handlers.workspace import team_id_of

__all__ = ["make_home_choice", "make_search_choice"]


def _chosen(action: dict[str, Any]) -> str:
    return str((action.get("selected_option") or {}).get("value") or "")


def make_search_choice(services: Services) -> Callable[..., None]:
    def search_choice(
        action: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        ref = parse_option_value(_chosen(action), services.kb)
        view = body.get("view") or {}
        # The hash makes Slack refuse the update if the modal changed meanwhile: a newer choice
        # is on its way and wins, so a conflict is no error.
        try:
            client.views_update(
                view_id=view["id"],
                hash=view.get("hash"),
                view=search_view(
                    services.kb,
                    showing=ref,
                    language=language_for(services, body, team_id=team_id_of(context)),
                ),
            )
        except SlackApiError as error:
            if error.response.get("error") != "hash_conflict":
                raise

    return search_choice


def make_home_choice(services: Services) -> Callable[..., None]:
    def home_choice(
        action: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        ref = parse_option_value(_chosen(action), services.kb)
        user_id = body["user"]["id"]
        team_id = team_id_of(context)
        view = user_home(services, team_id=team_id, user_id=user_id, showing=ref)
        client.views_publish(user_id=user_id, view=view)

    return home_choice
