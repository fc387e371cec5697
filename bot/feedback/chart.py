"""The week's questions, answered against unanswered, as a PNG for the editors' App Home.

matplotlib is imported when a chart is drawn, not before: the web process, the console and
the command line start without it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from bot.answers.locale import localise
from bot.answers.locale.formats import format_short_day
from bot.feedback import phrases
from bot.feedback.summary import DayTotals

__all__ = ["ChartWords", "chart_words", "draw_week_chart"]


@dataclass(frozen=True)
class ChartWords:
    """What the chart says, in one language: its title, its legend and its days."""

    title: str
    answered: str
    not_answered: str
    days: tuple[str, ...]


def chart_words(days: Sequence[DayTotals], language: str = "en") -> ChartWords:
    """The chart's words in ``language``: what :func:`draw_week_chart` writes on it."""
    return ChartWords(
        title=localise(phrases.QUESTIONS_THIS_WEEK, language),
        answered=localise(phrases.ANSWERED, language),
        not_answered=localise(phrases.NOT_ANSWERED, language),
        days=tuple(format_short_day(day.day, language) for day in days),
    )


def draw_week_chart(days: Sequence[DayTotals], language: str = "en") -> bytes:
    """Stacked bars per day (answered, then unanswered on top), as PNG bytes, titled, labelled
    and dated in the editor's ``language``."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(6, 2.6), dpi=100)
    axes = figure.subplots()
    words = chart_words(days, language)
    labels = list(words.days)
    answered = [day.answered for day in days]
    unanswered = [day.unanswered for day in days]
    axes.bar(labels, answered, color="#1d4e89", label=words.answered)
    axes.bar(labels, unanswered, bottom=answered, color="#e07a1f", label=words.not_answered)
    axes.set_title(words.title)
    axes.legend(loc="upper left", frameon=False, fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
