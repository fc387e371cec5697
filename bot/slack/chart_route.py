"""GET /editors/chart.png: the week's questions answered against unanswered, as a PNG.

Only behind a link the App Home made for an editor: the query carries the workspace, an expiry,
the editor's language (not for English) and an HMAC of them (:mod:`bot.feedback.links`). A
forged, altered or expired link gets a 403 with nothing read from the database; a query no link
has (more fields than one carries) a 400. Nothing in the URL can make it fail with a 500.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Final
from urllib.parse import parse_qs

from bot.feedback.links import check_chart_query
from bot.feedback.summary import DayTotals, week_totals
from bot.services import Services

_MOST_FIELDS: Final = 5
"""A link has three fields; a query with more than this is refused before it is parsed whole."""

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

__all__ = ["serve_chart"]


@lru_cache(maxsize=32)
def _png(days: tuple[DayTotals, ...], language: str) -> bytes:
    from bot.feedback.chart import draw_week_chart

    return draw_week_chart(days, language)


def _text(start_response: StartResponse, status: str, text: str) -> Iterable[bytes]:
    data = text.encode()
    start_response(
        status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(data)))]
    )
    return [data]


def serve_chart(
    services: Services,
    environ: WSGIEnvironment,
    start_response: StartResponse,
    *,
    secret: bytes,
    now: float,
) -> Iterable[bytes]:
    """Answer one request for the chart (GET or HEAD)."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method not in {"GET", "HEAD"}:
        return _text(start_response, "405 Method Not Allowed", "GET only")
    try:
        query = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=_MOST_FIELDS)
    except ValueError:  # more fields than max_num_fields
        return _text(start_response, "400 Bad Request", "this is not a chart link")
    link = check_chart_query(secret, query, now=now)
    if link is None:
        return _text(start_response, "403 Forbidden", "this chart link is invalid or has expired")
    today = datetime.fromtimestamp(now, UTC).date()
    with services.database.sessions() as session:
        days = week_totals(session, team_id=link.team_id, today=today)
    png = _png(tuple(days), link.language)
    start_response(
        "200 OK",
        [
            ("Content-Type", "image/png"),
            ("Content-Length", str(len(png))),
            ("Cache-Control", "private, max-age=300"),
        ],
    )
    return [] if method == "HEAD" else [png]
