"""The spotlight feature's exceptions; each message can be shown to a Slack user as it is.

MediconBotError
└── SpotlightError
    ├── ScheduleError           what was typed after /medicon subscribe is not a schedule
    ├── DeliveryStalled         the database would not take a pass's outcomes; the pass stopped
    └── PostError               Slack did not take a spotlight post (raised by a Poster)
        ├── ChannelUnavailable  never retried: the subscription is paused with the reason
        ├── PostRejected        Slack refused this message; retrying will not help
        └── TransientPostError  network or 5xx after retries: left due
            └── RateLimited     429: nothing was posted; the workspace waits for Retry-After
"""

from __future__ import annotations

from bot.errors import MediconBotError

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


class SpotlightError(MediconBotError):
    """Base class of the spotlight feature's expected failures."""


class ScheduleError(SpotlightError):
    """A schedule could not be read; the message is a friendly correction with an example."""


class PostError(SpotlightError):
    """Slack did not take a post; ``code`` is Slack's error code or a short description."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ChannelUnavailable(PostError):
    """The channel (or the workspace's token) cannot take posts until a person fixes it."""


class PostRejected(PostError):
    """Slack answered with an error that retrying the same post cannot fix."""


class TransientPostError(PostError):
    """A network error, a 5xx or a rate limit that outlasted the retries: try again later."""


class RateLimited(TransientPostError):
    """Slack answered 429: the post was not made. Post again after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("ratelimited")
        self.retry_after = retry_after


class DeliveryStalled(SpotlightError):
    """The database did not take a pass's outcomes in time; what was posted is in the journal.

    The message is one line for the CLI and the log.
    """
