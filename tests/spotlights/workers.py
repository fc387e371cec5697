"""Entry points for spotlight tests that run passes in other processes (multiprocessing spawn).

A spawned process imports this module afresh, so it opens its own Database from the URL and
loads its own knowledge base: nothing is shared with the test process but the two servers.
"""

from __future__ import annotations

from datetime import datetime

from bot.knowledge import default_data_dir, load_knowledge_base
from bot.spotlights import SlackPoster, run_due
from bot.storage import open_database
from tests.spotlights.conftest import FAST_PACE


def run_pass(database_url: str, api_url: str, now_iso: str, token: str) -> tuple[int, int]:
    """One run_due pass in this process; returns (posted, taken by another run)."""
    database = open_database(database_url)
    try:
        summary = run_due(
            now=datetime.fromisoformat(now_iso),
            database=database,
            kb=load_knowledge_base(default_data_dir()),
            poster=SlackPoster(base_url=api_url, token_for=lambda _t, _e: token, backoff=0.0),
            page_size=50,
            pace=FAST_PACE,
        )
    finally:
        database.dispose()
    return summary.posted, summary.busy
