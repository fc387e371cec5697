"""A browser's and a cron job's side of "Add to Slack", against the real web process (the
cron job's ``run-due`` called in this process)."""

from __future__ import annotations

import base64
import re
import urllib.request
from datetime import datetime
from email.message import Message
from typing import Any
from urllib.error import HTTPError
from urllib.parse import parse_qs, urlencode, urlsplit

from bot.slack.surface import BOT_SCOPES
from tests.support.cli import run_cli
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

CLIENT_ID = "1111.2222"
CLIENT_SECRET = "oauth-client-secret"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def get(url: str, *, cookie: str | None = None) -> tuple[int, Message, str]:
    """GET on loopback without following redirects: (status, headers, body)."""
    assert urlsplit(url).hostname == "127.0.0.1"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})  # noqa: S310
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode()


def start_install(web: WebProcess) -> tuple[str, str, dict[str, list[str]]]:
    """Open the install page: (state, cookie) as the browser keeps them, and the link's query."""
    status, headers, body = get(f"{web.base_url}/slack/install")
    assert status == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', body)
    assert link is not None, body
    query = parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query)
    cookie = headers["Set-Cookie"].split(";", 1)[0]
    return query["state"][0], cookie, query


def finish_install(
    web: WebProcess, stand_in: SlackStandIn, *, code: str, answer: dict[str, Any]
) -> str:
    """Come back from Slack with ``code`` while oauth.v2.access answers ``answer``; the page.

    Also checks that the code was exchanged with the app's credentials as HTTP Basic auth.
    """
    state, cookie, _ = start_install(web)
    stand_in.respond_with("oauth.v2.access", answer, times=1)
    query = urlencode({"code": code, "state": state})
    status, _, page = get(f"{web.base_url}/slack/oauth_redirect?{query}", cookie=cookie)
    assert status == 200, page
    (exchange,) = [c for c in stand_in.calls("oauth.v2.access") if c.body.get("code") == code]
    expected = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
    assert exchange.headers["authorization"] == f"Basic {expected}"
    return page


def oauth_answer(team_id: str, token: str) -> dict[str, Any]:
    """What oauth.v2.access answers when workspace ``team_id`` installs the app with ``token``."""
    return {
        "ok": True,
        "app_id": "A0STANDIN",
        "authed_user": {"id": "U123"},
        "scope": ",".join(BOT_SCOPES),
        "token_type": "bot",
        "access_token": token,
        "bot_user_id": f"UB{team_id}",
        "team": {"id": team_id, "name": f"Workspace {team_id}"},
        "enterprise": None,
        "is_enterprise_install": False,
    }


def install(web: WebProcess, stand_in: SlackStandIn, *, team_id: str, token: str) -> str:
    """The whole round trip for one workspace; returns the success page."""
    return finish_install(
        web, stand_in, code=f"code-{team_id}", answer=oauth_answer(team_id, token)
    )


def run_due(environment: dict[str, str], now: datetime) -> None:
    """One `medicon-bot spotlight run-due` pass at ``now``, as cron would run it (in this
    process: :mod:`tests.support.cli`)."""
    result = run_cli(environment, "spotlight", "run-due", "--now", now.isoformat())
    assert result.returncode == 0, result.stderr
    assert "posted" in result.stdout, result.stderr
