"""A link to a centre's website was posted: unfurl it with the centre's short card."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.unfurl import UnfurlTargets
from bot.slack.views.unfurl import short_card
from handlers.workspace import team_id_of

__all__ = ["make_link_shared"]

_MOST_LINKS: Final = 10


def make_link_shared(services: Services) -> Callable[..., None]:
    targets = UnfurlTargets(services.kb)

    def link_shared(
        event: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        unfurls: dict[str, Any] = {}
        language: str | None = None
        for link in (event.get("links") or [])[:_MOST_LINKS]:
            url = link.get("url") if isinstance(link, dict) else None
            if not isinstance(url, str):
                continue
            centre = targets.centre_for(url)
            if centre is not None:
                language = language or language_for(
                    services, body, team_id=team_id_of(context)
                )  # the sharer's choice
                unfurls[url] = short_card(centre, language)
        if not unfurls:
            return
        if event.get("channel") == "COMPOSER" or not event.get("message_ts"):
            # Links in a message still being written have no message yet, only an unfurl id.
            client.chat_unfurl(
                unfurl_id=event.get("unfurl_id"), source=event.get("source"), unfurls=unfurls
            )
            return
        client.chat_unfurl(channel=event["channel"], ts=event["message_ts"], unfurls=unfurls)

    return link_shared
