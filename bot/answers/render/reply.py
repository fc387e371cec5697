"""An answer together with the language to say it in: what every surface that answers typed
text renders (``render(reply.answer, locale=reply.language)``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.answers.locale import language_or_english
from bot.answers.records import Answer, ChatAnswer
from bot.answers.resolve.messages import resolve_text
from bot.answers.understand.reading import Language, clean, marked_language
from bot.answers.understand.word_languages import (
    name_language,
    name_words,
    nordic_language_of_words,
)
from bot.knowledge import KnowledgeBase
from bot.knowledge.text import normalize

__all__ = [
    "Reply",
    "entry_name_words",
    "language_of_text",
    "marked_language_of_text",
    "name_spellings",
    "reply_to",
    "reply_with",
]


@dataclass(frozen=True)
class Reply:
    """The answer to a question and the question's language (``en``, ``da`` or ``sv``)."""

    answer: Answer
    language: Language


def marked_language_of_text(text: str) -> Language | None:
    """The language a person typed ``text`` in, read the way the understanding step reads it
    (its word markers, æ/ø and ä/ö); None when nothing in it says (a bare name)."""
    cleaned = clean(" ".join(text.split()))
    return marked_language(normalize(cleaned).split(), cleaned)


def language_of_text(text: str) -> Language:
    """The language of ``text``; English when nothing in it says otherwise."""
    return marked_language_of_text(text) or "en"


def reply_to(
    kb: KnowledgeBase, text: str, *, today: date | None = None, otherwise: str | None = None
) -> Reply:
    """Understand ``text``, answer it from ``kb`` and say in which language to reply: the
    question's own, else ``otherwise`` (the person's choice), else English."""
    return reply_with(resolve_text(kb, text, today=today), text, otherwise=otherwise, kb=kb)


def reply_with(
    answer: Answer, text: str, *, otherwise: str | None = None, kb: KnowledgeBase | None = None
) -> Reply:
    """``answer`` (already given, e.g. to a follow-up) with the language to say it in: that of
    ``text`` by its marker words, else ``otherwise`` (the person's choice), else that of its
    Danish or Swedish words (``sukkersyge``, ``fetma``), else that of the Danish or Swedish
    name or alias it is, or is a typo of (``Rigshospitalet``, ``Epilepsicentrumm i Lund``),
    else English; a greeting in the language it was said in. ``kb``: whose entries' names
    are no language's words, and whose names are looked up."""
    marked = marked_language_of_text(text)
    if isinstance(answer, ChatAnswer):
        said = language_or_english(answer.language)
        if said != "en" or marked is not None:
            return Reply(answer, said)
    elif marked is not None:
        return Reply(answer, marked)
    if otherwise is not None:
        return _in(answer, language_or_english(otherwise))
    if kb is None:
        return _in(answer, nordic_language_of_words(text) or "en")
    return _in(answer, _unmarked_language(kb, text) or "en")


def _in(answer: Answer, language: Language) -> Reply:
    """``answer`` in ``language``; a greeting no language claims (``hej``) is said in it too."""
    if isinstance(answer, ChatAnswer) and answer.language != language:
        answer = replace(answer, language=language)
    return Reply(answer, language)


def _unmarked_language(kb: KnowledgeBase, text: str) -> Language | None:
    """Danish or Swedish by the words of ``text`` that English does not use, names left out;
    when ``text`` is an entry's name, by that name when nothing else speaks (``Rigshospitalet``,
    ``Epilepsicentrum Lund``); when it is one slip from a name, by the name the bot corrects it
    to (``Rigshopsitalet``, ``sukkersyg``; ``diabetis`` is English's ``diabetes``)."""
    spelling = normalize(clean(" ".join(text.split())))
    if not spelling:
        return None
    if kb.index.exact(spelling) is None:
        typo = kb.index.closest(spelling)
        if typo is not None:
            return _name_language(kb, typo.matched)
    return nordic_language_of_words(text, names=kb.view(entry_name_words)) or _name_language(
        kb, spelling
    )


def _name_language(kb: KnowledgeBase, spelling: str) -> Language | None:
    written = kb.view(name_spellings).get(spelling)
    return name_language(*written) if written is not None else None


def name_spellings(kb: KnowledgeBase) -> dict[str, tuple[str, str | None]]:
    """Every name and alias in ``kb``, normalised as the index keeps it, to its spelling as
    written and its entry's country (a field's is None): what a name's language is read from."""
    spellings: dict[str, tuple[str, str | None]] = {}

    def add(names: tuple[str | None, ...], country: str | None) -> None:
        for name in names:
            if name:
                spellings.setdefault(normalize(name), (name, country))

    add((kb.cluster.name, *kb.cluster.aliases), None)
    for field in kb.fields.values():
        add((field.name, *field.aliases), None)
    for centre in kb.centres.values():
        add((centre.name, centre.short_name, *centre.aliases), centre.country)
    return spellings


def entry_name_words(kb: KnowledgeBase) -> frozenset[str]:
    """The words of every entry's name and abbreviation in ``kb``, which say nothing about
    the asker's language: kept with the knowledge base (:meth:`KnowledgeBase.view`) and built
    when it is loaded for answering (:func:`bot.answers.prepared`)."""
    names = [field.name for field in kb.fields.values()]
    for centre in kb.centres.values():
        names += [centre.name, centre.short_name or ""]
    return name_words(names)
