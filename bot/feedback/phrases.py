"""What the editors' chart says (its title and legend): English message ids, said in Danish or
Swedish through the catalogs, like :mod:`bot.slack.phrases`."""

from __future__ import annotations

from typing import Final

from bot.answers.locale.lazy import translatable

QUESTIONS_THIS_WEEK: Final = "Questions this week"
ANSWERED: Final = "answered"
NOT_ANSWERED: Final = "not answered"

translatable(globals())
