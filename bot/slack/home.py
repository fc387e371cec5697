"""The App Home for one user: the knowledge overview plus the spotlights they set up."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.knowledge import EntryRef
from bot.services import Services
from bot.slack.editors_home import editor_blocks
from bot.slack.replies import home_view
from bot.spotlights import list_for_user
from bot.storage.preferences import language_preference

__all__ = ["person_language", "user_home"]

_log = logging.getLogger(__name__)


def person_language(services: Services, *, team_id: str, user_id: str) -> str | None:
    """The language ``user_id`` chose in the App Home, or None for automatic, or when the
    database cannot say: a preference never stands between a person and an answer."""
    try:
        with services.database.sessions() as session:
            return language_preference(session, team_id=team_id, user_id=user_id)
    except SQLAlchemyError as error:
        _log.warning("could not read a language preference: %s", type(error).__name__)
        return None


def user_home(
    services: Services, *, team_id: str, user_id: str, showing: EntryRef | None = None
) -> dict[str, Any]:
    """The home view to publish for ``user_id`` in ``team_id``, in the language they chose
    (with an "Editors" section for the people in ``MEDICON_EDITORS``); ``showing`` one entry."""
    with services.database.sessions() as session:
        language = language_preference(session, team_id=team_id, user_id=user_id)
        if showing is not None:
            return home_view(services.kb, showing=showing, language=language)
        views = list_for_user(
            session, team_id=team_id, user_id=user_id, now=services.now(), kb=services.kb
        )
    subscriptions = [(view.channel_id, view.lines(language or "en")) for view in views]
    view = home_view(services.kb, subscriptions=subscriptions, language=language)
    if user_id in services.settings.editors:
        editors = editor_blocks(services, team_id=team_id, language=language or "en")
        view["blocks"] = [*view["blocks"][: 100 - len(editors)], *editors]
    return view
