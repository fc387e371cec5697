"""Two or three entries side by side: "BRIC vs CBMR", "which is older, CBMR or LUDC?",
"compare cancer and diabetes".

A comparison names every entry it was asked about, so the second name is never dropped. It
leads with the answer when the question asks one ("which is older", "which has more
employees") and the facts settle it, says plainly when they do not, and always shows the facts
it compared, row by row.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.answers import phrases
from bot.answers.records import Entry, Fact, SideBySideAnswer
from bot.answers.resolve.facts import first_source, name_of, year_phrase
from bot.answers.understand.question import Intent, Question
from bot.answers.understand.vocabulary import Signal
from bot.knowledge import Centre, CentreKind, KnowledgeBase, ResearchField, Stat
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = ["asks_to_compare", "side_by_side"]

_MOST_AT = 3
"""At most this many entries side by side (a table stays readable in a Slack message)."""
_CUES = frozenset(
    {"vs", "versus", "compare", "compared", "comparing", "comparison", "difference"}
    | {"differences", "differ", "between", "sammenlign", "sammenligne", "sammenlignet"}
    | {"forskel", "forskellen", "forskellene", "mellem", "jamfor", "jamfora", "jamforelse"}
    | {"skillnad", "skillnaden", "skillnader", "mellan"}
)
"""Words that ask for a comparison, in English, Danish and Swedish (normalised)."""
_RANKING = frozenset({Signal.OLDEST, Signal.NEWEST, Signal.MOST, Signal.LEAST})
_HEADCOUNT = frozenset(stem(w) for w in ("employees", "employed", "staff", "people", "ansatte"))


def _compared(question: Question) -> tuple[str, list[str]] | None:
    """(kind, ids) of the entries a question compares: two or three centres or fields."""
    centres = [ref.id for ref in question.entities if ref.kind == "centre"]
    fields = [ref.id for ref in question.entities if ref.kind == "field"]
    if len(centres) >= 2:
        return "centre", list(dict.fromkeys(centres))[:_MOST_AT]
    if len(fields) >= 2 and not centres:
        return "field", list(dict.fromkeys(fields))[:_MOST_AT]
    return None


def asks_to_compare(question: Question) -> bool:
    """Two or three entries of one kind, and a word or a ranking that compares them."""
    return _compared(question) is not None and wants_comparing(question)


def wants_comparing(question: Question) -> bool:
    """A word or a ranking that compares ("vs", "older", "forskel"), whatever it names: in a
    longer message the things compared may be named in an earlier sentence."""
    words = set(normalize(question.raw).split())
    return bool(words & _CUES or question.intent is Intent.COMPARE or question.signals & _RANKING)


def side_by_side(kb: KnowledgeBase, question: Question) -> SideBySideAnswer | None:
    """The entries the question compares, with the facts that settle what it asks."""
    compared = _compared(question)
    if compared is None:
        return None
    kind, ids = compared
    if kind == "field":
        fields = [kb.fields[i] for i in ids]
        return SideBySideAnswer(
            entries=tuple(fields),
            rows=_field_rows(kb, fields),
            lead=Fact(phrases.SIDE_BY_SIDE.format(names=_names(fields))),
        )
    centres = [kb.centres[i] for i in ids]
    lead, winner = _centre_lead(kb, question, centres)
    if winner is not None:  # the answer first, then the others in the order asked
        centres = [winner, *(c for c in centres if c is not winner)]
    return SideBySideAnswer(entries=tuple(centres), rows=_centre_rows(kb, centres), lead=lead)


def _names(entries: Sequence[Entry]) -> str:
    names = [name_of(entry) for entry in entries]
    return ", ".join(names[:-1]) + f" {phrases.AND} " + names[-1]


def _centre_lead(
    kb: KnowledgeBase, question: Question, centres: Sequence[Centre]
) -> tuple[Fact, Centre | None]:
    """The sentence that answers what was asked, and the entry it names as the answer."""
    signals = question.signals
    if Signal.OLDEST in signals or Signal.NEWEST in signals or question.role is Signal.OLDEST:
        newest = Signal.NEWEST in signals or question.least
        dated = sorted(
            (c for c in centres if c.founded is not None),
            key=lambda c: c.founded or 0,
            reverse=newest,
        )
        if len(dated) == len(centres):
            first, rest = dated[0], dated[1:]
            if all(c.founded == first.founded for c in rest):
                text = phrases.SAME_AGE.format(names=_names(centres), year=first.founded)
                return Fact(text, first_source(kb, first.sources)), None
            template = phrases.IS_NEWER if newest else phrases.IS_OLDER
            others = "; ".join(f"{name_of(c)} in {c.founded}" for c in rest)
            text = template.format(label=first.label, year=first.founded, others=others)
            return Fact(text, first_source(kb, first.sources)), first
        undated = ", ".join(name_of(c) for c in centres if c.founded is None)
        return Fact(phrases.AGE_UNSETTLED.format(names=undated)), None
    if signals & {Signal.MOST, Signal.LEAST} and question.concepts:
        counted: list[tuple[Centre, Stat]] = []
        for centre in centres:
            figure = _headcount(centre)
            if figure is not None:
                counted.append((centre, figure))
        if set(question.concepts) & _HEADCOUNT and len(counted) == len(centres):
            ranked = sorted(counted, key=lambda pair: pair[1].value)
            if Signal.LEAST not in signals:
                ranked.reverse()
            (top, top_stat), runners_up = ranked[0], ranked[1:]
            others = "; ".join(
                f"{name_of(runner_up)} {runner_stat.display_value} ({year_phrase(runner_stat)})"
                for runner_up, runner_stat in runners_up
            )
            text = phrases.HAS_MORE.format(
                label=top.label,
                value=top_stat.display_value,
                unit=top_stat.unit_suffix,
                year=year_phrase(top_stat),
                others=others,
            )
            return Fact(text, kb.sources.get(top_stat.source)), top
    return Fact(phrases.SIDE_BY_SIDE.format(names=_names(centres))), None


def _headcount(centre: Centre) -> Stat | None:
    """The newest figure of people employed at ``centre``, if it has one."""
    people = [
        stat
        for stat in centre.stats
        if {stem(w) for w in normalize(f"{stat.label} {stat.unit}").split()} & _HEADCOUNT
    ]
    return max(people, key=lambda s: s.as_of or 0, default=None)


_Rows = tuple[tuple[str, tuple[str, ...]], ...]


def _centre_rows(kb: KnowledgeBase, centres: Sequence[Centre]) -> _Rows:
    def host(centre: Centre) -> str:
        if centre.kind is CentreKind.COMPANY:
            owner = kb.centres.get(centre.owner) if centre.owner else None
            return owner.label if owner else (centre.ownership.text if centre.ownership else "–")
        return centre.host or "–"

    def headcount(centre: Centre) -> str:
        stat = _headcount(centre)
        return f"{stat.display_value} ({year_phrase(stat)})" if stat else "–"

    rows: list[tuple[str, tuple[str, ...]]] = [
        (phrases.ROW_TYPE, tuple(c.kind_label for c in centres)),
        (phrases.ROW_PLACE, tuple(c.place or "–" for c in centres)),
        (phrases.ROW_FOUNDED, tuple(str(c.founded) if c.founded else "–" for c in centres)),
        (phrases.ROW_HOST, tuple(host(c) for c in centres)),
        (
            phrases.ROW_FIELDS,
            tuple(", ".join(kb.fields[f].name for f in c.fields) or "–" for c in centres),
        ),
        (phrases.ROW_PEOPLE, tuple(headcount(c) for c in centres)),
        (phrases.ROW_STATUS, tuple(c.status.value for c in centres)),
    ]
    return tuple(row for row in rows if any(value != "–" for value in row[1]))


def _field_rows(kb: KnowledgeBase, fields: Sequence[ResearchField]) -> _Rows:
    def figures(research_field: ResearchField) -> str:
        return "; ".join(
            f"{stat.label}: {stat.display_value}{stat.unit_suffix} ({year_phrase(stat)})"
            for stat in research_field.stats
        )

    return (
        (phrases.ROW_CENTRES, tuple(str(len(kb.centres_in(f.id))) for f in fields)),
        (phrases.ROW_COMPANIES, tuple(str(len(kb.companies_in(f.id))) for f in fields)),
        (phrases.ROW_FIGURES, tuple(figures(f) or "–" for f in fields)),
    )
