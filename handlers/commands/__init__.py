"""The ``/medicon`` slash command: a question, or one of the spotlight's sub-commands."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.error_policy import guarded
from handlers.commands.fast_path import SPOTLIGHT_WORDS, MediconCommand
from handlers.commands.medicon import make_medicon_command
from handlers.commands.subscribe import make_subscribe
from handlers.commands.subscriptions import make_subscriptions
from handlers.commands.unsubscribe import make_unsubscribe

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Answer ``/medicon`` (after the app's global middleware, before any listener).

    There is no ``app.command``: the command is answered by a middleware
    (:mod:`handlers.commands.fast_path`), because Bolt's listener matching costs more than the
    cached answer does; the spotlight sub-commands still run as lazy listeners after it.
    """
    subscriptions = guarded(make_subscriptions(services))
    sub_commands = {word: subscriptions for word in SPOTLIGHT_WORDS}
    sub_commands["subscribe"] = guarded(make_subscribe(services))
    sub_commands["unsubscribe"] = guarded(make_unsubscribe(services))
    app.use(MediconCommand(make_medicon_command(services), sub_commands))
