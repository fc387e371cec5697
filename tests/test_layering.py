"""The domain never reaches into the Slack edge: ``bot/answers``, ``bot/knowledge``,
``bot/spotlights``, ``bot/storage`` and ``bot/feedback`` import neither ``bot.slack`` nor the
Bolt listeners in ``handlers``, so they run (and are tested) without a Slack app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = ("answers", "conversation", "knowledge", "spotlights", "storage", "feedback")
EDGE = ("bot.slack", "handlers")


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", DOMAIN)
def test_the_domain_does_not_import_the_slack_edge(package: str) -> None:
    sources = sorted((ROOT / "bot" / package).rglob("*.py"))
    assert sources, package
    crossings = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sources
        for name in sorted(_imported(path))
        if any(name == edge or name.startswith(f"{edge}.") for edge in EDGE)
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
