"""The same question gets the same answer in every process (PYTHONHASHSEED differs between
web workers): no answer may depend on the order a set happens to iterate in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
_DUMP = """
import json, sys
from bot.answers import answer_question, render
from bot.knowledge import default_data_dir, load_knowledge_base
from tests.eval.runner import BLIND, QUERIES, load_queries
kb = load_knowledge_base(default_data_dir())
out = {}
for path in (QUERIES, BLIND):
    for query in load_queries(path):
        message = render(answer_question(kb, query.text))
        out[query.text] = message.text + json.dumps(message.blocks, sort_keys=True)
print(json.dumps(out))
"""


def _answers(seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", _DUMP], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    answers: dict[str, str] = json.loads(done.stdout)
    return answers


@pytest.mark.timeout(240)  # two processes answer every evaluation question: slow on a busy machine
def test_every_evaluation_question_gets_the_same_answer_under_another_hash_seed() -> None:
    first, second = _answers("1"), _answers("7")
    assert len(first) > 1_000
    differ = [text for text in first if first[text] != second[text]]
    assert not differ, differ[:5]
