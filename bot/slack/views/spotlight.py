"""The weekly spotlight settings modal: what it shows and reading a submission.

Choices are checked with the same parser as ``/medicon subscribe [day] [HH:MM] [timezone]``, one
field at a time, so a bad choice is shown on its own field with the parser's own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from bot.answers import Message
from bot.answers.render.mrkdwn import escape
from bot.errors import SpotlightChoiceError
from bot.slack.surface import (
    SPOTLIGHT_CHANNEL_BLOCK,
    SPOTLIGHT_INPUT,
    SPOTLIGHT_SETUP,
    SPOTLIGHT_SETUP_BLOCK,
    SPOTLIGHT_TIME_BLOCK,
    SPOTLIGHT_TIMEZONE_BLOCK,
    SPOTLIGHT_VIEW,
    SPOTLIGHT_WEEKDAY_BLOCK,
)
from bot.spotlights import Schedule, ScheduleError, SubscriptionView, parse_schedule
from bot.spotlights import phrases as spotlight_phrases
from bot.spotlights.schedule import WEEKDAY_NAMES, city_of

__all__ = [
    "SpotlightChoice",
    "SpotlightChoiceError",
    "read_spotlight_choice",
    "setup_button",
    "spotlight_view",
    "subscribed_announcement",
    "subscriptions_reply",
    "timezone_choices",
    "unsubscribed_announcement",
]

_PICK_A_CHANNEL: Final = "Pick the channel the spotlight goes to."

_COMMON_ZONES: Final = (
    "Europe/Copenhagen",
    "Europe/Stockholm",
    "Europe/Oslo",
    "Europe/Helsinki",
    "Europe/Berlin",
    "Europe/Amsterdam",
    "Europe/Paris",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Zurich",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Warsaw",
    "Atlantic/Reykjavik",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
)


@dataclass(frozen=True)
class SpotlightChoice:
    channel_id: str
    schedule: Schedule


def setup_button() -> dict[str, Any]:
    """An actions block with the "Set up a weekly spotlight" button, which opens the modal."""
    return {
        "type": "actions",
        "block_id": SPOTLIGHT_SETUP_BLOCK,
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": "Set up a weekly spotlight", "emoji": True},
                "action_id": SPOTLIGHT_SETUP,
                "value": "setup",
            }
        ],
    }


def subscribed_announcement(user_id: str, view: SubscriptionView) -> str:
    """What the channel is told when ``user_id`` sets up (or changes) its spotlight: who, the
    schedule in words, and when the next one comes."""
    said = spotlight_phrases.SUBSCRIBED_BY.format(
        user=escape(user_id), schedule=view.describe_schedule()
    )
    return f"{said}\n{view.describe_next()}"


def unsubscribed_announcement(user_id: str) -> str:
    """What the channel is told when ``user_id`` stops its spotlight."""
    return spotlight_phrases.UNSUBSCRIBED_BY.format(user=escape(user_id))


def subscriptions_reply(found: SubscriptionView | None) -> Message:
    """The channel's spotlight (or that there is none) with the set-up button."""
    text = "\n".join(found.lines()) if found else spotlight_phrases.NOT_SUBSCRIBED
    section = {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}
    return Message(text=text, blocks=(section, setup_button()))


def timezone_choices(user_timezone: str, default_timezone: str) -> list[str]:
    """The zones the modal offers: the user's own first, then the app's default, then common
    ones (a static select shows at most 100)."""
    chosen = [user_timezone, default_timezone, *_COMMON_ZONES]
    return list(dict.fromkeys(chosen))[:100]


def _option(text: str, value: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": text[:75]}, "value": value}


def _zone_option(zone: str) -> dict[str, Any]:
    return _option(f"{city_of(zone)} ({zone})" if "/" in zone else zone, zone)


def _input(block_id: str, label: str, element: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "input",
        "block_id": block_id,
        "label": {"type": "plain_text", "text": label},
        "element": {**element, "action_id": SPOTLIGHT_INPUT},
    }


def spotlight_view(
    *,
    channel_id: str | None,
    timezone: str,
    default_timezone: str,
    schedule: Schedule | None = None,
) -> dict[str, Any]:
    """The modal, preset to ``schedule`` (Monday 09:00 in ``timezone`` when there is none)."""
    weekday = schedule.weekday if schedule else 0
    at = schedule.local_time if schedule else "09:00"
    zone = schedule.timezone if schedule else timezone
    channel: dict[str, Any] = {
        "type": "conversations_select",
        "placeholder": {"type": "plain_text", "text": "Choose a channel"},
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel_id:
        channel["initial_conversation"] = channel_id
    else:
        channel["default_to_current_conversation"] = True
    days = [_option(name, str(number)) for number, name in enumerate(WEEKDAY_NAMES)]
    zones = [_zone_option(z) for z in timezone_choices(zone, default_timezone)]
    blocks = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": "Once a week I post one research field or centre of Medicon Valley, "
                "a different one each time.",
            },
        },
        _input(SPOTLIGHT_CHANNEL_BLOCK, "Channel", channel),
        _input(
            SPOTLIGHT_WEEKDAY_BLOCK,
            "Day",
            {"type": "static_select", "options": days, "initial_option": days[weekday]},
        ),
        _input(SPOTLIGHT_TIME_BLOCK, "Time", {"type": "timepicker", "initial_time": at}),
        _input(
            SPOTLIGHT_TIMEZONE_BLOCK,
            "Timezone",
            {"type": "static_select", "options": zones, "initial_option": zones[0]},
        ),
    ]
    return {
        "type": "modal",
        "callback_id": SPOTLIGHT_VIEW,
        "title": {"type": "plain_text", "text": "Weekly spotlight"},
        "submit": {"type": "plain_text", "text": "Save"},
        "close": {"type": "plain_text", "text": "Cancel"},
        "blocks": blocks,
    }


def _picked(values: Mapping[str, Any], block_id: str) -> Mapping[str, Any]:
    element = (values.get(block_id) or {}).get(SPOTLIGHT_INPUT)
    return element if isinstance(element, Mapping) else {}


def _selected_value(values: Mapping[str, Any], block_id: str) -> str:
    option = _picked(values, block_id).get("selected_option")
    return str(option.get("value") or "") if isinstance(option, Mapping) else ""


def read_spotlight_choice(values: Mapping[str, Any], *, default_timezone: str) -> SpotlightChoice:
    """The channel and schedule of a submitted modal's ``state.values``.

    Raises SpotlightChoiceError naming every field that is missing or unreadable.
    """
    errors: dict[str, str] = {}
    channel_id = str(_picked(values, SPOTLIGHT_CHANNEL_BLOCK).get("selected_conversation") or "")
    if not channel_id:
        errors[SPOTLIGHT_CHANNEL_BLOCK] = _PICK_A_CHANNEL
    day = _selected_value(values, SPOTLIGHT_WEEKDAY_BLOCK)
    at = str(_picked(values, SPOTLIGHT_TIME_BLOCK).get("selected_time") or "")
    zone = _selected_value(values, SPOTLIGHT_TIMEZONE_BLOCK)
    words: list[str] = []
    checks = (
        (
            SPOTLIGHT_WEEKDAY_BLOCK,
            WEEKDAY_NAMES[int(day)] if day.isdigit() and int(day) < 7 else day,
        ),
        (SPOTLIGHT_TIME_BLOCK, at),
        (SPOTLIGHT_TIMEZONE_BLOCK, zone),
    )
    for block_id, word in checks:
        if not word or " " in word:
            errors[block_id] = "Choose one." if not word else f"‘{word[:40]}’ is not a choice."
            continue
        try:
            parse_schedule(word, default_timezone=default_timezone)
        except ScheduleError as error:
            errors[block_id] = str(error)[:150]
            continue
        words.append(word)
    if errors:
        raise SpotlightChoiceError(errors)
    schedule = parse_schedule(" ".join(words), default_timezone=default_timezone)
    return SpotlightChoice(channel_id=channel_id, schedule=schedule)
