"""A suggested addition: checked (a bad source URL is a field error), stored, and posted to the
editors' channel when ``MEDICON_EDITORS_CHANNEL`` is set; once per submission, however often
it is replayed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.answers.render.feedback_blocks import AnswerRef
from bot.feedback.text import normalise_question
from bot.services import Services
from bot.slack.speaking import language_for
from bot.slack.submission_claims import claim_submission, mark_first, was_first
from bot.slack.views.feedback import Suggestion, editors_post, suggestion_from
from bot.storage.suggestions import add_suggestion
from handlers.workspace import team_id_of

__all__ = ["make_post_to_editors", "make_suggestion_submitted"]


def _asked(view: dict[str, Any]) -> str:
    ref = AnswerRef.decode(view.get("private_metadata"))
    return normalise_question(ref.question) if ref is not None else ""


def make_suggestion_submitted(services: Services) -> Callable[..., None]:
    def suggestion_submitted(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        suggestion = suggestion_from(
            view, language_for(services, body, team_id=team_id_of(context), text=_asked(view))
        )
        if not isinstance(suggestion, Suggestion):
            ack(response_action="errors", errors=suggestion)
            return
        now = services.now()
        with services.database.sessions() as session:
            if claim_submission(session, body, action="suggestion", now=now):
                add_suggestion(  # commits the claim with the row
                    session,
                    team_id=team_id_of(context),
                    text=suggestion.text,
                    url=suggestion.url,
                    note=suggestion.note,
                    question=_asked(view) or None,
                    now=now,
                )
                mark_first(context)
        ack()

    return suggestion_submitted


def make_post_to_editors(services: Services) -> Callable[..., None]:
    def post_to_editors(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        channel = services.settings.editors_channel
        view = body.get("view") or {}
        suggestion = suggestion_from(view)
        if channel is None or not isinstance(suggestion, Suggestion) or not was_first(context):
            return
        language = language_for(services, body, team_id=team_id_of(context), text=_asked(view))
        message = editors_post(suggestion, user_id=body["user"]["id"], language=language)
        client.chat_postMessage(channel=channel, text=message.text, blocks=list(message.blocks))

    return post_to_editors
