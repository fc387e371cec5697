"""Numbers, dates and lists the way each language writes them, from Babel's CLDR data:
``12.345,6`` and ``A, B og C`` in Danish, ``12 345,6`` and ``A, B och C`` in Swedish."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Final

from babel import Locale
from babel.dates import format_date as _format_date
from babel.dates import get_day_names, get_timezone_location
from babel.lists import format_list as _format_list
from babel.numbers import format_decimal

__all__ = [
    "CLDR_LOCALES",
    "city_name",
    "format_day",
    "format_names",
    "format_number",
    "format_short_day",
    "language_name",
    "month_name",
    "reformat_numbers",
    "territory_name",
    "weekday_name",
]

CLDR_LOCALES: Final = {"en": "en_GB", "da": "da_DK", "sv": "sv_SE"}


def _cldr(language: str) -> str:
    return CLDR_LOCALES.get(language, "en_GB")


def format_number(value: float, language: str) -> str:
    """``12345.6`` → ``12,345.6`` / ``12.345,6`` / ``12 345,6`` (a no-break space in Swedish)."""
    return format_decimal(value, locale=_cldr(language))


def format_day(day: date, language: str) -> str:
    """A day in words: ``1 January 2027``, ``1. januar 2027``, ``1 januari 2027``."""
    return _format_date(day, format="long", locale=_cldr(language))


def format_short_day(day: date, language: str) -> str:
    """A day on a chart's axis: ``Mon 7``, ``man. 7``, ``mån 7``."""
    return _format_date(day, format="EEE d", locale=_cldr(language))


def format_names(names: Sequence[str], language: str) -> str:
    """``A, B and C`` / ``A, B og C`` / ``A, B och C``."""
    return _format_list(list(names), locale=_cldr(language))


def territory_name(code: str, language: str) -> str | None:
    """A country's name in ``language`` (``SE`` → ``Sverige`` in Danish), None if CLDR has none."""
    name = Locale.parse(_cldr(language)).territories.get(code.upper())
    return str(name) if name else None


def month_name(day: date, language: str) -> str:
    """The month of ``day``: ``December`` / ``december`` / ``december``."""
    return _format_date(day, format="MMMM", locale=_cldr(language))


def weekday_name(weekday: int, language: str, *, capital: bool = False) -> str:
    """Monday is 0: ``Monday`` / ``mandag`` / ``måndag`` (Danish and Swedish write it small)."""
    name = str(get_day_names("wide", locale=_cldr(language))[weekday])
    return name[:1].upper() + name[1:] if capital else name


def city_name(timezone: str, language: str) -> str:
    """The city a timezone is named for, in ``language``: ``Europe/Copenhagen`` → ``København``
    / ``Köpenhamn``; the zone's own last part (``UTC``) when CLDR has no city for it."""
    fallback = timezone.rsplit("/", 1)[-1].replace("_", " ")
    if "/" not in timezone:
        return fallback
    try:
        return str(get_timezone_location(timezone, locale=_cldr(language), return_city=True))
    except (LookupError, ValueError):
        return fallback


def language_name(code: str, language: str) -> str:
    """A language's name in ``language``: ``da`` → ``Danish`` / ``dansk`` / ``danska``."""
    name = Locale.parse(_cldr(language)).languages.get(code)
    return str(name) if name else code


_ENGLISH_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\w,]|\.\d)")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def reformat_numbers(text: str, language: str) -> str:
    """English-written numbers (``4,002,372``, ``2.5``) and ISO days inside code-composed text,
    rewritten the language's way. Years and small whole numbers need no change."""
    if language == "en":
        return text

    def number(match: re.Match[str]) -> str:
        return format_number(float(match.group(1).replace(",", "")), language)

    def day(match: re.Match[str]) -> str:
        try:
            return format_day(date.fromisoformat(match.group(0)), language)
        except ValueError:
            return match.group(0)

    return _ISO_DAY.sub(day, _ENGLISH_NUMBER.sub(number, text))
