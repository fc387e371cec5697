"""What handlers need, gathered once per process and passed to every ``register()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.storage import Database

__all__ = ["Services", "utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    """The knowledge base, the database, settings and a clock (injectable for tests)."""

    settings: Settings
    kb: KnowledgeBase
    database: Database
    now: Callable[[], datetime] = field(default=utc_now)
