""" "Helpful" / "Not helpful" under an answer: one vote per person per answer, changeable.

The vote is stored and acknowledged where it was cast: in a message only its voter sees (an
ephemeral answer, a DM) the buttons turn into "Thanks: noted"; under a message everyone sees,
the voter alone gets the thanks and the buttons stay for the others. "Not helpful" first opens
an optional "what was missing?" (the trigger is only valid for three seconds).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.answers.render.feedback_blocks import THANKS, AnswerRef, thanked
from bot.feedback.text import answer_key, normalise_question, voter_id
from bot.knowledge import EntryRef
from bot.services import Services
from bot.slack import phrases
from bot.slack.speaking import language_for
from bot.slack.views.feedback import not_helpful_modal
from bot.slack.views.replies import command_reply, entry_reply
from bot.storage.feedback import record_vote
from handlers.workspace import team_id_of

__all__ = ["make_vote"]


def _original_blocks(
    services: Services, ref: AnswerRef, body: dict[str, Any], language: str
) -> list[Any]:
    """The blocks of the message voted on: Slack sends them for ordinary messages only, so an
    ephemeral answer is rendered again (the same text gives the same answer)."""
    blocks = (body.get("message") or {}).get("blocks")
    if isinstance(blocks, list) and blocks:
        return blocks
    kind, _, entry_id = (ref.entry or "").partition(":")
    known = services.kb.fields if kind == "field" else services.kb.centres
    if ref.surface == "entry" and kind in ("field", "centre") and entry_id in known:
        ref_kind: Literal["field", "centre"] = "field" if kind == "field" else "centre"
        entry = entry_reply(services.kb, EntryRef(ref_kind, entry_id), language=language)
        return list(entry.blocks)
    tables = services.settings.table_blocks
    reply = command_reply(services.kb, ref.question, tables=tables, otherwise=language)
    return list(reply.blocks)


def _seen_by_voter_alone(body: dict[str, Any]) -> bool:
    container = body.get("container") or {}
    channel = str(container.get("channel_id") or (body.get("channel") or {}).get("id") or "")
    return bool(container.get("is_ephemeral")) or channel.startswith("D")


def make_vote(services: Services, *, helpful: bool) -> Callable[..., None]:
    def vote(
        action: dict[str, Any],
        body: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        ref = AnswerRef.decode(action.get("value"))
        if ref is None:
            said = localise(
                phrases.OUT_OF_DATE, language_for(services, body, team_id=team_id_of(context))
            )
            respond(response_type="ephemeral", replace_original=False, text=said)
            return
        if not helpful and body.get("trigger_id"):
            language = language_for(services, body, team_id=team_id_of(context), text=ref.question)
            client.views_open(trigger_id=body["trigger_id"], view=not_helpful_modal(ref, language))
        team_id = team_id_of(context)
        question = normalise_question(ref.question)
        with services.database.sessions() as session:
            record_vote(
                session,
                team_id=team_id,
                voter=voter_id(team_id=team_id, user_id=body["user"]["id"]),
                answer_key=answer_key(entry=ref.entry, question=question),
                entry=ref.entry,
                question=question,
                surface=ref.surface,
                helpful=helpful,
                now=services.now(),
            )
        if not helpful and services.questions is not None:
            services.questions.note_not_helpful(
                team_id=team_id, surface=ref.surface, question=question
            )
        if _seen_by_voter_alone(body):
            language = language_for(services, body, team_id=team_id_of(context), text=ref.question)
            blocks = thanked(_original_blocks(services, ref, body, language), language=language)
            text = str((body.get("message") or {}).get("text") or THANKS)
            respond(replace_original=True, text=text, blocks=blocks)
        else:
            thanks = localise(
                THANKS, language_for(services, body, team_id=team_id_of(context), text=ref.question)
            )
            respond(
                response_type="ephemeral",
                replace_original=False,
                text=f":white_check_mark: {thanks}",
            )

    return vote
