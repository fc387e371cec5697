"""Options for what someone has typed into an entry menu so far."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.services import Services
from bot.slack.entry_search import EntrySearch
from bot.text import clean_line

__all__ = ["make_entry_options"]


def make_entry_options(services: Services) -> Callable[..., None]:
    search = EntrySearch(services.kb)

    def entry_options(ack: Ack, payload: dict[str, Any]) -> None:
        ack(options=search.options(clean_line(payload.get("value"), limit=200)))

    return entry_options
