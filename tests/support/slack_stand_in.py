"""A real loopback HTTP server standing in for Slack's Web API and ``response_url`` endpoints.

Point slack_sdk at it (``WebClient(base_url=stand_in.api_url)``, or ``SLACK_API_URL``) and give
payloads ``stand_in.response_url("name")`` as their ``response_url``. Every request is recorded as
a :class:`Call` (also the ones that were answered with an error), and answers look like Slack's.

What a caller can rely on:

* ``POST|GET /api/<method>`` with a JSON, form-encoded or query-string body is recorded as
  ``Call(method="<method>")`` and answered ``200`` with a Slack-shaped success body, unless a
  failure was scripted. ``views.open|update|push|publish`` answer with the view (an id added);
  ``users.info`` with a person in Europe/Copenhagen's timezone. Unknown methods answer
  ``{"ok": true}``.
* ``POST /response/<name>`` is recorded as ``Call(method="response:<name>")`` and answered ``200``
  with the plain-text body ``ok``, as Slack does.
* Scripted outcomes (:meth:`SlackStandIn.fail`, :meth:`~SlackStandIn.rate_limit`,
  :meth:`~SlackStandIn.server_error`, :meth:`~SlackStandIn.respond_with` with ``times``) are
  consumed one per call, in the order they were scripted, per method. A permanent
  ``respond_with(..., times=None)`` applies once the queue for that method is empty.
* An API call without a bearer token (or ``token`` field) answers ``not_authed`` as Slack does,
  except ``oauth.*`` methods, which authenticate with the client id and secret.
* Optionally (``rate_limits=RateLimits(...)``), ``chat.postMessage`` is limited as Slack limits
  it: a token bucket per channel and one per workspace (a workspace is a token), refilled
  continuously; a post above either is answered ``429`` with ``Retry-After`` (whole seconds,
  at least 1) and posts nothing. ``conversations.history`` can be limited the same way.
* Optionally (``keep_history=True``), every post answered ok is kept per channel and
  ``conversations.history`` returns them, newest first, with their ``metadata``, paged by
  ``limit`` and ``cursor``. (Stand-in timestamps are not wall-clock, so ``oldest`` is ignored.)
* The server binds 127.0.0.1 only and never opens a connection of its own.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final, Self
from urllib.parse import parse_qsl, unquote, urlsplit

__all__ = ["Call", "Payload", "RateLimits", "SlackStandIn"]

Payload = dict[str, Any]
"""A JSON object as Python data."""

PayloadSource = Payload | Callable[["Call"], Payload]
"""A success body, or a function of the call that builds one."""

_API_PREFIX: Final = "/api/"
_RESPONSE_PREFIX: Final = "/response/"
_RESPONSE_METHOD_PREFIX: Final = "response:"
_FIRST_TS_SECONDS: Final = 1_700_000_000
_TS_STEP_MICROSECONDS: Final = 100
_JSON_FIELDS: Final = ("blocks", "attachments", "view", "metadata", "unfurls")


@dataclass(frozen=True)
class Call:
    """One request the stand-in received.

    ``body`` merges the query string and the request body (JSON object or form fields). Form
    values stay strings, so a form-encoded ``blocks`` is a JSON string there; :meth:`blocks` and
    :meth:`json_field` decode it either way.
    """

    method: str
    """The Web API method (``"chat.postMessage"``) or ``"response:<name>"``."""
    body: dict[str, Any]
    headers: dict[str, str]
    token: str | None
    """The bearer token of the ``Authorization`` header, else a ``token`` body field."""
    at: float
    """``time.monotonic()`` when the request arrived."""
    http_method: str = "POST"
    raw_body: bytes = b""
    status: int = 200
    """The HTTP status the stand-in answered with."""
    response: Any = None
    """The body the stand-in answered with: a JSON object as data, or plain text."""

    @property
    def is_response_url(self) -> bool:
        return self.method.startswith(_RESPONSE_METHOD_PREFIX)

    @property
    def text(self) -> str | None:
        value = self.body.get("text")
        return value if isinstance(value, str) else None

    @property
    def channel(self) -> str | None:
        value = self.body.get("channel")
        return value if isinstance(value, str) else None

    def json_field(self, name: str) -> Any:
        """``body[name]``, decoded from JSON when it was sent as a string (a form field)."""
        value = self.body.get(name)
        if isinstance(value, str) and value.lstrip()[:1] in ("[", "{"):
            return json.loads(value)
        return value

    def blocks(self) -> list[dict[str, Any]]:
        """The Block Kit blocks of a message (or a published view), decoded; ``[]`` if none."""
        blocks = self.json_field("blocks")
        if blocks is None:
            view = self.json_field("view")
            if isinstance(view, dict):
                blocks = view.get("blocks")
        if blocks is None:
            return []
        if not isinstance(blocks, list):
            raise TypeError(f"{self.method}: blocks is {type(blocks).__name__}, not a list")
        return blocks

    def describe(self) -> str:
        """A one-line summary for assertion messages."""
        shown = {k: v for k, v in self.body.items() if k in ("channel", "user", "text", "ts")}
        details = ", ".join(f"{k}={v!r:.60}" for k, v in shown.items())
        return f"{self.method}({details}) -> {self.status}"


@dataclass(frozen=True)
class _Outcome:
    status: int
    body: PayloadSource | str | None = None
    """A JSON body, a builder of one, plain text, or ``None`` for the default success body."""
    headers: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RateLimits:
    """Slack's posting limits as the stand-in models them: token buckets, full at the start."""

    posts_per_minute: float = 300.0
    """The workspace budget for ``chat.postMessage`` (per token)."""
    workspace_burst: float = 3.0
    """Posts a workspace may make at once before the budget's pace applies."""
    channel_per_second: float = 1.0
    channel_burst: float = 1.0
    history_per_minute: float | None = None
    """``conversations.history`` per token (Slack: 1 a minute for some new installs)."""


class _Bucket:
    """A token bucket: ``capacity`` tokens, refilled at ``rate`` per second."""

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate = rate
        self.capacity = capacity
        self.tokens = capacity
        self.at = now

    def wait(self, now: float) -> float:
        """Seconds until a token is there (0 when one is there now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class _RateModel:
    """The buckets of :class:`RateLimits`, keyed by token and channel. Guarded by the caller."""

    def __init__(self, limits: RateLimits) -> None:
        self.limits = limits
        self._buckets: dict[tuple[str, str], _Bucket] = {}

    def _bucket(self, key: tuple[str, str], rate: float, capacity: float, now: float) -> _Bucket:
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(rate, capacity, now)
        return bucket

    def retry_after(self, call: Call) -> int | None:
        """Whole seconds to wait when ``call`` is over a limit (nothing taken), else None."""
        limits, token, now = self.limits, call.token or "", call.at
        if call.method == "chat.postMessage":
            buckets = [
                self._bucket(
                    ("workspace", token),
                    limits.posts_per_minute / 60,
                    limits.workspace_burst,
                    now,
                ),
                self._bucket(
                    ("channel", f"{token}/{call.channel}"),
                    limits.channel_per_second,
                    limits.channel_burst,
                    now,
                ),
            ]
        elif call.method == "conversations.history" and limits.history_per_minute is not None:
            buckets = [self._bucket(("history", token), limits.history_per_minute / 60, 1, now)]
        else:
            return None
        wait = max(bucket.wait(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.tokens -= 1
        return None


class SlackStandIn:
    """A loopback HTTP server that answers like Slack's Web API and records every call.

    Use as a context manager, or call :meth:`start` and :meth:`stop`. All methods are
    thread-safe.
    """

    def __init__(
        self,
        *,
        team_id: str = "T0STANDIN",
        team_name: str = "Stand-in",
        team_domain: str = "stand-in",
        bot_user_id: str = "U0BOT",
        bot_id: str = "B0BOT",
        app_id: str = "A0STANDIN",
        scopes: Sequence[str] = ("commands", "chat:write"),
        require_token: bool = True,
        rate_limits: RateLimits | None = None,
        keep_history: bool = False,
    ) -> None:
        self.team_id = team_id
        self.team_name = team_name
        self.team_domain = team_domain
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.scopes = tuple(scopes)
        self.require_token = require_token
        self._condition = threading.Condition()
        self._calls: list[Call] = []
        self._scripts: dict[str, deque[_Outcome]] = {}
        self._overrides: dict[str, PayloadSource] = {}
        self._delay = 0.0
        self._method_delays: dict[str, float] = {}
        self._serial = 0
        self._errors: list[BaseException] = []
        self._rates = _RateModel(rate_limits) if rate_limits is not None else None
        self._keep_history = keep_history
        self._history: dict[str, list[Payload]] = {}
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- life cycle ------------------------------------------------------------------------

    def start(self) -> Self:
        """Bind 127.0.0.1 on a free port and serve from a daemon thread. Returns ``self``."""
        if self._server is not None:
            raise RuntimeError("the Slack stand-in is already running")
        server = _Server(("127.0.0.1", 0), _make_handler(self))
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"slack-stand-in:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port. Safe to call twice."""
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the Slack stand-in is not running: call start() first")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        """``http://127.0.0.1:PORT/api/``: a WebClient ``base_url`` / ``SLACK_API_URL``."""
        return f"{self.base_url}{_API_PREFIX}"

    def response_url(self, name: str = "default") -> str:
        """A ``response_url`` whose calls are recorded as ``"response:<name>"``."""
        return f"{self.base_url}{_RESPONSE_PREFIX}{name}"

    # -- what arrived ----------------------------------------------------------------------

    def calls(self, method: str | None = None) -> list[Call]:
        """A copy of the calls received so far, oldest first, optionally of one method."""
        with self._condition:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(self, method: str | None, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Block until at least ``count`` calls of ``method`` (any, if ``None``) arrived.

        Returns all of them (at least ``count``). Raises AssertionError naming what did arrive
        if they do not within ``timeout`` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                found = [c for c in self._calls if method is None or c.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    arrived = "; ".join(c.describe() for c in self._calls) or "nothing"
                    raise AssertionError(
                        f"expected {count} call(s) to {method or 'any method'} within "
                        f"{timeout:g} s, got {len(found)}; what arrived: {arrived}"
                    )
                self._condition.wait(remaining)

    def clear(self) -> None:
        """Forget the recorded calls (scripts, overrides and delay stay)."""
        with self._condition:
            self._calls.clear()

    def reset(self) -> None:
        """Forget calls, scripted outcomes, overrides, the delay, kept history and server errors."""
        with self._condition:
            self._calls.clear()
            self._history.clear()
            self._scripts.clear()
            self._overrides.clear()
            self._delay = 0.0
            self._method_delays.clear()
            self._errors.clear()

    @property
    def errors(self) -> list[BaseException]:
        """Exceptions the stand-in itself raised while answering (a bug in it, or a bad request)."""
        with self._condition:
            return list(self._errors)

    # -- scripting -------------------------------------------------------------------------

    def fail(self, method: str, error: str = "not_in_channel", times: int = 1) -> None:
        """Answer the next ``times`` calls ``200 {"ok": false, "error": error}``.

        For a ``response:<name>`` method the answer is ``404`` with ``error`` as plain text.
        """
        if method.startswith(_RESPONSE_METHOD_PREFIX):
            self._script(method, _Outcome(HTTPStatus.NOT_FOUND, error), times)
        else:
            self._script(method, _Outcome(HTTPStatus.OK, {"ok": False, "error": error}), times)

    def rate_limit(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """Answer the next ``times`` calls ``429`` with ``Retry-After: retry_after``."""
        headers = {"Retry-After": str(retry_after)}
        body: Payload | str = {"ok": False, "error": "ratelimited"}
        if method.startswith(_RESPONSE_METHOD_PREFIX):
            body = "rate_limited"
        self._script(method, _Outcome(HTTPStatus.TOO_MANY_REQUESTS, body, headers), times)

    def server_error(self, method: str, status: int = 503, times: int = 1) -> None:
        """Answer the next ``times`` calls with HTTP ``status`` and a plain-text (non-JSON) body."""
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
        self._script(method, _Outcome(status, f"{status} {phrase}".strip()), times)

    def respond_with(self, method: str, payload: PayloadSource, times: int | None = None) -> None:
        """Answer ``method`` with ``payload`` (or ``payload(call)``) instead of the default body.

        With ``times`` the override is queued like the failures and used that many times; with
        ``None`` it is used from then on whenever no scripted outcome is queued.
        """
        if times is None:
            with self._condition:
                self._overrides[method] = payload
        else:
            self._script(method, _Outcome(HTTPStatus.OK, payload), times)

    def set_delay(self, seconds: float, method: str | None = None) -> None:
        """Answer every call (or only ``method``'s) ``seconds`` after it arrived (it is recorded
        on arrival); a method's own delay wins over the one for every call."""
        if seconds < 0:
            raise ValueError("the delay cannot be negative")
        with self._condition:
            if method is None:
                self._delay = seconds
            else:
                self._method_delays[method] = seconds

    def set_rate_limits(self, limits: RateLimits | None) -> None:
        """Model Slack's limits from now on (fresh, full buckets), or stop modelling them."""
        with self._condition:
            self._rates = _RateModel(limits) if limits is not None else None

    def history(self, channel: str) -> list[Payload]:
        """The messages kept for ``channel`` (``keep_history``), oldest first."""
        with self._condition:
            return list(self._history.get(channel, []))

    def _script(self, method: str, outcome: _Outcome, times: int) -> None:
        if times < 1:
            raise ValueError("times must be at least 1")
        with self._condition:
            self._scripts.setdefault(method, deque()).extend([outcome] * times)

    # -- answering (called from the server's threads) --------------------------------------

    def _next_ts(self) -> str:
        self._serial += 1
        micros = self._serial * _TS_STEP_MICROSECONDS
        return f"{_FIRST_TS_SECONDS + micros // 1_000_000}.{micros % 1_000_000:06d}"

    def _next_serial(self) -> int:
        self._serial += 1
        return self._serial

    def _handle(
        self, http_method: str, path: str, headers: dict[str, str], raw: bytes
    ) -> tuple[int, dict[str, str], bytes, float]:
        """Record a request and decide its answer: (status, headers, body, delay)."""
        parts = urlsplit(path)
        if parts.path.startswith(_API_PREFIX):
            method = unquote(parts.path[len(_API_PREFIX) :])
        elif parts.path.startswith(_RESPONSE_PREFIX) and http_method == "POST":
            method = _RESPONSE_METHOD_PREFIX + unquote(parts.path[len(_RESPONSE_PREFIX) :])
        else:
            return HTTPStatus.NOT_FOUND, {}, b"not found", 0.0

        body: dict[str, Any] = dict(parse_qsl(parts.query, keep_blank_values=True))
        parse_error = _parse_body(raw, headers.get("content-type", ""), into=body)
        token = _bearer_token(headers.get("authorization"))
        if token is None and isinstance(body.get("token"), str):
            token = body["token"]

        with self._condition:
            call = Call(
                method=method,
                body=body,
                headers=headers,
                token=token,
                at=time.monotonic(),
                http_method=http_method,
                raw_body=raw,
            )
            outcome = self._choose(call, parse_error)
            answer: Any = outcome.body
            if answer is None:
                answer = self._default_answer(call)
            elif callable(answer):
                answer = answer(call)
            call = replace(call, status=int(outcome.status), response=answer)
            self._calls.append(call)
            self._condition.notify_all()
            delay = self._method_delays.get(call.method, self._delay)

        if isinstance(answer, str):
            content = answer.encode()
            content_type = "text/plain; charset=utf-8"
        else:
            content = json.dumps(answer).encode()
            content_type = "application/json; charset=utf-8"
        return (
            int(outcome.status),
            {"Content-Type": content_type, **outcome.headers},
            content,
            delay,
        )

    def _choose(self, call: Call, parse_error: str | None) -> _Outcome:
        queue = self._scripts.get(call.method)
        if queue:
            return queue.popleft()
        if call.is_response_url:
            return _Outcome(HTTPStatus.OK, None)
        if parse_error is not None:
            return _Outcome(HTTPStatus.OK, {"ok": False, "error": parse_error})
        if self.require_token and call.token is None and not call.method.startswith("oauth."):
            return _Outcome(HTTPStatus.OK, {"ok": False, "error": "not_authed"})
        if self._rates is not None:
            retry_after = self._rates.retry_after(call)
            if retry_after is not None:
                return _Outcome(
                    HTTPStatus.TOO_MANY_REQUESTS,
                    {"ok": False, "error": "ratelimited"},
                    {"Retry-After": str(retry_after)},
                )
        override = self._overrides.get(call.method)
        if override is not None:
            return _Outcome(HTTPStatus.OK, override)
        return _Outcome(HTTPStatus.OK, None)

    def _default_answer(self, call: Call) -> Payload | str:
        if call.is_response_url:
            return "ok"
        channel = call.channel or "C123"
        if call.method == "chat.postMessage":
            ts = self._next_ts()
            message = self._message(call, ts)
            if self._keep_history:
                kept = dict(message)
                metadata = call.json_field("metadata")
                if isinstance(metadata, dict):
                    kept["metadata"] = metadata
                self._history.setdefault(channel, []).append(kept)
            return {"ok": True, "channel": channel, "ts": ts, "message": message}
        if call.method == "conversations.history" and self._keep_history:
            return self._history_page(call, channel)
        if call.method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if call.method == "chat.update":
            ts = str(call.body.get("ts") or self._next_ts())
            message = self._message(call, ts)
            text = message["text"]
            return {"ok": True, "channel": channel, "ts": ts, "text": text, "message": message}
        if call.method in ("views.publish", "views.open", "views.update", "views.push"):
            return {"ok": True, "view": self._view(call)}
        if call.method == "users.info":
            return {"ok": True, "user": _user_info(str(call.body.get("user") or "U123"))}
        if call.method == "auth.test":
            return {
                "ok": True,
                "url": f"https://{self.team_domain}.slack.test/",
                "team": self.team_name,
                "user": "medicon",
                "team_id": self.team_id,
                "user_id": self.bot_user_id,
                "bot_id": self.bot_id,
                "is_enterprise_install": False,
            }
        if call.method == "conversations.info":
            return {"ok": True, "channel": _channel_info(channel)}
        if call.method == "oauth.v2.access":
            return self._oauth_v2_access(call)
        return {"ok": True}

    def _history_page(self, call: Call, channel: str) -> Payload:
        newest_first = list(reversed(self._history.get(channel, [])))
        with_metadata = str(call.body.get("include_all_metadata", "")).lower() in ("1", "true")
        if not with_metadata:
            newest_first = [{k: v for k, v in m.items() if k != "metadata"} for m in newest_first]
        start = int(str(call.body.get("cursor") or 0))
        limit = max(1, min(int(str(call.body.get("limit") or 100)), 1000))
        page = newest_first[start : start + limit]
        more = start + limit < len(newest_first)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _message(self, call: Call, ts: str) -> Payload:
        message: Payload = {
            "type": "message",
            "user": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "team": self.team_id,
            "ts": ts,
            "text": call.text or "",
        }
        blocks = call.blocks()
        if blocks:
            message["blocks"] = blocks
        thread_ts = call.body.get("thread_ts")
        if thread_ts:
            message["thread_ts"] = str(thread_ts)
        return message

    def _view(self, call: Call) -> Payload:
        given = call.json_field("view")
        view: Payload = dict(given) if isinstance(given, dict) else {}
        serial = self._next_serial()
        return {
            "id": f"V{serial:08d}",
            "team_id": self.team_id,
            "type": view.get("type", "home"),
            "blocks": view.get("blocks", []),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{_FIRST_TS_SECONDS}.stand-in-{serial}",
            "title": view.get("title"),
            "external_id": view.get("external_id", ""),
            "root_view_id": f"V{serial:08d}",
            "previous_view_id": None,
            "app_id": self.app_id,
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }

    def _oauth_v2_access(self, call: Call) -> Payload:
        serial = self._next_serial()
        return {
            "ok": True,
            "app_id": self.app_id,
            "authed_user": {"id": "U123"},
            "scope": ",".join(self.scopes),
            "token_type": "bot",
            "access_token": f"xoxb-stand-in-{serial}",
            "bot_user_id": self.bot_user_id,
            "team": {"id": self.team_id, "name": self.team_name},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def _record_error(self, error: BaseException) -> None:
        with self._condition:
            self._errors.append(error)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # benchmarks open many connections at once; the default is 5


def _channel_info(channel: str) -> Payload:
    return {
        "id": channel,
        "name": "directmessage" if channel.startswith("D") else f"stand-in-{channel.lower()}",
        "is_channel": channel.startswith("C"),
        "is_group": channel.startswith("G"),
        "is_im": channel.startswith("D"),
        "is_member": True,
        "is_private": channel.startswith("G"),
        "is_archived": False,
    }


def _user_info(user: str) -> Payload:
    """A person in Copenhagen's timezone, as ``users.info`` describes them."""
    return {
        "id": user,
        "name": user.lower(),
        "deleted": False,
        "is_bot": False,
        "tz": "Europe/Copenhagen",
        "tz_label": "Central European Time",
        "tz_offset": 3600,
    }


def _bearer_token(authorization: str | None) -> str | None:
    if authorization is None:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()


def _parse_body(raw: bytes, content_type: str, *, into: dict[str, Any]) -> str | None:
    """Merge the body's fields into ``into``; the Slack error code if it cannot be parsed."""
    if not raw:
        return None
    media_type = content_type.split(";", 1)[0].strip().lower()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "invalid_charset"
    if media_type == "application/json":
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            return "invalid_json"
        if not isinstance(parsed, dict):
            return "invalid_json"
        into.update(parsed)
        return None
    if media_type in ("", "application/x-www-form-urlencoded"):
        into.update(parse_qsl(text, keep_blank_values=True))
        return None
    return None  # e.g. multipart file uploads: the raw body is on the Call


def _make_handler(stand_in: SlackStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "SlackStandIn/1.0"

        def do_POST(self) -> None:
            self._answer("POST")

        def do_GET(self) -> None:
            self._answer("GET")

        def _answer(self, http_method: str) -> None:
            try:
                raw = self._read_body()
                headers = {k.lower(): v for k, v in self.headers.items()}
                status, extra, content, delay = stand_in._handle(
                    http_method, self.path, headers, raw
                )
            except Exception as error:
                stand_in._record_error(error)
                status, extra, content, delay = 500, {}, repr(error).encode(), 0.0
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped waiting (a timeout during a set_delay): as with Slack

        def _read_body(self) -> bytes:
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                return b"".join(self._chunks())
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _chunks(self) -> Iterator[bytes]:
            while True:
                size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return
                yield self.rfile.read(size)
                self.rfile.readline()

        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the calls are recorded instead."""

    return Handler
