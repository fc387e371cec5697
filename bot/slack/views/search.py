"""The "Search Medicon Valley" modal: a type-ahead over every entry, then the chosen card.

Sharing needs a channel, and a modal opened from a global shortcut has none, so once a card is
shown the modal gains a channel picker and its submit button becomes "Share in channel". A
picker rather than ``response_url_enabled``: the choice can be checked (is the bot in there?)
and refused on the field before the modal closes, and it works the same in the App Home.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from bot.answers import answer_for, render
from bot.answers.locale import localise
from bot.knowledge import EntryRef, KnowledgeBase
from bot.slack import phrases
from bot.slack.entry_search import MAX_OPTIONS, option_value
from bot.slack.surface import (
    ENTRY_SEARCH,
    SEARCH_BLOCK,
    SEARCH_VIEW,
    SHARE_CHANNEL_BLOCK,
    SHARE_CHANNEL_INPUT,
)

__all__ = [
    "card_blocks",
    "chosen_channel",
    "search_view",
]

_MODAL_BLOCKS: Final = 100
_KEPT_TYPES: Final = frozenset({"header", "section", "context", "divider", "image"})


def card_blocks(kb: KnowledgeBase, ref: EntryRef, language: str = "en") -> list[dict[str, Any]]:
    """The entry's card without its buttons (those act on messages, not on this modal)."""
    blocks = []
    for block in render(answer_for(kb, ref), locale=language).blocks:
        if block.get("type") not in _KEPT_TYPES:
            continue
        if block.get("type") == "section" and "accessory" in block:
            block = {key: value for key, value in block.items() if key != "accessory"}
        blocks.append(block)
    return blocks


def _search_block(kb: KnowledgeBase, showing: EntryRef | None, language: str) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "external_select",
        "action_id": ENTRY_SEARCH,
        "placeholder": {"type": "plain_text", "text": _said(phrases.TYPE_AN_ENTRY, language)},
        "min_query_length": 0,
    }
    if showing is not None:
        label = kb.name_of(showing)[:75]
        element["initial_option"] = {
            "text": {"type": "plain_text", "text": label},
            "value": option_value(showing),
        }
    return {
        "type": "section",
        "block_id": SEARCH_BLOCK,
        "text": {
            "type": "mrkdwn",
            "text": localise(phrases.FIND_AN_ENTRY.format(count=MAX_OPTIONS), language),
        },
        "accessory": element,
    }


def _said(phrase: str, language: str, limit: int = 150) -> str:
    return localise(phrase, language)[:limit]


def search_view(
    kb: KnowledgeBase, *, showing: EntryRef | None = None, language: str = "en"
) -> dict[str, Any]:
    """The modal: the type-ahead, and once an entry is chosen its card and a share picker, in
    ``language``."""
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": SEARCH_VIEW,
        "title": {"type": "plain_text", "text": _said(phrases.SEARCH_TITLE, language, 24)},
        "close": {"type": "plain_text", "text": _said(phrases.CLOSE, language, 24)},
        "blocks": [_search_block(kb, showing, language)],
    }
    if showing is None:
        return view
    share = {
        "type": "input",
        "block_id": SHARE_CHANNEL_BLOCK,
        "label": {"type": "plain_text", "text": _said(phrases.SHARE_IN, language)},
        "element": {
            "type": "conversations_select",
            "action_id": SHARE_CHANNEL_INPUT,
            "placeholder": {
                "type": "plain_text",
                "text": _said(phrases.CHOOSE_A_CHANNEL, language),
            },
            "default_to_current_conversation": True,
            "filter": {"include": ["public", "private", "im", "mpim"], "exclude_bot_users": True},
        },
    }
    card = card_blocks(kb, showing, language)[: _MODAL_BLOCKS - 3]
    view["blocks"] = [view["blocks"][0], {"type": "divider"}, *card, share]
    view["submit"] = {"type": "plain_text", "text": _said(phrases.SHARE_IN_CHANNEL, language, 24)}
    view["private_metadata"] = option_value(showing)
    return view


def chosen_channel(values: Mapping[str, Any]) -> str:
    """The channel picked in a submitted search modal, or ``""``."""
    element = (values.get(SHARE_CHANNEL_BLOCK) or {}).get(SHARE_CHANNEL_INPUT) or {}
    return str(element.get("selected_conversation") or "") if isinstance(element, Mapping) else ""
