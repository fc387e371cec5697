"""The ``/medicon`` slash command."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.slack.error_policy import acknowledge, guarded
from bot.slack.surface import SLASH_COMMAND
from handlers.commands.medicon import make_medicon_command
from handlers.commands.spotlight import is_spotlight_command, make_spotlight_command

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    """Spotlight sub-commands first (they match on the first word), then every other question."""
    app.command(SLASH_COMMAND, matchers=[is_spotlight_command])(
        ack=acknowledge, lazy=[guarded(make_spotlight_command(services))]
    )
    app.command(SLASH_COMMAND)(make_medicon_command(services))
