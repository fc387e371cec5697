"""Questions worth asking next, offered as buttons under an answer ("Who hosts it?").

Each carries its whole context in the question it asks ("when was CBMR founded?"): a click is
answered from the button alone, even once the conversation's context has expired.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from bot.answers import Intent
from bot.answers.locale import localise, territory_name
from bot.conversation import phrases
from bot.conversation.context import Context
from bot.conversation.labels import list_label
from bot.knowledge import KnowledgeBase

__all__ = ["NextQuestion", "next_questions"]

_MOST: Final = 3
_OTHER_COUNTRY: Final = {"DK": "SE", "SE": "DK"}


@dataclass(frozen=True)
class NextQuestion:
    """``label`` for the button; ``question`` to answer, naming its own subject."""

    label: str
    question: str


def next_questions(
    kb: KnowledgeBase, context: Context | None, *, language: str = "en"
) -> tuple[NextQuestion, ...]:
    """Up to three follow-ups for what ``context`` is about, labelled and asked in
    ``language``; none when it is about nothing the buttons help with (a card of a field, a
    comparison, nothing)."""
    if context is None:
        return ()
    if context.subject is not None and context.subject.kind == "centre":
        return _about_centre(kb, context, language)
    if context.is_list and context.field is not None and context.country in _OTHER_COUNTRY:
        country = _OTHER_COUNTRY[context.country]
        name = territory_name(country, language) or country
        label = localise(phrases.SAME_IN.format(country=name), language)
        if language == "en":
            other = replace(context, city=None, country=country)
            return (NextQuestion(label, list_label(kb, other.filters)),)
        field = kb.fields[context.field].name if context.field in kb.fields else context.field
        question = phrases.SAME_IN_QUESTION.format(field=field, country=name)
        return (NextQuestion(label, localise(question, language)),)
    return ()


def _about_centre(kb: KnowledgeBase, context: Context, language: str) -> tuple[NextQuestion, ...]:
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
        offered.append(_offer(phrases.WHO_HOSTS_IT, phrases.WHO_HOSTS.format(name=name), language))
    if centre.founded and context.intent != Intent.WHEN.value:
        asked = phrases.WHEN_FOUNDED.format(name=name)
        offered.append(_offer(phrases.WHEN_FOUNDED_IT, asked, language))
    if centre.fields and centre.fields[0] in kb.fields:
        field = kb.fields[centre.fields[0]]
        label = phrases.CENTRES_IN_FIELD.format(field=field.name)
        asked = phrases.CENTRES_IN_FIELD_QUESTION.format(field=field.name)
        offered.append(_offer(label, asked, language))
    return tuple(offered[:_MOST])


def _offer(label: str, question: str, language: str) -> NextQuestion:
    return NextQuestion(localise(label, language)[:75], localise(question, language))
