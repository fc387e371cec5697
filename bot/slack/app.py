"""The Bolt app: signature checks, every listener, and the one error policy."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient

from bot.services import Services
from bot.slack.authorization import AuthorizationCache, WorkspaceAuthorize
from bot.slack.error_policy import handle_error
from bot.slack.oauth_pages import MediconOAuthFlow, callback_options
from bot.slack.oauth_states import DatabaseStateStore
from bot.slack.request_guards import IgnoreOtherWorkspaces, ResponseUrlGuard
from bot.slack.response_urls import ResponseUrlPolicy
from bot.slack.surface import BOT_SCOPES, INSTALL_PATH, REDIRECT_PATH
from handlers import register_handlers

__all__ = ["create_app"]


class _SkipTokenNotice(logging.Filter):
    """Bolt warns that SLACK_BOT_TOKEN goes unused when a client is given: that is intended here
    (the client carries the same token and the configured API URL)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


def _oauth_settings(services: Services) -> OAuthSettings | None:
    """ "Add to Slack" in multi-workspace mode: installs and OAuth state in our database."""
    settings = services.settings
    if not settings.oauth_enabled or services.installations is None:
        return None
    assert settings.slack_client_id is not None
    assert settings.slack_client_secret is not None
    return OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(BOT_SCOPES),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=services.installations,
        installation_store_bot_only=True,
        state_store=DatabaseStateStore(
            database=services.database, expiration_seconds=settings.oauth_state_seconds
        ),
        state_expiration_seconds=settings.oauth_state_seconds,
        callback_options=callback_options(),
    )


def _authorize(services: Services) -> WorkspaceAuthorize:
    """Each workspace's stored token, with Slack's auth.test remembered instead of asked on
    every request (Bolt's default in this mode)."""
    assert services.installations is not None
    cache = services.authorizations
    return WorkspaceAuthorize(
        installations=services.installations,
        cache=cache if cache is not None else AuthorizationCache(),
    )


def create_app(services: Services, *, client: WebClient, socket_mode: bool = False) -> App:
    """A Bolt app whose listeners answer from ``services``; ``client`` talks to Slack's Web API.

    Over HTTP the web layer (:mod:`bot.slack.web`) verifies every request's signature on its raw
    bytes before Bolt parses anything, so Bolt's own check (which would parse the headers again,
    and used to raise on malformed ones) is off; Socket Mode connections are authenticated by
    the app token instead. Requests no listener handles are acknowledged with a 200.
    """
    settings = services.settings
    secret = settings.slack_signing_secret
    if secret is None and not socket_mode:
        raise ValueError("create_app needs SLACK_SIGNING_SECRET for HTTP mode")
    framework_logger = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, _SkipTokenNotice) for f in framework_logger.filters):
        framework_logger.addFilter(_SkipTokenNotice())
    oauth_settings = _oauth_settings(services)
    app = App(
        client=client,
        # Bolt types this as a function returning a result, but takes an Authorize instance
        # as is, and its own (InstallationStoreAuthorize) returns None for "not installed".
        authorize=_authorize(services) if oauth_settings else None,  # type: ignore[arg-type]
        oauth_flow=(
            MediconOAuthFlow(client=client, settings=oauth_settings) if oauth_settings else None
        ),
        signing_secret=secret.get_secret_value() if secret is not None else "",
        request_verification_enabled=False,
        raise_error_for_unhandled_request=True,
        token_verification_enabled=False,
        # Listeners answer from memory and ack at once; slow follow-ups (posting, publishing)
        # are lazy listeners. This skips Bolt's 10 ms polling for the acknowledgement.
        process_before_response=True,
        ignoring_self_events_enabled=True,
        logger=framework_logger,
    )
    if socket_mode:  # over HTTP the web layer already refuses bodies with such URLs
        app.use(ResponseUrlGuard(ResponseUrlPolicy.for_api_url(str(settings.slack_api_url))))
    if not settings.oauth_enabled:
        app.use(IgnoreOtherWorkspaces())
    register_handlers(app, services)
    app.error(handle_error)
    return app
