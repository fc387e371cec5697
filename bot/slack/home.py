"""The App Home for one user: the knowledge overview plus the spotlights they set up."""

from __future__ import annotations

from typing import Any

from bot.services import Services
from bot.slack.editors_home import editor_blocks
from bot.slack.replies import home_view
from bot.spotlights import list_for_user

__all__ = ["user_home"]


def user_home(services: Services, *, team_id: str, user_id: str) -> dict[str, Any]:
    """The home view to publish for ``user_id`` in ``team_id`` (with an "Editors" section for
    the people in ``MEDICON_EDITORS``)."""
    with services.database.sessions() as session:
        views = list_for_user(
            session, team_id=team_id, user_id=user_id, now=services.now(), kb=services.kb
        )
    subscriptions = [(view.channel_id, view.lines()) for view in views]
    view = home_view(services.kb, subscriptions=subscriptions)
    if user_id in services.settings.editors:
        editors = editor_blocks(services, team_id=team_id)
        view["blocks"] = [*view["blocks"][: 100 - len(editors)], *editors]
    return view
