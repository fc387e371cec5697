"""Every sentence the bot says to people, in one place so tone stays consistent.

Phrases that echo user text take it already escaped (see :func:`bot.answers.render.mrkdwn.escape`).
"""

from __future__ import annotations

from typing import Final

from bot.answers.locale.lazy import translatable

__all__ = [
    "CLOSEST_MATCH",
    "COMMANDS",
    "DONT_KNOW",
    "GREETING_REPLY",
    "HELP_INTRO",
    "HELP_TITLE",
    "NOT_IN_KB",
    "NO_FIELD",
    "NO_MATCH",
    "NO_MATCH_HOW_TO",
    "NO_SUGGESTIONS",
    "OUTSIDE",
    "OUTSIDE_HOW_TO",
    "RELATED",
    "SLACK_ONLY",
    "SLACK_ONLY_WORDS",
    "STATUS_LABELS",
    "SUGGESTIONS",
    "THANKS_REPLY",
    "WHAT_I_KNOW",
]

CLOSEST_MATCH: Final = "Closest match to ‘{typed}’"
NO_MATCH: Final = "I couldn't find anything about ‘{typed}’ in the Medicon Valley knowledge base."
NOT_IN_KB: Final = (
    "I couldn't find anything about ‘{typed}’: it is not in my knowledge base of Medicon Valley"
    " research."
)
DONT_KNOW: Final = (
    "I don't know that (‘{typed}’): I only know Medicon Valley's research fields, centres and"
    " numbers."
)
WHAT_I_KNOW: Final = "Here is what I can tell you about:"
RELATED: Final = "Related entries in the knowledge base (not an answer)"
OUTSIDE: Final = "{name} ({place}) is outside Medicon Valley, so it is not in my knowledge base."
OUTSIDE_HOW_TO: Final = (
    "Medicon Valley is eastern Denmark and Skåne. Try `{prefix}fields` to see what I know."
)
THANKS_REPLY: Final = {
    "en": "You're welcome! Ask me anything else about Medicon Valley research.",
    "da": "Selv tak! Spørg bare om mere om forskningen i Medicon Valley.",
    "sv": "Varsågod! Fråga gärna mer om forskningen i Medicon Valley.",
}
GREETING_REPLY: Final = {
    "en": (
        "Hi! I'm Medicon Bot. Ask me about research in Medicon Valley: a field such as *cancer*,"
        " a centre such as *LUDC*, or a question such as _who hosts CREATE Health?_"
    ),
    "da": (
        "Hej! Jeg er Medicon Bot. Spørg mig om forskning i Medicon Valley: et felt som *kræft*,"
        " et center som *LUDC* eller et spørgsmål som _hvornår blev Rigshospitalet grundlagt?_"
    ),
    "sv": (
        "Hej! Jag är Medicon Bot. Fråga mig om forskning i Medicon Valley: ett område som"
        " *cancer*, ett centrum som *LUDC* eller en fråga som _vem leder Wallenberg"
        " Neuroscience Center?_"
    ),
}
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
    (
        "{prefix}subscribe monday 09:00 dansk",
        "a weekly spotlight post in this channel; add english, dansk or svenska for its language",
    ),
    ("{prefix}subscriptions", "this channel's spotlight: schedule, next and last post"),
    ("{prefix}unsubscribe", "stop this channel's spotlight"),
    ("{prefix}help", "this list"),
)
"""(example, what it gives) for the help card; ``{prefix}`` is ``/medicon `` in Slack."""

SLACK_ONLY_WORDS: Final = frozenset({"subscribe", "unsubscribe", "subscriptions", "subscription"})
"""First words of the commands that need Slack (a channel to post in): the spotlight's."""
SLACK_ONLY: Final = (
    "`{word}` works in Slack, not here: type `/medicon {typed}` in a channel. "
    "Here you can ask about fields, centres and numbers; `help` lists how."
)
"""What the offline console says to a Slack-only command (``typed`` as it was typed)."""

STATUS_LABELS: Final = {
    "active": "Active",
    "ended": "Ended",
    "renamed": "Renamed",
    "uncertain": "Status uncertain",
}

# --- direct answers: plain text (the renderer escapes it), one sentence each ---------------------

STAT_FACT: Final = "{label} ({owner}{scope}): {value}{unit}, {year}."
SHORT_FOR: Final = "{short} is short for {name}."
FULL_NAME: Final = "{name} is the entry's full name."
ALSO_CALLED: Final = " Also called: {names}."
WEBSITE: Final = "{label}'s website: {url}"
NO_WEBSITE: Final = "The knowledge base records no website for {name}."
IS_IN: Final = "{label} is in {place}."
HOST_LINE: Final = "Host: {host}."
WHERE_UNKNOWN: Final = "The knowledge base does not record where {label} is based."
ITS_HOST: Final = " Its host: {host}."
HOSTED_BY: Final = "{label} is hosted by {host}."
PART_OF: Final = "It is part of {parent}."
NOT_RECORDED: Final = "The knowledge base does not record {asked} {name}."
ASKED_ROLE: Final = {
    "host": "who hosts",
    "lead": "who leads",
    "founder": "who founded",
    "funder": "who funds",
    "owner": "who owns",
}
RECORDED: Final = "What it does record: {fact}"
NOT_RECORDED_ABOUT: Final = (
    "I don't have that: the knowledge base records nothing on ‘{words}’ for {name}."
)
SEE_CARD: Final = "Its card below shows everything the knowledge base does record."
UNDATED: Final = "undated"
FROM_DATE: Final = "From {day}: {note}"
OWNED_BY: Final = "Companies controlled by {owner}"
ACTIVE_UNTIL: Final = "{label} is active today, with a dated change ahead. {change}"
AND: Final = "and"
SIDE_BY_SIDE: Final = "{names} side by side:"
IS_OLDER: Final = "{label} is older: founded in {year}; {others}."
IS_NEWER: Final = "{label} is newer: founded in {year}; {others}."
SAME_AGE: Final = "{names} were both founded in {year}."
AGE_UNSETTLED: Final = (
    "The knowledge base has no founding year for {names}, so it cannot say which is older."
)
HAS_MORE: Final = "{label} has more: {value}{unit} ({year}); {others}."
ROW_TYPE: Final = "Type"
ROW_PLACE: Final = "Place"
ROW_FOUNDED: Final = "Founded"
ROW_HOST: Final = "Host or owner"
ROW_FIELDS: Final = "Fields"
ROW_PEOPLE: Final = "People"
ROW_STATUS: Final = "Status"
ROW_CENTRES: Final = "Research centres and institutions"
ROW_COMPANIES: Final = "Companies"
ROW_FIGURES: Final = "Figures"
FOUNDED_IN: Final = "{label} was founded in {year}{note}."
NO_FOUNDING_YEAR: Final = "The knowledge base has no exact founding year for {label}: {note}"
WHEN_UNKNOWN: Final = "The knowledge base does not record when {name} was founded."
NOT_ENDED: Final = "{label} has not ended: the knowledge base lists it as active."
SUCCESSOR: Final = "Successor: {label}."
STILL_ACTIVE: Final = "Yes: {label} is active, as far as its sources say{when}."
HAS_ENDED: Final = "No: {label} has ended.{note}"
HAS_BEEN_RENAMED: Final = "{label} has been renamed.{note}"
STATUS_UNKNOWN: Final = "Uncertain: whether {label} is still active is not known.{note}"
CAVEATS: Final = {
    "ended": "{name} has ended",
    "renamed": "{name} has been renamed",
    "uncertain": "{name} is of uncertain status",
}
NO_FIGURES: Final = "The knowledge base holds no figures for {name}."
CENTRES_IN_FIELD: Final = "It lists {count} centres and programmes in the field."
HAS_THE_MOST: Final = "{name} has {most}: {value}{when}; then {others}."
IS_THE_OLDEST: Final = "{label} is {oldest}: founded in {year}; then {others}."
PARTS_OF: Final = "Parts of {label}"
LIST_NONE: Final = "The knowledge base lists no {what}."
LIST_COUNT: Final = "The knowledge base lists {count} {what}."
LIST_RANKED: Final = "{count} in the knowledge base, best match first."

translatable(
    globals(), plurals={"CENTRES_IN_FIELD": "It lists {count} centre or programme in the field."}
)
