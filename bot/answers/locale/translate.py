"""Composed text said in the reader's language: phrases through gettext, numbers, days and
lists through CLDR, names and sourced text as written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.answers.locale.catalog import language_or_english, translations
from bot.answers.locale.formats import format_day, format_names, format_number, reformat_numbers
from bot.answers.locale.fragments import CODE_ARGUMENTS, translate_fragments
from bot.answers.locale.lazy import Composed, Filled, Phrase, Plural

__all__ = ["gettext_for", "localise", "localise_code", "say"]

_AND = " and "


def gettext_for(language: str) -> tuple[Callable[[str], str], Callable[[str, str, int], str]]:
    """``(_, ngettext)`` of ``language``'s catalog, for code that speaks in that language."""
    catalog = translations(language_or_english(language))
    return catalog.gettext, catalog.ngettext


def localise(text: str, language: str) -> str:
    """``text`` in ``language``: composed text is said again phrase by phrase, a bare phrase is
    translated, and any other text (a name, a sourced statement) comes back as written.
    English returns the very text the answer holds, unless it counts something (a plural
    chooses its form by the number, in English too)."""
    if not isinstance(text, str) or (language == "en" and not _counted(text)):
        return str(text)
    if isinstance(text, Composed):
        said = "".join(_part(part, language) for part in text.parts)
        return said[:1].upper() + said[1:] if text.capital else said
    if isinstance(text, Phrase):
        return say(text, {}, language)
    return str(text)


def _counted(text: str) -> bool:
    return isinstance(text, Composed) and any(
        isinstance(part, Filled) and isinstance(part.phrase, Plural) for part in text.parts
    )


def say(phrase: Phrase, args: dict[str, object], language: str) -> str:
    """``phrase`` translated into ``language`` and filled with ``args`` (already localised)."""
    gettext, ngettext = gettext_for(language)
    if isinstance(phrase, Plural):
        template = ngettext(phrase.one, str(phrase), _count(args.get(phrase.counted)))
    else:
        template = gettext(str(phrase))
    return template.format(**args) if args else template


def _part(part: str | Filled, language: str) -> str:
    if isinstance(part, Filled):
        args = {name: _argument(name, value, language) for name, value in part.args}
        return say(part.phrase, args, language)
    return localise(part, language)


def _argument(name: str, value: object, language: str) -> object:
    if isinstance(value, Phrase | Composed):
        return localise(value, language)
    if isinstance(value, bool) or not isinstance(value, int | float | str | date):
        return value
    if isinstance(value, date):
        return format_day(value, language)
    if isinstance(value, int | float):
        return format_number(value, language) if name in CODE_ARGUMENTS - {"year"} else value
    if name == "names" and _AND in value:
        head, last = value.rsplit(_AND, 1)
        return format_names([*head.split(", "), last], language)
    if name not in CODE_ARGUMENTS:
        return value
    text = translate_fragments(
        value, name, lambda phrase, groups: say(phrase, dict(groups), language)
    )
    return reformat_numbers(text, language)


def localise_code(text: str, argument: str, language: str) -> str:
    """Text that code composed in English without phrases (``4,002,372 people``, ``founded
    1990``, ``as of 2022``) said in ``language``, read as the named phrase argument would be
    (see :mod:`bot.answers.locale.fragments`); names and units stay as written."""
    if language == "en":
        return str(text)
    return str(_argument(argument, text, language))


def _count(value: object) -> int:
    try:
        return int(str(value).replace(",", "").replace(".", ""))
    except ValueError:
        return 2
