"""The pages a person sees around "Add to Slack": the install page, then installed, cancelled
or failed."""

from __future__ import annotations

import html
import logging
from typing import Final

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy.exc import SQLAlchemyError

__all__ = ["MediconOAuthFlow", "callback_options", "install_page"]

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


class MediconOAuthFlow(OAuthFlow):
    """Bolt's OAuth flow with this app's own install page, and pages rather than bare 500s when
    the database fails."""

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
    _log.warning("installation failed: %s", args.reason, exc_info=args.error)
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
