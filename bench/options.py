"""Benchmark the type-ahead's options requests: the real knowledge base beside 10,000 entries.

Run: ``.venv/bin/python bench/options.py`` (about half a minute). Prints a table; nothing is
asserted. Each row times what someone typing into the search menu costs, keystroke by keystroke
(every prefix of names, aliases and words, plus the empty query that opens the menu):

* ``lookup``: :meth:`bot.slack.entry_search.EntrySearch.options` alone;
* ``bolt``: an options request dispatched through a Bolt app to the app's own listener, as the
  web process runs it after verification (request parsing, listener matching, the ack's JSON);
* ``bolt bare``: the same request to a Bolt app whose listener answers ``[]``: the baseline,
  Bolt's own cost, in the same run.

The synthetic knowledge base is bench/search.py's (10,000 centres, 200 fields). Target (issue
#13): p99 < 50 ms at 10,000 entries, through Bolt.
"""

from __future__ import annotations

import importlib.util
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from slack_bolt import Ack, App, BoltRequest  # noqa: E402
from slack_bolt.authorization import AuthorizeResult  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from bot.knowledge import KnowledgeBase, default_data_dir, load_knowledge_base  # noqa: E402
from bot.knowledge.text import normalize  # noqa: E402
from bot.services import Services  # noqa: E402
from bot.slack.entry_search import EntrySearch  # noqa: E402
from handlers.options.entry_options import make_entry_options  # noqa: E402

SEED = 20261201
QUERIES = 2_000
ROUNDS = 3


def _synthetic_builder() -> Callable[[Path, random.Random], None]:
    spec = importlib.util.spec_from_file_location("bench_search", REPO / "bench" / "search.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Callable[[Path, random.Random], None], module.build_synthetic)


def typed_prefixes(kb: KnowledgeBase, rng: random.Random) -> list[str]:
    """What people type, keystroke by keystroke: prefixes of names and of their words."""
    names = [c.name for c in kb.centres.values()] + [f.name for f in kb.fields.values()]
    names += [c.short_name for c in kb.centres.values() if c.short_name]
    typed: list[str] = [""]
    while len(typed) < QUERIES:
        name = rng.choice(names)
        if rng.random() < 0.5:
            name = rng.choice(name.split())
        for end in range(1, min(len(name), 12) + 1):
            typed.append(name[:end])
    return typed[:QUERIES]


def _authorize(**_: Any) -> AuthorizeResult:
    """Who the bot is, without asking Slack (nothing here leaves the process)."""
    return AuthorizeResult(enterprise_id=None, team_id="T1", bot_token="xoxb-bench", bot_id="B1")


def _app(listener: Callable[..., None]) -> App:
    app = App(
        signing_secret="bench",
        authorize=_authorize,
        client=WebClient(base_url="http://127.0.0.1:9/api/"),
        request_verification_enabled=False,
        token_verification_enabled=False,
        process_before_response=True,
    )
    app.options("entry_search")(listener)
    return app


def _request(typed: str) -> BoltRequest:
    payload = {
        "type": "block_suggestion",
        "user": {"id": "U1", "team_id": "T1"},
        "team": {"id": "T1", "domain": "bench"},
        "api_app_id": "A1",
        "action_id": "entry_search",
        "block_id": "entry_search",
        "value": typed,
        "container": {"type": "view", "view_id": "V1"},
    }
    body = urlencode({"payload": json.dumps(payload)})
    return BoltRequest(body=body, headers={"content-type": ["application/x-www-form-urlencoded"]})


def _time(run: Callable[[str], Any], queries: Sequence[str]) -> list[float]:
    best: list[float] | None = None
    for _ in range(ROUNDS):
        samples = []
        for typed in queries:
            started = time.perf_counter()
            run(typed)
            samples.append((time.perf_counter() - started) * 1000)
        if (
            best is None
            or statistics.quantiles(samples, n=100)[98] < statistics.quantiles(best, n=100)[98]
        ):
            best = samples
    assert best is not None
    return best


def _row(label: str, samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"{label:<34} {cuts[49]:>9.3f} {cuts[98]:>9.3f} {max(samples):>9.3f}"


def measure(label: str, kb: KnowledgeBase, rng: random.Random) -> list[str]:
    started = time.perf_counter()
    search = EntrySearch(kb)
    built = (time.perf_counter() - started) * 1000
    queries = typed_prefixes(kb, rng)
    services = cast(Services, SimpleNamespace(kb=kb))
    ours = _app(make_entry_options(services))

    def bare(ack: Ack) -> None:
        ack(options=[])

    baseline = _app(bare)

    def through(app: App) -> Callable[[str], Any]:
        def run(typed: str) -> Any:
            response = app.dispatch(_request(typed))
            assert response.status == 200, response.body
            return response

        return run

    sizes = [len(search.options(q)) for q in queries]
    empty = sum(1 for s in sizes if s == 0)
    return [
        f"\n{label}: {len(search)} entries, index built in {built:.0f} ms, "
        f"{len(queries)} keystrokes ({len({normalize(q) for q in queries})} distinct), "
        f"mean {statistics.mean(sizes):.0f} options, {empty} with none",
        _row("  bolt bare (baseline)", _time(through(baseline), queries)),
        _row("  lookup", _time(search.options, queries)),
        _row("  bolt + lookup (the listener)", _time(through(ours), queries)),
    ]


def main() -> None:
    rng = random.Random(SEED)
    print(f"{'ms per options request':<34} {'p50':>9} {'p99':>9} {'max':>9}")
    for line in measure("real KB", load_knowledge_base(default_data_dir()), rng):
        print(line)
    with tempfile.TemporaryDirectory() as directory:
        _synthetic_builder()(Path(directory), rng)
        synthetic = load_knowledge_base(Path(directory))
    for line in measure("synthetic KB", synthetic, rng):
        print(line)


if __name__ == "__main__":
    main()
