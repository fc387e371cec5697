"""The "Editors" section of an editor's App Home: the report's summary for their workspace,
and the week's chart behind a signed link that expires.

Shown to the user ids in ``MEDICON_EDITORS`` only. Everything people typed is escaped and cut
short; no user id is shown next to a question (none is stored).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final

from babel.numbers import format_percent
from slack_sdk.models.blocks import (
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    ImageBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answers.locale import localise
from bot.answers.locale.formats import CLDR_LOCALES
from bot.answers.mrkdwn import escape, truncate
from bot.feedback.links import chart_query
from bot.feedback.summary import Summary, summarise
from bot.services import Services
from bot.slack import phrases
from bot.slack.surface import CHART_PATH

__all__ = ["LINK_LIFETIME", "chart_url", "editor_blocks"]

LINK_LIFETIME: Final = timedelta(days=1)
"""The home is published again whenever it is opened, so a day is plenty."""
_PERIOD: Final = timedelta(days=30)
_SHOWN: Final = 5


def chart_url(services: Services, *, team_id: str, now: datetime) -> str | None:
    """A link to ``team_id``'s chart valid for :data:`LINK_LIFETIME`, or None when this
    deployment has no public URL (``MEDICON_PUBLIC_URL``) or no signing secret."""
    settings = services.settings
    if settings.public_url is None or settings.slack_signing_secret is None:
        return None
    secret = settings.slack_signing_secret.get_secret_value().encode()
    expires = int((now + LINK_LIFETIME).timestamp())
    base = str(settings.public_url).rstrip("/")
    return f"{base}{CHART_PATH}?{chart_query(secret, team_id=team_id, expires=expires)}"


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


def editor_blocks(
    services: Services, *, team_id: str, language: str = "en"
) -> list[dict[str, Any]]:
    """The section's blocks for ``team_id`` (the last 30 days; the chart: the last 7), in the
    editor's ``language``."""
    now = services.now()
    with services.database.sessions() as session:
        summary = summarise(session, since=now - _PERIOD, team_id=team_id, limit=_SHOWN)
    blocks: list[dict[str, Any]] = [
        DividerBlock().to_dict(),
        HeaderBlock(text=PlainTextObject(text=localise(phrases.EDITORS, language))).to_dict(),
        ContextBlock(
            elements=[MarkdownTextObject(text=localise(phrases.LAST_30_DAYS, language))]
        ).to_dict(),
        *_summary_blocks(summary, language),
    ]
    url = chart_url(services, team_id=team_id, now=now)
    if url is not None:
        blocks.append(
            ImageBlock(
                image_url=url,
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
