"""Unguessable, expiring links to a workspace's chart: an HMAC of the workspace, the expiry and
the language the chart is drawn in (an English link carries no language, as before).

The key is derived from the signing secret, so only this deployment can make a link and no
link outlives its expiry. A link reveals no user and no question: only the week's counts.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import NamedTuple
from urllib.parse import urlencode

__all__ = ["ChartLink", "chart_query", "check_chart_query"]

_LANGUAGES = frozenset({"da", "sv"})
"""The languages a link may name besides English (which it says by naming none)."""


class ChartLink(NamedTuple):
    """What a valid link is for: a workspace's chart, in a language."""

    team_id: str
    language: str


_PURPOSE = b"medicon-editors-chart"


def _signature(secret: bytes, team_id: str, expires: int, language: str) -> str:
    key = hmac.new(secret, _PURPOSE, hashlib.sha256).digest()
    signed = f"{team_id}:{expires}" + (f":{language}" if language in _LANGUAGES else "")
    return hmac.new(key, signed.encode(), hashlib.sha256).hexdigest()


def chart_query(secret: bytes, *, team_id: str, expires: int, language: str = "en") -> str:
    """The query string of a link to ``team_id``'s chart valid until ``expires`` (Unix s),
    drawn in ``language``."""
    fields: dict[str, str | int] = {"team": team_id, "expires": expires}
    if language in _LANGUAGES:
        fields["lang"] = language
    fields["sig"] = _signature(secret, team_id, expires, language)
    return urlencode(fields)


def check_chart_query(
    secret: bytes, query: dict[str, list[str]], *, now: float
) -> ChartLink | None:
    """The workspace and language a link is for, or None when it is forged, altered (its
    language too), malformed or expired."""
    try:
        (team_id,) = query["team"]
        (expires_text,) = query["expires"]
        (signature,) = query["sig"]
        (language,) = query.get("lang", ["en"])
        expires = int(expires_text)
    except (KeyError, ValueError):
        return None
    if language != "en" and language not in _LANGUAGES:
        return None
    expected = _signature(secret, team_id, expires, language)
    # Compared as bytes: compare_digest refuses a str that is not ASCII.
    if not hmac.compare_digest(expected.encode(), signature.encode()) or expires < now:
        return None
    return ChartLink(team_id, language)
