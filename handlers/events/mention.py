"""An @mention in a channel: the answer in a thread under the mention, read in the light of
that thread's conversation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Say

from bot.answers.render.feedback_blocks import was_answered
from bot.services import Services
from bot.slack.conversations import keep, start_turn, thread_key
from bot.slack.replies import conversation_reply, strip_mentions
from bot.text import clean_line

__all__ = ["make_mention"]


def make_mention(services: Services) -> Callable[..., None]:
    def mention(event: dict[str, Any], body: dict[str, Any], say: Say) -> None:
        text = strip_mentions(clean_line(event.get("text")))
        pending = start_turn(
            services, text, key=thread_key(body, event), enterprise_id=body.get("enterprise_id")
        )
        message = conversation_reply(
            services.kb,
            text,
            surface="mention",
            tables=services.settings.table_blocks,
            turn=pending.turn,
        )
        answered = was_answered(message)
        if services.questions is not None and answered is not None:
            team_id = str(body.get("team_id") or event.get("team") or "")
            services.questions.note(
                team_id=team_id, surface="mention", question=text, answered=answered
            )
        keep(services, pending)  # before the reply: a quick next question must find it
        say(
            text=message.text,
            blocks=list(message.blocks),
            thread_ts=event.get("thread_ts") or event["ts"],
        )

    return mention
