"""The domain never reaches into the Slack edge: ``bot/answers``, ``bot/conversation``,
``bot/knowledge``, ``bot/spotlights``, ``bot/storage``, ``bot/feedback`` and ``bot/text`` import
neither ``bot.slack`` nor the Bolt listeners in ``handlers``, nor the Slack SDKs themselves
(``slack_sdk``, ``slack_bolt``) but for slack_sdk's Block Kit models. So they run (and are
tested) without a Slack app, and talking to Slack stays in ``bot/slack``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ("answers", "conversation", "knowledge", "spotlights", "storage", "feedback", "text")
EDGE = ("bot.slack", "handlers")
SLACK_SDKS = ("slack_sdk", "slack_bolt")
BLOCK_KIT = "slack_sdk.models"
"""slack_sdk's Block Kit models: plain data that checks Slack's limits, sent by no one."""
SCHEMA_HISTORY = Path("bot/storage/migrations/versions/0003_installations.py")
"""An Alembic revision that creates slack_sdk's installation tables from slack_sdk's own
definitions: a frozen record of the schema, run only by migrations, never at request time."""


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")


def _sources(package: str) -> list[Path]:
    sources = sorted((ROOT / "bot" / package).rglob("*.py"))
    assert sources, package
    return sources


@pytest.mark.parametrize("package", DOMAIN)
def test_the_domain_does_not_import_the_slack_edge(package: str) -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _sources(package)
        for name in sorted(_imported(path))
        if any(_within(name, edge) for edge in EDGE)
    ]
    assert crossings == []


@pytest.mark.parametrize("package", DOMAIN)
def test_the_domain_does_not_talk_to_slack(package: str) -> None:
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in _sources(package)
        if path.relative_to(ROOT) != SCHEMA_HISTORY
        for name in sorted(_imported(path))
        if any(_within(name, sdk) for sdk in SLACK_SDKS) and not _within(name, BLOCK_KIT)
    ]
    assert crossings == []


_STEPS = ("understand", "resolve", "render")
"""The answering road, in order: a step imports the steps before it, never one after it."""


@pytest.mark.parametrize("position", range(len(_STEPS)))
def test_each_answering_step_imports_only_the_steps_before_it(position: int) -> None:
    step = _STEPS[position]
    later = [f"bot.answers.{name}" for name in _STEPS[position + 1 :]]
    sources = sorted((ROOT / "bot" / "answers" / step).rglob("*.py"))
    assert sources, step
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sources
        for name in sorted(_imported(path))
        if any(name == after or name.startswith(f"{after}.") for after in later)
    ]
    assert crossings == []


def test_the_answer_records_import_no_step() -> None:
    """Every step reads the records; the records know none of them."""
    imported = _imported(ROOT / "bot" / "answers" / "records.py")
    assert sorted(name for name in imported if name.startswith(("bot.answers.", "bot.slack"))) == []


def test_the_search_index_does_not_import_the_knowledge_base_that_holds_it() -> None:
    """Not even for type checking: the index is built from records, the base builds the index."""
    assert "bot.knowledge.base" not in _imported(ROOT / "bot" / "knowledge" / "index.py")
