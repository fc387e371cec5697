"""The ``/medicon`` slash command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_bolt.util.utils import create_copy

from bot.services import Services
from bot.slack.error_policy import guarded
from bot.slack.surface import SLASH_COMMAND
from handlers.commands.medicon import make_medicon_command
from handlers.commands.spotlight import is_spotlight_command, make_spotlight_command

__all__ = ["register"]


def _follow_up(function: Callable[..., None], request: BoltRequest, context: BoltContext) -> None:
    """Run ``function`` after the acknowledgement exactly as Bolt runs a lazy listener: in Bolt's
    executor, on a copy of the request, with the arguments it asks for."""
    copied: BoltRequest = create_copy(request.to_copyable())
    copied.lazy_only = True
    copied.lazy_function_name = function.__name__
    copied.context["listener_runner"] = context.listener_runner
    context.listener_runner.lazy_listener_runner.start(function=function, request=copied)


class MediconCommand(Middleware):
    """``/medicon``, answered as soon as Bolt's own checks (and the app's) have passed.

    One handler for the command, and the first word picks what answers: a spotlight word is
    acknowledged at once and does its work (a channel check, a database write) afterwards; any
    other text is answered in the acknowledgement itself. It is a class-based middleware rather
    than a listener because Bolt's listener matching (argument injection for the matcher and
    again for the listener) costs more than the cached answer does (bench/slack_http.py).
    Failures reach the app's one error handler, as a listener's do.
    """

    def __init__(
        self, answer: Callable[[dict[str, Any]], BoltResponse], spotlight: Callable[..., None]
    ) -> None:
        self._answer = answer
        self._spotlight = spotlight

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse | None:
        command = req.body
        if command.get("command") != SLASH_COMMAND:
            next()
            return resp
        if is_spotlight_command(command):
            _follow_up(self._spotlight, req, req.context)
            return BoltResponse(status=200, body="")
        return self._answer(command)


def register(app: App, services: Services) -> None:
    """Answer ``/medicon`` (after the app's global middleware, before any listener)."""
    app.use(
        MediconCommand(make_medicon_command(services), guarded(make_spotlight_command(services)))
    )
