""" "Suggest an addition" under an "I don't know": open the modal that asks what is missing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.answers.render.feedback_blocks import AnswerRef
from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.views.feedback import suggestion_modal
from handlers.workspace import team_id_of

__all__ = ["make_suggest_addition"]


def make_suggest_addition(services: Services) -> Callable[..., None]:
    def suggest_addition(
        action: dict[str, Any],
        body: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        ref = AnswerRef.decode(action.get("value")) or AnswerRef("", None, "slash")
        language = language_for(services, body, team_id=team_id_of(context), text=ref.question)
        client.views_open(trigger_id=body["trigger_id"], view=suggestion_modal(ref, language))

    return suggest_addition
