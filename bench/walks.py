"""The three walks a new engineer follows through the code, measured: which ``bot/`` and
``handlers/`` modules run between the request (or the clock's tick) and the Slack API call.

Run: ``.venv/bin/python bench/walks.py``. Each walk is taken twice: once to warm every lazy
import and cache (a worker has answered before), then under a profiler that notes every
module of ours a Python function is called in, in the order first entered. Prints, per walk,
every module that ran (the walk's count) and the modules on the stack of the thread that makes
the Slack call (Bolt's lazy listeners and the delivery pass's posts run in threads of their
own, so that stack starts there).

(a) ``/medicon who leads LUDC?`` through the signed HTTP request to the acknowledgement that
carries the answer; (b) a Danish DM, ``hvem leder LUDC?``, to its ``chat.postMessage``;
(c) one clock tick delivering one channel's spotlight, to its ``chat.postMessage`` (the tick's
job in ``bot/cli/clock.py`` calls ``run_due`` and nothing else; it is called here directly, as
APScheduler runs jobs on the real clock, so add that module by hand).
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
        self.start = "handlers/"
        """The Slack call counted is the first one made with a module under this on the stack
        (the web app's own calls, such as auth.test, are not the walk's)."""

    def profile(self, frame: FrameType, event: str, _arg: Any) -> None:
        if not self.recording or event != "call":
            return
        name = _module(frame.f_code.co_filename)
        if name is not None:
            self.entered.setdefault(name, None)
        elif not self.hops and _is_slack_call(frame):
            stack = _stack(frame)
            if any(name.startswith(self.start) for name in stack):
                self.hops = stack


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


def _take(
    walk: _Walk, title: str, warm: Callable[[], None], step: Callable[[], None], start: str
) -> None:
    """``warm`` (another question: a worker has answered before, but not this), then ``step``
    recorded."""
    warm()
    walk.entered.clear()
    walk.hops = []
    walk.start = start
    with _recording(walk):
        step()
    print(f"\n## {title}")
    print(f"on this thread's stack at the Slack call: {' → '.join(walk.hops)}")
    print(f"every module that ran ({len(walk.entered)}):")
    for name in walk.entered:
        print(f"  {name}")


def _slash(web: InProcessWeb, stand_in: SlackStandIn, text: str) -> None:
    body = slash_command_body(text, response_url=stand_in.response_url("walk"))
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    web.settle()


def _dm(web: InProcessWeb, stand_in: SlackStandIn, text: str) -> None:
    stand_in.clear()
    body = event_callback_body(message_im_event(text))
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    web.settle()
    assert stand_in.wait_for("chat.postMessage")


def _spotlight(web: InProcessWeb, stand_in: SlackStandIn, channel: str) -> Callable[[], None]:
    """One tick of the clock process: what its ``deliver`` job calls (``bot/cli/clock.py``
    is that job's module, the first hop; APScheduler runs it on real time, so it is called
    here directly), with the poster the clock builds."""
    from bot.cli.spotlight import _poster
    from bot.spotlights import Pace, run_due
    from bot.spotlights.delivery.journal import default_journal_dir

    services = web.app.services
    settings = services.settings
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
    poster = _poster(settings, services.database)

    def tick() -> None:
        stand_in.clear()
        summary = run_due(
            now=slot + timedelta(weeks=next(weeks), minutes=1),
            database=services.database,
            kb=services.kb,
            poster=poster,
            pace=Pace(posts_per_minute=settings.posts_per_minute),
            journal_dir=default_journal_dir(settings.database_url),
        )
        assert summary.posted == 1, summary.line()

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
            _take(
                walk,
                "(a) /medicon who leads LUDC?",
                lambda: _slash(web, stand_in, "who leads CBMR?"),
                lambda: _slash(web, stand_in, "who leads LUDC?"),
                "handlers/",
            )
            _take(
                walk,
                "(b) DM: hvem leder LUDC?",
                lambda: _dm(web, stand_in, "hvem leder CBMR?"),
                lambda: _dm(web, stand_in, "hvem leder LUDC?"),
                "handlers/",
            )
            tick = _spotlight(web, stand_in, "C0WALK")
            _take(walk, "(c) one spotlight, one clock tick", tick, tick, "bot/spotlights/")
    sys.setprofile(None)
    threading.setprofile(None)


if __name__ == "__main__":
    main()
