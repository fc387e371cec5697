"""Slack surfaces: one package per surface, each with its own ``register(app, services)``."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers import actions, commands, events, options, shortcuts, views

__all__ = ["register_handlers"]


def register_handlers(app: App, services: Services) -> None:
    """Register every listener. Events go last: their catch-all must not shadow the others."""
    commands.register(app, services)
    actions.register(app, services)
    views.register(app, services)
    shortcuts.register(app, services)
    options.register(app, services)
    events.register(app, services)
