"""What other layers derive from a knowledge base is kept with it, built once, at load."""

from __future__ import annotations

import time

from bot.answers import answer_question, outcome, prepared
from bot.answers.understand.lexicon import Lexicon, build_lexicon, lexicon_for
from bot.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base


def test_a_view_is_built_once_per_knowledge_base_and_each_has_its_own() -> None:
    first, second = (load_knowledge_base(default_data_dir()) for _ in range(2))
    built: list[KnowledgeBase] = []

    def centres(kb: KnowledgeBase) -> int:
        built.append(kb)
        return len(kb.centres)

    assert first.view(centres) == first.view(centres) == len(first.centres)
    assert second.view(centres) == len(second.centres)
    assert [id(kb) for kb in built] == [id(first), id(second)]


def test_prepared_builds_the_lexicon_before_the_first_question() -> None:
    kb = prepared(load_knowledge_base(default_data_dir()))
    start = time.perf_counter()
    lexicon = lexicon_for(kb)
    assert time.perf_counter() - start < 0.05  # kept, not built (building takes ~140 ms)
    assert lexicon_for(kb) is lexicon
    assert isinstance(lexicon, Lexicon)
    assert lexicon == build_lexicon(kb)
    assert outcome(answer_question(kb, "where is LUDC?")).kind == "direct"
