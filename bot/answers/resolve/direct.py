"""Question → the direct answer about one entry: one sentence with the asked fact, its year
and its source.

Pure functions over the knowledge base. Each answer says what it is unsure of (an entry that
ended, was renamed or whose status is uncertain) and, when the knowledge base does not hold the
asked fact, says so rather than guessing (``known=False``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answers import phrases
from bot.answers.records import (
    DirectAnswer,
    Entry,
    Fact,
    ref_of,
)
from bot.answers.resolve.facts import (
    YEAR,
    direct_answer,
    entry_of,
    first_sentence,
    name_of,
    spellings,
    split_sentences,
)
from bot.answers.resolve.numbers import count_about
from bot.answers.understand.question import Question
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import (
    Centre,
    CentreKind,
    Cluster,
    EntryRef,
    KnowledgeBase,
    Status,
)
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = ["about_entry"]

_ROLE_WORDS: dict[Signal, re.Pattern[str]] = {
    Signal.LEAD: re.compile(
        r"\b(led by|leads|led|leader|leaders|leading the|head of|headed|heads|director|chaired"
        r"|chair|managed by|manager|principal investigator|coordinator|coordinated|coordinates"
        r"|succeeded (him|her)|group leaders)\b",
        re.IGNORECASE,
    ),
    Signal.FOUNDER: re.compile(
        r"\b(founded by|set up by|established by|started by|created by|founder|founders"
        r"|co-founded|initiated|founding members|founded .* by|by .* (universities|university))\b",
        re.IGNORECASE,
    ),
    Signal.FUNDER: re.compile(
        r"\b(fund|funds|funded|funding|grant|grants|financed|financing|donation|endow"
        r"|sponsor|backed by|investment of|eur \d|dkk \d|sek \d)\w*",
        re.IGNORECASE,
    ),
}


_STARTED = re.compile(
    r"\b(founded|established|started|start|set up|since|began|begun|formed|launched|opened"
    r"|created|ran|run|running|from \d{4})\b",
    re.IGNORECASE,
)
_RUNNING = re.compile(
    r"\b(ended|ends|ran|runs|running|until|closed|completed|concluded|still|active|ongoing"
    r"|finished|wound|from \d{4}|\d{4}\s*[–-]\s*\d{4})\b",
    re.IGNORECASE,
)


def _closest_sentences(sentences: Sequence[str], question: Question) -> list[str]:
    """``sentences`` ranked by how many of the question's own words they share."""
    asked = {stem(word) for word in normalize(question.raw).split() if len(word) > 3}

    def shared(sentence: str) -> int:
        return len(asked & {stem(word) for word in normalize(sentence).split()})

    return sorted(sentences, key=shared, reverse=True)


# --- facts about one entry ---------------------------------------------------------------------


def about_entry(kb: KnowledgeBase, question: Question, ref: EntryRef) -> DirectAnswer:
    """where / who / when / status / what about one entry."""
    entry = entry_of(kb, ref)
    intent = question.intent.value
    if intent == "where":
        return _where(kb, question, entry)
    if intent == "who":
        return _who(kb, question, entry, question.role or Signal.HOST)
    if intent == "when":
        if question.role is Signal.ENDED:
            return _ended(kb, question, entry)
        return _founded(kb, question, entry)
    if intent == "status":
        return _status(kb, question, entry)
    if intent == "count":
        return count_about(kb, question, entry)
    return _what(kb, question, entry)


def _names(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """What an abbreviation stands for, and the other names the entry goes by."""
    short = entry.short_name if isinstance(entry, Centre) else None
    skip = {entry.name.casefold(), (short or "").casefold()}
    others = [a for a in spellings(entry) if a and a.casefold() not in skip]
    if short:
        text = phrases.SHORT_FOR.format(short=short, name=entry.name)
    else:
        text = phrases.FULL_NAME.format(name=entry.name)
    if others:
        text += phrases.ALSO_CALLED.format(names=", ".join(dict.fromkeys(others)))
    return direct_answer(kb, question, entry, text)


def _website(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    """Where to read more or get in touch: the website, or an honest "not recorded"."""
    if not isinstance(entry, Centre) or entry.website is None:
        text = phrases.NO_WEBSITE.format(name=name_of(entry))
        return direct_answer(kb, question, entry, text, known=False)
    text = phrases.WEBSITE.format(label=entry.label, url=str(entry.website))
    return direct_answer(kb, question, entry, text)


def _what(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if question.role is Signal.NAME:
        return _names(kb, question, entry)
    if question.role is Signal.WEBSITE:
        return _website(kb, question, entry)
    summary = entry.summary
    lead = first_sentence(summary)
    text = lead if name_of(entry).casefold() in lead.casefold() else f"{name_of(entry)}: {lead}"
    rest = summary[len(lead) :].strip()
    also = [Fact(rest)] if rest else []
    return direct_answer(kb, question, entry, text, also=also)


def _where(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if isinstance(entry, Centre):
        if entry.place:
            text = phrases.IS_IN.format(label=entry.label, place=entry.place)
            also = [Fact(phrases.HOST_LINE.format(host=entry.host))] if entry.host else []
            return direct_answer(
                kb, question, entry, text, also=[*_moved(kb, question, entry), *also]
            )
        text = phrases.WHERE_UNKNOWN.format(label=entry.label)
        if entry.host:
            text += phrases.ITS_HOST.format(host=entry.host)
        return direct_answer(kb, question, entry, text, known=False)
    return _what(kb, question, entry)


def _moved(kb: KnowledgeBase, question: Question, entry: Centre) -> list[Fact]:
    """For "is X still in Gentofte?" when X is elsewhere now: its sentence that names both
    places (it tells the move), with its own source."""
    offered = normalize(question.filters.city or "")
    here = set(normalize(entry.place or "").split())
    if not offered or offered in here:
        return []
    ref = ref_of(entry)
    for statement in kb.statements.about(ref):
        said = set(normalize(statement.text).split())
        if statement.ref == ref and set(offered.split()) <= said and here & said:
            source = kb.sources.get(statement.source) if statement.source else None
            return [Fact(statement.text, source)]
    return []


def _matching_sentences(entry: Entry, pattern: re.Pattern[str]) -> list[str]:
    texts: list[str | None] = (
        [entry.summary, *entry.highlight_texts]
        if not isinstance(entry, Centre)
        else [
            entry.founded_note,
            *entry.detail_texts,
            entry.status_note,
            entry.summary,
            *entry.themes,
        ]
    )
    found: list[str] = []
    for text in texts:
        for sentence in split_sentences(text):
            if pattern.search(sentence) and sentence not in found:
                found.append(sentence)
    return found


def _who(kb: KnowledgeBase, question: Question, entry: Entry, role: Signal) -> DirectAnswer:
    name = name_of(entry)
    if role is Signal.HOST and isinstance(entry, Centre) and entry.kind is CentreKind.COMPANY:
        return _owned_by(kb, question, entry)
    if role is Signal.HOST:
        if isinstance(entry, Centre) and entry.host:
            text = _hosted_by(entry, entry.host)
            parent = kb.centres.get(entry.part_of) if entry.part_of else None
            part_of = [Fact(phrases.PART_OF.format(parent=parent.label))] if parent else []
            return direct_answer(kb, question, entry, text, also=part_of)
        return direct_answer(
            kb,
            question,
            entry,
            phrases.NOT_RECORDED.format(asked=phrases.ASKED_ROLE["host"], name=name),
            known=False,
        )
    if role is Signal.FOUNDER and isinstance(entry, Centre):
        note = entry.founded_note or ""
        if entry.founded and re.match(r"(?i)\s*(by|with)\b", note):
            return direct_answer(
                kb,
                question,
                entry,
                phrases.FOUNDED_IN.format(label=entry.label, year=entry.founded, note=f" {note}"),
            )
    sentences = _matching_sentences(entry, _ROLE_WORDS.get(role, _ROLE_WORDS[Signal.LEAD]))
    if sentences:
        text = sentences[0]
        if name.casefold() not in text.casefold() and not isinstance(entry, Cluster):
            text = f"{name}: {text}"
        return direct_answer(kb, question, entry, text, also=[Fact(s) for s in sentences[1:3]])
    asked = phrases.ASKED_ROLE.get(role.value, phrases.ASKED_ROLE["lead"])
    text = phrases.NOT_RECORDED.format(asked=asked, name=name)
    also: list[Fact] = []
    if isinstance(entry, Centre) and entry.host:
        also.append(Fact(phrases.RECORDED.format(fact=_hosted_by(entry, entry.host))))
    return direct_answer(kb, question, entry, text, also=also, known=False)


def _owned_by(kb: KnowledgeBase, question: Question, company: Centre) -> DirectAnswer:
    """Who owns or controls a company, in its source's words, with its listing."""
    statements = [s for s in (company.ownership, company.listing) if s is not None]
    if not statements:
        text = phrases.NOT_RECORDED.format(asked=phrases.ASKED_ROLE["owner"], name=company.label)
        return direct_answer(kb, question, company, text, known=False)
    lead, *rest = statements
    text = (
        lead.text
        if company.label.casefold() in lead.text.casefold()
        else (f"{name_of(company)}: {lead.text}")
    )
    owner = kb.centres.get(company.owner) if company.owner else None
    also = [Fact(s.text, kb.sources.get(s.source or "")) for s in rest]
    answer = direct_answer(
        kb, question, company, text, also=also, source=kb.sources.get(lead.source or "")
    )
    if owner is not None:
        return DirectAnswer(**{**answer.__dict__, "related": (owner, *answer.related)})
    return answer


def _hosted_by(centre: Centre, host: str) -> str:
    """``X is hosted by Y.``, or ``X: Owned by …`` when the host text says how already."""
    if host.casefold().startswith(("owned", "run ", "hosted", "part of", "operated")):
        return f"{centre.label}: {host}."
    return phrases.HOSTED_BY.format(label=centre.label, host=host)


def _founded(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if isinstance(entry, Centre):
        if entry.founded:
            note = f" ({entry.founded_note})" if entry.founded_note else ""
            text = phrases.FOUNDED_IN.format(label=entry.label, year=entry.founded, note=note)
            return direct_answer(kb, question, entry, text)
        if entry.founded_note:
            known = bool(YEAR.search(entry.founded_note))
            text = phrases.NO_FOUNDING_YEAR.format(label=entry.label, note=entry.founded_note)
            return direct_answer(kb, question, entry, text, known=known)
        return direct_answer(
            kb,
            question,
            entry,
            phrases.WHEN_UNKNOWN.format(name=entry.label),
            known=False,
        )
    sentences = [s for s in _matching_sentences(entry, _STARTED) if YEAR.search(s)]
    if sentences:
        ranked = _closest_sentences(sentences, question)
        return direct_answer(kb, question, entry, ranked[0], also=[Fact(x) for x in ranked[1:2]])
    text = phrases.WHEN_UNKNOWN.format(name=name_of(entry))
    return direct_answer(kb, question, entry, text, known=False)


def _ended(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if not isinstance(entry, Centre):
        return _status(kb, question, entry)
    status, _, _ = entry.status_on(question.asked_on)
    if status is Status.ACTIVE and not entry.changes_after(question.asked_on):
        text = phrases.NOT_ENDED.format(label=entry.label)
        return direct_answer(kb, question, entry, text)
    return _status(kb, question, entry)


def _coming(kb: KnowledgeBase, centre: Centre, question: Question) -> list[Fact]:
    """The dated changes still to come, each with its source: "From 2027-01-01: …"."""
    return [
        Fact(
            phrases.FROM_DATE.format(day=change.effective.isoformat(), note=change.note),
            kb.sources.get(change.source),
        )
        for change in centre.changes_after(question.asked_on)
    ]


def _status(kb: KnowledgeBase, question: Question, entry: Entry) -> DirectAnswer:
    if not isinstance(entry, Centre):
        sentences = _matching_sentences(entry, _RUNNING)
        if sentences:
            ranked = _closest_sentences(sentences, question)
            return direct_answer(
                kb, question, entry, ranked[0], also=[Fact(x) for x in ranked[1:2]]
            )
        return _what(kb, question, entry)
    status, successor_id, status_note = entry.status_on(question.asked_on)
    note = f" {status_note}" if status_note else ""
    successor = kb.centres.get(successor_id) if successor_id else None
    also = [Fact(phrases.SUCCESSOR.format(label=successor.label))] if successor else []
    coming = _coming(kb, entry, question)
    if status is Status.ACTIVE and coming:
        text = phrases.ACTIVE_UNTIL.format(label=entry.label, change=coming[0].text)
        answer = direct_answer(kb, question, entry, text, also=[*coming[1:], *also])
        return DirectAnswer(**{**answer.__dict__, "lead": Fact(text, coming[0].source)})
    if status is Status.ACTIVE:
        evidence = [entry.status_year_label] if entry.status_year_label else []
        if entry.reviewed:
            evidence.append(f"last reviewed {entry.reviewed.isoformat()}")
        when = f" ({'; '.join(evidence)})" if evidence else ""
        text = phrases.STILL_ACTIVE.format(label=entry.label, when=when)
    elif status is Status.ENDED:
        text = phrases.HAS_ENDED.format(label=entry.label, note=note)
    elif status is Status.RENAMED:
        text = phrases.HAS_BEEN_RENAMED.format(label=entry.label, note=note)
    else:
        text = phrases.STATUS_UNKNOWN.format(label=entry.label, note=note)
    answer = direct_answer(kb, question, entry, text, also=also)
    # The status sentence already says what the caveat would: do not repeat it.
    return DirectAnswer(**{**answer.__dict__, "caveat": None})
