"""Benchmark the acknowledgement of signed `/medicon cancer` in "Add to Slack" mode, with Slack
100 ms away: Slack's ``auth.test`` asked before every acknowledgement against remembered.

Run: ``.venv/bin/python bench/oauth_auth.py [--database sqlite|postgresql]`` (about 30 s; the
PostgreSQL row needs the local server). Prints a table; nothing is asserted. In the same run,
round by round, three set-ups of the web app (``create_web_app``, called in-process with the
WSGI environ a server would build, so only the app's own time is measured):

* ``single token``: SLACK_BOT_TOKEN, one workspace: the floor (Bolt asks auth.test once);
* ``multi, cache off``: multi-workspace mode, the installation saved, the authorization
  remembered for 0 s: ``auth.test`` before every acknowledgement (what Bolt does by default);
* ``multi, cache on``: the same with the production cache.

The Slack stand-in answers every call after ``--delay`` seconds (default 0.1). All traffic stays
on 127.0.0.1; every loop is a fixed number of requests.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from slack_sdk.oauth.installation_store import Installation  # noqa: E402

from bot.config import load_settings  # noqa: E402
from bot.services import build_services  # noqa: E402
from bot.slack.authorization import AuthorizationCache  # noqa: E402
from bot.slack.surface import BOT_SCOPES, EVENTS_PATH  # noqa: E402
from bot.slack.web import WebApp, create_web_app  # noqa: E402
from tests.support.databases import database_url  # noqa: E402
from tests.support.signing import sign, slash_command_body  # noqa: E402
from tests.support.slack_stand_in import SlackStandIn  # noqa: E402

SECRET = "bench-signing-secret"
TEAM = "T0STANDIN"
ROUNDS = 5
PER_ROUND = 20


def signed_environ(body: bytes) -> dict[str, Any]:
    """The WSGI environ of a signed POST /slack/events, as waitress hands it to the app."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": EVENTS_PATH,
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/x-www-form-urlencoded",
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    for name, value in sign(body, SECRET).items():
        environ["HTTP_" + name.upper().replace("-", "_")] = value
    return environ


def ack_seconds(app: WebApp, response_url: str) -> float:
    """One signed `/medicon cancer`, from the environ to the acknowledgement's bytes."""
    body = slash_command_body("cancer", team_id=TEAM, response_url=response_url)
    environ = signed_environ(body)
    statuses: list[str] = []

    def start_response(status: str, headers: Iterable[tuple[str, str]]) -> None:
        statuses.append(status)

    started = time.perf_counter()
    data = b"".join(app(environ, start_response))  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    if statuses != ["200 OK"] or b"Cancer" not in data:
        raise RuntimeError(f"unexpected answer {statuses}: {data[:200]!r}")
    return elapsed


def build(stand_in: SlackStandIn, url: str) -> dict[str, WebApp]:
    """The three set-ups, on one database with the workspace installed."""
    common = {"SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": stand_in.api_url}
    single = load_settings({**common, "SLACK_BOT_TOKEN": "xoxb-bench-single", "DATABASE_URL": url})
    multi = load_settings(
        {
            **common,
            "SLACK_CLIENT_ID": "1111.2222",
            "SLACK_CLIENT_SECRET": "bench-client-secret",
            "DATABASE_URL": url,
        }
    )
    services = build_services(multi)
    assert services.installations is not None
    services.installations.save(
        Installation(
            app_id="A0STANDIN",
            team_id=TEAM,
            team_name="Stand-in",
            bot_token="xoxb-bench-multi",
            bot_id="B0BOT",
            bot_user_id="U0BOT",
            bot_scopes=list(BOT_SCOPES),
            user_id="U123",
        )
    )
    uncached = dataclasses.replace(services, authorizations=AuthorizationCache(seconds=0))
    return {
        "single token": create_web_app(single),
        "multi, cache off": create_web_app(multi, services=uncached),
        "multi, cache on": create_web_app(multi, services=services),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(kind: str, delay: float) -> None:
    with (
        tempfile.TemporaryDirectory() as directory,
        database_url(kind, Path(directory)) as url,
        SlackStandIn(scopes=BOT_SCOPES) as stand_in,
    ):
        apps = build(stand_in, url)
        response_url = stand_in.response_url("bench")
        for app in apps.values():  # warm up: connections, Bolt's lazy single-token auth.test
            ack_seconds(app, response_url)
        stand_in.set_delay(delay)
        stand_in.clear()
        timings: dict[str, list[float]] = {name: [] for name in apps}
        auth_tests: dict[str, int] = dict.fromkeys(apps, 0)
        for _ in range(ROUNDS):
            for name, app in apps.items():
                before = len(stand_in.calls("auth.test"))
                timings[name] += [ack_seconds(app, response_url) for _ in range(PER_ROUND)]
                auth_tests[name] += len(stand_in.calls("auth.test")) - before
        count = ROUNDS * PER_ROUND
        print(f"\n{kind}: Slack answers after {delay * 1000:.0f} ms; {count} acks each")
        print(f"{'set-up':<20} {'p50 ms':>8} {'p99 ms':>8} {'auth.test/request':>18}")
        for name, values in timings.items():
            p50 = statistics.median(values) * 1000
            p99 = percentile(values, 0.99) * 1000
            per_request = auth_tests[name] / len(values)
            print(f"{name:<20} {p50:>8.1f} {p99:>8.1f} {per_request:>18.2f}")
        for app in apps.values():
            if app.services.questions is not None:
                app.services.questions.close()
            app.services.database.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--delay", type=float, default=0.1)
    arguments = parser.parse_args(argv)
    for kind in arguments.database or ["sqlite", "postgresql"]:
        run(kind, arguments.delay)


if __name__ == "__main__":
    main()
