"""Every sentence the bot says to people, in one place so tone stays consistent.

Phrases that echo user text take it already escaped (see :func:`bot.answers.mrkdwn.escape`).
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "CLOSEST_MATCH",
    "COMMANDS",
    "HELP_INTRO",
    "HELP_TITLE",
    "NO_FIELD",
    "NO_MATCH",
    "NO_MATCH_HOW_TO",
    "NO_SUGGESTIONS",
    "STATUS_LABELS",
    "SUGGESTIONS",
]

CLOSEST_MATCH: Final = "Closest match to ‘{typed}’"
NO_MATCH: Final = "I couldn't find anything about ‘{typed}’ in the Medicon Valley knowledge base."
NO_FIELD: Final = "‘{typed}’ isn't one of the research fields, so I can't list its centres."
SUGGESTIONS: Final = "Did you mean one of these?"
NO_SUGGESTIONS: Final = "Try a research field such as cancer or diabetes, or a centre such as LUDC."
NO_MATCH_HOW_TO: Final = (
    "Ask about a research field, a centre or an abbreviation, or try `{prefix}search <words>`, "
    "`{prefix}fields` or `{prefix}help`."
)
HELP_TITLE: Final = "Medicon Bot: ask about Medicon Valley research"
HELP_INTRO: Final = (
    "I know the life-science research fields, centres and numbers of Medicon Valley, the cluster "
    "around the Øresund: Greater Copenhagen and Skåne. English, Danish and Swedish words work, "
    "and so do abbreviations and small typos."
)

COMMANDS: Final = (
    ("{prefix}cancer", "a research field: summary, key numbers, centres, sources"),
    ("{prefix}LUDC", "a centre or programme, by name or abbreviation"),
    ("{prefix}fields", "every research field"),
    ("{prefix}centres diabetes", "the centres of one field (or all, without a field)"),
    ("{prefix}stats", "every field's numbers side by side"),
    ("{prefix}search epilepsy Lund", "full-text search over names and descriptions"),
    ("{prefix}Medicon Valley", "the cluster itself"),
    ("{prefix}subscribe monday 09:00", "a weekly spotlight post in this channel"),
    ("{prefix}subscriptions", "this channel's spotlight: schedule, next and last post"),
    ("{prefix}unsubscribe", "stop this channel's spotlight"),
    ("{prefix}help", "this list"),
)
"""(example, what it gives) for the help card; ``{prefix}`` is ``/medicon `` in Slack."""

STATUS_LABELS: Final = {
    "active": "Active",
    "ended": "Ended",
    "renamed": "Renamed",
    "uncertain": "Status uncertain",
}
