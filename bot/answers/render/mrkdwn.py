"""Making text safe and short enough for Slack's mrkdwn and Block Kit limits."""

from __future__ import annotations

__all__ = ["escape", "link", "truncate"]

_ELLIPSIS = "…"


def escape(text: str) -> str:
    """Escape ``&``, ``<`` and ``>`` so that text cannot ping (``<!channel>``) or form links."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when cut.

    Never cuts an escape such as ``&amp;`` in half.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - len(_ELLIPSIS)]
    ampersand = cut.rfind("&")
    if ampersand != -1 and ";" not in cut[ampersand:]:
        cut = cut[:ampersand]
    return cut.rstrip() + _ELLIPSIS


def link(url: str, label: str) -> str:
    """A mrkdwn link whose label is escaped; the URL comes from the knowledge base, not a user."""
    safe_url = url.replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")
    return f"<{safe_url}|{escape(label)}>"
