"""The end of every answer: "Helpful / Not helpful", or after an "I don't know", "Suggest an
addition"; and the "Thanks: noted" that replaces the buttons once someone voted.

A button's value names the answer: the question as typed (cleaned and capped), the entry it is
about and the surface, as compact JSON within Slack's 2,000 characters whatever the question.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, cast, get_args

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
)

from bot.answers.locale import Phrase, localise
from bot.answers.records import Answer, outcome
from bot.answers.render.feedback_actions import (
    FEEDBACK_HELPFUL,
    FEEDBACK_NOT_HELPFUL,
    SUGGEST_ADDITION,
)
from bot.answers.render.render import MAX_BLOCKS, Message
from bot.text import clean_line

__all__ = [
    "FEEDBACK_BLOCK",
    "THANKS",
    "VALUE_LIMIT",
    "AnswerRef",
    "AnsweredOn",
    "feedback_block",
    "thanked",
    "with_feedback",
]

FEEDBACK_BLOCK: Final = "feedback"
THANKS: Final = Phrase("Thanks: noted")
HELPFUL: Final = Phrase("Helpful")
NOT_HELPFUL: Final = Phrase("Not helpful")
SUGGEST: Final = Phrase("Suggest an addition")
_QUESTION_LIMIT: Final = 500
_ENTRY_LIMIT: Final = 120
VALUE_LIMIT: Final = 2000
"""Slack's limit on a button's value (and far below a modal's private_metadata's 3,000)."""

AnsweredOn = Literal["slash", "dm", "mention", "shared", "spotlight", "entry"]
_SURFACES: Final = frozenset(get_args(AnsweredOn))


@dataclass(frozen=True)
class AnswerRef:
    """Which answer a button is under: what was asked, the entry (``kind:id``), the surface."""

    question: str
    entry: str | None
    surface: AnsweredOn

    def encode(self) -> str:
        """Compact JSON of at most :data:`VALUE_LIMIT` characters: a question whose escapes
        (``\\"``, ``\\u0001``) would go past it is cut until the whole fits."""
        question = self.question[:_QUESTION_LIMIT]
        value = self._json(question)
        if len(value) > VALUE_LIMIT:
            # Each character cut shortens the JSON by at least one: one cut always suffices.
            value = self._json(question[: max(0, len(question) - (len(value) - VALUE_LIMIT))])
        return value

    def _json(self, question: str) -> str:
        data = {"q": question, "e": self.entry, "s": self.surface}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def decode(cls, value: object) -> AnswerRef | None:
        """The ref in a button value or modal metadata; None for anything else."""
        try:
            data = json.loads(str(value))
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        question, entry, surface = data.get("q"), data.get("e"), data.get("s")
        if not isinstance(question, str) or surface not in _SURFACES:
            return None
        if entry is not None and not (
            isinstance(entry, str) and len(entry) <= _ENTRY_LIMIT and entry.isprintable()
        ):
            return None
        # Buttons made before questions were cleaned at the edge still carry what was typed.
        question = clean_line(question, limit=_QUESTION_LIMIT)
        return cls(question=question, entry=entry, surface=cast(AnsweredOn, surface))


def _button(text: str, action_id: str, value: str) -> ButtonElement:
    return ButtonElement(
        text=PlainTextObject(text=text, emoji=True), action_id=action_id, value=value
    )


def feedback_block(ref: AnswerRef, *, declined: bool, language: str = "en") -> dict[str, Any]:
    """The buttons under an answer (``declined``: under an "I don't know"), labelled in
    ``language``."""
    value = ref.encode()
    if declined:
        elements = [_button(f":bulb: {localise(SUGGEST, language)}", SUGGEST_ADDITION, value)]
    else:
        elements = [
            _button(f":thumbsup: {localise(HELPFUL, language)}", FEEDBACK_HELPFUL, value),
            _button(f":thumbsdown: {localise(NOT_HELPFUL, language)}", FEEDBACK_NOT_HELPFUL, value),
        ]
    return ActionsBlock(block_id=FEEDBACK_BLOCK, elements=elements).to_dict()


def with_feedback(
    message: Message, answer: Answer, *, question: str, surface: AnsweredOn, language: str = "en"
) -> Message:
    """``message`` ending in the buttons that fit ``answer``: none for help and small talk."""
    result = outcome(answer)
    if result.kind in ("help", "chat"):
        return message
    entry = f"{result.subjects[0].kind}:{result.subjects[0].id}" if result.subjects else None
    ref = AnswerRef(question=question, entry=entry, surface=surface)
    block = feedback_block(ref, declined=result.kind == "declined", language=language)
    return Message(text=message.text, blocks=(*message.blocks[: MAX_BLOCKS - 1], block))


def thanked(blocks: Sequence[dict[str, Any]], *, language: str = "en") -> list[dict[str, Any]]:
    """``blocks`` with the feedback buttons replaced by "Thanks: noted" (in ``language``)."""
    said = f":white_check_mark: {localise(THANKS, language)}"
    thanks = ContextBlock(
        block_id=FEEDBACK_BLOCK, elements=[MarkdownTextObject(text=said)]
    ).to_dict()
    return [thanks if block.get("block_id") == FEEDBACK_BLOCK else block for block in blocks]
