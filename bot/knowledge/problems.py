"""What is wrong with a knowledge base, in the form editors act on: ``file:line: path: message``.

Defined in :mod:`bot.errors` (the one tree), named here too for the knowledge package."""

from __future__ import annotations

from bot.errors import KnowledgeBaseError, Problem

__all__ = ["KnowledgeBaseError", "Problem"]
