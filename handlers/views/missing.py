""" "What was missing?": added to the voter's "Not helpful" vote, then the modal closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext

from bot.answers.render.feedback_blocks import AnswerRef
from bot.feedback.text import answer_key, normalise_question, voter_id
from bot.services import Services
from bot.slack.views.feedback import missing_from
from bot.storage.feedback import note_missing
from handlers.workspace import team_id_of

__all__ = ["make_missing_submitted"]


def make_missing_submitted(services: Services) -> Callable[..., None]:
    def missing_submitted(
        ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
    ) -> None:
        ref = AnswerRef.decode(view.get("private_metadata"))
        missing = missing_from(view)
        if ref is not None and missing:
            team_id = team_id_of(context)
            with services.database.sessions() as session:
                note_missing(
                    session,
                    team_id=team_id,
                    voter=voter_id(team_id=team_id, user_id=body["user"]["id"]),
                    answer_key=answer_key(
                        entry=ref.entry, question=normalise_question(ref.question)
                    ),
                    missing=missing,
                    now=services.now(),
                )
        ack()

    return missing_submitted
