"""Shortcut, options-request, modal-action, link_shared and view-submission payloads as Slack
sends them (decoded payload dicts; :func:`form` turns one into the HTTP body Slack posts).

Identifiers default to the stand-in's (team ``T0STANDIN``, app ``A0STANDIN``), as in
:mod:`tests.support.signing`.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from tests.support.signing import APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN

__all__ = [
    "block_suggestion",
    "form",
    "global_shortcut",
    "link_shared_event",
    "message_shortcut",
    "modal_select",
    "submitted_view",
    "typed_state",
]


def _user(user_id: str) -> dict[str, Any]:
    return {"id": user_id, "username": "ada", "name": "ada", "team_id": TEAM_ID}


def _common(kind: str, user_id: str) -> dict[str, Any]:
    return {
        "type": kind,
        "token": VERIFICATION_TOKEN,
        "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
        "user": _user(user_id),
        "api_app_id": APP_ID,
        "is_enterprise_install": False,
        "enterprise": None,
    }


def _trigger_id() -> str:
    return f"{int(time.time())}.{uuid.uuid4().hex}"


def form(payload: dict[str, Any]) -> bytes:
    """The form-encoded ``payload=<json>`` body of an interactivity request."""
    return urlencode({"payload": json.dumps(payload)}).encode()


def message_shortcut(
    callback_id: str,
    text: str,
    *,
    response_url: str,
    channel_id: str = "C123",
    user_id: str = "U123",
) -> dict[str, Any]:
    """A message shortcut used on someone's message saying ``text``."""
    ts = f"{int(time.time())}.000100"
    return {
        **_common("message_action", user_id),
        "callback_id": callback_id,
        "trigger_id": _trigger_id(),
        "action_ts": ts,
        "message_ts": ts,
        "channel": {"id": channel_id, "name": "general"},
        "message": {"type": "message", "user": "U999", "ts": ts, "text": text},
        "response_url": response_url,
    }


def global_shortcut(callback_id: str, *, user_id: str = "U123") -> dict[str, Any]:
    """A global shortcut chosen from the shortcuts menu."""
    return {
        **_common("shortcut", user_id),
        "callback_id": callback_id,
        "trigger_id": _trigger_id(),
        "action_ts": str(time.time()),
    }


def _view(opened: dict[str, Any], state: dict[str, Any], view_id: str) -> dict[str, Any]:
    return {
        "id": view_id,
        "team_id": TEAM_ID,
        "type": opened.get("type", "modal"),
        "blocks": opened.get("blocks", []),
        "private_metadata": opened.get("private_metadata", ""),
        "callback_id": opened.get("callback_id", ""),
        "state": {"values": state},
        "hash": f"{int(time.time())}.{uuid.uuid4().hex[:8]}",
        "title": opened.get("title"),
        "close": opened.get("close"),
        "submit": opened.get("submit"),
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": APP_ID,
        "external_id": "",
        "app_installed_team_id": TEAM_ID,
        "bot_id": "B0BOT",
    }


def block_suggestion(
    action_id: str, typed: str, *, block_id: str = "entry_search", user_id: str = "U123"
) -> dict[str, Any]:
    """An options request: someone typed ``typed`` into an ``external_select``."""
    return {
        **_common("block_suggestion", user_id),
        "action_id": action_id,
        "block_id": block_id,
        "value": typed,
        "container": {"type": "view", "view_id": "V0SEARCH"},
        "view": _view({"type": "modal", "callback_id": "search_modal"}, {}, "V0SEARCH"),
    }


def modal_select(
    opened: dict[str, Any],
    action_id: str,
    value: str,
    *,
    block_id: str,
    view_id: str = "V0MODAL",
    user_id: str = "U123",
) -> dict[str, Any]:
    """``block_actions``: an option with ``value`` chosen from a select in the modal ``opened``."""
    option = {"text": {"type": "plain_text", "text": value}, "value": value}
    return {
        **_common("block_actions", user_id),
        "container": {"type": "view", "view_id": view_id},
        "trigger_id": _trigger_id(),
        "view": _view(opened, {}, view_id),
        "actions": [
            {
                "type": "external_select",
                "action_id": action_id,
                "block_id": block_id,
                "selected_option": option,
                "action_ts": str(time.time()),
            }
        ],
    }


def typed_state(opened: dict[str, Any], typed: dict[str, str]) -> dict[str, Any]:
    """The ``state.values`` of ``opened`` with text typed into its inputs (input block id →
    text; an input left out was left empty), for :func:`submitted_view`."""
    state: dict[str, Any] = {}
    for block in opened.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        state[block["block_id"]] = {
            element["action_id"]: {"type": element["type"], "value": typed.get(block["block_id"])}
        }
    return state


def submitted_view(
    opened: dict[str, Any], state: dict[str, Any], *, user_id: str = "U123"
) -> dict[str, Any]:
    """``view_submission`` of ``opened`` with ``state`` (block id → action id → element state)."""
    view_id = f"V{uuid.uuid4().hex[:10].upper()}"
    return {
        **_common("view_submission", user_id),
        "trigger_id": _trigger_id(),
        "view": _view(opened, state, view_id),
        "response_urls": [],
    }


def link_shared_event(
    urls: list[str], *, channel: str = "C123", user: str = "U123", ts: str | None = None
) -> dict[str, Any]:
    """A ``link_shared`` event for a message posting ``urls``."""
    message_ts = ts or f"{int(time.time())}.{uuid.uuid4().int % 1_000_000:06d}"
    return {
        "type": "link_shared",
        "channel": channel,
        "is_bot_user_member": True,
        "user": user,
        "message_ts": message_ts,
        "unfurl_id": f"Uf{uuid.uuid4().hex[:10].upper()}",
        "source": "conversations_history",
        "links": [{"domain": url.split("/")[2], "url": url} for url in urls],
        "event_ts": message_ts,
    }
