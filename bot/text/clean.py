"""One normalisation for everything people type, applied where it enters the bot.

Slack hands over what people typed as they typed it: NUL and other control characters, bidi
overrides, even lone surrogates (a JSON ``"\\ud800"``). None of it means anything in a question
or a note, and each breaks something further on: PostgreSQL refuses a NUL (and with it a whole
batch of writes), JSON spells a control character in six (and a button value outgrows Slack's
2,000), a surrogate cannot be encoded at all. Cleaned once here, nothing downstream has to care.
"""

from __future__ import annotations

from typing import Final

__all__ = ["LINE_LIMIT", "MESSAGE_LIMIT", "clean_line", "clean_lines"]

LINE_LIMIT: Final = 1_000
"""A question: far beyond any real one, far below what a log line or a cache should hold."""
MESSAGE_LIMIT: Final = 4_000
"""A whole message looked up by the message shortcut (what :mod:`bot.slack.views.lookup` scans)."""

_WHITESPACE_CONTROLS: Final = "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85"
_BIDI_CONTROLS: Final = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
"""Embeddings, overrides and isolates: they reorder what follows them on screen."""


def _table(*, keep: str) -> dict[int, str | None]:
    table: dict[int, str | None] = {
        code: None for code in (*range(0x00, 0x20), *range(0x7F, 0xA0), *_BIDI_CONTROLS)
    }
    table.update(dict.fromkeys(range(0xD800, 0xE000)))  # lone surrogates
    table.update({ord(space): " " for space in _WHITESPACE_CONTROLS})
    table.update({ord(kept): kept for kept in keep})
    return table


_ONE_LINE: Final = _table(keep="")
_LINES: Final = _table(keep="\n\t")


def clean_line(text: object, *, limit: int = LINE_LIMIT) -> str:
    """``text`` as one line of at most ``limit`` characters, safe to store, log and encode.

    Whitespace (tabs and newlines too) becomes single spaces; every other control character,
    bidi override and lone surrogate is dropped; the ends are stripped. Anything that is not a
    string gives ``""``.
    """
    if not isinstance(text, str):
        return ""
    if not text.isprintable():  # printable text (the common case) has nothing to drop
        text = text.translate(_ONE_LINE)
    return " ".join(text.split())[:limit].rstrip()


def clean_lines(text: object, *, limit: int) -> str:
    """Multi-line ``text`` (a note), as :func:`clean_line` but newlines and tabs kept: CR LF and
    a lone CR become a newline; other whitespace controls a space."""
    if not isinstance(text, str):
        return ""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    return unified.translate(_LINES).strip()[:limit].rstrip()
