"""What the Slack surfaces say for themselves: modals, the welcome, link unfurls, the editors'
section, errors and confirmations. English message ids, said in Danish or Swedish through the
catalogs (``localise(phrase, language)``), like :mod:`bot.answers.phrases`."""

from __future__ import annotations

from typing import Final

from bot.answers.locale.lazy import translatable

# Errors and confirmations.
ERROR: Final = (
    ":face_with_head_bandage: Sorry, something went wrong on my side while answering. "
    "Please try again in a moment."
)
OUT_OF_DATE: Final = "That button is out of date."
ENTRY_GONE: Final = "That entry is no longer in the knowledge base. Try `/medicon fields`."
NOT_IN_CHANNEL: Final = "I'm not in that channel yet: invite me with /invite @Medicon Bot first."
CHOOSE_AN_ENTRY_FIRST: Final = "Choose a field or centre first."
START_OVER: Final = "Assumed from your last question · type a full question to start over"

# The feedback modals.
SEND: Final = "Send"
CANCEL: Final = "Cancel"
NOT_HELPFUL_TITLE: Final = "Not helpful"
VOTE_NOTED: Final = "Thanks, your vote is noted. Anything the answer was missing?"
WHAT_WAS_MISSING: Final = "What was missing?"
MISSING_EXAMPLE: Final = "e.g. the centre's current head"
SUGGEST_TITLE: Final = "Suggest an addition"
WHAT_IS_MISSING: Final = "What is missing?"
SOURCE_URL: Final = "Source URL"
NOTE: Final = "Note"
SAY_WHAT_IS_MISSING: Final = "Say what is missing."
BAD_URL: Final = "Enter a web address starting with http:// or https://, or leave this empty."

# A suggestion as posted in the editors' channel.
SUGGESTED_ADDITION_FROM: Final = "*Suggested addition* from {person}"
SUGGESTED_ADDITION: Final = "Suggested addition: {text}"
SUGGESTION_SOURCE: Final = "*Source:* {url}"
SUGGESTION_NOTE: Final = "*Note:* {note}"

# The search modal.
SEARCH_TITLE: Final = "Search Medicon Valley"
CLOSE: Final = "Close"
TYPE_AN_ENTRY: Final = "Type a field or centre…"
FIND_AN_ENTRY: Final = "*Find a field or centre* ({count} at a time)"
SHARE_IN: Final = "Share in"
CHOOSE_A_CHANNEL: Final = "Choose a channel"
SHARE_IN_CHANNEL: Final = "Share in channel"

# The welcome in the Messages tab.
WELCOME: Final = (
    "Hi! I answer questions about Medicon Valley, the life-science cluster of Greater "
    "Copenhagen and Skåne: its research fields, centres and key figures, each with its source. "
    "Write me a question here, or try one of these:"
)

# A link's unfurl.
FROM_MEDICON_BOT: Final = "From Medicon Bot · `/medicon {command}` for the full card"

# The editors' section of the App Home.
EDITORS: Final = "Editors"
LAST_30_DAYS: Final = "The last 30 days in this workspace. The full report: `medicon-bot report`."
TOP_UNANSWERED: Final = "Top unanswered questions"
NOTHING_UNANSWERED: Final = "Nothing went unanswered."
VOTED_NOT_HELPFUL: Final = "Answers voted not helpful"
NONE_NOT_HELPFUL: Final = "No answer was voted not helpful."
SUGGESTED_ADDITIONS: Final = "Suggested additions"
NO_SUGGESTIONS: Final = "No suggestions yet."
LOWEST_RATES: Final = "Lowest helpful rates"
NO_VOTES: Final = "No votes yet."
N_NOT_HELPFUL: Final = "{count} not helpful"
HELPFUL_RATE: Final = "{rate} helpful ({helpful} of {total})"
CHART_ALT: Final = "Questions answered and not answered, per day this week"
CHART_TITLE: Final = "This week's questions"
SET_PUBLIC_URL: Final = "Set MEDICON_PUBLIC_URL to see this week's chart here."

translatable(globals())
