"""The web process: a WSGI app serving Slack's requests on /slack/events and /healthz.

Verify first, then read: a request's signature is checked on its raw bytes before anything
parses it, and an unverified request gets a 401 with nothing done on its behalf (no reply, no
Slack call, no database write). Only then are its size, syntax and shape checked, so that what
reaches Bolt is exactly what Bolt can read; nothing a client sends can produce a 5xx.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.config import Settings
from bot.services import Services, build_services
from bot.slack.app import create_app
from bot.slack.chart_route import serve_chart
from bot.slack.client import create_web_client
from bot.slack.oauth_pages import too_many_requests_page
from bot.slack.payload_shape import parse_like_bolt, shape_problem
from bot.slack.request_limits import RequestLimiter
from bot.slack.response_urls import ResponseUrlPolicy, response_urls_in
from bot.slack.surface import CHART_PATH, EVENTS_PATH, HEALTH_PATH, INSTALL_PATH, REDIRECT_PATH
from bot.slack.verification import verify_signature

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

__all__ = ["MAX_BODY_BYTES", "WebApp", "create_web_app"]

MAX_BODY_BYTES = 128 * 1024
"""Slack's payloads are a few kilobytes; anything far larger is not from Slack."""

_log = logging.getLogger(__name__)


def _reply(
    start_response: StartResponse, status: str, body: dict[str, Any] | str
) -> Iterable[bytes]:
    if isinstance(body, dict):
        data, content_type = json.dumps(body).encode(), "application/json"
    else:
        data, content_type = body.encode(), "text/plain; charset=utf-8"
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data)))])
    return [data]


def _too_many(start_response: StartResponse, *, retry_after: int) -> Iterable[bytes]:
    data = too_many_requests_page().encode()
    start_response(
        "429 Too Many Requests",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(data))),
            ("Retry-After", str(retry_after)),
        ],
    )
    return [data]


@dataclass(frozen=True)
class WebApp:
    """Routes /healthz itself and hands /slack/events to Bolt after basic checks."""

    services: Services
    slack: Callable[[WSGIEnvironment, StartResponse], Iterable[bytes]]
    """Bolt's WSGI adapter: serves the OAuth pages."""
    dispatch: Callable[[BoltRequest], BoltResponse]
    """Bolt itself, for /slack/events: handed the body this layer already parsed."""
    signing_secret: bytes
    response_urls: ResponseUrlPolicy
    oauth_paths: frozenset[str] = frozenset()
    """The install and OAuth redirect paths in multi-workspace mode: Bolt serves them."""
    clock: Callable[[], float] = field(default=time.time)
    install_limits: RequestLimiter = field(default_factory=RequestLimiter)
    """Each visit of the install page stores an OAuth state: this bounds how often."""

    def health(self) -> tuple[str, dict[str, Any]]:
        database_ok = self.services.database.ping()
        status = "200 OK" if database_ok else "503 Service Unavailable"
        return status, {
            "status": "ok" if database_ok else "degraded",
            "knowledge_base": dict(self.services.kb.counts()),
            "database": "ok" if database_ok else "unreachable",
        }

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == HEALTH_PATH:
            if method not in {"GET", "HEAD"}:
                return _reply(start_response, "405 Method Not Allowed", "GET only")
            status, body = self.health()
            return _reply(start_response, status, body)
        if path == CHART_PATH:
            return serve_chart(
                self.services,
                environ,
                start_response,
                secret=self.signing_secret,
                now=self.clock(),
            )
        if path in self.oauth_paths:
            if method != "GET":
                return _reply(start_response, "405 Method Not Allowed", "GET only")
            if path == INSTALL_PATH:
                wait = self.install_limits.admit(str(environ.get("REMOTE_ADDR") or ""))
                if wait:
                    return _too_many(start_response, retry_after=wait)
            return self.slack(environ, start_response)
        if path != EVENTS_PATH:
            return _reply(start_response, "404 Not Found", "Not Found")
        if method != "POST":
            return _reply(start_response, "405 Method Not Allowed", "POST only")
        return self.events(environ, start_response)

    def events(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        """POST /slack/events: size, then signature, then syntax and shape, then Bolt."""
        declared = environ.get("CONTENT_LENGTH") or ""
        if declared and not (declared.isascii() and declared.isdigit()):
            return _reply(start_response, "400 Bad Request", "bad Content-Length")
        if declared and int(declared) > MAX_BODY_BYTES:
            return _reply(start_response, "413 Content Too Large", "request too large")
        limit = int(declared) if declared else MAX_BODY_BYTES + 1
        body = environ["wsgi.input"].read(limit) if limit else b""
        if len(body) > MAX_BODY_BYTES:
            return _reply(start_response, "413 Content Too Large", "request too large")
        refusal = verify_signature(
            body,
            timestamp=environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            signature=environ.get("HTTP_X_SLACK_SIGNATURE"),
            secret=self.signing_secret,
            now=self.clock(),
        )
        if refusal is not None:
            _log.warning("refused an unverified request: %s", refusal)
            return _reply(start_response, "401 Unauthorized", "invalid request signature")
        content_type = environ.get("CONTENT_TYPE") or ""
        parsed, problem = self._read(body, content_type)
        if parsed is None:
            _log.warning("refused a signed but malformed request: %s", problem)
            return _reply(start_response, "400 Bad Request", "malformed request body")
        try:
            response = self.dispatch(_bolt_request(environ, body, parsed, content_type))
        except Exception as error:  # Bolt could not even read it: the client's fault, not ours
            _log.warning("refused a request Bolt could not read: %s", type(error).__name__)
            return _reply(start_response, "400 Bad Request", "malformed request body")
        data = response.body.encode("utf-8")
        headers = [
            (name, value)
            for name, values in response.headers.items()
            if name.lower() != "content-length"
            for value in values
        ]
        headers.append(("Content-Length", str(len(data))))
        status = HTTPStatus(response.status)
        start_response(f"{status.value} {status.phrase}", headers)
        return [data]

    def _read(self, body: bytes, content_type: str) -> tuple[dict[str, Any] | None, str]:
        """The body as Bolt reads it, or None and why it cannot be handed to Bolt."""
        if not body:
            return None, "empty body"
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return None, "not UTF-8"
        parsed = parse_like_bolt(text, content_type)
        if parsed is None:
            return None, "not a JSON object or form"
        problem = shape_problem(parsed)
        if problem is not None:
            return None, problem
        if not all(self.response_urls.allows(url) for url in response_urls_in(parsed)):
            return None, "a response_url that is not Slack's"
        return parsed, ""


def _bolt_request(
    environ: WSGIEnvironment, body: bytes, parsed: dict[str, Any], content_type: str
) -> BoltRequest:
    """A Bolt request from a body parsed once, here: Bolt would otherwise parse it again.

    Built as a Socket Mode request (the only way Bolt accepts a parsed body), then marked as
    HTTP with its raw text, which is what Bolt copies for lazy listeners.
    """
    headers: dict[str, str | Sequence[str]] = {
        key[5:].replace("_", "-").lower(): value
        for key, value in environ.items()
        if key.startswith("HTTP_")
        and isinstance(value, str)
        and not key.startswith("HTTP_X_SLACK_BOLT_")  # Bolt's internal headers, never a client's
    }
    headers["content-type"] = content_type
    request = BoltRequest(
        body=parsed, query=environ.get("QUERY_STRING") or None, headers=headers, mode="socket_mode"
    )
    request.raw_body = body.decode("utf-8")
    request.mode = "http"
    return request


def create_web_app(
    settings: Settings, *, apply_migrations: bool = True, services: Services | None = None
) -> WebApp:
    """Everything the web process needs, built from ``settings`` (one per worker process);
    ``services`` are built from them too unless given (a bench compares variants of them)."""
    if services is None:
        services = build_services(settings, apply_migrations=apply_migrations)
    bolt = create_app(services, client=create_web_client(settings))
    oauth_paths = (
        frozenset({INSTALL_PATH, REDIRECT_PATH}) if settings.oauth_enabled else frozenset()
    )
    secret = settings.slack_signing_secret
    if secret is None:
        raise ValueError("the web process needs SLACK_SIGNING_SECRET")
    return WebApp(
        services=services,
        slack=SlackRequestHandler(bolt, path=EVENTS_PATH),
        dispatch=bolt.dispatch,
        signing_secret=secret.get_secret_value().encode(),
        response_urls=ResponseUrlPolicy.for_api_url(str(settings.slack_api_url)),
        oauth_paths=oauth_paths,
    )
