"""``/medicon <text>``: answered from memory, so the acknowledgement itself is the answer.

Replies are pure functions of the text and the immutable knowledge base, so each worker keeps
the most recent ones ready to send, serialised: people ask the same few questions, and
rendering and encoding are the costly part of a request.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from slack_bolt import BoltResponse

from bot.answers.feedback_blocks import was_answered
from bot.services import Services
from bot.slack.replies import command_reply
from bot.text import clean_line

__all__ = ["make_medicon_command"]

_CACHED_REPLIES = 1024
_JSON: dict[str, str | Sequence[str]] = {"content-type": "application/json;charset=utf-8"}


def make_medicon_command(services: Services) -> Callable[..., BoltResponse]:
    tables = services.settings.table_blocks

    @lru_cache(maxsize=_CACHED_REPLIES)
    def reply_body(text: str) -> tuple[str, bool | None]:
        message = command_reply(services.kb, text, tables=tables)
        body = json.dumps({"response_type": "ephemeral", **message.as_dict()})
        return body, was_answered(message)

    questions = services.questions

    def medicon_command(command: dict[str, Any]) -> BoltResponse:
        # Bolt sends a BoltResponse the listener returns as the acknowledgement itself.
        text = clean_line(command.get("text"))
        body, answered = reply_body(text)
        if questions is not None and answered is not None:
            # In memory only: the question log writes in batches, after the acknowledgement.
            team_id = str(command.get("team_id") or "")
            questions.note(team_id=team_id, surface="slash", question=text, answered=answered)
        return BoltResponse(status=200, body=body, headers=_JSON)

    return medicon_command
