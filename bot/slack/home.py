"""The App Home for one user: the knowledge overview plus the spotlights they set up."""

from __future__ import annotations

from typing import Any

from bot.services import Services
from bot.slack.replies import home_view
from bot.spotlights import list_for_user

__all__ = ["user_home"]


def user_home(services: Services, *, team_id: str, user_id: str) -> dict[str, Any]:
    """The home view to publish for ``user_id`` in ``team_id``."""
    with services.database.sessions() as session:
        views = list_for_user(
            session, team_id=team_id, user_id=user_id, now=services.now(), kb=services.kb
        )
    subscriptions = [(view.channel_id, view.lines()) for view in views]
    return home_view(services.kb, subscriptions=subscriptions)
