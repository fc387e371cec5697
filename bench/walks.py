"""The three walks a new engineer follows through the code, measured: which ``bot/`` and
``handlers/`` modules run between the request (or the clock's tick) and the Slack API call.

Run: ``.venv/bin/python bench/walks.py``. Each walk is taken twice: once to warm every lazy
import and cache (a worker has answered before), then under a profiler that notes every
module of ours a Python function is called in, in the order first entered. Prints, per walk,
the "hops" (the modules on the call stack when the Slack call is made, outermost first: the
road itself) and every module that ran (the road and whatever it calls on the way).

(a) ``/medicon who leads LUDC?`` through the signed HTTP request to the acknowledgement that
carries the answer; (b) a Danish DM, ``hvem leder LUDC?``, to its ``chat.postMessage``;
(c) one clock tick delivering one channel's spotlight, to its ``chat.postMessage``.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.slack.surface import BOT_SCOPES  # noqa: E402
from tests.conftest import SIGNING_SECRET  # noqa: E402
from tests.slack.conftest import web_process_environment  # noqa: E402
from tests.support.in_process_web import InProcessWeb, serving_in_process  # noqa: E402
from tests.support.signing import (  # noqa: E402
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn  # noqa: E402

_OURS = (str(REPO / "bot") + "/", str(REPO / "handlers") + "/")


def _module(filename: str) -> str | None:
    if not filename.startswith(_OURS):
        return None
    return filename[len(str(REPO)) + 1 :]


class _Walk:
    """Every module of ours entered while recording, and the stack at the Slack call."""

    def __init__(self) -> None:
        self.recording = False
        self.entered: dict[str, None] = {}
        self.hops: list[str] = []

    def profile(self, frame: FrameType, event: str, _arg: Any) -> None:
        if not self.recording or event != "call":
            return
        name = _module(frame.f_code.co_filename)
        if name is not None:
            self.entered.setdefault(name, None)
        elif not self.hops and _is_slack_call(frame):
            self.hops = _stack(frame)


def _is_slack_call(frame: FrameType) -> bool:
    """The Web API call (slack_sdk) or, for the slash command, Bolt's response being built."""
    code = frame.f_code
    if code.co_name == "api_call" and "slack_sdk" in code.co_filename:
        return True
    return code.co_name == "__init__" and code.co_filename.endswith(
        "slack_bolt/response/response.py"
    )


def _stack(frame: FrameType | None) -> list[str]:
    seen: dict[str, None] = {}
    chain: list[str] = []
    while frame is not None:
        name = _module(frame.f_code.co_filename)
        if name is not None:
            chain.append(name)
        frame = frame.f_back
    for name in reversed(chain):
        seen.setdefault(name, None)
    return list(seen)


@contextmanager
def _recording(walk: _Walk) -> Iterator[None]:
    walk.recording = True
    try:
        yield
    finally:
        walk.recording = False


def _take(walk: _Walk, title: str, step: Callable[[], None]) -> None:
    step()  # warm
    walk.entered.clear()
    walk.hops = []
    with _recording(walk):
        step()
    print(f"\n## {title}")
    print(f"hops to the Slack call ({len(walk.hops)}): " + " → ".join(walk.hops))
    print(f"every module that ran ({len(walk.entered)}):")
    for name in walk.entered:
        print(f"  {name}")


def _slash(web: InProcessWeb, stand_in: SlackStandIn) -> None:
    body = slash_command_body("who leads LUDC?", response_url=stand_in.response_url("walk"))
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    web.settle()


def _dm(web: InProcessWeb, stand_in: SlackStandIn) -> None:
    stand_in.clear()
    body = event_callback_body(message_im_event("hvem leder LUDC?"))
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    web.settle()
    assert stand_in.wait_for("chat.postMessage")


def _spotlight(web: InProcessWeb, stand_in: SlackStandIn, channel: str) -> Callable[[], None]:
    from bot.cli.clock import run_clock
    from bot.cli.spotlight import _poster

    services = web.app.services
    body = slash_command_body(
        "subscribe wednesday 10:00 UTC",
        channel_id=channel,
        response_url=stand_in.response_url(f"sub-{channel}"),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    stand_in.wait_for(f"response:sub-{channel}")
    now = datetime.now(UTC)
    days_ahead = (2 - now.weekday()) % 7 or 7
    slot = (now + timedelta(days=days_ahead)).replace(hour=10, minute=0, second=0, microsecond=0)
    weeks = iter(range(10))

    def tick() -> None:
        stand_in.clear()
        at = slot + timedelta(weeks=next(weeks), minutes=1)
        stop = threading.Event()

        def stop_when_posted() -> None:
            stand_in.wait_for("chat.postMessage", timeout=20)
            stop.set()

        threading.Thread(target=stop_when_posted).start()
        run_clock(
            services.settings,
            kb=services.kb,
            database=services.database,
            poster_factory=lambda: _poster(services.settings, services.database),
            stop_event=stop,
            clock=lambda: at,
        )

    return tick


def main() -> None:
    walk = _Walk()
    threading.setprofile(walk.profile)
    sys.setprofile(walk.profile)
    with (
        SlackStandIn(scopes=BOT_SCOPES) as stand_in,
        tempfile.TemporaryDirectory() as directory,
    ):
        environment = web_process_environment(stand_in, Path(directory), LOG_LEVEL="WARNING")
        with serving_in_process(environment=environment, log=Path(directory) / "web.log") as web:
            _take(walk, "(a) /medicon who leads LUDC?", lambda: _slash(web, stand_in))
            _take(walk, "(b) DM: hvem leder LUDC?", lambda: _dm(web, stand_in))
            _take(walk, "(c) one spotlight, one clock tick", _spotlight(web, stand_in, "C0WALK"))
    sys.setprofile(None)
    threading.setprofile(None)


if __name__ == "__main__":
    main()
