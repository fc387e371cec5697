"""The follow-up buttons' words: each label, and the whole question a click asks, in English,
Danish and Swedish through the catalogs. A question is said the way people type it, so it is
read (and answered) in the language of the reply it sits under."""

from __future__ import annotations

from typing import Final

from bot.answers.locale.lazy import translatable

WHO_HOSTS_IT: Final = "Who hosts it?"
WHO_HOSTS: Final = "who hosts {name}?"
WHEN_FOUNDED_IT: Final = "When was it founded?"
WHEN_FOUNDED: Final = "when was {name} founded?"
CENTRES_IN_FIELD: Final = "Centres in {field}"
CENTRES_IN_FIELD_QUESTION: Final = "centres {field}"
SAME_IN: Final = "Same in {country}"
SAME_IN_QUESTION: Final = "which {field} centres are there in {country}?"

IN_PLACE: Final = "in {place}"
"""Where a list assumed from the conversation is narrowed to ("Diabetes centres in Sweden")."""

translatable(globals())
