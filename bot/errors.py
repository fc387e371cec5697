"""The project's exceptions.

    MediconBotError                 base of everything the bot raises on purpose
    ├── KnowledgeBaseError          data/ failed to load; lists every problem with file:line
    └── ConfigurationError          an environment variable is missing or malformed (bot.config)

Each carries a message fit to show an operator as it is, without a traceback.
"""

from __future__ import annotations

__all__ = ["ConfigurationError", "MediconBotError"]


class MediconBotError(Exception):
    """Base class: an expected failure with a message for humans."""


class ConfigurationError(MediconBotError):
    """A setting from the environment is missing or malformed; the message names the variable."""
