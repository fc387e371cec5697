"""Enterprise Grid org-wide installs end to end, on SQLite and PostgreSQL: "Add to Slack" by an
org admin (oauth.v2.access answers ``is_enterprise_install: true`` and ``team: null``) through the
real web process and the Slack stand-in; a DM and a spotlight in a workspace of that org answered
with the org's token; and ``app_uninstalled`` for the org forgetting the installation and every
subscription in it, followed by a reinstall.

The payload shapes follow Slack's "organization-wide apps" reference (api.slack.com/enterprise/
apps/reference) and Bolt for Python's org-app scenario tests: an event for an org-wide install
names the workspace in ``team_id`` and the org in ``enterprise_id``, and its ``authorizations``
entry has ``team_id: null`` and ``is_enterprise_install: true``; ``app_uninstalled`` for an org
carries only ``enterprise_id`` (the tokens are gone, so no ``authorizations``).
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import create_engine, text

from bot.slack.surface import BOT_SCOPES
from tests.conftest import SIGNING_SECRET
from tests.support.oauth_flow import finish_install, oauth_answer, run_due
from tests.support.signing import (
    VERIFICATION_TOKEN,
    message_im_event,
    post_signed,
    slash_command_body,
)
from tests.support.slack_stand_in import SlackStandIn
from tests.support.web_process import WebProcess

APP_ID = "A0STANDIN"

ORG_ID = "E1ORG"
ORG_NAME = "Starship Org"
ORG_BOT_USER = "W0ORGBOT"
ORG_WORKSPACE = "T7INORG"
"""A workspace inside the org: it never installed the app itself, the org install covers it."""
SOLO_WORKSPACE = "T8SOLO"
"""A workspace outside any org, installed on its own: an org uninstall must leave it alone."""


def org_oauth_answer(token: str) -> dict[str, Any]:
    """oauth.v2.access after an org admin installed the app across the org (Slack's sample)."""
    return {
        "ok": True,
        "access_token": token,
        "token_type": "bot",
        "scope": ",".join(BOT_SCOPES),
        "bot_user_id": ORG_BOT_USER,
        "app_id": APP_ID,
        "team": None,
        "enterprise": {"id": ORG_ID, "name": ORG_NAME},
        "is_enterprise_install": True,
        "authed_user": {"id": "W0ADMIN"},
    }


def org_auth_test_answer() -> dict[str, Any]:
    """auth.test with an org-level bot token: the "team" is the org itself."""
    return {
        "ok": True,
        "url": "https://starship-org.enterprise.slack.test/",
        "team": ORG_NAME,
        "user": "medicon",
        "team_id": ORG_ID,
        "user_id": ORG_BOT_USER,
        "bot_id": "B0ORGBOT",
        "enterprise_id": ORG_ID,
        "is_enterprise_install": True,
    }


def install_org(web: WebProcess, stand_in: SlackStandIn, *, token: str) -> str:
    # Bolt asks auth.test for the bot id after the exchange; answer as Slack does for an org.
    stand_in.respond_with("auth.test", org_auth_test_answer(), times=1)
    page = finish_install(
        web, stand_in, code=f"code-org-{uuid.uuid4().hex[:8]}", answer=org_oauth_answer(token)
    )
    (check,) = stand_in.calls("auth.test")
    assert check.token == token
    return page


def install_solo(web: WebProcess, stand_in: SlackStandIn, *, token: str) -> str:
    answer = oauth_answer(SOLO_WORKSPACE, token)
    return finish_install(web, stand_in, code=f"code-solo-{uuid.uuid4().hex[:8]}", answer=answer)


# -- requests from a workspace inside the org, as Slack sends them --------------------------


def org_event_body(event: dict[str, Any], *, team_id: str = ORG_WORKSPACE) -> bytes:
    """An event_callback for the org-wide install, from workspace ``team_id`` of the org."""
    envelope = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "enterprise_id": ORG_ID,
        "context_team_id": team_id,
        "context_enterprise_id": ORG_ID,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex.upper()[:10]}",
        "event_time": int(time.time()),
        "authed_users": [],
        "authorizations": [
            {
                "enterprise_id": ORG_ID,
                "team_id": None,
                "user_id": ORG_BOT_USER,
                "is_bot": True,
                "is_enterprise_install": True,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{uuid.uuid4().hex[:24]}",
    }
    return json.dumps(envelope).encode()


def org_dm(web: WebProcess, text: str) -> None:
    body = org_event_body(message_im_event(text, user="W0ADA", team=ORG_WORKSPACE))
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200


def org_slash_command_body(text: str, *, channel_id: str, response_url: str) -> bytes:
    """The form body of ``/medicon <text>`` typed in the org's workspace: Slack adds
    ``enterprise_id``/``enterprise_name`` and ``is_enterprise_install=true`` for an org install."""
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": ORG_WORKSPACE,
        "team_domain": "starship-bridge",
        "enterprise_id": ORG_ID,
        "enterprise_name": ORG_NAME,
        "channel_id": channel_id,
        "channel_name": "general",
        "user_id": "W0ADA",
        "user_name": "ada",
        "command": "/medicon",
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "true",
        "response_url": response_url,
        "trigger_id": f"1.{int(time.time())}.{uuid.uuid4().hex}",
    }
    return urlencode(fields).encode()


def subscribe_in_org(web: WebProcess, stand_in: SlackStandIn, *, channel: str) -> None:
    body = org_slash_command_body(
        "subscribe thursday 07:00 UTC",
        channel_id=channel,
        response_url=stand_in.response_url(channel),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for(f"response:{channel}")
    assert reply.body["response_type"] == "in_channel", reply.body


def subscribe_solo(web: WebProcess, stand_in: SlackStandIn, *, channel: str) -> None:
    body = slash_command_body(
        "subscribe thursday 07:00 UTC",
        team_id=SOLO_WORKSPACE,
        channel_id=channel,
        response_url=stand_in.response_url(channel),
    )
    assert post_signed(web.events_url, body, secret=SIGNING_SECRET)[0] == 200
    (reply,) = stand_in.wait_for(f"response:{channel}")
    assert reply.body["response_type"] == "in_channel", reply.body


def uninstall_org(web: WebProcess) -> None:
    """``app_uninstalled`` for the org-wide install: the org only, no workspace, no
    authorizations (the tokens are already revoked)."""
    body = {
        "token": VERIFICATION_TOKEN,
        "enterprise_id": ORG_ID,
        "api_app_id": APP_ID,
        "event": {"type": "app_uninstalled", "event_ts": f"{int(time.time())}.000100"},
        "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex.upper()[:10]}",
        "event_time": int(time.time()),
    }
    raw = json.dumps(body).encode()
    assert post_signed(web.events_url, raw, secret=SIGNING_SECRET)[0] == 200


# -- spotlights ------------------------------------------------------------------------------


def next_thursday_slot() -> datetime:
    """A minute after the next Thursday 07:00 UTC, when a new subscription is first due."""
    now = datetime.now(UTC)
    thursday = now + timedelta(days=(3 - now.weekday()) % 7 or 7)
    return thursday.replace(hour=7, minute=0, second=0, microsecond=0) + timedelta(minutes=1)


def rows(db_url: str, query: str, **params: Any) -> list[dict[str, Any]]:
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            return [dict(row) for row in connection.execute(text(query), params).mappings()]
    finally:
        engine.dispose()


# -- tests -----------------------------------------------------------------------------------


def test_org_wide_install_shows_the_success_page_and_stores_an_org_installation(
    web: WebProcess, stand_in: SlackStandIn, db_url: str
) -> None:
    page = install_org(web, stand_in, token="xoxb-team-org-1")
    assert "Medicon Bot is installed" in page
    assert ORG_NAME in page
    bots = rows(
        db_url,
        "SELECT enterprise_id, team_id, is_enterprise_install, bot_user_id, bot_id "
        "FROM slack_bots WHERE enterprise_id = :org",
        org=ORG_ID,
    )
    assert bots, "no bot row for the org"
    for bot in bots:
        assert bot["team_id"] is None
        assert bool(bot["is_enterprise_install"]) is True
        assert bot["bot_user_id"] == ORG_BOT_USER
        assert bot["bot_id"] == "B0ORGBOT"


def test_a_dm_in_a_workspace_of_the_org_is_answered_with_the_org_token(
    web: WebProcess, stand_in: SlackStandIn
) -> None:
    install_org(web, stand_in, token="xoxb-team-org-2")
    org_dm(web, "cancer")
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.token == "xoxb-team-org-2"
    assert post.channel == "D123"
    assert "Cancer" in (post.text or "")


def test_a_spotlight_in_a_workspace_of_the_org_is_posted_with_the_org_token(
    web: WebProcess, stand_in: SlackStandIn, environment: dict[str, str], db_url: str
) -> None:
    install_org(web, stand_in, token="xoxb-team-org-3")
    subscribe_in_org(web, stand_in, channel="C7ORG")
    (check,) = stand_in.calls("conversations.info")
    assert check.token == "xoxb-team-org-3"
    (subscription,) = rows(
        db_url,
        "SELECT team_id, enterprise_id FROM spotlight_subscriptions WHERE channel_id = 'C7ORG'",
    )
    assert subscription == {"team_id": ORG_WORKSPACE, "enterprise_id": ORG_ID}

    stand_in.clear()
    run_due(environment, next_thursday_slot())
    posts = {call.channel: call.token for call in stand_in.calls("chat.postMessage")}
    assert posts == {"C7ORG": "xoxb-team-org-3"}


def test_uninstalling_the_org_forgets_it_and_a_reinstall_works(
    web: WebProcess, stand_in: SlackStandIn, environment: dict[str, str], db_url: str
) -> None:
    install_org(web, stand_in, token="xoxb-team-org-4")
    install_solo(web, stand_in, token="xoxb-team-solo")
    subscribe_in_org(web, stand_in, channel="C7ORGB")
    subscribe_solo(web, stand_in, channel="C8SOLO")
    slot = next_thursday_slot()

    uninstall_org(web)
    # The clean-up runs after the acknowledgement: wait for the rows to go.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        left = rows(db_url, "SELECT id FROM slack_bots WHERE enterprise_id = :org", org=ORG_ID)
        if not left:
            break
        time.sleep(0.05)
    org_rows = [
        *rows(db_url, "SELECT id FROM slack_bots WHERE enterprise_id = :org", org=ORG_ID),
        *rows(db_url, "SELECT id FROM slack_installations WHERE enterprise_id = :org", org=ORG_ID),
        *rows(
            db_url, "SELECT id FROM spotlight_subscriptions WHERE enterprise_id = :org", org=ORG_ID
        ),
    ]
    assert org_rows == []

    # Nothing is posted in the org any more; the workspace outside it is untouched.
    stand_in.clear()
    run_due(environment, slot)
    posts = {call.channel: call.token for call in stand_in.calls("chat.postMessage")}
    assert posts == {"C8SOLO": "xoxb-team-solo"}

    stand_in.clear()
    org_dm(web, "cancer")
    with pytest.raises(AssertionError):
        stand_in.wait_for("chat.postMessage", timeout=1)

    # Reinstalling across the org works: DMs and a new subscription use the new token.
    stand_in.clear()
    install_org(web, stand_in, token="xoxb-team-org-5")
    org_dm(web, "diabetes")
    (post,) = stand_in.wait_for("chat.postMessage")
    assert post.token == "xoxb-team-org-5"
    subscribe_in_org(web, stand_in, channel="C7ORGB")
    stand_in.clear()
    run_due(environment, slot + timedelta(days=7))
    posts = {call.channel: call.token for call in stand_in.calls("chat.postMessage")}
    assert posts == {"C7ORGB": "xoxb-team-org-5", "C8SOLO": "xoxb-team-solo"}
