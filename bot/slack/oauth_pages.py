"""The pages a person sees around "Add to Slack": the install page, then installed, cancelled
or failed; and "try again" when Slack is slow or the page is asked for too often.

The token exchange (``oauth.v2.access``) gets :data:`EXCHANGE_SECONDS` to answer and runs in
at most :data:`EXCHANGES_AT_ONCE` threads of a worker, so a stalled Slack cannot hold the
threads that acknowledge Slack's requests; a person whose exchange got no answer sees a page
with a link that retries it, and the state that link carries is put back so the retry works."""

from __future__ import annotations

import html
import logging
import threading
from http.client import HTTPException
from typing import Final
from urllib.error import URLError
from urllib.parse import urlencode

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy.exc import SQLAlchemyError

from bot.slack.oauth_states import DatabaseStateStore

__all__ = [
    "EXCHANGES_AT_ONCE",
    "EXCHANGE_SECONDS",
    "MediconOAuthFlow",
    "callback_options",
    "install_page",
    "too_many_requests_page",
]

EXCHANGE_SECONDS: Final = 4
"""How long Slack may take to answer each call of the token exchange (``oauth.v2.access``,
then ``auth.test``); it usually takes well under a second."""

EXCHANGES_AT_ONCE: Final = 2
"""Token exchanges one worker runs at once: half its threads (bot.slack.server.THREADS), so
the other half always acknowledge Slack's requests. More installs at once are asked to retry."""

_UNANSWERED: Final = (TimeoutError, URLError, ConnectionError, HTTPException)
"""What urllib raises when Slack did not answer (the socket timed out, was refused or reset)."""

_log = logging.getLogger(__name__)

_REASONS: Final = {
    "access_denied": (
        "Installation cancelled",
        "Medicon Bot was not added to your workspace. You can try again whenever you like.",
    ),
    "invalid_browser": (
        "Please start again from the install page",
        "This link was opened in another browser or its session expired, so it cannot be "
        "trusted. Open the install page again and click “Add to Slack”.",
    ),
    "invalid_state": (
        "This install link has expired",
        "Install links work once and for a few minutes only. Open the install page again and "
        "click “Add to Slack”.",
    ),
    "missing_code": (
        "Slack did not complete the installation",
        "The answer from Slack was incomplete. Please start again from the install page.",
    ),
    "invalid_code": (
        "Slack did not accept the installation",
        "Please start again from the install page; if it keeps failing, contact the app's owner.",
    ),
    "storage_error": (
        "The installation could not be saved",
        "Slack approved it, but Medicon Bot could not record it. Please try again in a moment.",
    ),
}
_FALLBACK: Final = ("The installation did not finish", "Please start again from the install page.")


def _page(title: str, message: str, *, link: str | None, link_text: str) -> str:
    anchor = (
        f'<p><a href="{html.escape(link, quote=True)}">{html.escape(link_text)}</a></p>'
        if link
        else ""
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} · Medicon Bot</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;"
        "padding:0 1rem;line-height:1.5}</style></head><body>"
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p>{anchor}</body></html>"
    )


def install_page(authorize_url: str) -> str:
    """What /slack/install shows: what the bot does, and the "Add to Slack" link."""
    message = (
        "Medicon Bot answers questions about the Medicon Valley life-science cluster in Slack: "
        "research fields, centres and their numbers, with sources. Type /medicon cancer, send it "
        "a direct message, or have a channel get a weekly spotlight."
    )
    return _page(
        "Add Medicon Bot to your workspace",
        message,
        link=authorize_url,
        link_text="Add to Slack",
    )


_UNAVAILABLE: Final = (
    "Installing is not possible right now",
    "Medicon Bot cannot reach its database at the moment. Please try again in a few minutes.",
)
_STORAGE_STATUS: Final = 503
"""A page saying the database failed is a temporary failure, not a crash."""


def _cause(error: SQLAlchemyError) -> str:
    """The driver's own first line (``OperationalError: database or disk is full``), without the
    statement and its parameters, which hold the tokens."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {lines[0] if lines else ''}"


_SLOW: Final = (
    "Slack is slow to answer",
    "Slack did not confirm the installation in time. Nothing went wrong on your side: "
    "try again in a moment.",
)


def _slow_page(retry: str | None) -> BoltResponse:
    title, message = _SLOW
    page = _page(title, message, link=retry, link_text="Try again")
    response = _html(503, page)
    response.headers["retry-after"] = ["5"]
    return response


def too_many_requests_page() -> str:
    """What /slack/install shows to a client that asked for it too often."""
    return _page(
        "Too many requests",
        "The install page was opened very often from your network just now. "
        "Please wait a minute, then reload this page.",
        link=None,
        link_text="",
    )


def exchange_client(client: WebClient) -> WebClient:
    """A client for the token exchange: Slack's API URL, a short timeout, no retries (a code is
    single-use, and the person can retry faster than a backoff would)."""
    return WebClient(base_url=client.base_url, timeout=EXCHANGE_SECONDS, retry_handlers=[])


class MediconOAuthFlow(OAuthFlow):
    """Bolt's OAuth flow with this app's own install page, pages rather than bare 500s when
    the database fails, and a "try again" page rather than a held thread when Slack is slow."""

    def __init__(self, *, client: WebClient, settings: OAuthSettings) -> None:
        super().__init__(client=exchange_client(client), settings=settings)
        self._exchanges = threading.BoundedSemaphore(EXCHANGES_AT_ONCE)

    def handle_callback(self, request: BoltRequest) -> BoltResponse:
        """Bolt's callback, within :data:`EXCHANGES_AT_ONCE` per worker. When Slack does not
        answer the exchange in time the state it spent is put back, and the page links to the
        same callback, which then finishes the installation (or says the code expired)."""
        code = (request.query.get("code") or [""])[0]
        if code and not _visible_ascii(code):  # Bolt would log it as it came, newlines and all
            return self.failure_handler(
                FailureArgs(
                    request=request,
                    reason="invalid_code",
                    suggested_status_code=400,
                    settings=self.settings,
                    default=self.default_callback_options,
                )
            )
        retry = _retry_link(self.settings.redirect_uri_path, request)
        if not self._exchanges.acquire(blocking=False):
            _log.warning(
                "install callback: %d token exchanges under way; asked to retry",
                EXCHANGES_AT_ONCE,
            )
            return _slow_page(retry)
        try:
            return super().handle_callback(request)
        except _UNANSWERED as error:
            _log.warning("install callback: Slack did not answer the token exchange (%s)", error)
            states = self.settings.state_store
            state = (request.query.get("state") or [""])[0]
            if isinstance(states, DatabaseStateStore) and state:
                states.reissue(state)
            return _slow_page(retry)
        finally:
            self._exchanges.release()

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return install_page(url)

    def handle_installation(self, request: BoltRequest) -> BoltResponse:
        try:
            return super().handle_installation(request)
        except SQLAlchemyError as error:  # issuing the state writes to the database
            _log.warning("install page: the OAuth state could not be stored (%s)", _cause(error))
            title, message = _UNAVAILABLE
            return _html(_STORAGE_STATUS, _page(title, message, link=None, link_text=""))

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        """Bolt shows its failure page only for a BoltError: a database error becomes one."""
        try:
            super().store_installation(request, installation)
        except SQLAlchemyError as error:
            raise BoltError(f"the installation could not be stored: {_cause(error)}") from error


def _visible_ascii(value: str) -> bool:
    """Slack's codes are printable ASCII without spaces; anything else is not one."""
    return value.isascii() and value.isprintable() and " " not in value


def _retry_link(path: str, request: BoltRequest) -> str | None:
    """The callback again with the same code and state, or None without them."""
    code = (request.query.get("code") or [""])[0]
    state = (request.query.get("state") or [""])[0]
    if not code or not state:
        return None
    return f"{path}?{urlencode({'code': code, 'state': state})}"


def _html(status: int, body: str) -> BoltResponse:
    return BoltResponse(
        status=status, body=body, headers={"content-type": "text/html; charset=utf-8"}
    )


def _success(args: SuccessArgs) -> BoltResponse:
    installation = args.installation
    team = installation.team_name or installation.enterprise_name or "your workspace"
    deep_link = None
    if installation.app_id and installation.team_id:
        deep_link = f"slack://app?team={installation.team_id}&id={installation.app_id}"
    message = (
        f"Medicon Bot is now installed in {team}. Try /medicon cancer in any channel, "
        "or open the app's Home tab."
    )
    return _html(
        200, _page("Medicon Bot is installed", message, link=deep_link, link_text="Open Slack")
    )


def _failure(args: FailureArgs) -> BoltResponse:
    title, message = _REASONS.get(args.reason, _FALLBACK)
    # The reason can be the callback's own ``error`` parameter: escaped, it stays on one line.
    _log.warning("installation failed: %s", repr(args.reason)[1:-1], exc_info=args.error)
    status = _STORAGE_STATUS if args.reason == "storage_error" else args.suggested_status_code
    return _html(
        status,
        _page(
            title, message, link=args.settings.install_path, link_text="Back to the install page"
        ),
    )


def callback_options() -> CallbackOptions:
    """Bolt's OAuth callback, with pages that say what happened and what to do next."""
    return CallbackOptions(success=_success, failure=_failure)
