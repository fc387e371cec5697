"""Show a Slack message in a terminal: the same blocks the Slack surfaces send, drawn with rich.

The offline commands render through here so that ``medicon-bot ask cancer`` shows exactly the
answer ``/medicon cancer`` gives, not a second, drifting copy of it.

Every command prints through the helpers here, which are terminal-safe: what a Slack user typed
(a question, a suggestion) and what a file holds can never clear a screen, set a window title,
write the clipboard (OSC 52) or reorder a line. Control characters, bidi controls and line
separators are shown as escapes (``\\x1b[2J``), in JSON as ``\\u`` escapes.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from bot.answers import Message
from bot.text import escape_controls, is_unsafe

__all__ = ["message_to_renderable", "mrkdwn_to_text", "safe_text", "terminal_json", "terminal_safe"]

_TOKEN = re.compile(
    r"<(?P<url>[^|>]+)\|(?P<label>[^>]+)>"  # <https://…|label>
    r"|`(?P<code>[^`]+)`"
    r"|(?<![\w*])\*(?P<bold>[^*\n]+)\*(?![\w*])"
    r"|(?<![\w_])_(?P<italic>[^_\n]+)_(?![\w_])"
    r"|:(?P<emoji>[a-z0-9_+-]+):"
)
_EMOJI: Mapping[str, str] = {
    "mag": "🔍",
    "warning": "⚠️",
    "thinking_face": "🤔",
    "dna": "🧬",
    "brain": "🧠",
    "microbe": "🦠",
    "syringe": "💉",
    "fire": "🔥",
    "seedling": "🌱",
    "petri_dish": "🧫",
    "test_tube": "🧪",
    "pill": "💊",
    "microscope": "🔬",
    "drop_of_blood": "🩸",
    "question": "❓",
    "round_pushpin": "📍",
    "shield": "🛡️",
}


def terminal_safe(text: str) -> str:
    """``text`` with everything a terminal would obey but newlines written as escapes
    (:func:`bot.text.escape_controls`)."""
    return escape_controls(text, keep="\n")


def safe_text(text: str, *, style: str = "") -> Text:
    """A rich Text of ``text`` taken literally: no markup read, nothing a terminal obeys."""
    return Text(terminal_safe(text), style=style)


def _json_escape(character: str) -> str:
    code = ord(character)
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as its UTF-16 surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def terminal_json(data: object) -> str:
    """``data`` as indented JSON that keeps readable text readable (``Malmö``, not
    ``Malm\\u00f6``) but escapes, as ``\\u009b`` or ``\\u202e``, every character a terminal
    would obey: the same data for a parser, nothing for a terminal to act on."""
    dumped = json.dumps(data, ensure_ascii=False, indent=2)
    # Outside its strings JSON is ASCII; inside them json.dumps already escaped C0 controls.
    return "".join(_json_escape(c) if c != "\n" and is_unsafe(c) else c for c in dumped)


def _plain(mrkdwn: str) -> str:
    return terminal_safe(html.unescape(mrkdwn))


def mrkdwn_to_text(mrkdwn: str, *, base_style: str = "") -> Text:
    """Slack mrkdwn → rich Text: bold, italic, code and links styled; escapes undone; nothing a
    terminal would obey (:func:`terminal_safe`)."""
    text = Text(style=base_style)
    position = 0
    for match in _TOKEN.finditer(mrkdwn):
        text.append(_plain(mrkdwn[position : match.start()]))
        if match["url"]:
            url = terminal_safe(match["url"])
            text.append(_plain(match["label"]), style=f"underline link {url}")
            text.append(f" ({url})", style="dim")
        elif match["code"]:
            text.append(_plain(match["code"]), style="cyan")
        elif match["bold"]:
            text.append_text(mrkdwn_to_text(match["bold"], base_style="bold"))
        elif match["italic"]:
            text.append_text(mrkdwn_to_text(match["italic"], base_style="italic"))
        else:
            text.append(_EMOJI.get(match["emoji"], match.group(0)))
        position = match.end()
    text.append(_plain(mrkdwn[position:]))
    return text


def _button_labels(elements: list[dict[str, Any]]) -> Text:
    text = Text()
    for element in elements:
        if element.get("type") == "button":
            text.append(f"[ {terminal_safe(element['text']['text'])} ]", style="bold blue")
            text.append(" ")
    return text


def _blocks(blocks: tuple[dict[str, Any], ...]) -> Iterator[RenderableType]:
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            yield Text(mrkdwn_to_text(block["text"]["text"]).plain, style="bold magenta")
        elif kind == "section":
            if "text" in block:
                line = mrkdwn_to_text(block["text"]["text"])
                accessory = block.get("accessory")
                if accessory:
                    line.append("  ")
                    line.append_text(_button_labels([accessory]))
                yield line
            if "fields" in block:
                table = Table.grid(padding=(0, 3))
                table.add_column()
                table.add_column()
                cells = [mrkdwn_to_text(f["text"]) for f in block["fields"]]
                for i in range(0, len(cells), 2):
                    table.add_row(*cells[i : i + 2])
                yield table
        elif kind == "context":
            yield Text(" ").join(
                mrkdwn_to_text(e.get("text", ""), base_style="dim") for e in block["elements"]
            )
        elif kind == "actions":
            yield _button_labels(block["elements"])
        elif kind == "divider":
            yield Rule(style="dim")


def message_to_renderable(message: Message) -> RenderableType:
    """The whole message as one rich renderable, blocks in order."""
    if not message.blocks:
        return mrkdwn_to_text(message.text)
    return Group(*_blocks(message.blocks))
