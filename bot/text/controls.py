"""Escaping what a terminal or a log file would obey: control characters, bidi controls, line
and paragraph separators, lone surrogates. Shown as Python writes them (``\\x1b``,
``\\u202e``), so an editor still sees that something was there and what."""

from __future__ import annotations

import unicodedata
from typing import Final

__all__ = ["escape_controls", "is_unsafe"]

_UNSAFE_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_JOINERS: Final = frozenset({"\u200c", "\u200d"})
"""Zero-width (non-)joiners: invisible and inert, and part of emoji and Indic spellings."""


def is_unsafe(character: str) -> bool:
    """A control character (C0, DEL, C1), a format character such as a bidi override (joiners
    excepted), a lone surrogate, or a line or paragraph separator."""
    return unicodedata.category(character) in _UNSAFE_CATEGORIES and character not in _JOINERS


_SHORT: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(character: str) -> str:
    if character in _SHORT:
        return _SHORT[character]
    code = ord(character)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escape_controls(text: str, *, keep: str = "") -> str:
    """``text`` with every unsafe character (:func:`is_unsafe`) but those in ``keep`` written
    as its escape, e.g. ``\\x1b[2J`` for a screen clear; printable text comes back unchanged."""
    if text.isprintable():  # the common case, at C speed
        return text
    return "".join(
        _escaped(character) if character not in keep and is_unsafe(character) else character
        for character in text
    )
