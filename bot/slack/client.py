"""The Web API client every process uses: Slack's base URL from settings, sensible retries."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot.config import Settings

__all__ = ["create_web_client"]


def create_web_client(settings: Settings, *, token: str | None = None) -> WebClient:
    """A WebClient on ``SLACK_API_URL`` that retries 429s (after Retry-After), 5xx and resets.

    ``token`` defaults to SLACK_BOT_TOKEN; in multi-workspace mode the client carries none and
    Bolt gives each request its workspace's token.
    """
    if token is None and settings.slack_bot_token is not None and not settings.oauth_enabled:
        token = settings.slack_bot_token.get_secret_value()
    return WebClient(
        token=token,
        base_url=str(settings.slack_api_url),
        timeout=10,
        retry_handlers=[
            RateLimitErrorRetryHandler(max_retry_count=2),
            ServerErrorRetryHandler(max_retry_count=2),
            ConnectionErrorRetryHandler(max_retry_count=2),
        ],
    )
