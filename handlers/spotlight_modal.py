"""Opening the spotlight settings modal, for the set-up button and ``/medicon subscribe`` alone.

Shared by two handlers, so it lives beside them rather than in either.
"""

from __future__ import annotations

import logging
from typing import Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.views.spotlight import spotlight_view
from bot.spotlights import ScheduleError, parse_schedule

__all__ = ["open_spotlight_modal"]

_log: Final = logging.getLogger(__name__)


def _user_timezone(client: WebClient, user_id: str) -> str | None:
    try:
        answer = client.users_info(user=user_id)
    except (SlackApiError, OSError):
        return None  # no users:read yet, a deleted user, or Slack too slow: the default will do
    user = answer.get("user") or {}
    zone = user.get("tz")
    if not isinstance(zone, str):
        return None
    try:
        return parse_schedule(zone, default_timezone="UTC").timezone
    except ScheduleError:
        return None


def open_spotlight_modal(
    client: WebClient,
    *,
    trigger_id: str,
    user_id: str,
    channel_id: str | None,
    default_timezone: str,
    language: str = "en",
) -> None:
    """Open the modal for ``user_id`` at once (in ``language``, theirs), then preselect their
    own timezone.

    The trigger lasts 3 s, so the modal opens with the default zone before asking Slack for the
    user's profile; when it answers with another zone the open modal is updated (by its hash, so
    a newer version of it is never overwritten). If the profile never comes, the default stays.
    """
    view = spotlight_view(
        channel_id=channel_id,
        timezone=default_timezone,
        default_timezone=default_timezone,
        language=language,
    )
    opened = client.views_open(trigger_id=trigger_id, view=view)
    shown = opened.get("view") or {}
    view_id, view_hash = shown.get("id"), shown.get("hash")
    if not isinstance(view_id, str) or not isinstance(view_hash, str):
        return
    zone = _user_timezone(client, user_id)
    if zone is None or zone == default_timezone:
        return
    seeded = spotlight_view(
        channel_id=channel_id, timezone=zone, default_timezone=default_timezone, language=language
    )
    try:
        client.views_update(view_id=view_id, hash=view_hash, view=seeded)
    except (SlackApiError, OSError) as error:
        # hash_conflict: the modal changed meanwhile; closed or slow: the default zone stays.
        reason = error.response.get("error") if isinstance(error, SlackApiError) else None
        _log.info("spotlight modal keeps the default timezone: %s", reason or type(error).__name__)
