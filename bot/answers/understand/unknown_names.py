"""Spotting the name of an institution the knowledge base lacks ("MD Anderson Cancer Center",
"Joslin Diabetes Center"), so that its field word does not turn it into a list of that field's
centres: such a question is about a place the bot does not know, and it should say so.

A name here is a run of capitalised words that holds an institution word (Center, Institute,
Hospital…) and at least one proper word: one that is no field, place, vocabulary word or known
name. "Which Cancer Centres are in Lund?" has no proper word, so it stays a field question.
"""

from __future__ import annotations

from bot.answers.understand import vocabulary as vocab
from bot.answers.understand.lexicon import Lexicon
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = ["unknown_institution"]

INSTITUTION_WORDS = frozenset(
    vocab.split_words(
        "center|centre|centers|centres|centret|centrum|centeret|institute|institutet|institut"
        "|instituttet|hospital|hospitalet|sygehus|sygehuset|sjukhus|sjukhuset|university"
        "|universitet|universitetet|universitat|clinic|klinik|kliniken|klinikken|foundation"
        "|fond|fonden|stiftelse|stiftelsen|laboratory|laboratories|lab|labs|college|school"
        "|academy|akademi|council|society|trust"
    )
)
"""Words that end (or open) the name of an institution in the three languages."""

_NAME_JOINERS = frozenset(vocab.split_words("for|of|and|the|on|pa|af|av|for|de|la|&"))
"""Small words inside a name: "Allen Institute for Brain Science", "Institut for Biologi"."""


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and any(char.isalpha() for char in token)


def _name_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words (with the small words inside them), each word normalised."""
    runs: list[list[str]] = []
    current: list[str] = []
    pending: list[str] = []
    for token in text.split():
        words = normalize(token).split()
        if not words:
            continue
        if _capitalised(token):
            current.extend(pending)
            current.extend(words)
            pending = []
        elif current and all(word in _NAME_JOINERS for word in words):
            pending.extend(words)
        else:
            if current:
                runs.append(current)
            current, pending = [], []
    if current:
        runs.append(current)
    return runs


def _proper(word: str, lexicon: Lexicon) -> bool:
    """A word that only a name explains: not a field, a place, a vocabulary or known word."""
    if word in INSTITUTION_WORDS or word in _NAME_JOINERS or word in vocab.KIND_WORDS:
        return False
    if word in lexicon.table_words or word in lexicon.cities or word in vocab.COUNTRIES:
        return False
    if vocab.PLACE_EXONYMS.get(word, word) in lexicon.cities:
        return False
    if word in lexicon.field_words or stem(word) in lexicon.field_words:
        return False
    return word not in lexicon.names and word not in lexicon.partial_names


def unknown_institution(text: str, lexicon: Lexicon) -> str | None:
    """The institution's name in ``text`` (as normalised words) when it names one that no
    entry is called; the caller has already checked that no entry was found in the text."""
    for run in _name_runs(text):
        capitalised = [word for word in run if word not in _NAME_JOINERS]
        if len(capitalised) < 2 or not any(word in INSTITUTION_WORDS for word in run):
            continue
        if any(_proper(word, lexicon) for word in capitalised):
            return " ".join(run)
    return None
