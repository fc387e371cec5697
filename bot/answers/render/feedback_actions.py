"""The action ids of the buttons under every answer.

They live beside the blocks that carry them, so the domain (answers, spotlights) can build those
blocks without importing the Slack edge; ``bot.slack.surface`` re-exports them with the rest of
what the app registers.
"""

from __future__ import annotations

from typing import Final

__all__ = ["FEEDBACK_HELPFUL", "FEEDBACK_NOT_HELPFUL", "SUGGEST_ADDITION"]

FEEDBACK_HELPFUL: Final = "feedback_helpful"
FEEDBACK_NOT_HELPFUL: Final = "feedback_not_helpful"
SUGGEST_ADDITION: Final = "suggest_addition"
"""Buttons under answers (block_actions action ids; interactivity needs no extra scope)."""
