"""The query layer every surface shares: what was typed → an answer → a Slack message."""

from datetime import date

from bot.answers.records import Answer, Outcome, outcome
from bot.answers.render.render import Message, render
from bot.answers.render.reply import Reply, reply_to
from bot.answers.resolve.resolve import answer_for, resolve, resolve_text
from bot.answers.understand.commands import Command, Query, parse_query
from bot.knowledge import KnowledgeBase


def answer_question(kb: KnowledgeBase, text: str, *, today: date | None = None) -> Answer:
    """Understand ``text`` and answer it from ``kb``: the one entry point every surface uses.
    ``today`` is the day it is asked (the real day unless given), for dated changes."""
    return resolve_text(kb, text, today=today)


__all__ = [
    "Answer",
    "Command",
    "Message",
    "Outcome",
    "Query",
    "Reply",
    "answer_for",
    "answer_question",
    "outcome",
    "parse_query",
    "render",
    "reply_to",
    "resolve",
    "resolve_text",
]
