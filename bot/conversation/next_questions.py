"""Questions worth asking next, offered as buttons under an answer ("Who hosts it?").

Each carries its whole context in the question it asks ("when was CBMR founded?"): a click is
answered from the button alone, even once the conversation's context has expired.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from bot.answers import Intent
from bot.conversation.context import Context
from bot.conversation.labels import list_label
from bot.knowledge import KnowledgeBase

__all__ = ["NextQuestion", "next_questions"]

_MOST: Final = 3
_OTHER_COUNTRY: Final = {"DK": ("SE", "Sweden"), "SE": ("DK", "Denmark")}


@dataclass(frozen=True)
class NextQuestion:
    """``label`` for the button; ``question`` to answer, naming its own subject."""

    label: str
    question: str


def next_questions(kb: KnowledgeBase, context: Context | None) -> tuple[NextQuestion, ...]:
    """Up to three follow-ups for what ``context`` is about; none when it is about nothing
    the buttons help with (a card of a field, a comparison, nothing)."""
    if context is None:
        return ()
    if context.subject is not None and context.subject.kind == "centre":
        return _about_centre(kb, context)
    if context.is_list and context.field is not None and context.country in _OTHER_COUNTRY:
        country, name = _OTHER_COUNTRY[context.country]
        other = replace(context, city=None, country=country)
        return (NextQuestion(f"Same in {name}", list_label(kb, other.filters)),)
    return ()


def _about_centre(kb: KnowledgeBase, context: Context) -> tuple[NextQuestion, ...]:
    assert context.subject is not None
    centre = kb.centres.get(context.subject.id)
    if centre is None:
        return ()
    name = kb.name_of(context.subject)
    offered: list[NextQuestion] = []
    hosted = context.intent == Intent.WHERE.value or (
        context.intent == Intent.WHO.value and context.role == "host"
    )  # a "where" answer names the host too
    if centre.host and not hosted:
        offered.append(NextQuestion("Who hosts it?", f"who hosts {name}?"))
    if centre.founded and context.intent != Intent.WHEN.value:
        offered.append(NextQuestion("When was it founded?", f"when was {name} founded?"))
    if centre.fields and centre.fields[0] in kb.fields:
        field = kb.fields[centre.fields[0]]
        offered.append(NextQuestion(f"Centres in {field.name}"[:75], f"centres {field.name}"))
    return tuple(offered[:_MOST])
