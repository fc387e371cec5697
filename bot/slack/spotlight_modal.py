"""The weekly spotlight settings modal: what it shows, how it opens, and reading a submission.

Choices are checked with the same parser as ``/medicon subscribe [day] [HH:MM] [timezone]``, one
field at a time, so a bad choice is shown on its own field with the parser's own words.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answers.locale import localise
from bot.answers.locale.formats import weekday_name
from bot.slack.surface import SPOTLIGHT_SETUP, SPOTLIGHT_VIEW
from bot.spotlights import Schedule, ScheduleError, parse_schedule, phrases
from bot.spotlights.schedule import WEEKDAY_NAMES, city_of
from bot.storage.preferences import AUTOMATIC

__all__ = [
    "CHANNEL_BLOCK",
    "TIMEZONE_BLOCK",
    "TIME_BLOCK",
    "WEEKDAY_BLOCK",
    "SpotlightChoice",
    "SpotlightChoiceError",
    "open_spotlight_modal",
    "read_spotlight_choice",
    "setup_button",
    "spotlight_view",
    "timezone_choices",
]

CHANNEL_BLOCK: Final = "spotlight_channel"
WEEKDAY_BLOCK: Final = "spotlight_weekday"
TIME_BLOCK: Final = "spotlight_time"
TIMEZONE_BLOCK: Final = "spotlight_timezone"
LANGUAGE_BLOCK: Final = "spotlight_language"
_ELEMENT: Final = "value"
_log: Final = logging.getLogger(__name__)

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


class SpotlightChoiceError(Exception):
    """Submitted choices that cannot be saved: block id → what to tell the user there."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = dict(errors)


def setup_button(language: str = "en") -> dict[str, Any]:
    """An actions block with the "Set up a weekly spotlight" button, which opens the modal."""
    label = localise(phrases.SET_UP, language)
    return {
        "type": "actions",
        "block_id": "spotlight_setup",
        "elements": [
            {
                "type": "button",
                "text": {"type": "plain_text", "text": label[:75], "emoji": True},
                "action_id": SPOTLIGHT_SETUP,
                "value": "setup",
            }
        ],
    }


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
        "element": {**element, "action_id": _ELEMENT},
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
        "placeholder": {"type": "plain_text", "text": said(phrases.CHOOSE_A_CHANNEL)},
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
    languages = [_option(said(phrases.AUTOMATIC_ENGLISH), AUTOMATIC)] + [
        _option(name, code) for code, name in LANGUAGE_NAMES.items()
    ]
    chosen = next((o for o in languages if o["value"] == (posts_in or AUTOMATIC)), languages[0])
    zones = [_zone_option(z) for z in timezone_choices(zone, default_timezone)]
    blocks = [
        {
            "type": "section",
            "text": {
                "type": "mrkdwn",
                "text": said(phrases.MODAL_INTRO, 3000),
            },
        },
        _input(CHANNEL_BLOCK, said(phrases.CHANNEL), channel),
        _input(
            WEEKDAY_BLOCK,
            said(phrases.DAY),
            {"type": "static_select", "options": days, "initial_option": days[weekday]},
        ),
        _input(TIME_BLOCK, said(phrases.TIME), {"type": "timepicker", "initial_time": at}),
        _input(
            TIMEZONE_BLOCK,
            said(phrases.TIMEZONE),
            {"type": "static_select", "options": zones, "initial_option": zones[0]},
        ),
        _input(
            LANGUAGE_BLOCK,
            said(phrases.LANGUAGE),
            {"type": "static_select", "options": languages, "initial_option": chosen},
        ),
    ]
    return {
        "type": "modal",
        "callback_id": SPOTLIGHT_VIEW,
        "title": {"type": "plain_text", "text": said(phrases.MODAL_TITLE, 24)},
        "submit": {"type": "plain_text", "text": said(phrases.SAVE, 24)},
        "close": {"type": "plain_text", "text": said(phrases.CANCEL, 24)},
        "blocks": blocks,
    }


def _user_timezone(client: WebClient, user_id: str) -> str | None:
    try:
        answer = client.users_info(user=user_id)
    except (SlackApiError, OSError):
        return None  # no users:read yet, a deleted user, or Slack too slow: the default will do
    user = answer.get("user") or {}
    zone = user.get("tz")
    if not isinstance(zone, str):
        return None
    try:
        return parse_schedule(zone, default_timezone="UTC").timezone
    except ScheduleError:
        return None


def open_spotlight_modal(
    client: WebClient,
    *,
    trigger_id: str,
    user_id: str,
    channel_id: str | None,
    default_timezone: str,
    language: str = "en",
) -> None:
    """Open the modal for ``user_id`` at once (in ``language``, theirs), then preselect their
    own timezone.

    The trigger lasts 3 s, so the modal opens with the default zone before asking Slack for the
    user's profile; when it answers with another zone the open modal is updated (by its hash, so
    a newer version of it is never overwritten). If the profile never comes, the default stays.
    """
    view = spotlight_view(
        channel_id=channel_id,
        timezone=default_timezone,
        default_timezone=default_timezone,
        language=language,
    )
    opened = client.views_open(trigger_id=trigger_id, view=view)
    shown = opened.get("view") or {}
    view_id, view_hash = shown.get("id"), shown.get("hash")
    if not isinstance(view_id, str) or not isinstance(view_hash, str):
        return
    zone = _user_timezone(client, user_id)
    if zone is None or zone == default_timezone:
        return
    seeded = spotlight_view(
        channel_id=channel_id, timezone=zone, default_timezone=default_timezone, language=language
    )
    try:
        client.views_update(view_id=view_id, hash=view_hash, view=seeded)
    except (SlackApiError, OSError) as error:
        # hash_conflict: the modal changed meanwhile; closed or slow: the default zone stays.
        reason = error.response.get("error") if isinstance(error, SlackApiError) else None
        _log.info("spotlight modal keeps the default timezone: %s", reason or type(error).__name__)


def _picked(values: Mapping[str, Any], block_id: str) -> Mapping[str, Any]:
    element = (values.get(block_id) or {}).get(_ELEMENT)
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
    channel_id = str(_picked(values, CHANNEL_BLOCK).get("selected_conversation") or "")
    if not channel_id:
        errors[CHANNEL_BLOCK] = localise(phrases.PICK_A_CHANNEL, language)
    day = _selected_value(values, WEEKDAY_BLOCK)
    at = str(_picked(values, TIME_BLOCK).get("selected_time") or "")
    zone = _selected_value(values, TIMEZONE_BLOCK)
    words: list[str] = []
    checks = (
        (WEEKDAY_BLOCK, WEEKDAY_NAMES[int(day)] if day.isdigit() and int(day) < 7 else day),
        (TIME_BLOCK, at),
        (TIMEZONE_BLOCK, zone),
    )
    for block_id, word in checks:
        if not word or " " in word:
            wrong = phrases.NOT_A_CHOICE.format(typed=word[:40]) if word else phrases.CHOOSE_ONE
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
    posts_in = _selected_value(values, LANGUAGE_BLOCK)
    chosen = posts_in if posts_in in LANGUAGE_NAMES else None  # absent (older modal): automatic
    return SpotlightChoice(channel_id=channel_id, schedule=schedule, language=chosen)
