"""A suggested next question under an answer ("Who hosts it?"): answered in the same DM or
thread, as if it had been typed there, and the conversation moves on to it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.conversation import ConversationKey
from bot.services import Services
from bot.slack.conversations import keep, start_turn
from bot.slack.views.replies import conversation_reply
from handlers.workspace import team_id_of

__all__ = ["make_follow_up"]

_QUESTION_LIMIT = 300


def make_follow_up(services: Services) -> Callable[..., None]:
    def follow_up(
        action: dict[str, Any], body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        question = str(action.get("value") or "")[:_QUESTION_LIMIT]
        channel = str(
            (body.get("channel") or {}).get("id")
            or (body.get("container") or {}).get("channel_id")
            or ""
        )
        thread = str((body.get("message") or {}).get("thread_ts") or "")
        key = ConversationKey(team_id_of(context), channel, thread)
        pending = start_turn(services, question, key=key, enterprise_id=context.enterprise_id)
        message = conversation_reply(
            services.kb,
            question,
            surface="dm" if channel.startswith("D") else "mention",
            tables=services.settings.table_blocks,
            turn=pending.turn,
        )
        keep(services, pending)
        client.chat_postMessage(
            channel=channel,
            text=message.text,
            blocks=list(message.blocks),
            thread_ts=thread or None,
        )

    return follow_up
