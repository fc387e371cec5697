"""Block Kit table blocks where a reader compares things: ``stats`` and lists of centres.

A table replaces the one-section-per-item part of today's rendering and nothing else (the
header, the cluster's own numbers, the sources, the buttons stay), so the message reads the
same with or without it and ``text`` (notifications, screen readers) never changes. Slack's
limits, checked here and in tests: at most 100 rows of at most 20 cells, at most 20 column
settings, and one table per message. A list too long for one table keeps today's rendering.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from bot.answers import phrases
from bot.answers.locale import Phrase, localise, localise_code
from bot.answers.locale import ui as words
from bot.answers.records import Answer, CentreListAnswer, StatsAnswer
from bot.answers.resolve.facts import year_phrase
from bot.knowledge import Centre, Status

__all__ = [
    "MAX_CELLS",
    "MAX_COLUMN_SETTINGS",
    "MAX_ROWS",
    "centres_table",
    "stats_table",
    "with_table",
]

MAX_ROWS: Final = 100
MAX_CELLS: Final = 20
MAX_COLUMN_SETTINGS: Final = 20
_CELL_LIMIT: Final = 300
_BUTTONS_PER_ACTIONS: Final = 25
_OPEN_CENTRE_PREFIX: Final = "open_centre:"

FIELD: Final = Phrase("Field")
FIGURE: Final = Phrase("Figure")
WHAT: Final = Phrase("What")
YEAR: Final = Phrase("Year")
CENTRE: Final = Phrase("Centre")
PLACE: Final = Phrase("Place")
TYPE: Final = Phrase("Type")
STATUS: Final = Phrase("Status")


def _cell(text: str, *, bold: bool = False) -> dict[str, Any]:
    """A rich-text cell: plain words (no mrkdwn to escape), bold for the header row. Rich text
    rather than ``raw_text``, which Slack answered with server errors when tables were new."""
    element: dict[str, Any] = {
        "type": "text",
        "text": (" ".join(text.split()) or "–")[:_CELL_LIMIT],
    }
    if bold:
        element["style"] = {"bold": True}
    return {
        "type": "rich_text",
        "elements": [{"type": "rich_text_section", "elements": [element]}],
    }


def _table(
    header: Sequence[str], rows: Sequence[Sequence[str]], settings: Sequence[dict[str, Any]]
) -> dict[str, Any] | None:
    if not rows or len(rows) + 1 > MAX_ROWS or len(header) > MAX_CELLS:
        return None
    return {
        "type": "table",
        "column_settings": list(settings)[:MAX_COLUMN_SETTINGS],
        "rows": [
            [_cell(c, bold=True) for c in header],
            *([_cell(c) for c in row] for row in rows),
        ],
    }


def stats_table(answer: StatsAnswer, language: str = "en") -> dict[str, Any] | None:
    """Every field's figures, one row each: field, figure, what it counts, year and qualifier;
    the headers, figures and years in ``language``."""
    rows = [
        (
            research_field.name,
            f"{localise_code(stat.display_value, 'value', language)}{stat.unit_suffix}",
            stat.label,
            localise(year_phrase(stat), language),
        )
        for research_field in answer.fields
        for stat in research_field.stats
    ]
    settings: list[dict[str, Any]] = [
        {"is_wrapped": True},
        {"align": "right"},
        {"is_wrapped": True},
        {"is_wrapped": True},
    ]
    header = tuple(localise(word, language) for word in (FIELD, FIGURE, WHAT, YEAR))
    return _table(header, rows, settings)


def centres_table(answer: CentreListAnswer, language: str = "en") -> dict[str, Any] | None:
    """One row per centre: name, place, kind and status (kind, status and headers in
    ``language``; names and places as written)."""
    rows = [
        (
            centre.label,
            centre.place,
            _kind(centre, language),
            _status(centre.status, language),
        )
        for centre in answer.centres
    ]
    settings: list[dict[str, Any]] = [{"is_wrapped": True}, {"is_wrapped": True}]
    header = tuple(localise(word, language) for word in (CENTRE, PLACE, TYPE, STATUS))
    return _table(header, rows, settings)


def _kind(centre: Centre, language: str) -> str:
    if language == "en":
        return centre.kind_label
    return localise(words.KIND_LABELS.get(centre.kind, centre.kind_label), language)


def _status(status: Status, language: str) -> str:
    if language == "en":
        return status.value
    return localise(phrases.STATUS_LABELS[status.value], language).lower()


def _is_centre_row(block: dict[str, Any]) -> bool:
    accessory = block.get("accessory") or {}
    return block.get("type") == "section" and str(accessory.get("action_id", "")).startswith(
        _OPEN_CENTRE_PREFIX
    )


def _is_more_line(block: dict[str, Any], language: str) -> bool:
    text = block.get("text") or {}
    opening = "*" + localise(words.AND_MORE.format(count=2), language).split()[0] + " "
    return block.get("type") == "section" and str(text.get("text", "")).startswith(opening)


def with_table(
    answer: Answer, blocks: Sequence[dict[str, Any]], language: str = "en"
) -> tuple[dict[str, Any], ...]:
    """``blocks`` (the rendering of ``answer`` in ``language``) with a table in place of the
    per-item sections, for the answers that compare things; unchanged for every other answer."""
    if isinstance(answer, StatsAnswer):
        table = stats_table(answer, language)
        if table is None:
            return tuple(blocks)
        # Today's stats open with the header, then one section per field.
        items = len(answer.fields)
        return (blocks[0], table, *blocks[1 + items :])
    if isinstance(answer, CentreListAnswer):
        table = centres_table(answer, language)
        rows = [b for b in blocks if _is_centre_row(b)]
        if table is None or not rows:
            return tuple(blocks)
        buttons = [row["accessory"] for row in rows]
        actions = [
            {
                "type": "actions",
                "block_id": f"centres_{n}",
                "elements": buttons[n : n + _BUTTONS_PER_ACTIONS],
            }
            for n in range(0, len(buttons), _BUTTONS_PER_ACTIONS)
        ]
        first = next(i for i, b in enumerate(blocks) if _is_centre_row(b))
        # The table names every centre, so the "And N more: …" line goes; buttons stay for the
        # centres that had a section.
        rest = [
            b for b in blocks[first:] if not _is_centre_row(b) and not _is_more_line(b, language)
        ]
        return (*blocks[:first], table, *actions, *rest)
    return tuple(blocks)
