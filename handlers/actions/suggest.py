""" "Suggest an addition" under an "I don't know": open the modal that asks what is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.answers.feedback_blocks import AnswerRef
from bot.services import Services
from bot.slack.feedback_views import suggestion_modal
from bot.slack.speaking import language_for

__all__ = ["make_suggest_addition"]


def make_suggest_addition(services: Services) -> Callable[..., None]:
    def suggest_addition(
        action: dict[str, Any], body: dict[str, Any], respond: Respond, client: WebClient
    ) -> None:
        ref = AnswerRef.decode(action.get("value")) or AnswerRef("", None, "slash")
        language = language_for(services, body, text=ref.question)
        client.views_open(trigger_id=body["trigger_id"], view=suggestion_modal(ref, language))

    return suggest_addition
