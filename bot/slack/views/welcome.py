"""The welcome in the bot's Messages tab: a line about what it knows and three questions to try."""

from __future__ import annotations

from typing import Final

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answers import Message
from bot.slack.surface import WELCOME_QUESTION, WELCOME_QUESTIONS_BLOCK

__all__ = ["EXAMPLE_QUESTIONS", "welcome_message"]

EXAMPLE_QUESTIONS: Final = (
    "Who does diabetes research in Lund?",
    "Where is LUDC?",
    "Which field has the most compounds in the pipeline?",
)
_WELCOME: Final = (
    "Hi! I answer questions about Medicon Valley, the life-science cluster of Greater "
    "Copenhagen and Skåne: its research fields, centres and key figures, each with its source. "
    "Write me a question here, or try one of these:"
)


def welcome_message() -> Message:
    """The first message someone sees in the Messages tab; each button asks its question."""
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=question, emoji=True),
            action_id=f"{WELCOME_QUESTION}:{number}",
            value=question,
        )
        for number, question in enumerate(EXAMPLE_QUESTIONS)
    ]
    blocks = (
        SectionBlock(text=MarkdownTextObject(text=_WELCOME)).to_dict(),
        ActionsBlock(block_id=WELCOME_QUESTIONS_BLOCK, elements=buttons).to_dict(),
    )
    return Message(text=_WELCOME, blocks=blocks)
