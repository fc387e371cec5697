"""Show a Slack message in a terminal: the same blocks the Slack surfaces send, drawn with rich.

The offline commands render through here so that ``medicon-bot ask cancer`` shows exactly the
answer ``/medicon cancer`` gives, not a second, drifting copy of it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from typing import Any

from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from bot.answers import Message

__all__ = ["message_to_renderable", "mrkdwn_to_text"]

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


def mrkdwn_to_text(mrkdwn: str, *, base_style: str = "") -> Text:
    """Slack mrkdwn → rich Text: bold, italic, code and links styled; escapes undone."""
    text = Text(style=base_style)
    position = 0
    for match in _TOKEN.finditer(mrkdwn):
        text.append(html.unescape(mrkdwn[position : match.start()]))
        if match["url"]:
            label = html.unescape(match["label"])
            text.append(label, style=f"underline link {match['url']}")
            text.append(f" ({match['url']})", style="dim")
        elif match["code"]:
            text.append(html.unescape(match["code"]), style="cyan")
        elif match["bold"]:
            text.append_text(mrkdwn_to_text(match["bold"], base_style="bold"))
        elif match["italic"]:
            text.append_text(mrkdwn_to_text(match["italic"], base_style="italic"))
        else:
            text.append(_EMOJI.get(match["emoji"], match.group(0)))
        position = match.end()
    text.append(html.unescape(mrkdwn[position:]))
    return text


def _button_labels(elements: list[dict[str, Any]]) -> Text:
    text = Text()
    for element in elements:
        if element.get("type") == "button":
            text.append(f"[ {element['text']['text']} ]", style="bold blue")
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
