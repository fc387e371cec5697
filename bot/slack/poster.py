"""Posting a spotlight to Slack: the domain's :class:`~bot.spotlights.delivery.ports.Poster` on
slack_sdk's WebClient.

Slack's answers become the typed :class:`~bot.spotlights.errors.PostError` subclasses here, at
the edge, so the delivery pass decides what to do from the type alone and never sees slack_sdk.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.jitter import Jitter
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState

from bot.answers.render.render import Message
from bot.spotlights.errors import (
    ChannelUnavailable,
    PostRejected,
    RateLimited,
    TransientPostError,
)

__all__ = ["PAUSING_ERRORS", "SlackPoster", "TokenFor"]

log = logging.getLogger(__name__)

PAUSING_ERRORS: Final = frozenset(
    {
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "token_expired",
        "not_authed",
        "missing_scope",
        "restricted_action",
        "restricted_action_read_only_channel",
        "restricted_action_thread_only_channel",
        "ekm_access_denied",
        "team_access_not_granted",
        "team_not_found",
        "enterprise_is_restricted",
    }
)
"""Slack errors a person has to fix (invite the bot, unarchive, reinstall): pause, don't retry."""

_TRANSIENT_ERRORS: Final = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)

TokenFor = Callable[[str, str | None], str]
"""``token_for(team_id, enterprise_id)`` → the bot token for that workspace."""


class _RetryAnyServerError(ServerErrorRetryHandler):
    """slack_sdk's handler retries 500 and 503 only; 502 and 504 are just as passing."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code < 600


class _ProportionalJitter(Jitter):
    """Up to half the interval again, so a zero backoff (tests) really is zero."""

    def recalculate(self, duration: float) -> float:
        return duration * (1 + random.random() / 2)  # noqa: S311 - jitter, not security


class SlackPoster:
    """The spotlight :class:`~bot.spotlights.delivery.ports.Poster` on slack_sdk's WebClient.

    Connection errors and 5xx are retried with exponential backoff (``backoff`` × 2ⁿ seconds);
    after ``max_retries`` the error surfaces as TransientPostError. A 429 is not retried here:
    it surfaces at once as RateLimited, so the delivery pass can pause the whole workspace
    rather than one thread. One WebClient per token, shared by threads.
    """

    def __init__(
        self,
        *,
        base_url: str,
        token_for: TokenFor,
        max_retries: int = 3,
        backoff: float = 0.5,
        timeout: int = 15,
    ) -> None:
        self._base_url = base_url
        self._token_for = token_for
        self._max_retries = max_retries
        self._backoff = backoff
        self._timeout = timeout
        self._clients: dict[str, WebClient] = {}
        self._lock = threading.Lock()

    def _client(self, team_id: str, enterprise_id: str | None) -> WebClient:
        token = self._token_for(team_id, enterprise_id)
        with self._lock:
            client = self._clients.get(token)
            if client is None:
                client = WebClient(
                    token=token,
                    base_url=self._base_url,
                    timeout=self._timeout,
                    retry_handlers=self._retry_handlers(),
                )
                self._clients[token] = client
            return client

    def _retry_handlers(self) -> list[RetryHandler]:
        backoff = BackoffRetryIntervalCalculator(
            backoff_factor=self._backoff, jitter=_ProportionalJitter()
        )
        return [
            ConnectionErrorRetryHandler(
                max_retry_count=self._max_retries, interval_calculator=backoff
            ),
            _RetryAnyServerError(max_retry_count=self._max_retries, interval_calculator=backoff),
        ]

    def post(
        self,
        *,
        team_id: str,
        enterprise_id: str | None,
        channel_id: str,
        message: Message,
        metadata: Mapping[str, Any],
    ) -> str:
        client = self._client(team_id, enterprise_id)
        try:
            response = client.chat_postMessage(
                channel=channel_id,
                text=message.text,
                blocks=list(message.blocks),
                metadata=dict(metadata),
                unfurl_links=False,
                unfurl_media=False,
            )
        except SlackApiError as error:
            raise _classify(error) from error
        except (SlackClientError, OSError) as error:  # URLError, timeouts, resets
            raise TransientPostError(f"{type(error).__name__}: {error}") from error
        return str(response["ts"])

    def find_posted(
        self,
        *,
        team_id: str,
        enterprise_id: str | None,
        channel_id: str,
        metadata: Mapping[str, Any],
        since: datetime,
    ) -> str | None:
        client = self._client(team_id, enterprise_id)
        cursor: str | None = None
        for _page in range(5):  # a spotlight is posted minutes after its slot: 1,000 messages
            try:
                response = client.conversations_history(
                    channel=channel_id,
                    oldest=f"{since.timestamp():.6f}",
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
            except SlackApiError as error:
                classified = _classify(error)
                if isinstance(classified, TransientPostError) and not isinstance(
                    classified, RateLimited
                ):
                    raise classified from error
                log.warning(
                    "cannot look for an earlier spotlight in %s (%s): posting again",
                    channel_id,
                    classified.code,
                )
                return None
            except (SlackClientError, OSError) as error:
                raise TransientPostError(f"{type(error).__name__}: {error}") from error
            for found in response.get("messages") or []:
                if found.get("metadata") == {
                    "event_type": metadata["event_type"],
                    "event_payload": metadata["event_payload"],
                }:
                    return str(found["ts"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if cursor is None:
                return None
        return None


def _classify(error: SlackApiError) -> ChannelUnavailable | PostRejected | TransientPostError:
    response = error.response
    status = int(response.status_code)
    code = str(response.get("error") or f"http_{status}")
    if status == 429:
        return RateLimited(_retry_after(response.headers))
    if status >= 500 or code in _TRANSIENT_ERRORS:
        return TransientPostError(code if status < 500 else f"http_{status}")
    if code in PAUSING_ERRORS:
        return ChannelUnavailable(code)
    return PostRejected(code)


def _retry_after(headers: Mapping[str, Any]) -> float:
    """Seconds from a Retry-After header (1 when it is missing or not a number, as Slack's SDK)."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            text = value[0] if isinstance(value, list | tuple) and value else value
            try:
                return max(0.0, float(str(text)))
            except ValueError:
                break
    return 1.0
