"""The two feedback modals, reading what was submitted in them, and the editors' channel post.

What people type is cleaned and capped here (:mod:`bot.text`; the fields' own limits say so in
Slack's UI too) and escaped wherever it is shown back in mrkdwn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from slack_sdk.models.blocks import MarkdownTextObject, SectionBlock

from bot.answers.locale import localise
from bot.answers.render.feedback_blocks import AnswerRef
from bot.answers.render.mrkdwn import escape, truncate
from bot.answers.render.render import Message
from bot.feedback.text import NOTE_LIMIT, QUESTION_LIMIT, URL_LIMIT, cap
from bot.slack import phrases
from bot.slack.surface import (
    FEEDBACK_INPUT,
    MISSING_BLOCK,
    NOT_HELPFUL_VIEW,
    SUGGEST_NOTE_BLOCK,
    SUGGEST_URL_BLOCK,
    SUGGEST_WHAT_BLOCK,
    SUGGESTION_VIEW,
)
from bot.text import LINE_LIMIT, clean_line, clean_lines

__all__ = [
    "MISSING_BLOCK",
    "SUGGEST_NOTE_BLOCK",
    "SUGGEST_URL_BLOCK",
    "SUGGEST_WHAT_BLOCK",
    "Suggestion",
    "editors_post",
    "missing_from",
    "not_helpful_modal",
    "suggestion_from",
    "suggestion_modal",
]

BAD_URL: Final = str(phrases.BAD_URL)


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text, "emoji": True}


def _input(
    block_id: str,
    label: str,
    *,
    limit: int,
    optional: bool,
    multiline: bool = False,
    initial: str = "",
    placeholder: str = "",
) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": FEEDBACK_INPUT,
        "max_length": limit,
        "multiline": multiline,
    }
    if initial:
        element["initial_value"] = initial[:limit]
    if placeholder:
        element["placeholder"] = _plain(placeholder)
    return {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": _plain(label),
        "element": element,
    }


def _modal(
    callback_id: str, title: str, ref: AnswerRef, blocks: list[dict[str, Any]], language: str
) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": callback_id,
        "title": _plain(title[:24]),
        "submit": _plain(localise(phrases.SEND, language)),
        "close": _plain(localise(phrases.CANCEL, language)),
        "private_metadata": ref.encode(),
        "blocks": blocks,
    }


def not_helpful_modal(ref: AnswerRef, language: str = "en") -> dict[str, Any]:
    """ "What was missing?" after a "Not helpful" vote: one optional line, in ``language``."""
    intro = SectionBlock(
        text=MarkdownTextObject(text=localise(phrases.VOTE_NOTED, language))
    ).to_dict()
    field = _input(
        MISSING_BLOCK,
        localise(phrases.WHAT_WAS_MISSING, language),
        limit=QUESTION_LIMIT,
        optional=True,
        placeholder=localise(phrases.MISSING_EXAMPLE, language),
    )
    title = localise(phrases.NOT_HELPFUL_TITLE, language)
    return _modal(NOT_HELPFUL_VIEW, title, ref, [intro, field], language)


def suggestion_modal(ref: AnswerRef, language: str = "en") -> dict[str, Any]:
    """ "Suggest an addition" after an "I don't know": what, a source URL and a note, in
    ``language``."""
    return _modal(
        SUGGESTION_VIEW,
        localise(phrases.SUGGEST_TITLE, language),
        ref,
        [
            _input(
                SUGGEST_WHAT_BLOCK,
                localise(phrases.WHAT_IS_MISSING, language),
                limit=QUESTION_LIMIT,
                optional=False,
                initial=ref.question,
            ),
            _input(
                SUGGEST_URL_BLOCK,
                localise(phrases.SOURCE_URL, language),
                limit=URL_LIMIT,
                optional=True,
                placeholder="https://…",
            ),
            _input(
                SUGGEST_NOTE_BLOCK,
                localise(phrases.NOTE, language),
                limit=NOTE_LIMIT,
                optional=True,
                multiline=True,
            ),
        ],
        language,
    )


def _value(view: dict[str, Any], block_id: str) -> str:
    state = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    value = (state.get(FEEDBACK_INPUT) or {}).get("value")
    return value if isinstance(value, str) else ""


def missing_from(view: dict[str, Any]) -> str:
    """The "what was missing?" line, capped ("" when left empty)."""
    return cap(_value(view, MISSING_BLOCK), QUESTION_LIMIT)


@dataclass(frozen=True)
class Suggestion:
    text: str
    url: str | None
    note: str | None


def _is_web_address(url: str) -> bool:
    if any(character.isspace() for character in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(host) and "." in (host or "")


def suggestion_from(view: dict[str, Any], language: str = "en") -> Suggestion | dict[str, str]:
    """The suggestion in a submitted modal, or field errors (block id → message) to show, in
    ``language``."""
    text = cap(_value(view, SUGGEST_WHAT_BLOCK), QUESTION_LIMIT)
    url = clean_line(_value(view, SUGGEST_URL_BLOCK), limit=LINE_LIMIT)
    note = clean_lines(_value(view, SUGGEST_NOTE_BLOCK), limit=NOTE_LIMIT)
    errors: dict[str, str] = {}
    if not text:
        errors[SUGGEST_WHAT_BLOCK] = localise(phrases.SAY_WHAT_IS_MISSING, language)
    if url and (len(url) > URL_LIMIT or not _is_web_address(url)):
        errors[SUGGEST_URL_BLOCK] = localise(phrases.BAD_URL, language)
    if errors:
        return errors
    return Suggestion(text=text, url=url or None, note=note or None)


def editors_post(suggestion: Suggestion, *, user_id: str, language: str = "en") -> Message:
    """The suggestion as posted in the editors' channel, naming who made it so an editor can
    follow up, in the language it was suggested in (the suggester's, as the modal was). The
    question they had asked is left out: who asked what is never kept."""

    def said(phrase: str, **values: str) -> str:
        return localise(phrase.format(**values), language)

    lines = [
        said(phrases.SUGGESTED_ADDITION_FROM, person=f"<@{escape(user_id)}>"),
        f">{escape(suggestion.text)}",
    ]
    if suggestion.url:
        lines.append(said(phrases.SUGGESTION_SOURCE, url=escape(suggestion.url)))
    if suggestion.note:
        lines.append(said(phrases.SUGGESTION_NOTE, note=escape(suggestion.note)))
    section = SectionBlock(text=MarkdownTextObject(text=truncate("\n".join(lines), 3000)))
    return Message(
        text=truncate(said(phrases.SUGGESTED_ADDITION, text=escape(suggestion.text)), 3000),
        blocks=(section.to_dict(),),
    )
