"""``/medicon`` answered as soon as Bolt's own checks (and the app's) have passed.

A class-based middleware rather than an ``app.command`` listener: Bolt's listener matching
(argument injection for the matcher and again for the listener) costs more than the cached
answer does (bench/slack_http.py). The first word picks what answers: a spotlight sub-command is
acknowledged at once and does its work (a channel check, a database write) afterwards, exactly
as a lazy listener would; any other text is answered in the acknowledgement itself. Failures
reach the app's one error handler, as a listener's do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from slack_bolt import BoltContext, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_bolt.util.utils import create_copy

from bot.answers.phrases import SLACK_ONLY_WORDS
from bot.slack.surface import SLASH_COMMAND
from bot.text import clean_line

__all__ = ["SPOTLIGHT_WORDS", "MediconCommand", "split_command"]

SPOTLIGHT_WORDS: Final = SLACK_ONLY_WORDS
"""The spotlight sub-commands: the same words the offline console answers with "works in
Slack"."""


def split_command(command: dict[str, Any]) -> tuple[str, str]:
    """The first word of the command's text (case-folded), which picks its handler, and what
    follows it."""
    word, _, rest = clean_line(command.get("text")).partition(" ")
    return word.casefold(), rest.strip()


def _follow_up(function: Callable[..., None], request: BoltRequest, context: BoltContext) -> None:
    """Run ``function`` after the acknowledgement exactly as Bolt runs a lazy listener: in Bolt's
    executor, on a copy of the request, with the arguments it asks for."""
    copied: BoltRequest = create_copy(request.to_copyable())
    copied.lazy_only = True
    copied.lazy_function_name = function.__name__
    copied.context["listener_runner"] = context.listener_runner
    context.listener_runner.lazy_listener_runner.start(function=function, request=copied)


class MediconCommand(Middleware):
    """The one handler of ``/medicon``: ``answer`` for a question, in the acknowledgement;
    ``sub_commands`` (first word → lazy listener) for the spotlight's, after it."""

    def __init__(
        self,
        answer: Callable[[dict[str, object], BoltContext], BoltResponse],
        sub_commands: Mapping[str, Callable[..., None]],
    ) -> None:
        self._answer = answer
        self._sub_commands = dict(sub_commands)

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        command = req.body
        if command.get("command") != SLASH_COMMAND:
            next()
            return resp
        sub_command = self._sub_commands.get(split_command(command)[0])
        if sub_command is not None:
            _follow_up(sub_command, req, req.context)
            return BoltResponse(status=200, body="")
        return self._answer(command, req.context)
