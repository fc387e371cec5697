"""Danish and Swedish question words as the English words the knowledge base says.

The knowledge base quotes its sources, mostly in English; people ask in Danish and Swedish too.
``glossary.yaml`` gives, for each English word the statements use, the Danish and Swedish
words people type for it (``grundlagt``, ``grundades`` → ``founded``), so a question's words
can meet the statements' words whatever language it was asked in. It is a lexicon of the
knowledge base's own vocabulary, written from the prose in ``data/``, not from questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from bot.knowledge.text import STOP_WORDS, normalize

__all__ = ["Glossary", "glossary"]

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SHORTEST = 3
"""Shorter forms fold into function words (``år`` and ``är`` both become ``ar``)."""


@dataclass(frozen=True)
class Glossary:
    """Danish or Swedish forms, normalised, to the English words they stand for."""

    words: dict[str, tuple[str, ...]]
    """One-word forms: ``grundlagt`` → ``("founded",)``."""
    phrases: dict[tuple[str, ...], tuple[str, ...]]
    """Several-word forms: ``("lagt", "sammen")`` → ``("merged",)``."""
    languages: dict[str, frozenset[str]] = field(default_factory=dict)
    """One-word forms to the languages that write them: ``leddegigt`` → ``{"da"}``,
    ``tarmflora`` → ``{"da", "sv"}`` (the question's language is told by its words)."""

    def english(self, word: str) -> tuple[str, ...]:
        return self.words.get(word, ())


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The shipped glossary (read once: it is the same for every knowledge base)."""
    text = (
        resources.files("bot.answers.understand")
        .joinpath("glossary.yaml")
        .read_text(encoding="utf-8")
    )
    loader = _SafeLoader(text)  # the safe loader (libyaml's when built, as the KB's loader)
    try:
        document = loader.get_single_data() or {}
    finally:
        loader.dispose()
    words: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], list[str]] = {}
    languages: dict[str, set[str]] = {}
    for english, forms in (document.get("words") or {}).items():
        for language in ("da", "sv"):
            for form in (forms or {}).get(language) or ():
                typed = normalize(str(form))
                if len(typed) < _SHORTEST or typed in STOP_WORDS or typed == normalize(english):
                    continue
                parts = tuple(typed.split())
                if len(parts) > 1:
                    phrases.setdefault(parts, []).append(str(english))
                else:
                    words.setdefault(typed, []).append(str(english))
                    languages.setdefault(typed, set()).add(language)
    return Glossary(
        words={form: tuple(dict.fromkeys(english)) for form, english in words.items()},
        phrases={form: tuple(dict.fromkeys(english)) for form, english in phrases.items()},
        languages={form: frozenset(said) for form, said in languages.items()},
    )
