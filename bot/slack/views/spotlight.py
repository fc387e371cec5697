"""The weekly spotlight settings modal: what it shows and reading a submission.

Choices are checked with the same parser as ``/medicon subscribe [day] [HH:MM] [timezone]``, one
field at a time, so a bad choice is shown on its own field with the parser's own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from bot.answers import Message
from bot.answers.locale import localise
from bot.answers.locale.formats import weekday_name
from bot.answers.render.mrkdwn import escape
from bot.errors import SpotlightChoiceError
from bot.slack.surface import (
    SPOTLIGHT_CHANNEL_BLOCK,
    SPOTLIGHT_INPUT,
    SPOTLIGHT_LANGUAGE_BLOCK,
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
from bot.storage.preferences import AUTOMATIC

__all__ = [
    "LANGUAGE_NAMES",
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

LANGUAGE_NAMES: Final = {"en": "English", "da": "Dansk", "sv": "Svenska"}
"""Each language by its own name (people look for their own)."""

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
    language: str | None = None
    """The posts' language (``en``, ``da``, ``sv``); None for automatic (English)."""


def setup_button(language: str = "en") -> dict[str, Any]:
    """An actions block with the "Set up a weekly spotlight" button, which opens the modal."""
    label = localise(spotlight_phrases.SET_UP, language)
    return {
        "type": "actions",
        "block_id": SPOTLIGHT_SETUP_BLOCK,
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": label[:75], "emoji": True},
                "action_id": SPOTLIGHT_SETUP,
                "value": "setup",
            }
        ],
    }


def subscribed_announcement(user_id: str, view: SubscriptionView) -> str:
    """What the channel is told when ``user_id`` sets up (or changes) its spotlight: who, the
    schedule in words, and when the next one comes, in the language its posts will be in."""
    language = view.post_language
    said = spotlight_phrases.SUBSCRIBED_BY.format(
        user=escape(user_id), schedule=view.describe_schedule(language)
    )
    return f"{localise(said, language)}\n{view.describe_next(language)}"


def unsubscribed_announcement(user_id: str, language: str = "en") -> str:
    """What the channel is told when ``user_id`` stops its spotlight, in ``language`` (the
    language its posts were in)."""
    return localise(spotlight_phrases.UNSUBSCRIBED_BY.format(user=escape(user_id)), language)


def subscriptions_reply(found: SubscriptionView | None, language: str = "en") -> Message:
    """The channel's spotlight (or that there is none) with the set-up button, in ``language``
    (the reader's)."""
    text = (
        "\n".join(found.lines(language))
        if found
        else localise(spotlight_phrases.NOT_SUBSCRIBED, language)
    )
    section = {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}
    return Message(text=text, blocks=(section, setup_button(language)))


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
    language: str = "en",
    posts_in: str | None = None,
) -> dict[str, Any]:
    """The modal in ``language`` (the person's), preset to ``schedule`` (Monday 09:00 in
    ``timezone`` when there is none) and to posts in ``posts_in`` (None: automatic)."""

    def said(phrase: str, limit: int = 150) -> str:
        return localise(phrase, language)[:limit]

    weekday = schedule.weekday if schedule else 0
    at = schedule.local_time if schedule else "09:00"
    zone = schedule.timezone if schedule else timezone
    channel: dict[str, Any] = {
        "type": "conversations_select",
        "placeholder": {"type": "plain_text", "text": said(spotlight_phrases.CHOOSE_A_CHANNEL)},
        "filter": {"include": ["public", "private"], "exclude_bot_users": True},
    }
    if channel_id:
        channel["initial_conversation"] = channel_id
    else:
        channel["default_to_current_conversation"] = True
    days = [
        _option(weekday_name(number, language, capital=True), str(number))
        for number in range(len(WEEKDAY_NAMES))
    ]
    languages = [_option(said(spotlight_phrases.AUTOMATIC_ENGLISH), AUTOMATIC)] + [
        _option(name, code) for code, name in LANGUAGE_NAMES.items()
    ]
    chosen = next((o for o in languages if o["value"] == (posts_in or AUTOMATIC)), languages[0])
    zones = [_zone_option(z) for z in timezone_choices(zone, default_timezone)]
    blocks = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": said(spotlight_phrases.MODAL_INTRO, 3000),
            },
        },
        _input(SPOTLIGHT_CHANNEL_BLOCK, said(spotlight_phrases.CHANNEL), channel),
        _input(
            SPOTLIGHT_WEEKDAY_BLOCK,
            said(spotlight_phrases.DAY),
            {"type": "static_select", "options": days, "initial_option": days[weekday]},
        ),
        _input(
            SPOTLIGHT_TIME_BLOCK,
            said(spotlight_phrases.TIME),
            {"type": "timepicker", "initial_time": at},
        ),
        _input(
            SPOTLIGHT_TIMEZONE_BLOCK,
            said(spotlight_phrases.TIMEZONE),
            {"type": "static_select", "options": zones, "initial_option": zones[0]},
        ),
        _input(
            SPOTLIGHT_LANGUAGE_BLOCK,
            said(spotlight_phrases.LANGUAGE),
            {"type": "static_select", "options": languages, "initial_option": chosen},
        ),
    ]
    return {
        "type": "modal",
        "callback_id": SPOTLIGHT_VIEW,
        "title": {"type": "plain_text", "text": said(spotlight_phrases.MODAL_TITLE, 24)},
        "submit": {"type": "plain_text", "text": said(spotlight_phrases.SAVE, 24)},
        "close": {"type": "plain_text", "text": said(spotlight_phrases.CANCEL, 24)},
        "blocks": blocks,
    }


def _picked(values: Mapping[str, Any], block_id: str) -> Mapping[str, Any]:
    element = (values.get(block_id) or {}).get(SPOTLIGHT_INPUT)
    return element if isinstance(element, Mapping) else {}


def _selected_value(values: Mapping[str, Any], block_id: str) -> str:
    option = _picked(values, block_id).get("selected_option")
    return str(option.get("value") or "") if isinstance(option, Mapping) else ""


def read_spotlight_choice(
    values: Mapping[str, Any], *, default_timezone: str, language: str = "en"
) -> SpotlightChoice:
    """The channel, schedule and posts' language of a submitted modal's ``state.values``.

    Raises SpotlightChoiceError naming every field that is missing or unreadable, in
    ``language`` (the person's).
    """
    errors: dict[str, str] = {}
    channel_id = str(_picked(values, SPOTLIGHT_CHANNEL_BLOCK).get("selected_conversation") or "")
    if not channel_id:
        errors[SPOTLIGHT_CHANNEL_BLOCK] = localise(spotlight_phrases.PICK_A_CHANNEL, language)
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
            wrong = (
                spotlight_phrases.NOT_A_CHOICE.format(typed=word[:40])
                if word
                else spotlight_phrases.CHOOSE_ONE
            )
            errors[block_id] = localise(wrong, language)
            continue
        try:
            parse_schedule(word, default_timezone=default_timezone)
        except ScheduleError as error:
            errors[block_id] = localise(str(error), language)[:150]
            continue
        words.append(word)
    if errors:
        raise SpotlightChoiceError(errors)
    schedule = parse_schedule(" ".join(words), default_timezone=default_timezone)
    posts_in = _selected_value(values, SPOTLIGHT_LANGUAGE_BLOCK)
    chosen = posts_in if posts_in in LANGUAGE_NAMES else None  # absent (older modal): automatic
    return SpotlightChoice(channel_id=channel_id, schedule=schedule, language=chosen)
