"""Scores follow-up questions against ``conversations.yaml`` (issue 20).

Each dialogue is played turn by turn through :func:`bot.conversation.take_turn`, the context
of one turn carried to the next exactly as a DM or thread carries it (through the context
record, never the text). A turn marked ``follow_up`` is right when the context was used and the
rendered reply holds everything it ``must``; any other turn after the first is a fresh
question, which must be answered as typed (nothing assumed) and hold what it ``must``. A fresh
question that the context changed is *bent*: the set's target for that is zero.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.answers import render
from bot.conversation import Context, take_turn
from bot.knowledge import KnowledgeBase

__all__ = [
    "CONVERSATIONS",
    "Dialogue",
    "Score",
    "TurnResult",
    "load_dialogues",
    "play",
    "score",
]

CONVERSATIONS = Path(__file__).resolve().with_name("conversations.yaml")
_LANGUAGES = frozenset({"en", "da", "sv"})


@dataclass(frozen=True)
class Step:
    ask: str
    must: tuple[str, ...]
    follow_up: bool


@dataclass(frozen=True)
class Dialogue:
    name: str
    lang: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class TurnResult:
    dialogue: str
    lang: str
    position: int
    ask: str
    follow_up: bool
    assumed: str | None
    missing: tuple[str, ...]
    reply: str

    @property
    def right(self) -> bool:
        used_context = self.assumed is not None
        return not self.missing and used_context == self.follow_up

    @property
    def bent(self) -> bool:
        """A fresh question (not the first) the context changed."""
        return not self.follow_up and self.position > 0 and self.assumed is not None

    def describe(self) -> str:
        return (
            f"{self.dialogue}#{self.position + 1} {self.ask!r}: assumed={self.assumed!r}, "
            f"missing={list(self.missing)}, reply={self.reply[:160]!r}"
        )


@dataclass(frozen=True)
class Score:
    follow_ups: int
    follow_ups_right: int
    fresh: int
    fresh_bent: int
    first_right: int
    dialogues: int
    failures: tuple[TurnResult, ...]

    @property
    def follow_up_share(self) -> float:
        return self.follow_ups_right / self.follow_ups if self.follow_ups else 1.0

    @property
    def bent_share(self) -> float:
        return self.fresh_bent / self.fresh if self.fresh else 0.0


def load_dialogues(path: Path = CONVERSATIONS) -> tuple[Dialogue, ...]:
    """The dialogues in ``path``; fails on a malformed record with its name."""
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    dialogues: list[Dialogue] = []
    for record in loaded["dialogues"]:
        name = str(record["name"])
        lang = str(record["lang"])
        if lang not in _LANGUAGES:
            raise ValueError(f"{name}: lang {lang!r} is not one of {sorted(_LANGUAGES)}")
        turns = record["turns"]
        if not 2 <= len(turns) <= 3:
            raise ValueError(f"{name}: a dialogue has two or three turns")
        steps = tuple(
            Step(
                ask=str(turn["ask"]),
                must=tuple(str(word) for word in turn.get("must") or ()),
                follow_up=bool(turn.get("follow_up", False)),
            )
            for turn in turns
        )
        if steps[0].follow_up or not all(step.must for step in steps):
            raise ValueError(f"{name}: the first turn is fresh, and every turn says what it must")
        dialogues.append(Dialogue(name, lang, steps))
    return tuple(dialogues)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _texts(value: Any) -> list[str]:
    """Every string in Block Kit blocks (what a person would read)."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value] if isinstance(value, str) else []


def play(kb: KnowledgeBase, dialogue: Dialogue) -> list[TurnResult]:
    """Every turn of ``dialogue``, the context carried from one to the next."""
    context: Context | None = None
    results: list[TurnResult] = []
    for position, step in enumerate(dialogue.steps):
        turn = take_turn(kb, step.ask, context)
        context = turn.context
        message = render(turn.answer, prefix="")
        reply = " ".join([message.text, *_texts(json.loads(json.dumps(list(message.blocks))))])
        folded = _fold(reply)
        missing = tuple(word for word in step.must if _fold(word) not in folded)
        results.append(
            TurnResult(
                dialogue.name,
                dialogue.lang,
                position,
                step.ask,
                step.follow_up,
                turn.assumed.label if turn.assumed else None,
                missing,
                message.text,
            )
        )
    return results


def score(kb: KnowledgeBase, dialogues: Sequence[Dialogue]) -> Score:
    """Follow-up turns right, fresh turns bent, over every dialogue."""
    results = [result for dialogue in dialogues for result in play(kb, dialogue)]
    follow_ups = [result for result in results if result.follow_up]
    fresh = [result for result in results if not result.follow_up and result.position > 0]
    return Score(
        follow_ups=len(follow_ups),
        follow_ups_right=sum(result.right for result in follow_ups),
        fresh=len(fresh),
        fresh_bent=sum(result.bent for result in fresh),
        first_right=sum(result.right for result in results if result.position == 0),
        dialogues=len(dialogues),
        failures=tuple(result for result in results if not result.right),
    )


if __name__ == "__main__":  # pragma: no cover - a report for people
    from bot.knowledge import default_data_dir, load_knowledge_base

    knowledge = load_knowledge_base(default_data_dir())
    outcome = score(knowledge, load_dialogues())
    print(
        f"{outcome.dialogues} dialogues: follow-ups right {outcome.follow_ups_right}/"
        f"{outcome.follow_ups} = {outcome.follow_up_share:.2f}; fresh bent "
        f"{outcome.fresh_bent}/{outcome.fresh}; first turns right {outcome.first_right}/"
        f"{outcome.dialogues}"
    )
    for failure in outcome.failures:
        print("  ", failure.describe())
