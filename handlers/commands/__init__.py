"""The ``/medicon`` slash command."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from bot.surface import SLASH_COMMAND
from handlers.commands.medicon import make_medicon_command

__all__ = ["register"]


def register(app: App, services: Services) -> None:
    app.command(SLASH_COMMAND)(make_medicon_command(services))
