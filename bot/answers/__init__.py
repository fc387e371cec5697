"""The query layer every surface shares: what was typed → an answer → a Slack message."""

from bot.answers.query import Command, Query, parse_query
from bot.answers.render import Message, render
from bot.answers.resolve import Answer, answer_for, resolve, resolve_text

__all__ = [
    "Answer",
    "Command",
    "Message",
    "Query",
    "answer_for",
    "parse_query",
    "render",
    "resolve",
    "resolve_text",
]
