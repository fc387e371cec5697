"""The App Home for one user: what it shows, read from the database; built by
:mod:`bot.slack.views.home`."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy.exc import SQLAlchemyError

from bot.answers.render.reply import marked_language_of_text
from bot.feedback.links import chart_query
from bot.feedback.summary import summarise
from bot.knowledge import EntryRef
from bot.services import Services
from bot.slack.surface import CHART_PATH
from bot.slack.views.home import EditorsView, home_view
from bot.spotlights import list_for_user
from bot.storage.preferences import language_preference

__all__ = ["LINK_LIFETIME", "chart_url", "chosen_unless_said", "person_language", "user_home"]

_log = logging.getLogger(__name__)

LINK_LIFETIME: Final = timedelta(days=1)
"""The home is published again whenever it is opened, so a day is plenty."""
_PERIOD: Final = timedelta(days=30)
_SHOWN: Final = 5


def chosen_unless_said(services: Services, text: str, *, team_id: str, user_id: str) -> str | None:
    """The language ``user_id`` chose, when ``text`` says none of its own (a bare name, a word
    both Danish and Swedish write): what a DM, a mention or a thread reply falls back on."""
    if marked_language_of_text(text) is not None:
        return None
    return person_language(services, team_id=team_id, user_id=user_id)


def person_language(services: Services, *, team_id: str, user_id: str) -> str | None:
    """The language ``user_id`` chose in the App Home, or None for automatic, or when the
    database cannot say: a preference never stands between a person and an answer."""
    try:
        with services.database.sessions() as session:
            return language_preference(session, team_id=team_id, user_id=user_id)
    except SQLAlchemyError as error:
        _log.warning("could not read a language preference: %s", type(error).__name__)
        return None


def chart_url(
    services: Services, *, team_id: str, now: datetime, language: str = "en"
) -> str | None:
    """A link to ``team_id``'s chart in ``language`` valid for :data:`LINK_LIFETIME`, or None
    when this deployment has no public URL (``MEDICON_PUBLIC_URL``) or no signing secret."""
    settings = services.settings
    if settings.public_url is None or settings.slack_signing_secret is None:
        return None
    secret = settings.slack_signing_secret.get_secret_value().encode()
    expires = int((now + LINK_LIFETIME).timestamp())
    base = str(settings.public_url).rstrip("/")
    query = chart_query(secret, team_id=team_id, expires=expires, language=language)
    return f"{base}{CHART_PATH}?{query}"


def _editors_view(services: Services, *, team_id: str, language: str) -> EditorsView:
    """The editors' section for ``team_id`` (the last 30 days; the chart, in the editor's
    ``language``: the last 7)."""
    now = services.now()
    with services.database.sessions() as session:
        summary = summarise(session, since=now - _PERIOD, team_id=team_id, limit=_SHOWN)
    link = chart_url(services, team_id=team_id, now=now, language=language)
    return EditorsView(summary=summary, chart_url=link)


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
    editors = (
        _editors_view(services, team_id=team_id, language=language or "en")
        if user_id in services.settings.editors
        else None
    )
    return home_view(services.kb, subscriptions=subscriptions, language=language, editors=editors)
