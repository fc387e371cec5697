"""What a delivery pass needs from Slack, in the domain's own terms: the :class:`Poster`.

The pass only posts a message (getting its ``ts`` back) and, when retrying a slot whose earlier
attempt may have reached Slack, finds that earlier post by the message metadata every spotlight
carries. Errors come back as the typed :class:`~bot.spotlights.errors.PostError` subclasses, so
the pass decides what to do from the type alone. The Slack edge implements it
(:class:`bot.slack.poster.SlackPoster`); the domain never imports slack_sdk's client.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final, Protocol

from bot.answers.render.render import Message

__all__ = ["EVENT_TYPE", "Poster", "spotlight_metadata"]

EVENT_TYPE: Final = "medicon_spotlight"
"""The ``metadata.event_type`` of every spotlight post."""


def spotlight_metadata(*, subscription_id: int, period: datetime) -> dict[str, Any]:
    """The message metadata that identifies one slot's post, for finding it again."""
    return {
        "event_type": EVENT_TYPE,
        "event_payload": {"subscription_id": subscription_id, "period": period.isoformat()},
    }


class Poster(Protocol):
    """Where spotlights go. Implementations are called from several threads at once."""

    def post(
        self,
        *,
        team_id: str,
        enterprise_id: str | None,
        channel_id: str,
        message: Message,
        metadata: Mapping[str, Any],
    ) -> str:
        """Post ``message`` and return its ``ts``.

        Raises ChannelUnavailable (pause), PostRejected (give up on this slot),
        RateLimited (nothing was posted: wait for its ``retry_after``, then post again) or
        TransientPostError (try again on a later pass).
        """
        ...

    def find_posted(
        self,
        *,
        team_id: str,
        enterprise_id: str | None,
        channel_id: str,
        metadata: Mapping[str, Any],
        since: datetime,
    ) -> str | None:
        """The ``ts`` of a message posted since ``since`` carrying ``metadata``, else None.

        None also when the channel's history cannot be read (no scope, or its rate limit
        answered 429): the caller then posts, accepting a rare duplicate over a lost spotlight.
        Raises TransientPostError when Slack could not be asked at all.
        """
        ...
