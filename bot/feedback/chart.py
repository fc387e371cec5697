"""The week's questions, answered against unanswered, as a PNG for the editors' App Home.

matplotlib is imported when a chart is drawn, not before: the web process, the console and
the command line start without it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.feedback.summary import DayTotals

__all__ = ["draw_week_chart"]


def draw_week_chart(days: Sequence[DayTotals]) -> bytes:
    """Stacked bars per day (answered, then unanswered on top), as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(6, 2.6), dpi=100)
    axes = figure.subplots()
    labels = [day.day.strftime("%a %d") for day in days]
    answered = [day.answered for day in days]
    unanswered = [day.unanswered for day in days]
    axes.bar(labels, answered, color="#1d4e89", label="answered")
    axes.bar(labels, unanswered, bottom=answered, color="#e07a1f", label="not answered")
    axes.set_title("Questions this week")
    axes.legend(loc="upper left", frameon=False, fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
