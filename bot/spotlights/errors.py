"""The spotlight feature's exceptions: defined in :mod:`bot.errors` (the one tree), named here
too so the spotlight package's callers find them beside it."""

from __future__ import annotations

from bot.errors import (
    ChannelUnavailable,
    DeliveryStalled,
    PostError,
    PostRejected,
    RateLimited,
    ScheduleError,
    SpotlightError,
    TransientPostError,
)

__all__ = [
    "ChannelUnavailable",
    "DeliveryStalled",
    "PostError",
    "PostRejected",
    "RateLimited",
    "ScheduleError",
    "SpotlightError",
    "TransientPostError",
]
