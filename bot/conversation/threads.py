"""Whether an unmentioned reply in a thread is for the bot.

People talk to each other in threads, so the bot answers a reply there without an @mention
only when it answered in that thread less than half an hour ago (its context is alive) and the
reply reads as a question about the knowledge base. Anything else stays unanswered: a "thanks",
a joke, a question about lunch, a name said in passing.
"""

from __future__ import annotations

from typing import Final

from bot.answers import Intent, outcome
from bot.conversation.turn import Turn

__all__ = ["asks_the_bot"]

_ANSWERS: Final = frozenset({"direct", "card", "list", "compare"})
_NOT_FOR_THE_BOT: Final = frozenset(
    {
        Intent.UNKNOWN,
        Intent.GREETING,
        Intent.THANKS,
        Intent.HELP,
        Intent.OUTSIDE,
        Intent.SEARCH,
        Intent.FIELDS,
        Intent.STATS,
    }
)


def asks_the_bot(turn: Turn, text: str) -> bool:
    """True when ``turn`` (a reply in a thread the bot is in) answers a real question: a
    follow-up the context explained, or a question (a "?" or a question word) the knowledge
    base answers. A decline is never posted uninvited."""
    if turn.question.intent in _NOT_FOR_THE_BOT or outcome(turn.answer).kind not in _ANSWERS:
        return False
    return turn.assumed is not None or "?" in text or bool(turn.question.signals)
