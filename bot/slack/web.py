"""The web process: a WSGI app serving Slack's requests on /slack/events and /healthz.

Bolt checks every request's signature and timestamp; this layer refuses what should never reach
Bolt at all (wrong method, oversized or unreadable bodies) with a 4xx.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.config import Settings
from bot.services import Services, build_services
from bot.slack.app import create_app
from bot.slack.client import create_web_client
from bot.slack.surface import EVENTS_PATH, HEALTH_PATH, INSTALL_PATH, REDIRECT_PATH

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


def _well_formed(body: bytes, content_type: str) -> bool:
    """Whether ``body`` parses the way Slack sends it: a JSON object, or a form whose
    ``payload`` (interactivity) is a JSON object."""
    try:
        text = body.decode("utf-8")
        if content_type.startswith("application/json"):
            return isinstance(json.loads(text), dict)
        if not text.startswith("payload="):
            return True  # a slash command's plain form: nothing that can fail to parse
        payloads = parse_qs(text, strict_parsing=True).get("payload")
        return payloads is not None and isinstance(json.loads(payloads[0]), dict)
    except ValueError:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        return False


@dataclass(frozen=True)
class WebApp:
    """Routes /healthz itself and hands /slack/events to Bolt after basic checks."""

    services: Services
    slack: Callable[[WSGIEnvironment, StartResponse], Iterable[bytes]]
    oauth_paths: frozenset[str] = frozenset()
    """The install and OAuth redirect paths in multi-workspace mode: Bolt serves them."""

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
        if path in self.oauth_paths:
            if method != "GET":
                return _reply(start_response, "405 Method Not Allowed", "GET only")
            return self.slack(environ, start_response)
        if path != EVENTS_PATH:
            return _reply(start_response, "404 Not Found", "Not Found")
        if method != "POST":
            return _reply(start_response, "405 Method Not Allowed", "POST only")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _reply(start_response, "400 Bad Request", "bad Content-Length")
        if length > MAX_BODY_BYTES:
            return _reply(start_response, "413 Content Too Large", "request too large")
        if length <= 0:
            return _reply(start_response, "400 Bad Request", "empty request")
        body = environ["wsgi.input"].read(length)
        if not _well_formed(body, environ.get("CONTENT_TYPE", "")):
            return _reply(start_response, "400 Bad Request", "malformed request body")
        environ["wsgi.input"] = io.BytesIO(body)
        return self.slack(environ, start_response)


def create_web_app(settings: Settings, *, apply_migrations: bool = True) -> WebApp:
    """Everything the web process needs, built from ``settings`` (one per worker process)."""
    services = build_services(settings, apply_migrations=apply_migrations)
    bolt = create_app(services, client=create_web_client(settings))
    oauth_paths = (
        frozenset({INSTALL_PATH, REDIRECT_PATH}) if settings.oauth_enabled else frozenset()
    )
    return WebApp(
        services=services,
        slack=SlackRequestHandler(bolt, path=EVENTS_PATH),
        oauth_paths=oauth_paths,
    )
