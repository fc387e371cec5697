"""Events the app receives but does not act on."""

from __future__ import annotations

__all__ = ["acknowledge_only"]


def acknowledge_only() -> None:
    """Nothing to do; Bolt has already answered 200, so Slack will not retry."""
