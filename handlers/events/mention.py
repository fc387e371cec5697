"""An @mention in a channel: the answer in a thread under the mention."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Say

from bot.services import Services
from bot.slack.replies import conversation_reply, strip_mentions

__all__ = ["make_mention"]


def make_mention(services: Services) -> Callable[..., None]:
    def mention(event: dict[str, Any], say: Say) -> None:
        message = conversation_reply(services.kb, strip_mentions(event.get("text") or ""))
        say(
            text=message.text,
            blocks=list(message.blocks),
            thread_ts=event.get("thread_ts") or event["ts"],
        )

    return mention
