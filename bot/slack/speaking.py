"""Which language to speak to someone in: the language of what they wrote when it has one,
else the language they chose (App Home or settings), else English."""

from __future__ import annotations

from typing import Any

from bot.answers.locale import Language, language_or_english
from bot.answers.render.reply import marked_language_of_text
from bot.services import Services
from bot.slack.home import person_language

__all__ = ["language_for", "user_of"]


def user_of(body: dict[str, Any]) -> str:
    """The user id of whoever sent an interaction, command or event."""
    user = body.get("user")
    event = body.get("event") or {}
    user_id = user.get("id") if isinstance(user, dict) else body.get("user_id") or user
    return str(user_id or event.get("user") or "")


def language_for(
    services: Services, body: dict[str, Any], *, team_id: str, text: str = ""
) -> Language:
    """The language to answer ``body``'s sender in ``team_id`` (the workspace Bolt authorized
    the request in): ``text``'s own, else their choice, else English (a database that cannot
    say never stands in the way: English then)."""
    marked = marked_language_of_text(text) if text else None
    if marked is not None:
        return marked
    user_id = user_of(body)
    if not user_id:
        return "en"
    return language_or_english(person_language(services, team_id=team_id, user_id=user_id))
