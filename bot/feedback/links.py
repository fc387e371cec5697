"""Unguessable, expiring links to a workspace's chart: an HMAC of the workspace and expiry.

The key is derived from the signing secret, so only this deployment can make a link and no
link outlives its expiry. A link reveals no user and no question: only the week's counts.
"""

from __future__ import annotations

import hashlib
import hmac
from urllib.parse import urlencode

__all__ = ["chart_query", "check_chart_query"]

_PURPOSE = b"medicon-editors-chart"


def _signature(secret: bytes, team_id: str, expires: int) -> str:
    key = hmac.new(secret, _PURPOSE, hashlib.sha256).digest()
    return hmac.new(key, f"{team_id}:{expires}".encode(), hashlib.sha256).hexdigest()


def chart_query(secret: bytes, *, team_id: str, expires: int) -> str:
    """The query string of a link to ``team_id``'s chart valid until ``expires`` (Unix s)."""
    return urlencode(
        {"team": team_id, "expires": expires, "sig": _signature(secret, team_id, expires)}
    )


def check_chart_query(secret: bytes, query: dict[str, list[str]], *, now: float) -> str | None:
    """The workspace a link is for, or None when it is forged, altered, malformed or expired."""
    try:
        (team_id,) = query["team"]
        (expires_text,) = query["expires"]
        (signature,) = query["sig"]
        expires = int(expires_text)
    except (KeyError, ValueError):
        return None
    expected = _signature(secret, team_id, expires)
    # Compared as bytes: compare_digest refuses a str that is not ASCII.
    if not hmac.compare_digest(expected.encode(), signature.encode()) or expires < now:
        return None
    return team_id
