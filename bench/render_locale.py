"""Benchmark rendering per answer in English, Danish and Swedish beside today's English.

Run: ``.venv/bin/python bench/render_locale.py`` (a few seconds). Every query of the
evaluation set is answered once; then each answer is rendered many times: ``render(answer)``
(today's English, the baseline in the same run, interleaved with the others) and
``render(answer, locale=…)`` in ``en``, ``da`` and ``sv``. Prints median and p99 microseconds
per answer and the cost over the baseline; nothing is asserted. Catalogs are loaded (once per
process) before timing, as in the bot.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.answers import Answer, render, resolve_text  # noqa: E402
from bot.answers.locale import translations  # noqa: E402
from bot.knowledge import default_data_dir, load_knowledge_base  # noqa: E402

ROUNDS = 20
QUERIES = REPO / "tests" / "eval" / "queries.yaml"


def _time(
    answers: list[Answer], runs: dict[str, Callable[[Answer], object]]
) -> dict[str, list[float]]:
    """Microseconds per answer and run: the best of ``ROUNDS`` renderings, the runs interleaved
    answer by answer so that drift (caches, frequency) falls on all of them alike."""
    results: dict[str, list[float]] = {label: [] for label in runs}
    for answer in answers:
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(ROUNDS):
            for label, draw in runs.items():
                start = time.perf_counter()
                draw(answer)
                best[label] = min(best[label], time.perf_counter() - start)
        for label, seconds in best.items():
            results[label].append(seconds * 1e6)
    return results


def _p99(values: list[float]) -> float:
    return sorted(values)[int(len(values) * 0.99) - 1]


def main() -> None:
    kb = load_knowledge_base(default_data_dir())
    texts = [str(q["text"]) for q in yaml.safe_load(QUERIES.read_text())["queries"]]
    answers = [resolve_text(kb, text) for text in texts]
    for language in ("da", "sv"):
        translations(language)
    runs: dict[str, Callable[[Answer], object]] = {
        "today (render(answer))": render,
        "en (locale='en')": lambda a: render(a, locale="en"),
        "da (locale='da')": lambda a: render(a, locale="da"),
        "sv (locale='sv')": lambda a: render(a, locale="sv"),
    }
    for answer in answers:  # warm every path once before timing
        for draw in runs.values():
            draw(answer)
    results = _time(answers, runs)
    baseline = statistics.median(results["today (render(answer))"])
    print(f"{len(answers)} answers of the evaluation set, best of {ROUNDS} renderings each")
    print(f"{'rendering':<26}{'median µs':>11}{'p99 µs':>10}{'× today':>10}")
    for label, values in results.items():
        median = statistics.median(values)
        print(f"{label:<26}{median:>11.1f}{_p99(values):>10.1f}{median / baseline:>10.2f}")


if __name__ == "__main__":
    main()
