"""Benchmark the web process: signed `/medicon cancer` at 20 concurrent clients, with wrk.

Run: ``.venv/bin/python bench/slack_http.py`` (needs ``wrk``: ``apt-get install wrk``; about two
minutes). In the same run, interleaved round by round and on the same production server set-up
(``bot.slack.server.gunicorn_options``: the same workers and threads), two baselines:

* the fastest bare Bolt app: a sync ``App`` with ``process_before_response=True`` that acks
  static text;
* the raw-HMAC floor: a plain WSGI app that checks the signature and timestamp and returns
  static JSON, with no Bolt at all.

Prints requests/s, p50 and p99 for each, the workers' CPU time per request (which other load on
the machine disturbs far less than requests/s), medicon-bot's throughput as a ratio of both, the
time from start to the first 200 on /healthz, and the resident memory of each worker. All traffic
stays on 127.0.0.1.

Targets (issue #8): throughput ≥ 1.0× the bare Bolt app's, p99 ≤ 25 ms; (issue #3) boot to the
first 200 on /healthz < 2 s, resident memory < 150 MB per worker.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.slack.server import THREADS  # noqa: E402
from tests.support.signing import sign, slash_command_body  # noqa: E402
from tests.support.slack_stand_in import SlackStandIn  # noqa: E402
from tests.support.web_process import clean_environment, free_port  # noqa: E402

SECRET = "bench-signing-secret"
TOKEN = "xoxb-bench-token"
BIN = Path(sys.executable).parent

BARE_APP = """
import sys
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
sys.path.insert(0, {repo!r})
from bot.config import load_settings
from bot.slack.server import gunicorn_options, run_gunicorn
import os

def load():
    app = App(client=WebClient(token={token!r}, base_url=os.environ["SLACK_API_URL"]),
              signing_secret={secret!r}, token_verification_enabled=False,
              process_before_response=True)  # the same Bolt mode as medicon-bot

    @app.command("/medicon")
    def medicon(ack):
        ack("Medicon Valley: static text from a bare Bolt app.")

    return SlackRequestHandler(app)

run_gunicorn(load, gunicorn_options(load_settings(os.environ)))
"""

FLOOR_APP = """
import hashlib, hmac, os, sys, time
sys.path.insert(0, {repo!r})
from bot.config import load_settings
from bot.slack.server import gunicorn_options, run_gunicorn

SECRET = {secret!r}.encode()
ANSWER = b'{{"response_type": "ephemeral", "text": "Medicon Valley: static JSON, no Bolt."}}'

def load():
    def app(environ, start_response):
        if environ["REQUEST_METHOD"] != "POST":
            start_response("405 Method Not Allowed", [("Content-Length", "0")])
            return [b""]
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        base = b"v0:" + timestamp.encode() + b":" + body
        expected = "v0=" + hmac.new(SECRET, base, hashlib.sha256).hexdigest()
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        fresh = timestamp.isdigit() and abs(time.time() - int(timestamp)) <= 300
        if not fresh or not hmac.compare_digest(expected, signature):
            start_response("401 Unauthorized", [("Content-Length", "0")])
            return [b""]
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(ANSWER)))]
        start_response("200 OK", headers)
        return [ANSWER]

    return app

run_gunicorn(load, gunicorn_options(load_settings(os.environ)))
"""

WRK_SCRIPT = """
wrk.method = "POST"
wrk.body = {body}
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["X-Slack-Request-Timestamp"] = "{timestamp}"
wrk.headers["X-Slack-Signature"] = "{signature}"
"""


def lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 20) -> float:
    started = time.perf_counter()
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError("server exited during start-up")
        try:
            with opener.open(url, timeout=1) as response:
                if response.status in {200, 404, 405}:
                    return time.perf_counter() - started
        except OSError as error:
            if getattr(error, "code", None) in {404, 405}:
                return time.perf_counter() - started
        time.sleep(0.01)
    raise RuntimeError(f"{url} not answering after {timeout}s")


def worker_rss_mb(master_pid: int) -> list[float]:
    children = subprocess.run(
        ["ps", "-o", "pid=,rss=", "--ppid", str(master_pid)],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    return [int(children[i + 1]) / 1024 for i in range(0, len(children), 2)]


def parse_wrk(output: str) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) from ``wrk --latency`` output."""

    def millis(value: str) -> float:
        number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = millis(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    p99 = millis(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1))  # type: ignore[union-attr]
    return rate, p50, p99


def worker_cpu_seconds(master_pid: int) -> float:
    """User and system CPU time the master's workers have used so far (Linux /proc)."""
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(master_pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    ticks = 0
    for child in children:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def load_test(
    url: str, script: Path, *, seconds: int, connections: int
) -> tuple[float, float, float, str, int]:
    wrk = shutil.which("wrk")
    if wrk is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "--debug" in sys.argv:
        print(output)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    rate, p50, p99 = parse_wrk(output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    return rate, p50, p99, f"{errors.group(1)} non-2xx" if errors else "all 2xx", requests


def run_server(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        return subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--debug", action="store_true", help="print wrk's own output")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary, SlackStandIn() as stand_in:
        directory = Path(temporary)
        timestamp = int(time.time())
        body = slash_command_body("cancer", response_url=stand_in.response_url())
        signature = sign(body, SECRET, timestamp)["X-Slack-Signature"]
        script = directory / "signed.lua"
        script.write_text(
            WRK_SCRIPT.format(
                body=lua_string(body.decode()), timestamp=timestamp, signature=signature
            )
        )
        common = {
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_API_URL": stand_in.api_url,
            "WEB_CONCURRENCY": str(args.workers),
            "LOG_LEVEL": "WARNING",
        }
        servers = {
            "raw-HMAC floor": ([sys.executable, str(directory / "floor.py")], "/slack/events"),
            "bare Bolt app": ([sys.executable, str(directory / "bare.py")], "/slack/events"),
            "medicon-bot serve": ([str(BIN / "medicon-bot"), "serve"], "/healthz"),
        }
        (directory / "floor.py").write_text(FLOOR_APP.format(repo=str(REPO), secret=SECRET))
        (directory / "bare.py").write_text(
            BARE_APP.format(repo=str(REPO), token=TOKEN, secret=SECRET)
        )
        runs: dict[str, list[tuple[float, float, float, str, float, list[float], float]]] = {
            name: [] for name in servers
        }
        # Alternate the servers round by round: the machine's speed drifts.
        for _ in range(args.rounds):
            for name, (command, probe_path) in servers.items():
                port = free_port()
                database = f"sqlite:///{directory / 'bot.sqlite3'}"
                env = clean_environment(**common, PORT=str(port), DATABASE_URL=database)
                process = run_server(command, env, directory / f"{port}.log")
                try:
                    boot = wait_healthy(f"http://127.0.0.1:{port}{probe_path}", process)
                    url = f"http://127.0.0.1:{port}/slack/events"
                    load_test(url, script, seconds=2, connections=args.connections)  # warm-up
                    cpu_before = worker_cpu_seconds(process.pid)
                    rate, p50, p99, status, requests = load_test(
                        url, script, seconds=args.seconds, connections=args.connections
                    )
                    cpu = (worker_cpu_seconds(process.pid) - cpu_before) / requests * 1e6
                    rss = worker_rss_mb(process.pid)
                finally:
                    stop(process)
                runs[name].append((rate, p50, p99, status, boot, rss, cpu))

        print(
            f"{os.cpu_count()} cores; wrk -c{args.connections} -d{args.seconds}s; gunicorn "
            f"x{args.workers} buffering (waitress) workers x{THREADS} threads; "
            f"signed `/medicon cancer`; median of {args.rounds} rounds"
        )
        print(
            f"{'server':<20} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU us/req':>11} "
            f"{'boot s':>7} {'worker RSS MB':>16}  responses"
        )
        medians: dict[str, tuple[float, float, float]] = {}
        for name, results in runs.items():
            rate = statistics.median(r[0] for r in results)
            p50 = statistics.median(r[1] for r in results)
            p99 = statistics.median(r[2] for r in results)
            boot = statistics.median(r[4] for r in results)
            peak_rss = max((value for r in results for value in r[5]), default=0.0)
            statuses = ", ".join(sorted({r[3] for r in results}))
            cpu = statistics.median(r[6] for r in results)
            medians[name] = rate, p99, cpu
            rounds = " / ".join(f"{r[0]:.0f}" for r in results)
            print(
                f"{name:<20} {rate:>8.0f} {p50:>8.2f} {p99:>8.2f} {cpu:>11.0f} {boot:>7.2f} "
                f"{peak_rss:>13.0f} max  {statuses}  (req/s by round: {rounds})"
            )
        ours, p99, ours_cpu = medians["medicon-bot serve"]
        bare = ours / medians["bare Bolt app"][0]
        floor = ours / medians["raw-HMAC floor"][0]
        print(
            f"medicon-bot throughput: {bare:.2f}x the bare Bolt app (target >= 1.0), "
            f"{floor:.2f}x the raw-HMAC floor; p99 {p99:.1f} ms (target <= 25)"
        )
        print(
            f"per worker CPU second (steadier on a busy machine): "
            f"{medians['bare Bolt app'][2] / ours_cpu:.2f}x the bare Bolt app, "
            f"{medians['raw-HMAC floor'][2] / ours_cpu:.2f}x the raw-HMAC floor"
        )
        print("(boot: from process start to the first answer; /healthz 200 for medicon-bot)")


if __name__ == "__main__":
    main()
