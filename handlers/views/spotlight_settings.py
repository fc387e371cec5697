"""The spotlight settings modal submitted: checked, saved, then announced in the channel; once
per submission, however often it is replayed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.services import Services
from bot.slack import phrases as surface_phrases
from bot.slack.channel_access import bot_can_post
from bot.slack.speaking import language_for
from bot.slack.submission_claims import claim_submission, mark_first, was_first
from bot.slack.surface import SPOTLIGHT_CHANNEL_BLOCK
from bot.slack.views.spotlight import (
    SpotlightChoice,
    SpotlightChoiceError,
    read_spotlight_choice,
    subscribed_announcement,
)
from bot.spotlights import describe, subscribe
from handlers.workspace import team_id_of

__all__ = ["make_announce_spotlight", "make_spotlight_submitted"]


def _choice(services: Services, view: dict[str, Any], language: str = "en") -> SpotlightChoice:
    values = (view.get("state") or {}).get("values") or {}
    return read_spotlight_choice(
        values, default_timezone=services.settings.timezone, language=language
    )


def make_spotlight_submitted(services: Services) -> Callable[..., None]:
    def spotlight_submitted(
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        reader = language_for(services, body, team_id=team_id_of(context))
        try:
            choice = _choice(services, view, reader)
        except SpotlightChoiceError as error:
            ack(response_action="errors", errors=error.errors)
            return
        if not bot_can_post(client, choice.channel_id):
            said = localise(surface_phrases.NOT_IN_CHANNEL, reader)
            ack(response_action="errors", errors={SPOTLIGHT_CHANNEL_BLOCK: said})
            return
        now = services.now()
        with services.database.sessions() as session:
            # A replay of an older submission must not put its schedule back.
            if claim_submission(session, body, action="spotlight", now=now):
                subscribe(  # commits the claim with the subscription
                    session,
                    team_id=team_id_of(context),
                    enterprise_id=context.enterprise_id or None,
                    channel_id=choice.channel_id,
                    user_id=body["user"]["id"],
                    schedule=choice.schedule,
                    now=now,
                    language=choice.language,
                )
                mark_first(context)
        ack()

    return spotlight_submitted


def make_announce_spotlight(services: Services) -> Callable[..., None]:
    def announce_spotlight(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if not was_first(context):
            return
        choice = _choice(services, body.get("view") or {})
        with services.database.sessions() as session:
            found = describe(
                session,
                team_id=team_id_of(context),
                channel_id=choice.channel_id,
                now=services.now(),
                kb=services.kb,
            )
        if found is None:
            return
        client.chat_postMessage(
            channel=choice.channel_id, text=subscribed_announcement(body["user"]["id"], found)
        )

    return announce_spotlight
