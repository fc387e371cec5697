"""The query layer every surface shares, one road in three steps:

understand (text → :class:`Question`, :mod:`bot.answers.understand`) → resolve (Question →
:data:`Answer`, :mod:`bot.answers.resolve`) → render (Answer → Slack :class:`Message`,
:mod:`bot.answers.render`). Every answer record is in :mod:`bot.answers.records`."""

from datetime import date

from bot.answers.records import Answer, Outcome, outcome
from bot.answers.render.render import Message, render
from bot.answers.render.reply import Reply, entry_name_words, name_spellings, reply_to
from bot.answers.resolve.grounded import load_tables
from bot.answers.resolve.messages import resolve_text
from bot.answers.resolve.resolve import answer_for, name_words, resolve_question
from bot.answers.understand.commands import parse_command
from bot.answers.understand.lexicon import lexicon_for
from bot.answers.understand.question import Filters, Intent, Question
from bot.answers.understand.understand import understand
from bot.knowledge import KnowledgeBase


def prepared(kb: KnowledgeBase) -> KnowledgeBase:
    """``kb`` with what answering derives from it built now (its lexicon and the words of its
    entries' names, kept with it by :meth:`KnowledgeBase.view`), so that no worker's first
    question pays for it: every place that loads a knowledge base to answer from calls this."""
    lexicon_for(kb)
    kb.view(name_words)
    kb.view(entry_name_words)
    kb.view(name_spellings)
    load_tables()
    return kb


def answer_question(kb: KnowledgeBase, text: str, *, today: date | None = None) -> Answer:
    """Understand ``text`` and answer it from ``kb``: the one entry point every surface uses.
    ``today`` is the day it is asked (the real day unless given), for dated changes."""
    return resolve_text(kb, text, today=today)


__all__ = [
    "Answer",
    "Filters",
    "Intent",
    "Message",
    "Outcome",
    "Question",
    "Reply",
    "answer_for",
    "answer_question",
    "outcome",
    "parse_command",
    "prepared",
    "render",
    "reply_to",
    "resolve_question",
    "resolve_text",
    "understand",
]
