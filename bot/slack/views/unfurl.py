"""The unfurl under a link to a centre's website: the centre's short card."""

from __future__ import annotations

from typing import Any, Final

from bot.answers.locale import localise
from bot.answers.render.mrkdwn import escape, truncate
from bot.knowledge import Centre
from bot.slack import phrases

__all__ = ["short_card"]

_SUMMARY_LIMIT: Final = 300


def short_card(centre: Centre, language: str = "en") -> dict[str, Any]:
    """The unfurl for one link: name, where it is, and the first lines of its summary (quoted
    as written); the bot's own line in ``language``."""
    place = f" · {escape(centre.place)}" if centre.place else ""
    text = f"*{escape(centre.label)}*{place}\n{escape(truncate(centre.summary, _SUMMARY_LIMIT))}"
    command = escape(centre.short_name or centre.name)
    footer = localise(phrases.FROM_MEDICON_BOT.format(command=command), language)
    return {
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, 3000)}},
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": footer,
                    }
                ],
            },
        ]
    }
