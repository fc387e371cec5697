"""Which language to speak to someone in: the language of what they wrote when it has one,
else the language they chose (App Home or settings), else English."""

from __future__ import annotations

from typing import Any

from bot.answers.locale import Language, language_or_english
from bot.answers.reply import marked_language_of_text
from bot.services import Services
from bot.slack.home import person_language

__all__ = ["language_for", "person_of"]


def person_of(body: dict[str, Any]) -> tuple[str, str]:
    """``(team_id, user_id)`` of whoever sent an interaction, command or event."""
    user = body.get("user")
    event = body.get("event") or {}
    user_id = user.get("id") if isinstance(user, dict) else body.get("user_id") or user
    user_id = user_id or event.get("user")
    team = body.get("team")
    team_id = team.get("id") if isinstance(team, dict) else body.get("team_id") or team
    team_id = team_id or (user.get("team_id") if isinstance(user, dict) else None)
    return str(team_id or event.get("team") or ""), str(user_id or "")


def language_for(services: Services, body: dict[str, Any], *, text: str = "") -> Language:
    """The language to answer ``body``'s sender in: ``text``'s own, else their choice, else
    English (a database that cannot say never stands in the way: English then)."""
    marked = marked_language_of_text(text) if text else None
    if marked is not None:
        return marked
    team_id, user_id = person_of(body)
    if not user_id:
        return "en"
    return language_or_english(person_language(services, team_id=team_id, user_id=user_id))
