"""The App Home, built here only: the overview of fields and centres with the language choice
and the person's weekly spotlights, one entry with a way back, and the "Editors" section for the
people in ``MEDICON_EDITORS`` (the report's summary for their workspace and the week's chart).

Pure: :mod:`bot.slack.home` reads what it shows. Everything people typed is escaped and cut
short; no user id is shown next to a question (none is stored).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from babel.numbers import format_percent
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    ExternalDataSelectElement,
    HeaderBlock,
    ImageBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from bot.answers import answer_for, render
from bot.answers.locale import Phrase, localise, localise_code
from bot.answers.locale import ui as words
from bot.answers.locale.formats import CLDR_LOCALES
from bot.answers.render.mrkdwn import escape, truncate
from bot.answers.render.render import entry_button
from bot.answers.resolve.facts import year_phrase
from bot.feedback.summary import Summary
from bot.knowledge import EntryRef, KnowledgeBase
from bot.slack import phrases
from bot.slack.surface import HOME_BACK, HOME_ENTRY_SEARCH, HOME_LANGUAGE, HOME_NAV_BLOCK
from bot.slack.views.replies import INTRO
from bot.slack.views.spotlight import setup_button
from bot.storage.preferences import AUTOMATIC

__all__ = ["EditorsView", "editors_section", "home_view"]

_SHOWN: Final = 5
_HOW_TO_ASK: Final = Phrase(
    "*How to ask:* type `/medicon cancer`, `/medicon LUDC`, `/medicon stats` "
    "or `/medicon help` in any channel, or send me a direct message."
)
_FIND_ENTRY: Final = Phrase("Find a field or centre…")
_YOUR_SPOTLIGHTS: Final = Phrase("Your weekly spotlights")
_ALL_FIELDS: Final = Phrase("← All fields")
_LANGUAGE: Final = Phrase(
    "*Language:* questions are answered in their own language; everything else in this one."
)
_AUTOMATIC: Final = Phrase("Automatic")
_LANGUAGE_NAMES: Final = {"en": "English", "da": "Dansk", "sv": "Svenska"}
"""Each language by its own name, the same in every language (people look for their own)."""
_HOME_BLOCKS: Final = 100


def _entry_search(language: str) -> ExternalDataSelectElement:
    """A type-ahead over every field and centre (options from the app: no 100-option cap)."""
    return ExternalDataSelectElement(
        placeholder=localise(_FIND_ENTRY, language),
        action_id=HOME_ENTRY_SEARCH,
        min_query_length=0,
    )


def _language_select(language: str, chosen: str | None) -> SectionBlock:
    """The person's language choice: automatic (each question's own), English, dansk, svenska."""
    options = [Option(value=AUTOMATIC, text=localise(_AUTOMATIC, language))]
    options += [Option(value=code, text=name) for code, name in _LANGUAGE_NAMES.items()]
    initial = next((o for o in options if o.value == (chosen or AUTOMATIC)), options[0])
    return SectionBlock(
        text=MarkdownTextObject(text=localise(_LANGUAGE, language)),
        accessory=StaticSelectElement(
            action_id=HOME_LANGUAGE, options=options, initial_option=initial
        ),
    )


def _overview_blocks(kb: KnowledgeBase, language: str, chosen: str | None) -> list[dict[str, Any]]:
    blocks: list[Any] = [
        HeaderBlock(text=PlainTextObject(text="Medicon Bot")),
        SectionBlock(text=MarkdownTextObject(text=localise(INTRO, language))),
        SectionBlock(text=MarkdownTextObject(text=localise(_HOW_TO_ASK, language))),
        _language_select(language, chosen),
        DividerBlock(),
    ]
    for research_field in kb.fields.values():
        numbers = " · ".join(
            escape(
                f"{localise_code(stat.display_value, 'value', language)}{stat.unit_suffix}"
                f" ({localise(year_phrase(stat), language)})"
            )
            for stat in research_field.stats[:2]
        )
        title = (
            f"{research_field.emoji} {research_field.name}"
            if research_field.emoji
            else research_field.name
        )
        text = f"*{escape(title)}*" + (f"\n{truncate(numbers, 2500)}" if numbers else "")
        blocks.append(
            SectionBlock(text=MarkdownTextObject(text=text), accessory=entry_button(research_field))
        )
    blocks.append(DividerBlock())
    blocks.append(
        SectionBlock(
            text=MarkdownTextObject(text=f"*{localise(words.CENTRES_AND_PROGRAMMES, language)}*"),
            accessory=_entry_search(language),
        )
    )
    return [*(block.to_dict() for block in blocks), setup_button(language)]


def _subscription_blocks(
    subscriptions: Sequence[tuple[str, Sequence[str]]], language: str
) -> list[dict[str, Any]]:
    if not subscriptions:
        return []
    blocks: list[Any] = [
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=f"*{localise(_YOUR_SPOTLIGHTS, language)}*")),
    ]
    for channel_id, lines in subscriptions[:10]:
        text = f"<#{escape(channel_id)}>\n" + "\n".join(lines)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=truncate(text, 3000))))
    return [block.to_dict() for block in blocks]


def home_view(
    kb: KnowledgeBase,
    *,
    showing: EntryRef | None = None,
    subscriptions: Sequence[tuple[str, Sequence[str]]] = (),
    language: str | None = None,
    editors: EditorsView | None = None,
) -> dict[str, Any]:
    """The App Home tab: fields with headline numbers and the user's spotlight subscriptions
    (channel id, description lines), or one entry with a way back. ``language`` is the one the
    person chose (None: automatic, which is English here: the App Home has no question).
    ``editors``: the editors' section, last and kept whole within Slack's 100 blocks."""
    said = language or "en"
    if showing is None:
        blocks = [
            *_overview_blocks(kb, said, language),
            *_subscription_blocks(subscriptions, said),
        ]
    else:
        back_button = ButtonElement(
            text=localise(_ALL_FIELDS, said), action_id=HOME_BACK, value="home"
        )
        back = ActionsBlock(block_id=HOME_NAV_BLOCK, elements=[back_button]).to_dict()
        answer = render(answer_for(kb, showing), locale=said)
        blocks = [back, *answer.blocks]
    if editors is not None:
        section = editors_section(editors, said)
        blocks = [*blocks[: _HOME_BLOCKS - len(section)], *section]
    return {"type": "home", "blocks": blocks[:_HOME_BLOCKS]}


# --- the editors' section ----------------------------------------------------------------------


def _lines(title: str, lines: list[str], empty: str) -> dict[str, Any]:
    body = "\n".join(lines) if lines else f"_{empty}_"
    return SectionBlock(
        text=MarkdownTextObject(text=truncate(f"*{title}*\n{body}", 3000))
    ).to_dict()


def _summary_blocks(summary: Summary, language: str) -> list[dict[str, Any]]:
    def said(phrase: str) -> str:
        return localise(phrase, language)

    unanswered = [
        f"• {escape(truncate(q.text, 150))} ({q.count}×)" for q in summary.unanswered[:_SHOWN]
    ]
    least = [
        f"• {escape(truncate(a.question, 120))} → `{escape(a.entry or '-')}` "
        f"({said(phrases.N_NOT_HELPFUL.format(count=a.not_helpful))})"
        + (f": _{escape(truncate(a.missing[0], 100))}_" if a.missing else "")
        for a in summary.least_helpful[:_SHOWN]
    ]
    suggestions = [
        f"• {escape(truncate(s.text, 150))}"
        + (f" ({escape(truncate(s.url, 200))})" if s.url else "")
        for s in summary.suggestions[:_SHOWN]
    ]
    rates = [
        f"• `{escape(f.entry or '-')}`: "
        + said(
            phrases.HELPFUL_RATE.format(
                rate=format_percent(f.helpful_rate, locale=CLDR_LOCALES.get(language, "en_GB")),
                helpful=f.helpful,
                total=f.helpful + f.not_helpful,
            )
        )
        for f in sorted(summary.feedback, key=lambda f: f.helpful_rate)[:_SHOWN]
    ]
    return [
        _lines(said(phrases.TOP_UNANSWERED), unanswered, said(phrases.NOTHING_UNANSWERED)),
        _lines(said(phrases.VOTED_NOT_HELPFUL), least, said(phrases.NONE_NOT_HELPFUL)),
        _lines(said(phrases.SUGGESTED_ADDITIONS), suggestions, said(phrases.NO_SUGGESTIONS)),
        _lines(said(phrases.LOWEST_RATES), rates, said(phrases.NO_VOTES)),
    ]


@dataclass(frozen=True)
class EditorsView:
    """What the editors' section shows: the report's summary for the workspace (the last 30
    days) and a signed link to the week's chart (None: this deployment cannot sign one)."""

    summary: Summary
    chart_url: str | None


def editors_section(editors: EditorsView, language: str = "en") -> list[dict[str, Any]]:
    """The "Editors" section's blocks, in the editor's ``language``."""
    blocks: list[dict[str, Any]] = [
        DividerBlock().to_dict(),
        HeaderBlock(text=PlainTextObject(text=localise(phrases.EDITORS, language))).to_dict(),
        ContextBlock(
            elements=[MarkdownTextObject(text=localise(phrases.LAST_30_DAYS, language))]
        ).to_dict(),
        *_summary_blocks(editors.summary, language),
    ]
    if editors.chart_url is not None:
        blocks.append(
            ImageBlock(
                image_url=editors.chart_url,
                alt_text=localise(phrases.CHART_ALT, language),
                title=PlainTextObject(text=localise(phrases.CHART_TITLE, language)),
            ).to_dict()
        )
    else:
        blocks.append(
            ContextBlock(
                elements=[MarkdownTextObject(text=localise(phrases.SET_PUBLIC_URL, language))]
            ).to_dict()
        )
    return blocks
