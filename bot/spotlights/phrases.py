"""Every sentence the spotlight feature says to people, in one place so tone stays consistent.

Phrases that echo user text take it already escaped (see :func:`bot.answers.render.mrkdwn.escape`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from bot.answers.locale.lazy import Phrase, translatable

__all__ = [
    "BAD_DAY",
    "BAD_TIME",
    "BAD_TIMEZONE",
    "CLOSEST_TIMEZONE",
    "EXAMPLE",
    "FOOTER",
    "HEADER",
    "LAST_POST",
    "NEXT",
    "NEXT_PENDING",
    "NEXT_QUEUED",
    "NOT_SUBSCRIBED",
    "NO_LAST_POST",
    "PAUSED",
    "PAUSE_REASONS",
    "SCHEDULE",
    "SUBSCRIBED",
    "TOO_MANY_WORDS",
    "TWO_OF_A_KIND",
    "UNSUBSCRIBED",
    "pause_reason",
]

EXAMPLE: Final = "/medicon subscribe monday 09:00 Europe/Copenhagen"

BAD_DAY: Final = "I couldn't read ‘{typed}’ as a day. Try `" + EXAMPLE + "`."
BAD_TIME: Final = (
    "I couldn't read ‘{typed}’ as a time of day: use 24-hour HH:MM, like 09:00 or 14:30. "
    "Try `" + EXAMPLE + "`."
)
BAD_TIMEZONE: Final = (
    "I don't know the timezone ‘{typed}’: use a name like Europe/Copenhagen or Europe/Stockholm."
    "{hint} Try `" + EXAMPLE + "`."
)
CLOSEST_TIMEZONE: Final = " Did you mean {suggestion}?"
TWO_OF_A_KIND: Final = (
    "I read two {kind} in ‘{typed}’; give one day, one time and one timezone at most. "
    "Try `" + EXAMPLE + "`."
)
DAYS: Final = "days"
TIMES: Final = "times"
TIMEZONES: Final = "timezones"
"""What TWO_OF_A_KIND read two of."""
TOO_MANY_WORDS: Final = (
    "That is more than a day, a time, a timezone and a language. Try `" + EXAMPLE + "`."
)

SUBSCRIBED: Final = ":sparkles: This channel gets a Medicon Valley spotlight {schedule}."
UNSUBSCRIBED: Final = "Done: no more weekly spotlights in this channel."
NOT_SUBSCRIBED: Final = (
    "This channel has no weekly spotlight. Start one with `/medicon subscribe`, "
    "for example `" + EXAMPLE + "`."
)
SCHEDULE: Final = "every {weekday} at {time} {city} time"
NEXT: Final = "Next spotlight: {weekday} {day} {month}, {time} {city} time"
NEXT_PENDING: Final = (
    "Next spotlight: any minute now (due {weekday} {day} {month}, {time} {city} time)"
)
NEXT_QUEUED: Final = (
    "Next spotlight: queued: delivering at Slack's pace, {ahead} channels ahead "
    "(due {weekday} {day} {month}, {time} {city} time)"
)
LAST_POST: Final = "Last spotlight: {topic}, {weekday} {day} {month}"
NO_LAST_POST: Final = "No spotlight posted here yet."
PAUSED: Final = (
    ":double_vertical_bar: Paused: {reason}. Fix that, then run `/medicon subscribe` again "
    "to resume."
)

PAUSE_REASONS: Final[Mapping[str, str]] = {
    "not_in_channel": "I'm not a member of this channel any more (invite me with `/invite`)",
    "channel_not_found": "Slack can no longer find this channel, or I can't see it",
    "is_archived": "the channel is archived",
    "account_inactive": "the app's account was deactivated",
    "invalid_auth": "the app's token is no longer valid (reinstall the app)",
    "token_revoked": "the app's token was revoked (reinstall the app)",
    "missing_scope": "the app lacks the permission to post here (reinstall the app)",
    "restricted_action": "this workspace does not let me post in this channel",
    "ekm_access_denied": "the workspace's key management denied access",
    "team_access_not_granted": "the app has not been granted access to this workspace",
    "not_installed": "the app is no longer installed in this workspace (add it to Slack again)",
}

HEADER: Final = ":sparkles: Medicon Valley spotlight: {name}"
FOOTER: Final = "Weekly spotlight · `/medicon unsubscribe` to stop · `/medicon {command}` for more"


REFUSED: Final = "Slack refused the post ({code})"


def pause_reason(code: str) -> str:
    """The pause reason Slack gave, in words; the code itself when it is not a known one."""
    known = PAUSE_REASONS.get(code)
    return known if known is not None else Phrase(REFUSED).format(code=code)


INVITE_ME: Final = (
    "I can't post in this channel yet: invite me first with `/invite @Medicon Bot`, "
    "then run `/medicon subscribe` again."
)
SUBSCRIBED_BY: Final = "<@{user}> set up a weekly Medicon Valley spotlight here: {schedule}."
UNSUBSCRIBED_BY: Final = "<@{user}> stopped the weekly Medicon Valley spotlights in this channel."

# What a spotlight post says around the knowledge (bot.spotlights.render).
WHAT_IS_HAPPENING: Final = "What is happening there"
WHERE: Final = "Where"
AND_MORE: Final = "{names} and {count} more"
READ_MORE: Final = "Read more"
WEBSITE: Final = "Website"

# The spotlight settings modal (bot.slack.spotlight_modal).
MODAL_TITLE: Final = "Weekly spotlight"
MODAL_INTRO: Final = (
    "Once a week I post one research field or centre of Medicon Valley, a different one each time."
)
CHANNEL: Final = "Channel"
CHOOSE_A_CHANNEL: Final = "Choose a channel"
DAY: Final = "Day"
TIME: Final = "Time"
TIMEZONE: Final = "Timezone"
LANGUAGE: Final = "Language of the posts"
AUTOMATIC_ENGLISH: Final = "Automatic (English)"
SAVE: Final = "Save"
CANCEL: Final = "Cancel"
SET_UP: Final = "Set up a weekly spotlight"
PICK_A_CHANNEL: Final = "Pick the channel the spotlight goes to."
CHOOSE_ONE: Final = "Choose one."
NOT_A_CHOICE: Final = "‘{typed}’ is not a choice."
IN_LANGUAGE: Final = "Posts in {language}."

translatable(globals())
