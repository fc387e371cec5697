"""A button or select that opens a field or centre, wherever it was clicked.

In the App Home the tab itself changes; in an ephemeral answer the answer is replaced in
place; under any other message the clicker alone sees the answer, with a Share button.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.knowledge import EntryRef
from bot.services import Services
from bot.slack import phrases
from bot.slack.home import person_language, user_home
from bot.slack.speaking import language_for
from bot.slack.views.replies import entry_reply
from handlers.workspace import team_id_of

__all__ = ["make_open_entry"]


def _chosen_id(action: dict[str, Any]) -> str:
    selected = action.get("selected_option")
    if isinstance(selected, dict):
        return str(selected.get("value", ""))
    return str(action.get("value", ""))


def make_open_entry(services: Services, *, kind: Literal["field", "centre"]) -> Callable[..., None]:
    def open_entry(
        action: dict[str, Any],
        body: dict[str, Any],
        respond: Respond,
        client: WebClient,
        context: BoltContext,
    ) -> None:
        entry_id = _chosen_id(action)
        known = services.kb.fields if kind == "field" else services.kb.centres
        if entry_id not in known:
            said = localise(
                phrases.ENTRY_GONE, language_for(services, body, team_id=team_id_of(context))
            )
            respond(response_type="ephemeral", replace_original=False, text=said)
            return
        ref = EntryRef(kind, entry_id)
        container = body.get("container") or {}
        team = team_id_of(context)
        if container.get("type") == "view":
            user_id = body["user"]["id"]
            client.views_publish(
                user_id=user_id,
                view=user_home(services, team_id=team, user_id=user_id, showing=ref),
            )
            return
        language = person_language(services, team_id=team, user_id=body["user"]["id"])
        message = entry_reply(services.kb, ref, language=language or "en")
        respond(
            response_type="ephemeral",
            replace_original=bool(container.get("is_ephemeral")),
            text=message.text,
            blocks=list(message.blocks),
        )

    return open_entry
