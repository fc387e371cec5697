"""``view_submission`` payloads as Slack posts them when someone presses a modal's submit.

Built from the view the app opened (what ``views.open`` received), with the values typed into
its inputs, so a test submits exactly the modal the app showed.
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

from tests.support.signing import APP_ID, TEAM_DOMAIN, TEAM_ID, VERIFICATION_TOKEN

__all__ = ["view_submission_body"]


def view_submission_body(
    opened: dict[str, Any],
    values: dict[str, str],
    *,
    user_id: str = "U123",
    user_name: str = "ada",
    team_id: str = TEAM_ID,
) -> bytes:
    """The form-encoded ``payload=<json>`` for submitting ``opened`` with ``values`` (input
    block id → typed text; an input left out was left empty)."""
    state: dict[str, Any] = {}
    for block in opened.get("blocks", []):
        if block.get("type") != "input":
            continue
        element = block["element"]
        state[block["block_id"]] = {
            element["action_id"]: {
                "type": element["type"],
                "value": values.get(block["block_id"]),
            }
        }
    view_id = f"V{uuid.uuid4().hex[:10].upper()}"
    view = {
        "id": view_id,
        "team_id": team_id,
        "type": "modal",
        "blocks": opened.get("blocks", []),
        "private_metadata": opened.get("private_metadata", ""),
        "callback_id": opened["callback_id"],
        "state": {"values": state},
        "hash": f"{int(time.time())}.{uuid.uuid4().hex[:8]}",
        "title": opened.get("title"),
        "clear_on_close": False,
        "notify_on_close": False,
        "close": opened.get("close"),
        "submit": opened.get("submit"),
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": APP_ID,
        "external_id": "",
        "app_installed_team_id": team_id,
        "bot_id": "B0BOT",
    }
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "user": {"id": user_id, "username": user_name, "name": user_name, "team_id": team_id},
        "api_app_id": APP_ID,
        "token": VERIFICATION_TOKEN,
        "trigger_id": f"{int(time.time())}.{uuid.uuid4().hex}",
        "view": view,
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return urlencode({"payload": json.dumps(payload)}).encode()
