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
