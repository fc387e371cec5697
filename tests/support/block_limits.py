"""Slack's documented message limits, checked independently of the renderer, and block helpers."""

from __future__ import annotations

from typing import Any


def limit_violations(payload: dict[str, Any]) -> list[str]:
    """Every way ``payload`` breaks Slack's Block Kit limits; empty when it is fine."""
    problems: list[str] = []
    text = payload.get("text")
    if not isinstance(text, str) or not text.strip():
        problems.append("fallback text missing")
    blocks = payload.get("blocks", [])
    if len(blocks) > 50:
        problems.append(f"{len(blocks)} blocks > 50")
    for number, block in enumerate(blocks):
        kind = block["type"]
        where = f"block {number} ({kind})"
        if kind == "header" and len(block["text"]["text"]) > 150:
            problems.append(f"{where}: header > 150")
        if kind == "section":
            if "text" not in block and "fields" not in block:
                problems.append(f"{where}: section without text or fields")
            if len(block.get("text", {}).get("text", "")) > 3000:
                problems.append(f"{where}: text > 3000")
            fields = block.get("fields", [])
            if len(fields) > 10:
                problems.append(f"{where}: {len(fields)} fields > 10")
            problems.extend(f"{where}: field > 2000" for f in fields if len(f["text"]) > 2000)
            accessory = block.get("accessory")
            if accessory:
                problems.extend(_button_violations(where, [accessory]))
        if kind == "actions":
            if len(block["elements"]) > 25:
                problems.append(f"{where}: {len(block['elements'])} elements > 25")
            problems.extend(_button_violations(where, block["elements"]))
            ids = [element["action_id"] for element in block["elements"]]
            if len(ids) != len(set(ids)):
                problems.append(f"{where}: repeated action_id")
        if kind == "context" and len(block["elements"]) > 10:
            problems.append(f"{where}: context elements > 10")
        if kind == "table":
            problems.extend(_table_violations(where, block))
    if sum(1 for block in blocks if block["type"] == "table") > 1:
        problems.append("more than one table in a message")
    return problems


def _table_violations(where: str, block: dict[str, Any]) -> list[str]:
    """Slack's table block: 1–100 rows of at most 20 raw_text/rich_text cells, at most 20
    column settings (align left/center/right, is_wrapped)."""
    problems = []
    rows = block.get("rows") or []
    if not 1 <= len(rows) <= 100:
        problems.append(f"{where}: {len(rows)} rows, not 1–100")
    for number, row in enumerate(rows):
        if len(row) > 20:
            problems.append(f"{where}: row {number} has {len(row)} cells > 20")
        for cell in row:
            if cell.get("type") not in ("raw_text", "rich_text"):
                problems.append(f"{where}: row {number}: cell type {cell.get('type')!r}")
            elif cell["type"] == "raw_text" and not cell.get("text"):
                problems.append(f"{where}: row {number}: empty raw_text cell")
            elif cell["type"] == "rich_text" and not cell.get("elements"):
                problems.append(f"{where}: row {number}: empty rich_text cell")
    settings = block.get("column_settings") or []
    if len(settings) > 20:
        problems.append(f"{where}: {len(settings)} column settings > 20")
    for setting in settings:
        if setting and setting.get("align", "left") not in ("left", "center", "right"):
            problems.append(f"{where}: column align {setting.get('align')!r}")
    return problems


def _button_violations(where: str, elements: list[dict[str, Any]]) -> list[str]:
    problems = []
    for element in elements:
        if element.get("type") != "button":
            continue
        if len(element["text"]["text"]) > 75:
            problems.append(f"{where}: button text > 75")
        if len(element.get("value", "")) > 2000:
            problems.append(f"{where}: button value > 2000")
        if len(element["action_id"]) > 255:
            problems.append(f"{where}: action_id > 255")
    return problems


def header_text(blocks: list[dict[str, Any]]) -> str:
    """The text of a message's header block (every answer opens with one)."""
    return str(next(b["text"]["text"] for b in blocks if b["type"] == "header"))


def action_ids(blocks: list[dict[str, Any]]) -> set[str]:
    """Every button's or select's action_id, in actions blocks and section accessories."""
    ids = set()
    for block in blocks:
        for element in [*block.get("elements", []), block.get("accessory") or {}]:
            if "action_id" in element:
                ids.add(element["action_id"])
    return ids
