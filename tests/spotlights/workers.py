"""Entry points for spotlight tests that run passes in other processes.

``run_pass`` is for multiprocessing (spawn); ``python -m tests.spotlights.workers`` runs one pass
as a real process that a test can kill. Either way the process opens its own Database from the
URL and loads its own knowledge base: nothing is shared with the test but the two servers.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from bot.knowledge import default_data_dir, load_knowledge_base
from bot.slack.poster import SlackPoster
from bot.spotlights import Pace, run_due
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


def main(argv: Sequence[str] | None = None) -> int:
    """One pass with the default lease and patience, as the clock would run it."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--now", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--posts-per-minute", type=float, required=True)
    parser.add_argument("--journal-dir", type=Path, required=True)
    parser.add_argument("--patience", type=float, default=60.0)
    args = parser.parse_args(argv)
    database = open_database(args.database_url)
    try:
        summary = run_due(
            now=datetime.fromisoformat(args.now),
            database=database,
            kb=load_knowledge_base(default_data_dir()),
            poster=SlackPoster(
                base_url=args.api_url, token_for=lambda _t, _e: args.token, backoff=0.0
            ),
            pace=Pace(posts_per_minute=args.posts_per_minute, channel_interval=0.01),
            journal_dir=args.journal_dir,
            patience=timedelta(seconds=args.patience),
        )
    finally:
        database.dispose()
    print(summary.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
