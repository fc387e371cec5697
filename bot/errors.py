"""Every exception the bot raises on purpose, in one tree (``tests/test_errors.py`` walks it).

    MediconBotError                 base of everything the bot raises on purpose
    ├── ConfigurationError          an environment variable is missing or malformed (bot.config)
    ├── KnowledgeBaseError          data/ failed to load; lists every problem with file:line
    └── SpotlightError              the weekly spotlight's expected failures
        ├── ScheduleError           what was typed after /medicon subscribe is not a schedule
        ├── SpotlightChoiceError    the settings modal's choices cannot be saved (per field)
        ├── DeliveryStalled         the database would not take a pass's outcomes; it stopped
        └── PostError               Slack did not take a spotlight post (raised by a Poster)
            ├── ChannelUnavailable  never retried: the subscription is paused with the reason
            ├── PostRejected        Slack refused this message; retrying will not help
            └── TransientPostError  network or 5xx after retries: left due
                └── RateLimited     429: nothing was posted; the workspace waits for Retry-After

Each carries a message fit to show as it is, without a traceback: an operator reads
ConfigurationError, KnowledgeBaseError and DeliveryStalled; a Slack user reads ScheduleError
(the reply to ``/medicon subscribe``) and SpotlightChoiceError (on the modal's fields). The
packages that raise them re-export them (``bot.spotlights``, ``bot.knowledge``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "ChannelUnavailable",
    "ConfigurationError",
    "DeliveryStalled",
    "KnowledgeBaseError",
    "MediconBotError",
    "PostError",
    "PostRejected",
    "Problem",
    "RateLimited",
    "ScheduleError",
    "SpotlightChoiceError",
    "SpotlightError",
    "TransientPostError",
]


class MediconBotError(Exception):
    """Base class: an expected failure with a message for humans."""


class ConfigurationError(MediconBotError):
    """A setting from the environment is missing or malformed; the message names the variable."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one knowledge-base file, as editors act on it:
    ``file:line: path: message``."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.path}: {self.message}"


class KnowledgeBaseError(MediconBotError):
    """The knowledge base did not load; ``problems`` lists every reason, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        summary = f"knowledge base has {count} problem{'s' if count != 1 else ''}"
        super().__init__("\n".join([summary, *(str(problem) for problem in self.problems)]))


class SpotlightError(MediconBotError):
    """Base class of the spotlight feature's expected failures."""


class ScheduleError(SpotlightError):
    """A schedule could not be read; the message is a friendly correction with an example."""


class SpotlightChoiceError(SpotlightError):
    """Submitted choices that cannot be saved: ``errors`` maps each field's block id to what to
    tell the user there."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


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
