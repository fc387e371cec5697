"""Weekly spotlights: subscriptions, the rotation of topics and exactly-once delivery.

Handlers call :mod:`~bot.spotlights.service`; the clock and ``medicon-bot spotlight run-due``
call :func:`run_due`. Importing this package starts nothing.
"""

from bot.spotlights.delivery import DEFAULT_GRACE, RunSummary, run_due
from bot.spotlights.delivery.pacing import DEFAULT_PACE, Pace
from bot.spotlights.delivery.ports import Poster
from bot.spotlights.errors import (
    ChannelUnavailable,
    DeliveryStalled,
    PostError,
    PostRejected,
    RateLimited,
    ScheduleError,
    SpotlightError,
    TransientPostError,
)
from bot.spotlights.schedule import Schedule, parse_schedule
from bot.spotlights.service import (
    SubscriptionView,
    describe,
    list_for_user,
    preview,
    remove_workspace,
    subscribe,
    unsubscribe,
)

__all__ = [
    "DEFAULT_GRACE",
    "DEFAULT_PACE",
    "ChannelUnavailable",
    "DeliveryStalled",
    "Pace",
    "PostError",
    "PostRejected",
    "Poster",
    "RateLimited",
    "RunSummary",
    "Schedule",
    "ScheduleError",
    "SpotlightError",
    "SubscriptionView",
    "TransientPostError",
    "describe",
    "list_for_user",
    "parse_schedule",
    "preview",
    "remove_workspace",
    "run_due",
    "subscribe",
    "unsubscribe",
]
