"""A question button in the Messages tab's welcome: answered in the DM, as if it were typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services import Services
from bot.slack.views.replies import conversation_reply
from bot.text import clean_line

__all__ = ["make_welcome_question"]


def make_welcome_question(services: Services) -> Callable[..., None]:
    def welcome_question(action: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        channel = str(
            (body.get("channel") or {}).get("id")
            or (body.get("container") or {}).get("channel_id")
            or ""
        )
        message = conversation_reply(
            services.kb,
            clean_line(action.get("value"), limit=300),
            tables=services.settings.table_blocks,
        )
        client.chat_postMessage(channel=channel, text=message.text, blocks=list(message.blocks))

    return welcome_question
