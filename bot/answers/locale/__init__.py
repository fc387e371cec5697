"""Speaking the reader's language: gettext catalogs managed with Babel, CLDR formats for
numbers, days and lists, and phrases that stay translatable after they are filled in.

The bot's own words are :class:`Phrase` message ids (English is the source language);
:func:`localise` says composed text in Danish or Swedish when it is rendered. Knowledge is never
translated: names and sourced statements come back as written."""

from bot.answers.locale.catalog import (
    LANGUAGES,
    TRANSLATED,
    Language,
    language_or_english,
    translations,
)
from bot.answers.locale.formats import format_day, format_names, format_number, territory_name
from bot.answers.locale.lazy import Composed, Phrase, Plural, join, translatable
from bot.answers.locale.translate import gettext_for, localise, localise_code, say

__all__ = [
    "LANGUAGES",
    "TRANSLATED",
    "Composed",
    "Language",
    "Phrase",
    "Plural",
    "format_day",
    "format_names",
    "format_number",
    "gettext_for",
    "join",
    "language_or_english",
    "localise",
    "localise_code",
    "say",
    "territory_name",
    "translatable",
    "translations",
]
