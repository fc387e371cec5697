"""Where ``respond()`` may POST: Slack's own response URLs, never a host a request names.

A response_url comes from the request body. Even a verified body is not trusted to name any
host: only ``https://hooks.slack.com/…`` is, plus the host of a configured ``SLACK_API_URL``
(a test stand-in or a Slack-compatible gateway), so a forged or odd URL can never turn the bot
into a proxy for requests to other servers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = ["DEFAULT_API_URL", "ResponseUrlPolicy", "response_urls_in"]

SLACK_HOOKS_HOST = "hooks.slack.com"
DEFAULT_API_URL = "https://slack.com/api/"
_SLACK_HOOKS_PREFIX = f"https://{SLACK_HOOKS_HOST}/"


def _origin(url: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    default_port = 443 if parts.scheme == "https" else 80
    return parts.scheme, parts.hostname.lower(), None if port == default_port else port


@dataclass(frozen=True)
class ResponseUrlPolicy:
    """Which response URLs are Slack's: built once from the configured Web API base URL."""

    extra_origin: tuple[str, str, int | None] | None = None

    @classmethod
    def for_api_url(cls, api_url: str) -> ResponseUrlPolicy:
        """Slack's hooks host only, or also ``api_url``'s origin when it is not Slack's own."""
        if api_url == DEFAULT_API_URL:
            return cls()
        return cls(extra_origin=_origin(api_url))

    def allows(self, url: object) -> bool:
        """Whether ``url`` may receive a POST from ``respond()``."""
        if not isinstance(url, str) or len(url) > 2048:
            return False
        if url.startswith(_SLACK_HOOKS_PREFIX):  # the host ends at the first "/": it is Slack's
            return True
        origin = _origin(url)
        if origin is None:
            return False
        if origin == ("https", SLACK_HOOKS_HOST, None):
            return True
        return self.extra_origin is not None and origin == self.extra_origin


def response_urls_in(body: dict[str, Any]) -> list[object]:
    """Every response URL a Slack payload carries (``response_url`` and ``response_urls``)."""
    found: list[object] = []
    if "response_url" in body:
        found.append(body["response_url"])
    listed = body.get("response_urls")
    if isinstance(listed, list):
        found.extend(item.get("response_url") for item in listed if isinstance(item, dict))
    return found
