"""When a channel's spotlight is due: reading "[day] [HH:MM] [timezone]" and computing slots.

A slot is a local wall-clock time (weekday, HH:MM) in the subscription's own timezone, turned
into a UTC instant per week, so 09:00 Copenhagen stays 09:00 local across daylight saving.
A local time that does not exist (the spring-forward gap) is read with the offset in force before
the change, which lands the same length of time later (02:30 → 03:30); a time that happens twice
(autumn) is the first of the two. Both rules are deterministic, so a slot always has one instant.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.answers.locale import localise
from bot.answers.locale.formats import city_name, weekday_name
from bot.answers.render.mrkdwn import escape
from bot.spotlights import phrases
from bot.spotlights.errors import ScheduleError

__all__ = [
    "DEFAULT_TIME",
    "DEFAULT_WEEKDAY",
    "WEEKDAY_NAMES",
    "Schedule",
    "city_of",
    "parse_schedule",
    "split_language",
]

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_WEEKDAY = 0
DEFAULT_TIME = time(9, 0)

_DAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon", "mandag", "måndag", "mån"),
        ("tuesday", "tue", "tues", "tirsdag", "tisdag", "tis", "tir"),
        ("wednesday", "wed", "onsdag", "ons"),
        ("thursday", "thu", "thur", "thurs", "torsdag", "tor", "tors"),
        ("friday", "fri", "fredag", "fre"),
        ("saturday", "sat", "lørdag", "lördag", "lør", "lör"),
        ("sunday", "sun", "søndag", "söndag", "søn", "sön"),
    )
):
    for _name in _names:
        _DAYS[_name] = _number
    _DAYS[_names[0] + "s"] = _number  # "mondays"

_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
_TIMEY = re.compile(r"^\d|[:.]\d|^\d+\s*(am|pm)$")


@dataclass(frozen=True)
class Schedule:
    """Every ``weekday`` (0 = Monday) at ``at`` local time in the IANA zone ``timezone``."""

    weekday: int
    at: time
    timezone: str

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError(f"weekday must be 0–6, not {self.weekday}")
        ZoneInfo(self.timezone)  # raises for an unknown zone: a Schedule is always usable

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def local_time(self) -> str:
        """``HH:MM``, as stored."""
        return self.at.strftime("%H:%M")

    def slot_on(self, day: date) -> datetime:
        """The UTC instant of this schedule's time on local ``day`` (whatever weekday it is)."""
        local = datetime.combine(day, self.at, tzinfo=self.zone)  # fold=0: see module doc
        return local.astimezone(UTC)

    def latest_slot_at_or_before(self, instant: datetime) -> datetime:
        """The most recent slot at or before ``instant`` (aware), as a UTC instant."""
        local_day = instant.astimezone(self.zone).date()
        day = local_day - timedelta(days=(local_day.weekday() - self.weekday) % 7)
        slot = self.slot_on(day)
        while slot > instant:
            day -= timedelta(days=7)
            slot = self.slot_on(day)
        return slot

    def next_slot_after(self, instant: datetime) -> datetime:
        """The first slot strictly after ``instant`` (aware), as a UTC instant."""
        latest = self.latest_slot_at_or_before(instant)
        day = latest.astimezone(self.zone).date()
        slot = latest
        while slot <= instant:
            day += timedelta(days=7)
            slot = self.slot_on(day)
        return slot

    def describe(self, language: str = "en") -> str:
        """``every Monday at 09:00 Copenhagen time``, in ``language``."""
        said = phrases.SCHEDULE.format(
            weekday=weekday_name(self.weekday, language, capital=language == "en"),
            time=self.local_time,
            city=city_name(self.timezone, language),
        )
        return localise(said, language)

    @classmethod
    def from_stored(cls, *, weekday: int, local_time: str, timezone: str) -> Schedule:
        hours, minutes = local_time.split(":")
        return cls(weekday=weekday, at=time(int(hours), int(minutes)), timezone=timezone)


LANGUAGE_WORDS: dict[str, str] = {
    **dict.fromkeys(("auto", "automatic", "automatisk"), "auto"),
    **dict.fromkeys(("en", "english", "engelsk", "engelska"), "en"),
    **dict.fromkeys(("da", "danish", "dansk", "danska"), "da"),
    **dict.fromkeys(("sv", "swedish", "svensk", "svenska"), "sv"),
}
"""A spotlight's language as people type it, in English, Danish or Swedish: ``auto``
(automatic: English), ``en``, ``da`` or ``sv``."""


def split_language(text: str) -> tuple[str | None, str]:
    """The language word in ``/medicon subscribe monday 09:00 dansk`` (``auto``, ``en``,
    ``da``, ``sv``; None when none is typed) and the schedule words without it."""
    language: str | None = None
    kept = []
    for word in text.split():
        found = LANGUAGE_WORDS.get(word.casefold())
        if found is not None and language is None:
            language = found
        else:
            kept.append(word)
    return language, " ".join(kept)


def city_of(timezone: str) -> str:
    """The city of a zone name: ``America/Argentina/Buenos_Aires`` → ``Buenos Aires``."""
    return timezone.rsplit("/", 1)[-1].replace("_", " ")


def parse_schedule(text: str, *, default_timezone: str) -> Schedule:
    """Read ``[day] [HH:MM] [timezone]`` in any order; what is left out takes the defaults.

    Defaults: Monday, 09:00, ``default_timezone``. Day names are English (full or three
    letters), Danish or Swedish, in any case; times are 24-hour ``H:MM``/``HH:MM`` (``14.30``,
    ``9am`` and ``2pm`` work too); a timezone is an IANA name in any case, or a city of one
    (``stockholm``). Raises ScheduleError whose message corrects the user with an example.
    """
    weekday: int | None = None
    at: time | None = None
    zone: str | None = None
    words = text.split()
    if len(words) > 3:
        raise ScheduleError(phrases.TOO_MANY_WORDS)
    for word in words:
        folded = word.casefold().rstrip(",")
        if folded in _DAYS:
            if weekday is not None:
                raise ScheduleError(
                    phrases.TWO_OF_A_KIND.format(kind=phrases.DAYS, typed=escape(text))
                )
            weekday = _DAYS[folded]
        elif _TIMEY.search(folded):
            if at is not None:
                raise ScheduleError(
                    phrases.TWO_OF_A_KIND.format(kind=phrases.TIMES, typed=escape(text))
                )
            at = _parse_time(word)
        elif (found := _find_zone(folded)) is not None:
            if zone is not None:
                raise ScheduleError(
                    phrases.TWO_OF_A_KIND.format(kind=phrases.TIMEZONES, typed=escape(text))
                )
            zone = found
        elif weekday is None and (
            difflib.get_close_matches(folded, list(_DAYS), n=1, cutoff=0.6)
            or ("/" not in folded and at is None)
        ):
            raise ScheduleError(phrases.BAD_DAY.format(typed=escape(word)))
        else:
            raise ScheduleError(_bad_timezone(word))
    return Schedule(
        weekday=DEFAULT_WEEKDAY if weekday is None else weekday,
        at=at or DEFAULT_TIME,
        timezone=zone or default_timezone,
    )


def _parse_time(word: str) -> time:
    match = _TIME.match(word.casefold())
    if match is None:
        raise ScheduleError(phrases.BAD_TIME.format(typed=escape(word)))
    hours, minutes = int(match[1]), int(match[2] or 0)
    if match[3] is not None:
        if not 1 <= hours <= 12:
            raise ScheduleError(phrases.BAD_TIME.format(typed=escape(word)))
        hours = hours % 12 + (12 if match[3] == "pm" else 0)
    elif match[2] is None:
        raise ScheduleError(phrases.BAD_TIME.format(typed=escape(word)))  # "9" alone: ambiguous
    if hours > 23 or minutes > 59:
        raise ScheduleError(phrases.BAD_TIME.format(typed=escape(word)))
    return time(hours, minutes)


@cache
def _zones() -> dict[str, str]:
    """Case-folded IANA names and unambiguous city names → the canonical IANA name."""
    names = available_timezones()
    zones = {name.casefold(): name for name in names}
    cities: dict[str, list[str]] = {}
    for name in names:
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            cities.setdefault(name.rsplit("/", 1)[-1].casefold(), []).append(name)
    for city, found in cities.items():
        if len(found) == 1 and city not in zones:
            zones[city] = found[0]
            zones[city.replace("_", "-")] = found[0]
    return zones


def _find_zone(folded: str) -> str | None:
    name = _zones().get(folded)
    if name is None:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - listed but unreadable
        return None
    return name


def _bad_timezone(word: str) -> str:
    close = difflib.get_close_matches(word.casefold(), list(_zones()), n=1, cutoff=0.8)
    hint = phrases.CLOSEST_TIMEZONE.format(suggestion=_zones()[close[0]]) if close else ""
    return phrases.BAD_TIMEZONE.format(typed=escape(word), hint=hint)
