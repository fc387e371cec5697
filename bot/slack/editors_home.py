"""The "Editors" section of an editor's App Home: the report's summary for their workspace,
and the week's chart behind a signed link that expires.

Shown to the user ids in ``MEDICON_EDITORS`` only. Everything people typed is escaped and cut
short; no user id is shown next to a question (none is stored).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final

from slack_sdk.models.blocks import (
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    ImageBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answers.render.mrkdwn import escape, truncate
from bot.feedback.links import chart_query
from bot.feedback.summary import Summary, summarise
from bot.services import Services
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


def _summary_blocks(summary: Summary) -> list[dict[str, Any]]:
    unanswered = [
        f"• {escape(truncate(q.text, 150))} ({q.count}×)" for q in summary.unanswered[:_SHOWN]
    ]
    least = [
        f"• {escape(truncate(a.question, 120))} → `{escape(a.entry or '-')}` "
        f"({a.not_helpful} not helpful)"
        + (f": _{escape(truncate(a.missing[0], 100))}_" if a.missing else "")
        for a in summary.least_helpful[:_SHOWN]
    ]
    suggestions = [
        f"• {escape(truncate(s.text, 150))}"
        + (f" ({escape(truncate(s.url, 200))})" if s.url else "")
        for s in summary.suggestions[:_SHOWN]
    ]
    rates = [
        f"• `{escape(f.entry or '-')}`: {f.helpful_rate:.0%} helpful "
        f"({f.helpful} of {f.helpful + f.not_helpful})"
        for f in sorted(summary.feedback, key=lambda f: f.helpful_rate)[:_SHOWN]
    ]
    return [
        _lines("Top unanswered questions", unanswered, "Nothing went unanswered."),
        _lines("Answers voted not helpful", least, "No answer was voted not helpful."),
        _lines("Suggested additions", suggestions, "No suggestions yet."),
        _lines("Lowest helpful rates", rates, "No votes yet."),
    ]


def editor_blocks(services: Services, *, team_id: str) -> list[dict[str, Any]]:
    """The section's blocks for ``team_id`` (the last 30 days; the chart: the last 7)."""
    now = services.now()
    with services.database.sessions() as session:
        summary = summarise(session, since=now - _PERIOD, team_id=team_id, limit=_SHOWN)
    blocks: list[dict[str, Any]] = [
        DividerBlock().to_dict(),
        HeaderBlock(text=PlainTextObject(text="Editors")).to_dict(),
        ContextBlock(
            elements=[
                MarkdownTextObject(
                    text="The last 30 days in this workspace. The full report: "
                    "`medicon-bot report`."
                )
            ]
        ).to_dict(),
        *_summary_blocks(summary),
    ]
    url = chart_url(services, team_id=team_id, now=now)
    if url is not None:
        blocks.append(
            ImageBlock(
                image_url=url,
                alt_text="Questions answered and not answered, per day this week",
                title=PlainTextObject(text="This week's questions"),
            ).to_dict()
        )
    else:
        blocks.append(
            ContextBlock(
                elements=[
                    MarkdownTextObject(text="Set MEDICON_PUBLIC_URL to see this week's chart here.")
                ]
            ).to_dict()
        )
    return blocks
