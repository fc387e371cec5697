"""Conversations: what a thread, a DM or one person's slash commands were last about, and
reading a follow-up question in that light ("who leads it?", "and in Sweden?").

A small domain package: it reads the answer layer's public functions and the storage layer's
context rows, and imports nothing from the Slack edge.
"""

from bot.conversation.context import Context, context_after, context_from_slots
from bot.conversation.follow_up import Assumption, FollowUp, follow_up, leans_on_context
from bot.conversation.memory import (
    CONTEXT_TTL,
    ConversationKey,
    Recalled,
    forget_expired,
    recall,
    remember,
)
from bot.conversation.next_questions import NextQuestion, next_questions
from bot.conversation.threads import asks_the_bot
from bot.conversation.turn import Turn, take_turn

__all__ = [
    "CONTEXT_TTL",
    "Assumption",
    "Context",
    "ConversationKey",
    "FollowUp",
    "NextQuestion",
    "Recalled",
    "Turn",
    "asks_the_bot",
    "context_after",
    "context_from_slots",
    "follow_up",
    "forget_expired",
    "leans_on_context",
    "next_questions",
    "recall",
    "remember",
    "take_turn",
]
