"""Each channel sees every topic once before any repeats; the rotation survives restarts and
knowledge-base edits, and never features an ended centre as current."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.spotlights import run_due
from bot.spotlights.rotation import topic_keys
from bot.storage import open_database
from tests.spotlights.conftest import headline, make_poster, subscribe_channels
from tests.support.kb_files import CENTRES, write_kb
from tests.support.slack_stand_in import SlackStandIn

SUBSCRIBED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SLOT = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)

ENDED = """\
  - id: old-centre
    name: Old Centre
    kind: centre
    fields: [cancer]
    summary: Closed years ago.
    status: ended
    sources: [seed]
"""

NAMES = {
    "Cancer": "field:cancer",
    "Neuroscience": "field:neuroscience",
    "CREATE Health": "centre:create-health",
    "Wallenberg Neuroscience Center (WNC)": "centre:wnc",
}


def _small_kb(directory: Path, *, centres: str = CENTRES + ENDED) -> KnowledgeBase:
    return load_knowledge_base(write_kb(directory, centres=centres))


def _weeks(database_url: str, kb: KnowledgeBase, stand_in: SlackStandIn, weeks: range) -> list[str]:
    """Run one pass per week, each with a fresh Database (a restart); the topics posted."""
    featured = []
    for week in weeks:
        stand_in.clear()
        database = open_database(database_url)
        try:
            summary = run_due(
                now=SLOT + timedelta(weeks=week),
                database=database,
                kb=kb,
                poster=make_poster(stand_in),
            )
        finally:
            database.dispose()
        assert summary.posted == 1, week
        [call] = stand_in.calls("chat.postMessage")
        name = headline(call.blocks()).removeprefix(":sparkles: Medicon Valley spotlight: ")
        featured.append(NAMES[name])
    return featured


def test_every_topic_once_per_cycle_across_restarts(
    database_url: str, tmp_path: Path, slack_stand_in: SlackStandIn
) -> None:
    kb = _small_kb(tmp_path / "kb")
    database = open_database(database_url)
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    database.dispose()
    topics = set(topic_keys(kb))
    assert topics == set(NAMES.values())  # the ended centre is not a topic

    featured = _weeks(database_url, kb, slack_stand_in, range(12))

    for cycle in range(3):
        assert set(featured[cycle * 4 : cycle * 4 + 4]) == topics, featured
    assert all(a != b for a, b in itertools.pairwise(featured)), featured


def test_a_removed_entry_is_skipped_and_the_cycle_completes(
    database_url: str, tmp_path: Path, slack_stand_in: SlackStandIn
) -> None:
    kb = _small_kb(tmp_path / "kb")
    database = open_database(database_url)
    subscribe_channels(database, ["C1"], now=SUBSCRIBED)
    database.dispose()
    first = _weeks(database_url, kb, slack_stand_in, range(2))

    # An editor removes a centre (featured already or not: either way it must not break).
    removed = "centre:wnc"
    smaller = _small_kb(tmp_path / "smaller", centres=CENTRES.split("  - id: wnc")[0])
    assert removed not in topic_keys(smaller)

    rest = _weeks(database_url, smaller, slack_stand_in, range(2, 6))

    remaining = set(topic_keys(smaller)) - set(first)
    assert removed not in rest
    # The rest of the first cycle, then a new cycle over what the smaller base has.
    assert set(rest[: len(remaining)]) == remaining
    assert set(rest[len(remaining) :]) <= set(topic_keys(smaller))


def test_the_shipped_knowledge_base_rotates_over_fields_and_active_centres(
    kb: KnowledgeBase,
) -> None:
    keys = topic_keys(kb)
    assert {k for k in keys if k.startswith("field:")} == {f"field:{f}" for f in kb.fields}
    ended = {f"centre:{c.id}" for c in kb.centres.values() if c.status.value != "active"}
    assert ended
    assert not ended & set(keys)
