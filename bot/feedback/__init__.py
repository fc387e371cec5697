"""The editors' loop: votes on answers, unanswered questions, suggestions and the summary.

Nothing here keeps a Slack user id beside what someone typed: votes are kept once per person
through a one-way hash, unanswered questions and day counts not at all per person.
"""

from bot.feedback.question_log import QuestionLog
from bot.feedback.summary import Summary, summarise
from bot.feedback.text import answer_key, cap, normalise_question, voter_id

__all__ = [
    "QuestionLog",
    "Summary",
    "answer_key",
    "cap",
    "normalise_question",
    "summarise",
    "voter_id",
]
