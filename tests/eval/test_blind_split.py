"""The blind splits as a test: scored in CI so answers on unseen questions cannot get worse.

``tests/eval/blind.yaml`` and ``blind2.yaml`` were each written from ``data/`` by someone who
never saw the code or the bot's answers (issue 17; the second a session later, against the
knowledge base with its companies and dated changes). They are never tuned on: a miss there is
fixed by a mechanism that generalises, checked on the main set and on new cases of one's own.
These floors are a little under the scores the code has reached; raise them when it does better.
"""

from __future__ import annotations

import pytest

from bot.knowledge import default_data_dir, load_knowledge_base
from tests.eval.runner import (
    BLIND,
    BLIND2,
    DECLINE_KINDS,
    NAME_KINDS,
    QUESTION_KINDS,
    Report,
    evaluate,
    load_queries,
    responder_for,
)

FLOORS = {
    # split: (in-domain top-1, answered right, declined); a little under what was measured
    # (blind 0.87, 0.75, 0.94; blind2 0.88, 0.72, 0.97), so a change that answers worse fails
    "blind": (0.85, 0.73, 0.92),
    "blind2": (0.86, 0.70, 0.95),
}
SPLITS = {"blind": BLIND, "blind2": BLIND2}


@pytest.fixture(scope="module", params=sorted(SPLITS))
def split(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def report(split: str) -> Report:
    kb = load_knowledge_base(default_data_dir())
    return evaluate(load_queries(SPLITS[split]), responder_for(kb), kb=kb)


def test_the_blind_split_is_large_and_mostly_about_prose(split: str) -> None:
    queries = load_queries(SPLITS[split])
    assert len(queries) >= 300
    assert sum("prose" in q.tags for q in queries) >= len(queries) / 3


def test_unseen_questions_find_the_right_entry(split: str, report: Report) -> None:
    failing = "\n  ".join(report.failures(NAME_KINDS | QUESTION_KINDS, check="top1"))
    assert report.in_domain_top1 >= FLOORS[split][0], failing


def test_unseen_questions_are_answered_with_the_asked_fact(split: str, report: Report) -> None:
    failing = "\n  ".join(report.failures(QUESTION_KINDS, check="right"))
    assert report.answered_right >= FLOORS[split][1], failing


def test_unseen_out_of_domain_questions_are_declined(split: str, report: Report) -> None:
    failing = "\n  ".join(report.failures(DECLINE_KINDS, check="declined"))
    assert report.declined >= FLOORS[split][2], failing
