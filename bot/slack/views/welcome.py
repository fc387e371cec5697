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
from bot.answers.locale import localise
from bot.answers.locale.lazy import Phrase
from bot.slack import phrases
from bot.slack.surface import WELCOME_QUESTION, WELCOME_QUESTIONS_BLOCK

__all__ = ["EXAMPLE_QUESTIONS", "welcome_message"]

EXAMPLE_QUESTIONS: Final = (
    Phrase("Who does diabetes research in Lund?"),
    Phrase("Where is LUDC?"),
    Phrase("Which field has the most compounds in the pipeline?"),
)
"""Questions people type: each is asked, and so answered, in the welcome's language."""


def welcome_message(language: str = "en") -> Message:
    """The first message someone sees in the Messages tab, in ``language``; each button asks
    its question in that language."""
    said = localise(phrases.WELCOME, language)
    questions = [localise(question, language) for question in EXAMPLE_QUESTIONS]
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=question[:75], emoji=True),
            action_id=f"{WELCOME_QUESTION}:{number}",
            value=question,
        )
        for number, question in enumerate(questions)
    ]
    blocks = (
        SectionBlock(text=MarkdownTextObject(text=said)).to_dict(),
        ActionsBlock(block_id=WELCOME_QUESTIONS_BLOCK, elements=buttons).to_dict(),
    )
    return Message(text=said, blocks=blocks)
