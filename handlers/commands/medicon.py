"""``/medicon <text>``: answered from memory, so the acknowledgement itself is the answer.

A question read as typed is a pure function of the text and the immutable knowledge base, so
each worker keeps the most recent replies ready to send, serialised: people ask the same few
questions, and rendering and encoding are the costly part of a request. A follow-up ("who
leads it?") depends on the person's last question in the channel, so it is rendered afresh.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from slack_bolt import BoltContext, BoltResponse

from bot.answers import Outcome
from bot.answers.render.reply import marked_language_of_text
from bot.conversation import (
    Context,
    follow_up,
    leans_on_context,
    recall,
    remember,
    take_turn,
)
from bot.services import Services
from bot.slack.conversations import command_key, note_question
from bot.slack.home import person_language
from bot.slack.views.replies import reply_to_command
from bot.text import clean_line
from handlers.workspace import team_id_of

__all__ = ["make_medicon_command"]

_CACHED_REPLIES = 1024
_JSON: dict[str, str | Sequence[str]] = {"content-type": "application/json;charset=utf-8"}


def make_medicon_command(services: Services) -> Callable[..., BoltResponse]:
    tables = services.settings.table_blocks

    @lru_cache(maxsize=_CACHED_REPLIES)
    def fresh_reply(text: str, otherwise: str | None) -> tuple[str, Outcome, Context | None]:
        """The reply to ``text`` read as typed (in ``otherwise`` when the text has no language
        of its own), what it was, and the context it leaves (None: none new)."""
        turn = take_turn(services.kb, text, None)
        reply = reply_to_command(services.kb, text, tables=tables, turn=turn, otherwise=otherwise)
        body = json.dumps({"response_type": "ephemeral", **reply.message.as_dict()})
        return body, reply.outcome, turn.context

    @lru_cache(maxsize=_CACHED_REPLIES)
    def leans(text: str) -> bool:
        """Whether a context could change ``text``'s reading (else none is looked up)."""
        return leans_on_context(services.kb, text)

    @lru_cache(maxsize=_CACHED_REPLIES)
    def unmarked(text: str) -> bool:
        """Whether nothing in ``text`` says its language (a bare name: the person's choice)."""
        return marked_language_of_text(text) is None

    def medicon_command(command: dict[str, Any], bolt: BoltContext) -> BoltResponse:
        # Bolt sends a BoltResponse the listener returns as the acknowledgement itself.
        text = clean_line(command.get("text"))
        team_id = team_id_of(bolt)
        key = command_key(team_id, command)
        otherwise = None
        if unmarked(text):
            otherwise = person_language(
                services, team_id=team_id, user_id=str(command.get("user_id") or "")
            )
        previous = (
            recall(services.database, services.kb, key=key, now=services.now())
            if leans(text)
            else None
        )
        last = previous.context if previous is not None else None
        step = follow_up(services.kb, text, last) if last is not None else None
        if step is None or step.assumed is None:
            body, said, context = fresh_reply(text, otherwise)
            context = context or last  # after a decline: still about what it was
        else:
            turn = take_turn(services.kb, text, last)
            reply = reply_to_command(
                services.kb, text, tables=tables, turn=turn, otherwise=otherwise
            )
            body = json.dumps({"response_type": "ephemeral", **reply.message.as_dict()})
            said, context = reply.outcome, turn.context
        remember(
            services.database,
            key=key,
            context=context,
            previous=previous,
            now=services.now(),
            enterprise_id=bolt.enterprise_id,
        )
        note_question(services, team_id=team_id, surface="slash", question=text, said=said)
        return BoltResponse(status=200, body=body, headers=_JSON)

    return medicon_command
