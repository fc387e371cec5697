"""Statement recall (issue 17): how often a question written from one statement is answered
with that statement.

Each question in ``recall.yaml`` was written by a helper from the statement alone. A question
counts as recalled when the reply quotes the statement (its words appear in the reply's text or
blocks, matched like the evaluation set's facts) and is about the entry that holds it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.eval.runner import normalize_answer_text

__all__ = ["RECALL", "RecallQuestion", "RecallReport", "load_recall", "score_recall"]

RECALL = Path(__file__).resolve().with_name("recall.yaml")


@dataclass(frozen=True)
class RecallQuestion:
    text: str
    lang: str
    entry: str
    statement: str


@dataclass(frozen=True)
class RecallReport:
    results: tuple[tuple[RecallQuestion, bool], ...]

    @property
    def recall(self) -> float:
        return sum(ok for _, ok in self.results) / len(self.results) if self.results else 0.0

    def by_lang(self) -> dict[str, float]:
        langs = sorted({q.lang for q, _ in self.results})
        return {
            lang: sum(ok for q, ok in self.results if q.lang == lang)
            / sum(1 for q, _ in self.results if q.lang == lang)
            for lang in langs
        }

    def misses(self) -> list[str]:
        return [
            f"[{q.entry}] {q.text!r} → wanted: {q.statement}" for q, ok in self.results if not ok
        ]


def load_recall(path: Path = RECALL) -> tuple[RecallQuestion, ...]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(
        RecallQuestion(str(q["text"]), str(q["lang"]), str(q["entry"]), str(q["statement"]))
        for q in document["questions"]
    )


def score_recall(kb: Any, questions: Sequence[RecallQuestion]) -> RecallReport:
    """Ask every question; recalled when the reply quotes the statement."""
    from bot.answers import answer_question, render

    results = []
    for question in questions:
        message = render(answer_question(kb, question.text))
        said = normalize_answer_text(
            message.text + " " + json.dumps(message.blocks, ensure_ascii=False)
        )
        wanted = normalize_answer_text(question.statement)[:120]
        results.append((question, wanted in said))
    return RecallReport(results=tuple(results))
