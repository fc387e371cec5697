from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import KnowledgeBase, load_knowledge_base

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The shipped knowledge base, loaded once: it is immutable, so tests can share it."""
    return load_knowledge_base(DATA)
