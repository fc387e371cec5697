""" "Suggest an addition" under an "I don't know": open the modal that asks what is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.answers.render.feedback_blocks import AnswerRef
from bot.services import Services
from bot.slack.views.feedback import suggestion_modal

__all__ = ["make_suggest_addition"]


def make_suggest_addition(services: Services) -> Callable[..., None]:
    def suggest_addition(
        action: dict[str, Any], body: dict[str, Any], respond: Respond, client: WebClient
    ) -> None:
        ref = AnswerRef.decode(action.get("value")) or AnswerRef("", None, "slash")
        client.views_open(trigger_id=body["trigger_id"], view=suggestion_modal(ref))

    return suggest_addition
