"""The gettext catalogs shipped with the package, and one loaded ``Translations`` per language.

Catalogs live next to this module (``<lang>/LC_MESSAGES/medicon.mo``), compiled and committed,
so a plain ``pip install`` carries them; ``medicon-bot i18n`` extracts, updates and compiles
them. English is the source language: its translations are the message ids themselves.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Final, Literal

from babel.support import Translations

__all__ = [
    "CATALOGS",
    "DOMAIN",
    "LANGUAGES",
    "TRANSLATED",
    "Language",
    "language_or_english",
    "translations",
]

Language = Literal["en", "da", "sv"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "da", "sv")
TRANSLATED: Final[tuple[Language, ...]] = ("da", "sv")
"""The languages with catalogs (English needs none)."""
DOMAIN: Final = "medicon"
CATALOGS: Final = Path(__file__).resolve().parent


def language_or_english(value: str | None) -> Language:
    """``da``, ``sv`` or ``en`` for a language tag such as ``da-DK``, ``sv_SE`` or ``en-US``;
    English for anything else, so a surprising value never stops a reply."""
    tag = (value or "").replace("_", "-").split("-", 1)[0].casefold()
    for language in LANGUAGES:
        if tag == language:
            return language
    return "en"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The compiled catalog of ``language`` (loaded once per process), or the identity for
    English. A missing catalog is an installation error and raises ``FileNotFoundError``."""
    if language_or_english(language) == "en":
        return gettext.NullTranslations()
    path = CATALOGS / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with path.open("rb") as file:
        return Translations(file, domain=DOMAIN)
