"""Phrases that stay translatable after they are filled in.

The answer modules build English sentences (``phrases.FOUNDED_IN.format(label=…, year=…)``)
long before anyone knows who will read them. A :class:`Phrase` is the English text itself (a
``str``, so every existing use keeps working unchanged) and the gettext message id; its
``format`` returns a :class:`Composed`: the same English text, which also remembers the phrase
and the arguments it was made of, so the renderer can say it again in Danish or Swedish
(:func:`bot.answers.locale.localise`). Joining composed text with ``+`` keeps the pieces;
anything else (slicing, ``lower()``, f-strings) gives plain English text, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

__all__ = ["Composed", "Filled", "Phrase", "Plural", "join", "translatable"]


class Phrase(str):
    """A message id: English text to be translated when it is rendered."""

    @property
    def singular(self) -> str:
        """The gettext msgid (for a :class:`Plural`, its singular form)."""
        return str(self)

    def format(self, *args: object, **kwargs: Any) -> Composed:
        """The English sentence now, translatable later (positional fields are not allowed)."""
        if args:
            raise TypeError("phrases take named placeholders only")
        english = str.format(self, **kwargs)
        return Composed.of(english, (Filled(self, tuple(kwargs.items())),))

    def __add__(self, other: str) -> Composed:
        return Composed.of(str(self), (self,)) + other

    def __radd__(self, other: str) -> Composed:
        return Composed.of(other, (other,)) + Composed.of(str(self), (self,))


class Plural(Phrase):
    """A phrase with a singular and a plural form, chosen by the number in ``count``.

    Its English text (the ``str``) is the plural form, which is what English callers see today;
    translations choose the form by the language's own plural rules (ngettext)."""

    one: str
    counted: str
    """The argument that holds the number."""

    def __new__(cls, one: str, other: str, *, count: str = "count") -> Plural:
        self = super().__new__(cls, other)
        self.one = one
        self.counted = count
        return self

    @property
    def singular(self) -> str:
        return self.one


@dataclass(frozen=True)
class Filled:
    """One phrase with the arguments it was filled with, in order."""

    phrase: Phrase
    args: tuple[tuple[str, Any], ...]


Part = str | Filled
"""A piece of composed text: plain text said as written, a bare phrase, or a filled phrase."""


class Composed(str):
    """English text that remembers the phrases it was composed of."""

    parts: tuple[Part, ...]
    capital: bool
    """Whether the text begins with a capital letter whatever its first part says."""

    @classmethod
    def of(cls, english: str, parts: tuple[Part, ...], *, capital: bool = False) -> Composed:
        self = cls(english)
        self.parts = parts
        self.capital = capital
        return self

    def capitalised(self) -> Composed:
        """The text with a capital first letter, in every language (a title, a list's name)."""
        return Composed.of(str(self)[:1].upper() + str(self)[1:], self.parts, capital=True)

    def __add__(self, other: str) -> Composed:
        return Composed.of(str(self) + str(other), self.parts + _parts(other), capital=self.capital)

    def __radd__(self, other: str) -> Composed:
        return Composed.of(str(other) + str(self), _parts(other) + self.parts)


def join(separator: str, texts: Iterable[str]) -> Composed:
    """``separator.join(texts)`` that keeps what each text is composed of."""
    joined = Composed.of("", ())
    for i, text in enumerate(texts):
        joined = joined + separator + text if i else joined + text
    return joined


def _parts(text: str) -> tuple[Part, ...]:
    if isinstance(text, Composed):
        return text.parts
    return (text,)


_LANGUAGE_KEYS = frozenset({"en", "da", "sv"})


def translatable(namespace: dict[str, Any], *, plurals: dict[str, str] | None = None) -> None:
    """Make every phrase constant in ``namespace`` (a module's ``globals()``) a :class:`Phrase`,
    in place, keeping its name and English text.

    Strings become phrases (a name in ``plurals`` a :class:`Plural`, with the given singular);
    in a mapping, each string value (a mapping already keyed by language is left alone, it is
    translated by hand); in a tuple of ``(example, description)`` pairs, each description (the
    examples are what people type). Done once, when the module is loaded, so phrases added later
    are translatable without anyone wrapping them, and the catalog test asks for their
    translations."""
    plurals = plurals or {}
    for name, value in list(namespace.items()):
        if name.startswith("_") or not name.isupper():
            continue
        if isinstance(value, str) and not isinstance(value, Phrase):
            singular = plurals.get(name)
            namespace[name] = Plural(singular, value) if singular else Phrase(value)
        elif isinstance(value, dict) and not set(value) & _LANGUAGE_KEYS:
            namespace[name] = {
                key: Phrase(text) if isinstance(text, str) else text for key, text in value.items()
            }
        elif isinstance(value, tuple) and all(
            isinstance(pair, tuple) and len(pair) == 2 for pair in value
        ):
            namespace[name] = tuple((example, Phrase(what)) for example, what in value)
