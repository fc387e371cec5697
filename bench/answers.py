"""Answer quality per kind of question, beside the recorded baseline (issue #9).

Run: ``.venv/bin/python bench/answers.py`` prints, for every kind in ``tests/eval/queries.yaml``:
how many queries, top-1 (the right entry first; lists: the right entries), right (the expected
kind of reply with every asked fact) and declined (an honest "I don't know"), each beside the
numbers of the code before the understanding layer, recorded in ``tests/eval/baseline.json``.

``--failures KIND[,KIND]`` also lists the failing queries of those kinds with what came back.
``--record-baseline COMMIT`` measures COMMIT again in a temporary git worktree (its own code and
data, the current query set) and rewrites ``baseline.json``.

Targets (issue #9): in-domain top-1 ≥ 0.97; questions answered right ≥ 0.95; out-of-domain and
garbage declined ≥ 0.95; names, abbreviations and typos 1.00.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.eval.runner import (  # noqa: E402
    ALL_KINDS,
    BASELINE,
    QUERY_SETS,
    Report,
    measure,
)

TARGETS = {
    "in_domain_top1": 0.97,
    "answered_right": 0.95,
    "declined": 0.95,
    "names_top1": 1.0,
}
HEADLINES = {
    "in_domain_top1": "in-domain top-1",
    "answered_right": "questions answered right",
    "declined": "out-of-domain/garbage declined",
    "names_top1": "names, abbreviations, typos",
}


def _cell(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def _pair(now: float | None, then: float | None) -> str:
    return f"{_cell(now)} ({_cell(then).strip()})"


def print_table(report: Report, baseline: dict[str, Any] | None, seconds: float) -> None:
    before = baseline["report"] if baseline else {"per_kind": {}, "headline": {}}
    commit = baseline["commit"][:7] if baseline else "none recorded"
    print(f"{len(report.results)} queries in {seconds:.2f} s; (baseline: {commit})")
    print(f"{'kind':<14}{'count':>6}  {'top-1':<13}{'right':<13}{'declined':<13}")
    for kind, now in report.per_kind.items():
        then = before["per_kind"].get(kind, {})
        print(
            f"{kind:<14}{now.count:>6}  {_pair(now.top1, then.get('top1')):<13}"
            f"{_pair(now.right, then.get('right')):<13}"
            f"{_pair(now.declined, then.get('declined')):<13}"
        )
    print()
    for key, label in HEADLINES.items():
        now_value = report.headline()[key]
        then_value = before["headline"].get(key)
        verdict = "ok" if now_value >= TARGETS[key] else "below target"
        print(
            f"{label:<32} {_pair(now_value, then_value):<13} target {TARGETS[key]:.2f}  {verdict}"
        )
    print()
    short = {"in_domain_top1": "top-1", "answered_right": "right", "declined": "declined"}
    short["names_top1"] = "names"
    print(f"{'language':<10}" + "".join(f"{short[key]:<14}" for key in HEADLINES))
    then_langs = before.get("by_lang", {})
    for lang, now_values in report.by_lang().items():
        then_values = then_langs.get(lang, {})
        cells = "".join(f"{_pair(now_values[key], then_values.get(key)):<14}" for key in HEADLINES)
        print(f"{lang:<10}{cells}")
    then_reply = before.get("reply_language", {})
    for lang, share in report.reply_language().items():
        print(f"replies in {lang:<21} {_pair(share, then_reply.get(lang, 0.0)):<13} target 1.00")


def record_baseline(commit: str) -> None:
    """Measure ``commit`` in a throwaway worktree and write ``baseline.json``."""
    full = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", commit], check=True, capture_output=True, text=True
    ).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="medicon-baseline-") as parent:
        tree = Path(parent) / "tree"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", str(tree), full],
            check=True,
            capture_output=True,
        )
        try:
            env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{REPO / 'tests' / 'eval'}"}
            output = subprocess.run(
                [sys.executable, "-m", "runner"],
                check=True,
                capture_output=True,
                text=True,
                cwd=tree,
                env=env,
            ).stdout
        finally:
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)],
                check=True,
                capture_output=True,
            )
    record = {"commit": full, "report": json.loads(output)}
    BASELINE.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"baseline of {full[:7]} written to {BASELINE.relative_to(REPO)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", metavar="KIND[,KIND]", help="list failing queries")
    parser.add_argument("--record-baseline", metavar="COMMIT", help="re-measure the baseline")
    parser.add_argument(
        "--set",
        choices=sorted(QUERY_SETS),
        default="main",
        help="the team's set (main) or the blind split, which is scored and never tuned on",
    )
    args = parser.parse_args()
    if args.record_baseline:
        record_baseline(args.record_baseline)
        return
    baseline = None
    if args.set == "main" and BASELINE.exists():
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    started = time.perf_counter()
    report = measure(query_set=QUERY_SETS[args.set])
    print_table(report, baseline, time.perf_counter() - started)
    if args.set == "main":
        from bot.knowledge import default_data_dir, load_knowledge_base
        from tests.eval.recall import load_recall, score_recall

        recall = score_recall(load_knowledge_base(default_data_dir()), load_recall())
        langs = ", ".join(f"{lang} {share:.2f}" for lang, share in recall.by_lang().items())
        print(
            f"\nstatement recall ({len(recall.results)} statements): {recall.recall:.2f} ({langs})"
        )
    if report.by_tag():
        print(f"\n{'tag':<14}{'count':>6}  {'top-1':<8}{'right':<8}{'declined':<8}")
        for tag, score in report.by_tag().items():
            print(
                f"{tag:<14}{score.count:>6}  {_cell(score.top1):<8}{_cell(score.right):<8}"
                f"{_cell(score.declined):<8}"
            )
    if args.failures:
        kinds = frozenset(args.failures.split(",")) & ALL_KINDS
        print()
        for line in report.failures(kinds, check="right"):
            print(line)


if __name__ == "__main__":
    main()
