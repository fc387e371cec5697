"""Scores the bot's answers against the evaluation set in ``queries.yaml`` (issue #9).

Each query goes through the answering contract of :mod:`bot.answers`
(``answer_question`` → ``outcome`` and ``render``), or, for code from before that contract
existed, through ``resolve_text`` with the old answer classes mapped to outcome kinds. The
scores per kind are: top-1 (the expected entry is the first subject, or a list holds what it
must), right (the expected kind of reply, about the right entry, stating every asked fact) and
declined (an honest "I don't know"). ``queries.yaml`` documents the rules for editors.

This module imports nothing from ``tests`` so that it also runs against an old checkout
(``PYTHONPATH=<checkout>:tests/eval``) to measure a baseline.
"""

from __future__ import annotations

import importlib
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ALL_KINDS",
    "CONVERSATION_KINDS",
    "DECLINE_KINDS",
    "NAME_KINDS",
    "QUESTION_KINDS",
    "EvalQuery",
    "Expectation",
    "KindScore",
    "Observed",
    "QueryResult",
    "Ref",
    "Report",
    "Responder",
    "evaluate",
    "fact_present",
    "load_queries",
    "normalize_answer_text",
    "responder_for",
]

QUERIES = Path(__file__).resolve().with_name("queries.yaml")
BLIND = Path(__file__).resolve().with_name("blind.yaml")
BLIND2 = Path(__file__).resolve().with_name("blind2.yaml")
"""The blind split (issue 17): written from data/ by someone who never saw the code or the
bot's answers. It is scored, never tuned on."""
QUERY_SETS = {"main": QUERIES, "blind": BLIND, "blind2": BLIND2}
BASELINE = Path(__file__).resolve().with_name("baseline.json")

NAME_KINDS = frozenset({"name", "typo"})
QUESTION_KINDS = frozenset({"count", "where", "who", "when", "status", "what", "list", "compare"})
CONVERSATION_KINDS = frozenset({"help", "chat"})
DECLINE_KINDS = frozenset({"out_of_domain", "garbage"})
ALL_KINDS = NAME_KINDS | QUESTION_KINDS | CONVERSATION_KINDS | DECLINE_KINDS
KIND_ORDER = (
    "name",
    "typo",
    "count",
    "where",
    "who",
    "when",
    "status",
    "what",
    "list",
    "compare",
    "help",
    "chat",
    "out_of_domain",
    "garbage",
)
OUTCOME_KINDS = frozenset(
    {"direct", "card", "list", "compare", "search", "declined", "outside", "help", "chat"}
)
TAGS = frozenset(
    {"prose", "structured", "long", "near_domain", "compare", "typo", "list", "multi"}
    | {"unknown", "changes", "abbrev_lookalike", "off_topic", "garbage"}
)
"""What a blind-split query tests, beside its kind (``tags:``)."""
DECLINED = frozenset({"declined", "outside"})
LANGS = frozenset({"en", "da", "sv"})

Ref = tuple[str, str]
"""``("centre", "ludc")``, ``("field", "cancer")`` or ``("cluster", "cluster")``: an EntryRef."""


# --- the set ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expectation:
    """What a right answer is: its kind, what it is about, and for lists what it holds."""

    outcomes: frozenset[str]
    subjects: tuple[Ref, ...] = ()
    """Acceptable first subjects (any one); empty when the query is about no entry."""
    includes: tuple[Ref, ...] = ()
    excludes: tuple[Ref, ...] = ()
    unknown: bool = False
    """The KB knows the entry but not the fact: an honest direct answer or a decline is right."""


@dataclass(frozen=True)
class EvalQuery:
    text: str
    lang: str
    kind: str
    expect: Expectation
    facts: tuple[tuple[str, ...], ...] = ()
    """Each item: alternatives, any one of which the answer must state."""
    tags: frozenset[str] = frozenset()
    """What else the query tests (prose facts, long messages …), for per-tag scores."""
    reply: str | None = None
    """The language the reply must be in when it is not ``lang`` (issue 19: a query in words
    Danish and Swedish write alike has no language of its own: the person's, else English)."""

    @property
    def reply_lang(self) -> str:
        return self.reply or self.lang


class QuerySetError(ValueError):
    """The evaluation set itself is malformed; the message names the record."""


def parse_ref(text: str) -> Ref:
    """``centre:ludc`` → ``("centre", "ludc")``; ``cluster`` → ``("cluster", "cluster")``."""
    if text == "cluster":
        return ("cluster", "cluster")
    kind, sep, entry_id = text.partition(":")
    if not sep or kind not in {"field", "centre"} or not entry_id:
        raise QuerySetError(f"not an entry: {text!r} (use field:<id>, centre:<id> or cluster)")
    return (kind, entry_id)


def _strings(value: object, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str | int) for item in items):
        raise QuerySetError(f"{what} must be a string or a list of strings")
    return tuple(str(item) for item in items)


def _query(record: Mapping[str, Any], number: int) -> EvalQuery:
    where = f"query {number} ({record.get('text')!r})"
    unknown_keys = set(record) - {"text", "lang", "kind", "expect", "facts", "tags", "reply"}
    if unknown_keys:
        raise QuerySetError(f"{where}: unknown keys {sorted(unknown_keys)}")
    text, lang, kind = record.get("text"), record.get("lang"), record.get("kind")
    if not isinstance(text, str) or not text:
        raise QuerySetError(f"{where}: text must be a non-empty string")
    if lang not in LANGS:
        raise QuerySetError(f"{where}: lang must be one of {sorted(LANGS)}")
    if kind not in ALL_KINDS:
        raise QuerySetError(f"{where}: kind must be one of {sorted(ALL_KINDS)}")
    reply = record.get("reply")
    if reply is not None and (reply not in LANGS or reply == lang):
        raise QuerySetError(f"{where}: reply must be a language other than lang")
    expect = record.get("expect")
    if not isinstance(expect, dict):
        raise QuerySetError(f"{where}: expect must be a mapping")
    bad = set(expect) - {"outcome", "subject", "includes", "excludes", "unknown"}
    if bad:
        raise QuerySetError(f"{where}: unknown expect keys {sorted(bad)}")
    try:
        outcomes = frozenset(_strings(expect.get("outcome"), "expect.outcome"))
        if not outcomes or not outcomes <= OUTCOME_KINDS:
            raise QuerySetError(f"expect.outcome must be among {sorted(OUTCOME_KINDS)}")
        facts_value = record.get("facts") or []
        if not isinstance(facts_value, list):
            raise QuerySetError("facts must be a list")
        facts = tuple(_strings(item, "a fact") for item in facts_value)
        tags = frozenset(_strings(record.get("tags"), "tags"))
        if not tags <= TAGS:
            raise QuerySetError(f"tags must be among {sorted(TAGS)}")
        expectation = Expectation(
            outcomes=outcomes,
            subjects=tuple(parse_ref(s) for s in _strings(expect.get("subject"), "subject")),
            includes=tuple(parse_ref(s) for s in _strings(expect.get("includes"), "includes")),
            excludes=tuple(parse_ref(s) for s in _strings(expect.get("excludes"), "excludes")),
            unknown=bool(expect.get("unknown", False)),
        )
    except QuerySetError as error:
        raise QuerySetError(f"{where}: {error}") from None
    return EvalQuery(
        text=text, lang=lang, kind=kind, expect=expectation, facts=facts, tags=tags, reply=reply
    )


def load_queries(path: Path = QUERIES) -> tuple[EvalQuery, ...]:
    """Every query of the set, in file order; raises :class:`QuerySetError` on a bad record."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    records = document.get("queries") if isinstance(document, dict) else None
    if not isinstance(records, list):
        raise QuerySetError(f"{path}: expected a top-level `queries:` list")
    return tuple(_query(record, number) for number, record in enumerate(records, start=1))


# --- matching the rendered text --------------------------------------------------------------

_LINK = re.compile(r"<([^<>|]*)\|([^<>]*)>")
_BARE_LINK = re.compile(r"<([^<>|]*)>")
_MARKUP = re.compile(r"[*_`~]")
_DASHES = re.compile(r"[\-\u2010-\u2015\u2212]")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u00a0\u202f\u2009 ]\d{3})+(?![\d])")
_SEPARATORS = re.compile(r"[,.\u00a0\u202f\u2009 ]")
_UNDECOMPOSED = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ł": "l"})


def _join_thousands(match: re.Match[str]) -> str:
    return _SEPARATORS.sub("", match.group(0))


def normalize_answer_text(text: str) -> str:
    """Plain, comparable text: markup and links reduced to their words, no case or accents.

    ``*over 45*`` → ``over 45``; ``<https://x|LUDC site>`` → ``ludc site``; ``Glenthøj`` →
    ``glenthoj``; ``4,002,372`` and ``4 002 372`` → ``4002372``; dashes and hyphens → spaces.
    """
    text = _LINK.sub(r"\2", text)
    text = _BARE_LINK.sub(r"\1", text)
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    text = _MARKUP.sub("", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"')
    text = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = _DASHES.sub(" ", text)
    text = _THOUSANDS.sub(_join_thousands, text)
    return " ".join(text.split())


def fact_present(fact: str, answer_text: str) -> bool:
    """Whether ``answer_text`` (already normalised) states ``fact``.

    A fact that starts or ends with a digit must not be part of a longer number, so "45" is
    not found in "145" or "450".
    """
    wanted = normalize_answer_text(fact)
    if not wanted:
        return True
    pattern = re.escape(wanted)
    if wanted[0].isdigit():
        pattern = r"(?<![\d])" + pattern
    if wanted[-1].isdigit():
        pattern += r"(?![\d])"
    return re.search(pattern, answer_text) is not None


def message_text(text: str, blocks: Iterable[Mapping[str, Any]]) -> str:
    """The words a reader sees: the fallback text and every block's text, buttons left out."""
    parts = [text]

    def walk(node: object) -> None:
        if isinstance(node, Mapping):
            if node.get("type") in {"button", "actions"}:
                return
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    parts.append(value)
                else:
                    walk(value)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(list(blocks))
    return "\n".join(parts)


# --- asking the bot --------------------------------------------------------------------------


@dataclass(frozen=True)
class Observed:
    """What came back: the outcome kind, its subjects (best first) and the rendered words."""

    kind: str
    subjects: tuple[Ref, ...]
    text: str
    language: str = "en"
    """The language the reply was rendered in (``en`` for code from before issue 19)."""

    def summary(self) -> str:
        subjects = ", ".join(_ref_label(ref) for ref in self.subjects[:4])
        more = "…" if len(self.subjects) > 4 else ""
        words = " ".join(self.text.split())
        return f"{self.kind} [{subjects}{more}] {words[:140]!r}"


Responder = Callable[[str], Observed]
"""Asks the bot one question."""


def _ref_label(ref: Ref) -> str:
    return "cluster" if ref[0] == "cluster" else f"{ref[0]}:{ref[1]}"


def _ref(value: Any) -> Ref:
    return (str(value.kind), str(value.id))


def _contract_responder(kb: Any, answers: Any) -> Responder:
    def ask(text: str) -> Observed:
        if hasattr(answers, "reply_to"):  # issue 19: the reply in the question's language
            reply = answers.reply_to(kb, text)
            answer, language = reply.answer, str(reply.language)
            message = answers.render(answer, locale=language)
        else:
            answer, language = answers.answer_question(kb, text), "en"
            message = answers.render(answer)
        result = answers.outcome(answer)
        return Observed(
            kind=str(result.kind),
            subjects=tuple(_ref(subject) for subject in result.subjects),
            text=message_text(message.text, message.blocks),
            language=language,
        )

    return ask


_LEGACY_KINDS = {
    "FieldAnswer": "card",
    "CentreAnswer": "card",
    "ClusterAnswer": "card",
    "StatsAnswer": "list",
    "CentreListAnswer": "list",
    "FieldListAnswer": "list",
    "SearchAnswer": "search",
    "NoMatchAnswer": "declined",
    "HelpAnswer": "help",
}
"""The answer classes of bot/answers/resolve.py before the understanding layer (16db52c)."""


def _legacy_subjects(answer: Any) -> tuple[Ref, ...]:
    name = type(answer).__name__
    if name == "FieldAnswer":
        return (("field", answer.field.id),)
    if name == "CentreAnswer":
        return (("centre", answer.centre.id),)
    if name == "ClusterAnswer":
        return (("cluster", "cluster"),)
    if name == "StatsAnswer":
        return (("cluster", "cluster"), *(("field", f.id) for f in answer.fields))
    if name == "CentreListAnswer":
        return tuple(("centre", c.id) for c in answer.centres)
    if name == "FieldListAnswer":
        return tuple(("field", f.id) for f, _count in answer.fields)
    if name == "SearchAnswer":
        return tuple(_ref(hit) for hit in answer.hits)
    return ()


def _legacy_responder(kb: Any, answers: Any) -> Responder:
    def ask(text: str) -> Observed:
        answer = answers.resolve_text(kb, text)
        message = answers.render(answer)
        return Observed(
            kind=_LEGACY_KINDS.get(type(answer).__name__, "search"),
            subjects=_legacy_subjects(answer),
            text=message_text(message.text, message.blocks),
        )

    return ask


def responder_for(kb: Any) -> Responder:
    """Asks whichever :mod:`bot.answers` is importable: the contract if it has one, else the
    pre-contract ``resolve_text`` (used to measure the baseline on an old checkout)."""
    answers = importlib.import_module("bot.answers")
    if hasattr(answers, "answer_question") and hasattr(answers, "outcome"):
        return _contract_responder(kb, answers)
    return _legacy_responder(kb, answers)


# --- scoring ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryResult:
    query: EvalQuery
    observed: Observed
    top1: bool | None
    """None where there is no entry to find (help, chat, out-of-domain, garbage)."""
    right: bool
    declined: bool
    problems: tuple[str, ...]

    def describe(self) -> str:
        why = "; ".join(self.problems) or "ok"
        where = f"[{self.query.kind}/{self.query.lang}] {self.query.text!r}"
        return f"{where}: {why} → {self.observed.summary()}"


_EntryNames = Mapping[Ref, tuple[str, ...]]


def entry_names(kb: Any) -> dict[Ref, tuple[str, ...]]:
    """Every entry's display names, to check that a direct answer to a name query names it."""
    names: dict[Ref, tuple[str, ...]] = {("cluster", "cluster"): (str(kb.cluster.name),)}
    for research_field in kb.fields.values():
        names[("field", research_field.id)] = (str(research_field.name),)
    for centre in kb.centres.values():
        spellings = [centre.name, centre.short_name, *centre.aliases]
        names[("centre", centre.id)] = tuple(str(s) for s in spellings if s)
    return names


def _top1(query: EvalQuery, observed: Observed, names: _EntryNames) -> tuple[bool | None, str]:
    expect = query.expect
    if expect.includes or expect.excludes:
        listed = set(observed.subjects)
        missing = [_ref_label(r) for r in expect.includes if r not in listed]
        extra = [_ref_label(r) for r in expect.excludes if r in listed]
        problems = []
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if extra:
            problems.append(f"should not list {', '.join(extra)}")
        return not problems, "; ".join(problems)
    if not expect.subjects:
        return None, ""
    if expect.unknown and observed.kind in DECLINED:
        return True, ""
    first = observed.subjects[0] if observed.subjects else None
    if first not in expect.subjects:
        wanted = " or ".join(_ref_label(r) for r in expect.subjects)
        got = _ref_label(first) if first else "nothing"
        return False, f"about {got}, expected {wanted}"
    if query.kind in NAME_KINDS and observed.kind == "direct":
        text = normalize_answer_text(observed.text)
        if not any(fact_present(name, text) for name in names.get(first, ())):
            return False, "direct answer does not name the entry"
    return True, ""


def _outcome_ok(query: EvalQuery, observed: Observed) -> bool:
    if observed.kind in query.expect.outcomes:
        return True
    # A name asks for the entry: a direct answer about it (naming it) is as good as its card.
    return query.kind in NAME_KINDS and observed.kind == "direct"


def score(query: EvalQuery, observed: Observed, names: _EntryNames) -> QueryResult:
    """How the bot did on one query."""
    problems: list[str] = []
    outcome_ok = _outcome_ok(query, observed)
    if not outcome_ok:
        problems.append(
            f"a {observed.kind} reply, expected {'/'.join(sorted(query.expect.outcomes))}"
        )
    top1, why = _top1(query, observed, names)
    if why:
        problems.append(why)
    text = normalize_answer_text(observed.text)
    facts_needed = not (query.expect.unknown and observed.kind in DECLINED)
    missing = [
        " | ".join(options)
        for options in query.facts
        if facts_needed and not any(fact_present(option, text) for option in options)
    ]
    if missing:
        problems.append(f"does not say {', '.join(repr(m) for m in missing)}")
    right = outcome_ok and top1 is not False and not missing
    return QueryResult(
        query=query,
        observed=observed,
        top1=top1,
        right=right,
        declined=observed.kind in DECLINED,
        problems=tuple(problems),
    )


@dataclass(frozen=True)
class KindScore:
    count: int
    top1: float | None
    right: float
    declined: float

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "count": self.count,
            "top1": self.top1,
            "right": self.right,
            "declined": self.declined,
        }


def _share(flags: Sequence[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def _kind_score(results: Sequence[QueryResult]) -> KindScore:
    tops = [r.top1 for r in results if r.top1 is not None]
    return KindScore(
        count=len(results),
        top1=_share(tops) if tops else None,
        right=_share([r.right for r in results]),
        declined=_share([r.declined for r in results]),
    )


@dataclass(frozen=True)
class Report:
    results: tuple[QueryResult, ...]
    per_kind: Mapping[str, KindScore] = field(init=False)

    def __post_init__(self) -> None:
        kinds = [k for k in KIND_ORDER if any(r.query.kind == k for r in self.results)]
        per_kind = {k: _kind_score([r for r in self.results if r.query.kind == k]) for k in kinds}
        object.__setattr__(self, "per_kind", per_kind)

    def of(self, kinds: frozenset[str]) -> tuple[QueryResult, ...]:
        return tuple(r for r in self.results if r.query.kind in kinds)

    @property
    def in_domain_top1(self) -> float:
        """Names, typos and questions: the expected entry first (lists: the right entries)."""
        tops = [r.top1 for r in self.of(NAME_KINDS | QUESTION_KINDS) if r.top1 is not None]
        return _share(tops)

    @property
    def answered_right(self) -> float:
        """Questions, help and chat: the expected kind of reply, right entry, every fact."""
        return _share([r.right for r in self.of(QUESTION_KINDS | CONVERSATION_KINDS)])

    @property
    def declined(self) -> float:
        """Out-of-domain and garbage honestly declined."""
        return _share([r.declined for r in self.of(DECLINE_KINDS)])

    @property
    def names_top1(self) -> float:
        """Names, abbreviations and typos: the entry's card (or a direct answer naming it)."""
        return _share([r.right for r in self.of(NAME_KINDS)])

    def failures(self, kinds: frozenset[str], *, check: str) -> list[str]:
        """Descriptions of the queries in ``kinds`` that fail ``check`` (top1/right/declined)."""
        failing = []
        for result in self.of(kinds):
            ok = {"top1": result.top1 is not False, "right": result.right}.get(
                check, result.declined
            )
            if not ok:
                failing.append(result.describe())
        return failing

    def headline(self) -> dict[str, float]:
        return {
            "in_domain_top1": self.in_domain_top1,
            "answered_right": self.answered_right,
            "declined": self.declined,
            "names_top1": self.names_top1,
        }

    def by_lang(self) -> dict[str, dict[str, float]]:
        """The headline numbers per language: Danish and Swedish must do as well as English."""
        return {
            lang: Report(results=tuple(r for r in self.results if r.query.lang == lang)).headline()
            for lang in sorted(LANGS)
            if any(r.query.lang == lang for r in self.results)
        }

    def of_lang(self, lang: str) -> list[QueryResult]:
        return [r for r in self.results if r.query.lang == lang]

    def reply_language(self) -> dict[str, float]:
        """Per language other than English: the share of its queries answered in it (in the
        query's ``reply`` language where it has one)."""
        return {
            lang: _share([r.observed.language == r.query.reply_lang for r in self.of_lang(lang)])
            for lang in sorted(LANGS - {"en"})
            if any(r.query.lang == lang for r in self.results)
        }

    def reply_language_failures(self) -> list[str]:
        """The Danish and Swedish queries answered in another language."""
        return [
            f"[{r.query.lang}] {r.query.text!r} answered in {r.observed.language}"
            for r in self.results
            if r.query.lang != "en" and r.observed.language != r.query.reply_lang
        ]

    def by_tag(self) -> dict[str, KindScore]:
        """Scores per tag (prose facts, long messages, comparisons …) of the blind split."""
        return {
            tag: _kind_score([r for r in self.results if tag in r.query.tags])
            for tag in sorted(TAGS)
            if any(tag in r.query.tags for r in self.results)
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "queries": len(self.results),
            "headline": self.headline(),
            "by_lang": self.by_lang(),
            "reply_language": self.reply_language(),
            "by_tag": {tag: score.as_dict() for tag, score in self.by_tag().items()},
            "per_kind": {kind: score.as_dict() for kind, score in self.per_kind.items()},
        }


def evaluate(queries: Sequence[EvalQuery], responder: Responder, *, kb: Any) -> Report:
    """Ask every query and score it; ``kb`` gives the entry names a direct answer must use."""
    names = entry_names(kb)
    return Report(results=tuple(score(q, _ask(responder, q.text), names) for q in queries))


def _ask(responder: Responder, text: str) -> Observed:
    """The reply, or an ``error`` outcome: a crash on one query is a wrong answer to it (the
    bot must never raise on user input), not the end of the measurement."""
    try:
        return responder(text)
    except Exception as error:  # any crash is scored, and shown, as this query's answer
        return Observed(kind="error", subjects=(), text=f"{type(error).__name__}: {error}")


def unknown_refs(queries: Iterable[EvalQuery], kb: Any) -> list[str]:
    """Entries the set names that the knowledge base does not have (a stale set)."""
    known = set(entry_names(kb))
    problems = []
    for query in queries:
        expect = query.expect
        for ref in (*expect.subjects, *expect.includes, *expect.excludes):
            if ref not in known:
                problems.append(f"{query.text!r}: {_ref_label(ref)}")
    return problems


def measure(data_dir: Path | None = None, query_set: Path = QUERIES) -> Report:
    """Load the KB (the importable bot's own data unless ``data_dir``) and score a set."""
    knowledge = importlib.import_module("bot.knowledge")
    kb = knowledge.load_knowledge_base(data_dir or knowledge.default_data_dir())
    return evaluate(load_queries(query_set), responder_for(kb), kb=kb)


def main() -> None:
    """Print the report as JSON (run against an old checkout to record a baseline); an
    argument names the set (``main`` or ``blind``)."""
    import sys

    name = sys.argv[1] if len(sys.argv) > 1 else "main"
    print(json.dumps(measure(query_set=QUERY_SETS[name]).as_dict(), indent=2))


if __name__ == "__main__":
    main()
