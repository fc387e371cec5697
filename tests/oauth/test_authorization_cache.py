"""Multi-workspace mode asks Slack who the bot is (``auth.test``) once per workspace token and
worker, not before every acknowledgement; an uninstall and a reinstall with a new token are
seen at once by every worker. Through the real web process (two workers), on SQLite and
PostgreSQL, and the authorization cache's own rules with an injected clock."""

from __future__ import annotations

import json
import time

import pytest
from slack_bolt.authorization import AuthorizeResult

from bot.slack.authorization import AuthorizationCache
from tests.conftest import SIGNING_SECRET
from tests.support.oauth_flow import install
from tests.support.signing import (
    event_callback_body,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess


@pytest.fixture(scope="module")
def web(web_process: WebProcess) -> WebProcess:
    """The real web process: each gunicorn worker keeps its own cache, counted here."""
    return web_process


REQUESTS = 12
WORKERS = 2
"""WEB_CONCURRENCY in tests/oauth/conftest.py: each worker remembers on its own."""


def slash(web: WebProcess, stand_in: SlackStandIn, *, team_id: str) -> dict[str, object]:
    body = slash_command_body(
        "cancer", team_id=team_id, response_url=stand_in.response_url(team_id)
    )
    status, _, raw = post_signed(web.events_url, body, secret=SIGNING_SECRET)
    assert status == 200, raw
    answer: dict[str, object] = json.loads(raw)
    return answer


def auth_tests(stand_in: SlackStandIn, token: str) -> int:
    return len([call for call in stand_in.calls("auth.test") if call.token == token])


def test_auth_test_is_asked_once_per_worker_not_per_request(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    install(web, stand_in, team_id="T1CACHE", token="xoxb-team-cache")
    stand_in.clear()  # the install itself asks auth.test for the bot id
    for _ in range(REQUESTS):
        assert "Cancer" in json.dumps(slash(web, stand_in, team_id="T1CACHE"))
    assert 1 <= auth_tests(stand_in, "xoxb-team-cache") <= WORKERS


def test_uninstall_then_reinstall_answers_with_the_new_token_only(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    install(web, stand_in, team_id="T2AGAIN", token="xoxb-team-again-1")
    for _ in range(REQUESTS):  # both workers remember the first token
        slash(web, stand_in, team_id="T2AGAIN")
    uninstall = event_callback_body(
        {"type": "app_uninstalled", "event_ts": "1700000000.000200"}, team_id="T2AGAIN"
    )
    assert post_signed(web.events_url, uninstall, secret=SIGNING_SECRET)[0] == 200

    stand_in.clear()
    for _ in range(4):  # whichever worker answers, nothing is posted with the old token
        dm = event_callback_body(message_im_event("cancer", team="T2AGAIN"), team_id="T2AGAIN")
        assert post_signed(web.events_url, dm, secret=SIGNING_SECRET)[0] == 200
    time.sleep(0.5)
    assert stand_in.calls("chat.postMessage") == []

    install(web, stand_in, team_id="T2AGAIN", token="xoxb-team-again-2")
    stand_in.clear()
    for _ in range(4):
        dm = event_callback_body(message_im_event("diabetes", team="T2AGAIN"), team_id="T2AGAIN")
        assert post_signed(web.events_url, dm, secret=SIGNING_SECRET)[0] == 200
    posts = stand_in.wait_for("chat.postMessage", count=4)
    assert {post.token for post in posts} == {"xoxb-team-again-2"}
    assert auth_tests(stand_in, "xoxb-team-again-1") == 0
    assert auth_tests(stand_in, "xoxb-team-again-2") <= WORKERS


def _result(team_id: str) -> AuthorizeResult:
    return AuthorizeResult(enterprise_id=None, team_id=team_id, bot_token="xoxb-t")


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_remembered_authorization_expires_and_is_only_for_its_token() -> None:
    clock = _Clock()
    cache = AuthorizationCache(seconds=60, clock=clock)
    cache.put((None, "T1"), token="xoxb-1", result=_result("T1"))
    assert cache.get((None, "T1"), token="xoxb-1") == _result("T1")
    assert cache.get((None, "T1"), token="xoxb-2") is None  # reinstalled: ask again
    assert cache.get((None, "T1"), token="xoxb-1") is None  # and the old entry is gone
    cache.put((None, "T1"), token="xoxb-1", result=_result("T1"))
    clock.now += 60
    assert cache.get((None, "T1"), token="xoxb-1") is None
    assert len(cache) == 0


@pytest.mark.parametrize(
    ("team_id", "enterprise_id", "left"),
    [("T1", None, {"T2", None}), (None, "E1", {"T1", "T2"}), ("T9", "E9", {"T1", "T2", None})],
)
def test_forgetting_drops_the_workspace_or_the_whole_org(
    team_id: str | None, enterprise_id: str | None, left: set[str | None]
) -> None:
    cache = AuthorizationCache(seconds=60)
    cache.put((None, "T1"), token="a", result=_result("T1"))
    cache.put(("E2", "T2"), token="b", result=_result("T2"))
    cache.put(("E1", None), token="c", result=_result("E1"))  # an org-wide install
    cache.forget(team_id=team_id, enterprise_id=enterprise_id)
    remaining = {
        workspace[1]
        for workspace, token in [((None, "T1"), "a"), (("E2", "T2"), "b"), (("E1", None), "c")]
        if cache.get(workspace, token=token) is not None
    }
    assert remaining == left


def test_the_cache_is_bounded() -> None:
    cache = AuthorizationCache(seconds=60, limit=3)
    for number in range(10):
        cache.put((None, f"T{number}"), token="x", result=_result(f"T{number}"))
    assert len(cache) == 3
    assert cache.get((None, "T9"), token="x") is not None
    assert cache.get((None, "T0"), token="x") is None
