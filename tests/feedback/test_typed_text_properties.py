"""Whatever people type (arbitrary Unicode: NUL, C1 controls, bidi overrides, lone surrogates),
each place it is stored keeps it on both databases, and each place it is shown stays in bounds
(a button value) or obeys nothing (a terminal).

Hypothesis draws the text; each database property runs its examples against one opened database
(the ``database`` fixture: SQLite, then PostgreSQL), each example in a workspace of its own.
"""

from __future__ import annotations

import io
import json
import re
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from bot.answers import answer_question, render
from bot.answers.render.feedback_blocks import VALUE_LIMIT, AnswerRef
from bot.cli.report import show_report
from bot.cli.terminal import message_to_renderable, terminal_json
from bot.feedback.question_log import QuestionLog
from bot.feedback.summary import Summary
from bot.feedback.text import NOTE_LIMIT, QUESTION_LIMIT, answer_key, normalise_question
from bot.knowledge import KnowledgeBase, load_knowledge_base
from bot.slack.views.feedback import (
    MISSING_BLOCK,
    SUGGEST_NOTE_BLOCK,
    SUGGEST_URL_BLOCK,
    SUGGEST_WHAT_BLOCK,
    Suggestion,
    missing_from,
    suggestion_from,
)
from bot.slack.views.replies import command_reply, conversation_reply
from bot.storage import Database
from bot.storage.feedback import (
    AnswerFeedback,
    EntryFeedback,
    least_helpful_answers,
    note_missing,
    record_vote,
)
from bot.storage.questions import UnansweredQuestion, daily_counts, top_unanswered
from bot.storage.suggestions import SuggestionRecord, add_suggestion, recent_suggestions
from bot.text import LINE_LIMIT, clean_line, is_unsafe

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
LONG_AGO = NOW - timedelta(days=1)

TYPED = st.text(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),  # lone surrogates included
        st.sampled_from('\x00\x1b\x9b\u202e\u2066\r\n\t"\\'),
    ),
    max_size=700,
)
"""What a person can put in a Slack text field, and then some."""

MODEST = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base(Path(__file__).resolve().parents[2] / "data")


def _workspace() -> str:
    return f"T{uuid.uuid4().hex[:10].upper()}"


_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _storable(text: str) -> bool:
    """Nothing PostgreSQL refuses (NUL), nothing that cannot be encoded (a lone surrogate), no
    control character but a newline or tab, no bidi override."""
    return _DROPPED.search(text) is None


def _submitted(**values: str) -> dict[str, Any]:
    return {
        "state": {"values": {block: {"input": {"value": value}} for block, value in values.items()}}
    }


def test_any_questions_are_counted_and_kept_whole(database: Database) -> None:
    log = QuestionLog(database, enabled=True, now=lambda: NOW, flush_every=3600)

    @MODEST
    @given(questions=st.lists(TYPED, min_size=1, max_size=8), answered=st.booleans())
    def batch(questions: list[str], answered: bool) -> None:
        team = _workspace()
        for question in questions:
            log.note(team_id=team, surface="dm", question=question, answered=answered)
        assert log.flush() > 0  # the database took the batch
        with database.sessions() as session:
            stored = top_unanswered(session, since=LONG_AGO, team_id=team, limit=50)
            days = daily_counts(session, team_id=team, first_day=NOW.date(), last_day=NOW.date())
        expected = Counter(normalise_question(q) for q in questions)
        expected.pop("", None)
        assert {q.text: q.count for q in stored} == ({} if answered else dict(expected))
        assert days[NOW.date()] == ((len(questions), 0) if answered else (0, len(questions)))
        for kept in stored:
            assert len(kept.text) <= QUESTION_LIMIT
            assert _storable(kept.text)

    try:
        batch()
    finally:
        log.close()


def test_any_suggestion_is_stored_as_read_or_refused_with_field_errors(
    database: Database,
) -> None:
    @MODEST
    @given(
        what=TYPED,
        url=st.one_of(st.just(""), TYPED, TYPED.map(lambda path: f"https://example.org/{path}")),
        note=TYPED,
        asked=TYPED,
    )
    def suggest(what: str, url: str, note: str, asked: str) -> None:
        view = _submitted(
            **{SUGGEST_WHAT_BLOCK: what, SUGGEST_URL_BLOCK: url, SUGGEST_NOTE_BLOCK: note}
        )
        suggestion = suggestion_from(view)
        if not isinstance(suggestion, Suggestion):
            assert set(suggestion) <= {SUGGEST_WHAT_BLOCK, SUGGEST_URL_BLOCK}
            return
        ref = AnswerRef.decode(AnswerRef(asked, None, "dm").encode())
        assert ref is not None
        team = _workspace()
        with database.sessions() as session:
            add_suggestion(
                session,
                team_id=team,
                text=suggestion.text,
                url=suggestion.url,
                note=suggestion.note,
                question=normalise_question(ref.question) or None,
                now=NOW,
            )
            (stored,) = recent_suggestions(session, since=LONG_AGO, team_id=team)
        assert (stored.text, stored.url, stored.note) == (
            suggestion.text,
            suggestion.url,
            suggestion.note,
        )
        assert stored.text
        assert len(stored.text) <= QUESTION_LIMIT
        assert stored.note is None or len(stored.note) <= NOTE_LIMIT
        for text in (stored.text, stored.url or "", stored.note or "", stored.question or ""):
            assert _storable(text)
        assert "\n" not in stored.text + (stored.url or "")

    suggest()


def test_any_note_on_a_not_helpful_vote_is_kept(database: Database) -> None:
    @MODEST
    @given(asked=TYPED, missing=TYPED)
    def vote(asked: str, missing: str) -> None:
        ref = AnswerRef.decode(AnswerRef(asked, "field:cancer", "slash").encode())
        assert ref is not None
        question = normalise_question(ref.question)
        key = answer_key(entry=ref.entry, question=question)
        team = _workspace()
        typed = missing_from(_submitted(**{MISSING_BLOCK: missing}))
        with database.sessions() as session:
            record_vote(
                session,
                team_id=team,
                voter="v" * 64,
                answer_key=key,
                entry=ref.entry,
                question=question,
                surface=ref.surface,
                helpful=False,
                now=NOW,
            )
            if typed:
                assert note_missing(
                    session, team_id=team, voter="v" * 64, answer_key=key, missing=typed, now=NOW
                )
            (answer,) = least_helpful_answers(session, since=LONG_AGO, team_id=team)
        assert answer.question == question
        assert answer.missing == ((typed,) if typed else ())
        for text in (answer.question, *answer.missing):
            assert _storable(text)

    vote()


def test_any_question_gets_buttons_within_slacks_limit(kb: KnowledgeBase) -> None:
    @MODEST
    @given(typed=TYPED.map(lambda text: "ludc " + text))
    def reply(typed: str) -> None:
        # Typed text is cleaned at the edge; a button must stay within bounds even without it.
        for text in (typed, clean_line(typed, limit=LINE_LIMIT)):
            for message in (command_reply(kb, text), conversation_reply(kb, text)):
                for block in message.blocks:
                    for element in block.get("elements", []):
                        value = element.get("value")
                        if value is None:
                            continue
                        assert len(value) <= VALUE_LIMIT
                        if element["action_id"].startswith(("feedback_", "suggest_")):
                            decoded = AnswerRef.decode(value)
                            assert decoded is not None
                            assert _storable(decoded.question)
                json.dumps(message.as_dict()).encode("utf-8")

    reply()


def _obeyed(output: str) -> list[str]:
    return sorted({c for c in output if c != "\n" and is_unsafe(c)})


def test_the_report_shows_any_stored_text_without_a_terminal_obeying_it(
    kb: KnowledgeBase,
) -> None:
    @MODEST
    @given(texts=st.lists(TYPED, min_size=5, max_size=5))
    def show(texts: list[str]) -> None:
        question, missing, what, url, note = texts
        summary = Summary(
            since=LONG_AGO,
            unanswered=(UnansweredQuestion(question, 2, NOW, NOW),),
            feedback=(EntryFeedback(f"field:{question}", 1, 1),),
            least_helpful=(AnswerFeedback(question, f"centre:{what}", 1, (missing, note)),),
            suggestions=(SuggestionRecord(what, url, note, question, NOW),),
        )
        for as_json in (False, True):
            buffer = io.StringIO()
            out = Console(file=buffer, highlight=False, width=100)
            show_report(summary, kb=kb, out=out, period="30d", as_json=as_json)
            printed = buffer.getvalue()
            assert _obeyed(printed) == []
            if as_json:
                assert json.loads(printed) == summary.as_json()

    show()


def test_an_answer_printed_in_a_terminal_obeys_nothing_typed(kb: KnowledgeBase) -> None:
    @MODEST
    @given(typed=TYPED)
    def ask(typed: str) -> None:
        buffer = io.StringIO()
        out = Console(file=buffer, highlight=False, width=100)
        message = render(answer_question(kb, typed), prefix="")
        out.print(message_to_renderable(message))
        assert _obeyed(buffer.getvalue()) == []
        assert _obeyed(terminal_json(message.as_dict())) == []

    ask()
