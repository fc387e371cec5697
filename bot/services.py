"""What handlers need, gathered once per process and passed to every ``register()``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk.oauth.installation_store import InstallationStore

from bot.answers import prepared
from bot.config import Settings
from bot.feedback.question_log import QuestionLog
from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.slack.authorization import AuthorizationCache
from bot.slack.installations import installation_store
from bot.storage import Database, open_database

__all__ = ["Services", "build_services", "utc_now"]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Services:
    """The knowledge base, the database, settings, the installations (multi-workspace mode
    only) and a clock (injectable for tests)."""

    settings: Settings
    kb: KnowledgeBase
    database: Database
    installations: InstallationStore | None = None
    now: Callable[[], datetime] = field(default=utc_now)
    questions: QuestionLog | None = None
    """Counts questions and remembers unanswered ones in batches (None: not recorded)."""
    authorizations: AuthorizationCache | None = None
    """Who the bot is in each workspace, remembered (multi-workspace mode only): an uninstall
    drops its workspace's entry."""


def build_services(settings: Settings, *, apply_migrations: bool = True) -> Services:
    """Load the knowledge base, open the database and the installation store."""
    database = open_database(settings.database_url, apply_migrations=apply_migrations)
    installations = installation_store(settings, database)
    return Services(
        settings=settings,
        kb=prepared(load_knowledge_base(settings.data_dir)),
        database=database,
        installations=installations,
        questions=QuestionLog(database, enabled=settings.record_questions, now=utc_now),
        authorizations=AuthorizationCache() if installations is not None else None,
    )
