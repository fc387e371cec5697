"""The search modal submitted: its card is posted in the chosen channel, attributed; once per
submission, however often it is replayed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.services import Services
from bot.slack import phrases
from bot.slack.channel_access import bot_can_post
from bot.slack.entry_search import parse_option_value
from bot.slack.event_claims import Claims
from bot.slack.speaking import language_for
from bot.slack.submission_claims import mark_first, submission_key, submission_team, was_first
from bot.slack.surface import SEARCH_BLOCK, SHARE_CHANNEL_BLOCK
from bot.slack.views.replies import shared_reply
from bot.slack.views.search import chosen_channel
from handlers.workspace import team_id_of

__all__ = ["make_post_shared_card", "make_share_submitted"]


def _values(view: dict[str, Any]) -> dict[str, Any]:
    return dict((view.get("state") or {}).get("values") or {})


def make_share_submitted(services: Services) -> Callable[..., None]:
    claims = Claims(services)

    def share_submitted(
        ack: Ack,
        body: dict[str, Any],
        view: dict[str, Any],
        client: WebClient,
        context: BoltContext,
    ) -> None:
        if parse_option_value(str(view.get("private_metadata") or ""), services.kb) is None:
            said = localise(
                phrases.CHOOSE_AN_ENTRY_FIRST,
                language_for(services, body, team_id=team_id_of(context)),
            )
            ack(response_action="errors", errors={SEARCH_BLOCK: said})
            return
        channel = chosen_channel(_values(view))
        if not channel or not bot_can_post(client, channel):
            said = localise(
                phrases.NOT_IN_CHANNEL, language_for(services, body, team_id=team_id_of(context))
            )
            ack(response_action="errors", errors={SHARE_CHANNEL_BLOCK: said})
            return
        if claims.first(submission_key(body, action="share"), team_id=submission_team(body)):
            mark_first(context)
        ack()

    return share_submitted


def make_post_shared_card(services: Services) -> Callable[..., None]:
    def post_shared_card(body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        if not was_first(context):
            return
        view = body.get("view") or {}
        ref = parse_option_value(str(view.get("private_metadata") or ""), services.kb)
        channel = chosen_channel(_values(view))
        if ref is None or not channel:
            return
        message = shared_reply(
            services.kb,
            ref.id,
            user_id=body["user"]["id"],
            tables=services.settings.table_blocks,
            otherwise=language_for(services, body, team_id=team_id_of(context)),
        )
        client.chat_postMessage(channel=channel, text=message.text, blocks=list(message.blocks))

    return post_shared_card
