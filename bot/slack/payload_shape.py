"""Whether a verified request body is one Bolt can read without tripping over it.

Bolt parses a body as JSON when its content type says so *or* when it starts with ``{``, and a
form's ``payload`` field as JSON; its context extractors then assume that ``team``, ``user``,
``channel`` and friends are strings or objects, and that lists are lists of objects. A body
that breaks those assumptions would raise inside Bolt (a 500), so it is refused here with a 400
instead. What passes is exactly what Bolt will see.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["parse_like_bolt", "shape_problem"]

_ID_HOLDERS = ("team", "user", "channel", "enterprise")
"""Either an id string or an object with an ``id``."""
_OBJECTS = (
    "view",
    "message",
    "previous_message",
    "item",
    "container",
    "assistant_thread",
    "state",
    "function_data",
    "bot_profile",
)
_LISTS_OF_OBJECTS = ("authorizations", "response_urls", "actions")
_STRINGS = (
    "type",
    "command",
    "text",
    "response_url",
    "trigger_id",
    "callback_id",
    "team_id",
    "user_id",
    "channel_id",
    "enterprise_id",
    "event_id",
    "api_app_id",
    "thread_ts",
    "ts",
    "subtype",
    "bot_id",
    "app_id",
    "user_team",
    "app_installed_team_id",
)


def parse_like_bolt(text: str, content_type: str) -> dict[str, Any] | None:
    """The body as Bolt will parse it, or None when that would fail or not give an object."""
    try:
        if content_type.split(";", 1)[0].strip() == "application/json" or text.startswith("{"):
            parsed: object = json.loads(text)
        elif "payload" in text:
            payload = dict(parse_qsl(text, keep_blank_values=True)).get("payload")
            parsed = {} if payload is None else json.loads(payload)
        else:
            parsed = dict(parse_qsl(text, keep_blank_values=True))
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError; deep nesting recurses
        return None
    return parsed if isinstance(parsed, dict) else None


def _object_problem(body: dict[str, Any], where: str) -> str | None:
    for key in _ID_HOLDERS:
        value = body.get(key)
        if value is None or isinstance(value, str):
            continue
        if not isinstance(value, dict):
            return f"{where}{key} is neither an id nor an object"
        inner = value.get("id")
        if inner is not None and not isinstance(inner, str):
            return f"{where}{key}.id is not a string"
        if value.get("team_id") is not None and not isinstance(value.get("team_id"), str):
            return f"{where}{key}.team_id is not a string"
    for key in _OBJECTS:
        value = body.get(key)
        if value is not None and not isinstance(value, dict):
            return f"{where}{key} is not an object"
    for key in _LISTS_OF_OBJECTS:
        value = body.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            return f"{where}{key} is not a list of objects"
        if key == "actions":
            continue  # an action's own fields (text objects, values) are the listeners' business
        for item in value:
            problem = _strings_problem(item, f"{where}{key}[]")
            if problem:
                return problem
    return _strings_problem(body, where)


def _strings_problem(body: dict[str, Any], where: str) -> str | None:
    for key in _STRINGS:
        value = body.get(key)
        if value is not None and not isinstance(value, str):
            return f"{where}{key} is not a string"
    return None


def shape_problem(body: dict[str, Any]) -> str | None:
    """Why Bolt could not read ``body`` safely (one short phrase), or None when it can."""
    for key in ("event", "view"):  # Bolt reads these as ``body.get(key, {})``: None breaks it
        if key in body and not isinstance(body[key], dict):
            return f"{key} is not an object"
    problem = _object_problem(body, "")
    if problem:
        return problem
    kind = body.get("type")
    view = body.get("view")
    if kind in {"view_submission", "view_closed"} and not (
        isinstance(view, dict) and isinstance(view.get("callback_id"), str)
    ):
        return f"a {kind} without a view and its callback_id"
    if isinstance(view, dict) and not isinstance(view.get("type"), str):
        return "a view without a type"
    if kind == "workflow_step_edit" or (isinstance(view, dict) and view["type"] == "workflow_step"):
        return "a retired workflow-step request"
    event = body.get("event")
    if kind == "event_callback" and not isinstance(event, dict):
        return "an event callback without an event object"
    if isinstance(event, dict):
        if kind == "event_callback" and not isinstance(event.get("type"), str):
            return "an event without a type"
        return _object_problem(event, "event.")
    return None
