"""The questions inside a message.

People write to a colleague: a line of context, a thank-you, then the question ("…we are
visiting Lund next week. Where is the European Spallation Source actually located?"), or a
request ("I'd like to know when it was founded."), or two questions in a row ("When was Ideon
founded? And where is it?"). Understanding the whole message lets the context's words take over;
this finds the parts that ask, so that each is understood on its own.

A part is found in three ways, best first: a sentence that ends with a question mark (from its
first clause that starts like a question, so "Hey, quick one: what year was X founded?" loses
its lead-in); a request to know or be told followed by a question word ("please tell me when
…", "jeg vil gerne vide hvor …"); a sentence that starts like a question without the mark.
"""

from __future__ import annotations

import re

from bot.knowledge.text import normalize

__all__ = ["MOST_PARTS", "asking_parts", "sentences"]

MOST_PARTS = 3
"""Questions answered from one message at most: more is a list of chores, not a message."""

LEAD_IN_WORDS = 5
"""A clause before the question of at least this many words is context and is left out; a
shorter one ("In Lund, …", "For diabetes, …") is part of the question."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[A-ZÅÄÖÆØ]|(?i:dr|mr|mrs|ms|st|prof|vs|inc|ltd|jr|e\.g|i\.e|etc|approx|ca"
    r"|bl\.a|fx|dvs|nr|no|mfl))\.$"
)
"""What ends with a full stop without ending a sentence: an initial ("H. Lundbeck"), "Dr.",
"e.g.", "ca.", "bl.a."."""
_CLAUSE_END = re.compile(r"\s*[:;,–—]\s+|\s+-\s+")
_SECOND_QUESTION = re.compile(
    r",?\s+(?:and|og|och)\s+(?=(?:who|what|when|where|which|how|hvem|hvad|hvornår|hvor|hvilke"
    r"|vem|vad|när|var|vilka|hur)\b)",
    re.IGNORECASE,
)
"""Where a sentence goes on to ask a second question ("… founded, and who funds it?")."""

_QUESTION_WORDS = frozenset(
    {"who", "whom", "whose", "what", "whats", "which", "when", "where", "why", "how"}
    | {"hvem", "hvad", "hvilke", "hvilken", "hvilket", "hvornar", "hvor", "hvordan", "hvorfor"}
    | {"vem", "vad", "vilka", "vilken", "vilket", "nar", "var", "hur", "varfor"}
)
"""Words that open a question in English, Danish and Swedish (normalised)."""

_REQUESTS = frozenset(
    {"tell", "list", "name", "show", "give", "explain", "describe", "compare", "fortael"}
    | {"naevn", "vis", "beskriv", "sammenlign", "forklar", "beratta", "visa", "jamfor"}
)
"""Words that open a request with or without its question mark."""

_VERBS_FIRST = _REQUESTS | frozenset(
    {"is", "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "has"}
    | {"have", "er", "har", "kan", "ar", "finns", "fins", "findes"}
)
"""Words that open a question or a request only when the sentence says it asks (its "?")."""

_WISHES = frozenset(
    {"know", "wonder", "wondering", "ask", "asking", "curious", "learn", "check", "confirm"}
    | {"understand", "out", "me", "us", "vide", "undrer", "undres", "sporge", "fortaelle"}
    | {"mig", "os", "veta", "undrar", "fraga", "beratta", "idea", "ide", "aning"}
)
"""The last word of a wish to know or be told ("know", "tell me", "find out", "vide",
"fortæl mig", "veta", "berätta"); a question word within the next three words starts the
wanted question."""

_ASKS_WHETHER = frozenset({"if", "whether", "om"})

_LEAD_INS = frozenset({"and", "so", "also", "but", "then", "plus", "btw", "og", "men", "sa"})
_LEAD_INS |= {"och", "sen", "ok", "okay", "especially", "particularly", "specifically", "mainly"}
_LEAD_INS |= {"isaer", "saerligt", "sarskilt", "framfor", "allt"}
"""Words before a question that ask nothing themselves ("And where is it?", "…, especially
who runs it")."""


def asking_parts(text: str) -> list[str]:
    """The parts of ``text`` that ask something, in the order written and at most
    :data:`MOST_PARTS`; ``[text]`` when it asks one plain question or nothing recognisable."""
    said = sentences(text)
    for find in (_marked_question, _requested, _unmarked_question):
        parts = [part for sentence in said for part in _one_by_one(find(sentence))]
        if parts:
            return parts[-MOST_PARTS:]
    return [text]


def sentences(text: str) -> list[str]:
    """The sentences of ``text``: a full stop, "!" or "?" before a space, or a new line, ends
    one, except after an initial ("H. Lundbeck") or an abbreviation ("Dr.", "e.g.")."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        piece = text[start : end.start()]
        if "\n" not in end.group() and _ABBREVIATION.search(piece):
            continue
        found.append(piece)
        start = end.end()
    found.append(text[start:])
    return [sentence.strip() for sentence in found if sentence.strip()]


def _one_by_one(question: str | None) -> list[str]:
    """ "When was X founded and who funds it?" → both questions."""
    if not question:
        return []
    return [part for part in _SECOND_QUESTION.split(question) if part.strip()]


def _marked_question(sentence: str) -> str | None:
    """From the first clause that opens like a question to the question mark; or a sentence
    that opens with a request ("Compare Ideon and Medeon.")."""
    if not sentence.endswith("?"):
        return sentence if _opens_with(sentence, _REQUESTS) else None
    return (
        _requested(sentence)
        or _from_first_asking_clause(sentence, _QUESTION_WORDS | _VERBS_FIRST)
        or sentence
    )


def _requested(sentence: str) -> str | None:
    """ "Please tell me when X was founded." → "when X was founded"."""
    words = sentence.rstrip(".!").split()
    plain = [normalize(word) for word in words]
    for at, word in enumerate(plain):
        if word not in _WISHES:
            continue
        for after in range(at + 1, min(at + 4, len(words))):
            if plain[after] in _QUESTION_WORDS | _ASKS_WHETHER:
                return " ".join(words[after:])
    return None


def _unmarked_question(sentence: str) -> str | None:
    """ "Another thing: where is DTU Science Park located" → the clause that opens with a
    question word, when no sentence says it asks by its mark or a request."""
    return _from_first_asking_clause(sentence.rstrip(".!"), _QUESTION_WORDS)


def _from_first_asking_clause(sentence: str, openers: frozenset[str]) -> str | None:
    """From the first clause that opens with one of ``openers``; a short lead-in stays."""
    start = 0
    for clause in _CLAUSE_END.split(sentence):
        position = sentence.find(clause, start)
        if _opens_with(clause, openers):
            lead_in = sentence[:position]
            if len(lead_in.split()) < LEAD_IN_WORDS:
                return sentence
            return _without_lead_ins(sentence[position:])
        start = position + len(clause)
    return None


def _without_lead_ins(clause: str) -> str:
    words = clause.split()
    while len(words) > 1 and normalize(words[0]) in _LEAD_INS:
        words = words[1:]
    return " ".join(words)


def _opens_with(clause: str, openers: frozenset[str]) -> bool:
    """Whether ``clause``'s first word (after "and", "so" …) is one of ``openers``; a word with
    an apostrophe ("we're") is never one, though its letters spell one ("were")."""
    words = clause.split()
    while words and normalize(words[0]) in _LEAD_INS:
        words = words[1:]
    if not words or "'" in words[0] or "’" in words[0]:
        return False
    first = normalize(words[0]).split()
    return bool(first) and first[0] in openers
