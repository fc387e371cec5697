"""Requests exactly as Slack sends them: signed, with the bodies and field sets Slack uses.

Body builders return the bytes Slack would put on the wire; :func:`signed_headers` adds the
content type and the ``X-Slack-*`` signature headers for a body; :func:`post` sends it to a
loopback URL and never raises on an HTTP error status.

The identifiers default to the ones :class:`tests.support.slack_stand_in.SlackStandIn` answers
with (team ``T0STANDIN``, bot user ``U0BOT``, app ``A0STANDIN``), so events and API answers agree.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.request
import uuid
from email.message import Message
from typing import Any, Final
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit

__all__ = [
    "FORM_CONTENT_TYPE",
    "JSON_CONTENT_TYPE",
    "SLACK_USER_AGENT",
    "VERIFICATION_TOKEN",
    "app_home_opened_event",
    "app_mention_event",
    "block_actions_body",
    "event_callback_body",
    "message_im_event",
    "post",
    "post_signed",
    "sign",
    "signed_headers",
    "slash_command_body",
    "url_verification_body",
]

FORM_CONTENT_TYPE: Final = "application/x-www-form-urlencoded"
JSON_CONTENT_TYPE: Final = "application/json"
SLACK_USER_AGENT: Final = "Slackbot 1.0 (+https://api.slack.com/robots)"
VERIFICATION_TOKEN: Final = "stand-in-verification-token"
"""The deprecated verification token Slack still puts in payloads; apps must not rely on it."""

TEAM_ID: Final = "T0STANDIN"
TEAM_DOMAIN: Final = "stand-in"
APP_ID: Final = "A0STANDIN"
BOT_USER_ID: Final = "U0BOT"
BOT_ID: Final = "B0BOT"

_serials = itertools.count(1)
_LOOPBACK_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})


# -- signing --------------------------------------------------------------------------------


def sign(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """Slack's v0 request signature headers for ``body``, signed at ``timestamp`` (default now).

    ``X-Slack-Signature`` is ``"v0=" + hex(HMAC-SHA256(secret, f"v0:{timestamp}:{body}"))``.
    """
    ts = int(time.time()) if timestamp is None else timestamp
    base = b"v0:" + str(ts).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(ts), "X-Slack-Signature": f"v0={digest}"}


def signed_headers(
    body: bytes,
    secret: str,
    *,
    timestamp: int | None = None,
    retry_num: int | None = None,
    retry_reason: str = "http_timeout",
) -> dict[str, str]:
    """All headers Slack sends with ``body``: content type (JSON if it is a JSON object, else
    form), user agent, signature, and ``X-Slack-Retry-Num``/``-Reason`` for a redelivery."""
    content_type = JSON_CONTENT_TYPE if body.lstrip()[:1] == b"{" else FORM_CONTENT_TYPE
    headers = {"Content-Type": content_type, "User-Agent": SLACK_USER_AGENT}
    headers.update(sign(body, secret, timestamp))
    if retry_num is not None:
        headers["X-Slack-Retry-Num"] = str(retry_num)
        headers["X-Slack-Retry-Reason"] = retry_reason
    return headers


# -- sending --------------------------------------------------------------------------------


def post(
    url: str, body: bytes, headers: dict[str, str], timeout: float = 5
) -> tuple[int, Message, bytes]:
    """POST ``body`` to a loopback ``url`` without any proxy: (status, headers, body).

    The headers are case-insensitive (``headers["content-type"]``). 4xx and 5xx answers are
    returned, not raised. Any host but 127.0.0.1/localhost is refused with ValueError.
    """
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname not in _LOOPBACK_HOSTS:
        raise ValueError(f"tests only post to http://127.0.0.1, not {url!r}")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def post_signed(
    url: str,
    body: bytes,
    *,
    secret: str,
    timestamp: int | None = None,
    retry_num: int | None = None,
    timeout: float = 5,
) -> tuple[int, Message, bytes]:
    """:func:`post` with :func:`signed_headers`."""
    headers = signed_headers(body, secret, timestamp=timestamp, retry_num=retry_num)
    return post(url, body, headers, timeout=timeout)


# -- slash commands -------------------------------------------------------------------------


def slash_command_body(
    text: str,
    *,
    response_url: str,
    command: str = "/medicon",
    user_id: str = "U123",
    user_name: str = "ada",
    channel_id: str = "C123",
    channel_name: str | None = None,
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = APP_ID,
    trigger_id: str | None = None,
) -> bytes:
    """The form-encoded body Slack posts for ``<command> <text>``, fields in Slack's order.

    ``response_url`` has no default so a test can never send the app to a real Slack host:
    pass ``stand_in.response_url()``.
    """
    fields = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "team_domain": team_domain,
        "channel_id": channel_id,
        "channel_name": channel_name or _channel_name(channel_id),
        "user_id": user_id,
        "user_name": user_name,
        "command": command,
        "text": text,
        "api_app_id": api_app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id or _trigger_id(),
    }
    return urlencode(fields).encode()


# -- Events API -----------------------------------------------------------------------------


def event_callback_body(
    event: dict[str, Any],
    *,
    event_id: str | None = None,
    event_time: int | None = None,
    team_id: str = TEAM_ID,
    api_app_id: str = APP_ID,
    bot_user_id: str = BOT_USER_ID,
) -> bytes:
    """The JSON envelope Slack posts for one event (``type: event_callback``).

    ``event_id`` defaults to a fresh unique ``Ev…`` id; pass the same one twice to simulate a
    redelivery.
    """
    envelope = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "context_team_id": team_id,
        "context_enterprise_id": None,
        "api_app_id": api_app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or f"Ev{_unique_id(10)}",
        "event_time": int(time.time()) if event_time is None else event_time,
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
        "event_context": f"4-{_unique_id(24).lower()}",
    }
    return json.dumps(envelope).encode()


def message_im_event(
    text: str,
    *,
    user: str = "U123",
    channel: str = "D123",
    ts: str | None = None,
    team: str = TEAM_ID,
    thread_ts: str | None = None,
) -> dict[str, Any]:
    """A ``message`` event in the bot's DM (``channel_type: im``), as ``message.im`` delivers."""
    return channel_message_event(
        text, channel=channel, thread_ts=thread_ts, user=user, ts=ts, team=team, channel_type="im"
    )


def channel_message_event(
    text: str,
    *,
    channel: str,
    thread_ts: str | None = None,
    user: str = "U123",
    ts: str | None = None,
    team: str = TEAM_ID,
    channel_type: str = "channel",
) -> dict[str, Any]:
    """A ``message`` event in a channel the bot is in, as ``message.channels`` (or, with
    ``channel_type="group"``, ``message.groups``) delivers it; a thread reply with
    ``thread_ts``."""
    ts = ts or _ts()
    event: dict[str, Any] = {
        "type": "message",
        "client_msg_id": str(uuid.uuid4()),
        "text": text,
        "user": user,
        "ts": ts,
        "blocks": _rich_text_blocks(text),
        "team": team,
        "channel": channel,
        "event_ts": ts,
        "channel_type": channel_type,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = "U0PARENT"
    return event


def app_mention_event(
    text: str,
    *,
    user: str = "U123",
    channel: str = "C123",
    ts: str | None = None,
    team: str = TEAM_ID,
    bot_user_id: str = BOT_USER_ID,
    thread_ts: str | None = None,
) -> dict[str, Any]:
    """An ``app_mention`` event; ``text`` gets a leading ``<@U0BOT>`` unless it mentions the bot."""
    ts = ts or _ts()
    mention = f"<@{bot_user_id}>"
    full_text = text if mention in text else f"{mention} {text}".rstrip()
    event: dict[str, Any] = {
        "type": "app_mention",
        "client_msg_id": str(uuid.uuid4()),
        "text": full_text,
        "user": user,
        "ts": ts,
        "blocks": _rich_text_blocks(full_text),
        "team": team,
        "channel": channel,
        "event_ts": ts,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def app_home_opened_event(
    user: str = "U123",
    *,
    channel: str = "D123",
    tab: str = "home",
    view: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An ``app_home_opened`` event; ``view`` is the home view published before, if any."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": channel,
        "tab": tab,
        "event_ts": _ts(),
    }
    if view is not None:
        event["view"] = view
    return event


def url_verification_body(challenge: str) -> bytes:
    """The JSON Slack posts once to check a new Events API request URL."""
    return json.dumps(
        {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}
    ).encode()


# -- interactivity --------------------------------------------------------------------------


def block_actions_body(
    action_id: str,
    value: str,
    *,
    user_id: str = "U123",
    user_name: str = "ada",
    channel_id: str | None = None,
    container: dict[str, Any] | None = None,
    response_url: str | None = None,
    view: dict[str, Any] | None = None,
    message: dict[str, Any] | None = None,
    block_id: str = "actions",
    button_text: str = "Button",
    team_id: str = TEAM_ID,
    team_domain: str = TEAM_DOMAIN,
    api_app_id: str = APP_ID,
) -> bytes:
    """The form-encoded ``payload=<json>`` Slack posts when a button is clicked.

    The container defaults to the ``view`` (App Home, modal) if one is given, else to a bot
    message in ``channel_id``; one of the two is needed. A click in a message carries a
    ``response_url`` in real Slack: pass ``stand_in.response_url()``.
    """
    action_ts = _ts()
    if container is None:
        if view is not None:
            container = {"type": "view", "view_id": view.get("id", "V0STANDIN")}
        elif channel_id is not None:
            message_ts = (message or {}).get("ts") or _ts()
            container = {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel_id,
                "is_ephemeral": False,
            }
        else:
            raise ValueError("block_actions_body needs a channel_id, a view or a container")
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": team_id},
        "api_app_id": api_app_id,
        "token": VERIFICATION_TOKEN,
        "container": container,
        "trigger_id": _trigger_id(),
        "team": {"id": team_id, "domain": team_domain},
        "enterprise": None,
        "is_enterprise_install": False,
    }
    if channel_id is not None:
        payload["channel"] = {"id": channel_id, "name": _channel_name(channel_id)}
    if container.get("type") == "message":
        payload["message"] = message or {
            "type": "message",
            "user": BOT_USER_ID,
            "bot_id": BOT_ID,
            "app_id": api_app_id,
            "team": team_id,
            "ts": container.get("message_ts"),
            "text": "",
            "blocks": [],
        }
    if view is not None:
        payload["view"] = view
    payload["state"] = {"values": {}}
    if response_url is not None:
        payload["response_url"] = response_url
    payload["actions"] = [
        {
            "action_id": action_id,
            "block_id": block_id,
            "text": {"type": "plain_text", "text": button_text, "emoji": True},
            "value": value,
            "type": "button",
            "action_ts": action_ts,
        }
    ]
    return urlencode({"payload": json.dumps(payload)}).encode()


# -- helpers --------------------------------------------------------------------------------


def _ts() -> str:
    """A message timestamp: seconds, a dot, six digits; unique within the process."""
    return f"{int(time.time())}.{next(_serials) % 1_000_000:06d}"


def _trigger_id() -> str:
    return f"{next(_serials)}.{int(time.time())}.{uuid.uuid4().hex}"


def _unique_id(length: int) -> str:
    return uuid.uuid4().hex.upper()[:length]


def _channel_name(channel_id: str) -> str:
    if channel_id.startswith("D"):
        return "directmessage"
    if channel_id.startswith("G"):
        return "privategroup"
    return "general"


def _rich_text_blocks(text: str) -> list[dict[str, Any]]:
    return [
        {
            "type": "rich_text",
            "block_id": _unique_id(5).lower(),
            "elements": [
                {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
            ],
        }
    ]
