"""Slack's request signature, checked on the raw bytes before anything reads the request.

Slack signs every HTTP request with ``X-Slack-Signature: v0=<hex HMAC-SHA256>`` over
``v0:<timestamp>:<body>``. Anything that is not exactly that shape is refused outright rather
than handed to a parser, so a malformed header can never raise on the way to a reply.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from enum import StrEnum

__all__ = ["MAX_CLOCK_SKEW_SECONDS", "Refusal", "verify_signature"]

MAX_CLOCK_SKEW_SECONDS = 5 * 60
"""Slack's own replay window: older (or further in the future) requests are refused."""

_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


class Refusal(StrEnum):
    """Why a request was not verified: short enough for one log line, safe to log."""

    MISSING = "missing signature or timestamp"
    MALFORMED_TIMESTAMP = "malformed timestamp"
    MALFORMED_SIGNATURE = "malformed signature"
    STALE = "timestamp outside the 5-minute window"
    WRONG_SIGNATURE = "signature does not match"


def verify_signature(
    body: bytes,
    *,
    timestamp: str | None,
    signature: str | None,
    secret: bytes,
    now: float,
) -> Refusal | None:
    """None when ``body`` carries Slack's valid signature made at most 5 minutes from ``now``;
    otherwise the reason it does not. Never raises, whatever the headers hold."""
    if not timestamp or not signature:
        return Refusal.MISSING
    if _TIMESTAMP.fullmatch(timestamp) is None:
        return Refusal.MALFORMED_TIMESTAMP
    if _SIGNATURE.fullmatch(signature) is None:
        return Refusal.MALFORMED_SIGNATURE
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW_SECONDS:
        return Refusal.STALE
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        return Refusal.WRONG_SIGNATURE
    return None
