"""Text → answer: the questions a message asks, each understood and resolved on its own.

One sentence is one question (understand → :func:`resolve_question`); a longer message is read
for the parts that ask (:func:`bot.answers.understand.focus.asking_parts`), a part that says
"it" or "which one" is about what the message named before it, and the answers come back
together in the order asked (:func:`bot.answers.records.together`).
"""

from __future__ import annotations

from datetime import date

from bot.answers.records import Answer, together
from bot.answers.resolve.resolve import resolve_question
from bot.answers.resolve.side_by_side import asks_to_compare, wants_comparing
from bot.answers.understand.focus import MOST_PARTS, asking_parts, sentences
from bot.answers.understand.question import Intent, Question
from bot.answers.understand.understand import understand
from bot.knowledge import EntryRef, KnowledgeBase

__all__ = ["resolve_text"]


def resolve_text(kb: KnowledgeBase, text: str, *, today: date | None = None) -> Answer:
    """The answer to what a person typed, e.g. ``resolve_text(kb, "who hosts LUDC?")``, asked
    on ``today`` (the real day unless given).

    In a message of several sentences each part that asks is answered on its own
    (:func:`asking_parts`); a part that names no entry ("where is it?", "which one is older?")
    is about the entries the message named before it.
    """
    parts = asking_parts(text)
    if parts == [text]:
        return resolve_question(kb, understand(kb, text, today=today))
    answers: list[Answer] = []
    for part in parts:
        question = understand(kb, part, today=today)
        if not question.entities or _compares_less_than_asked(question):
            named = _named_before(kb, text[: text.rfind(part)])
            if set(named) - set(question.entities):
                names = " and ".join(kb.name_of(ref) for ref in named)
                question = understand(kb, f"{names}: {part}", today=today)
        if question.intent not in _NOTHING_ASKED:
            answers.append(resolve_question(kb, question))
    return together(answers) or resolve_question(kb, understand(kb, text, today=today))


_NOTHING_ASKED = frozenset({Intent.UNKNOWN, Intent.GREETING, Intent.THANKS, Intent.HELP})


def _compares_less_than_asked(question: Question) -> bool:
    """It compares ("was LUDC founded before that?") but names fewer than two things."""
    return wants_comparing(question) and not asks_to_compare(question)


def _named_before(kb: KnowledgeBase, text: str) -> tuple[EntryRef, ...]:
    """The entries (centres before fields) named by the last sentence of ``text`` that names
    any: what "it" or "which one" refers to."""
    for sentence in reversed(sentences(text)):
        entities = understand(kb, sentence).entities if sentence.strip() else ()
        if entities:
            centres = tuple(ref for ref in entities if ref.kind != "field")
            return (centres or entities)[:MOST_PARTS]
    return ()
