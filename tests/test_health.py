"""/healthz tells an operator whether the database answers, with the knowledge-base counts."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from slack_bolt import BoltResponse
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from bot.config import load_settings
from bot.knowledge import default_data_dir, load_knowledge_base
from bot.services import Services
from bot.slack.response_urls import ResponseUrlPolicy
from bot.slack.web import WebApp
from bot.storage import Database, open_database


def call(app: WebApp, method: str, path: str) -> tuple[str, dict[str, Any] | str]:
    seen: list[str] = []
    environ = {"REQUEST_METHOD": method, "PATH_INFO": path, "wsgi.input": io.BytesIO(b"")}
    body = b"".join(app(environ, lambda status, _headers: seen.append(status)))  # type: ignore[arg-type]
    text = body.decode()
    return seen[0], json.loads(text) if text.startswith("{") else text


def web_app(database: Database) -> WebApp:
    services = Services(
        settings=load_settings({}),
        kb=load_knowledge_base(default_data_dir()),
        database=database,
    )
    return WebApp(
        services=services,
        slack=lambda _environ, _start: [b""],
        dispatch=lambda _request: BoltResponse(status=200, body=""),
        signing_secret=b"unused",
        response_urls=ResponseUrlPolicy(),
    )


def test_healthy_when_the_database_answers(tmp_path: Path) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    status, body = call(web_app(database), "GET", "/healthz")
    assert status == "200 OK"
    counts = dict(load_knowledge_base(default_data_dir()).counts())
    assert body == {"status": "ok", "knowledge_base": counts, "database": "ok"}
    assert counts["fields"] == 6


def test_degraded_when_the_database_is_unreachable() -> None:
    engine = create_engine("postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=2")
    status, body = call(
        web_app(Database(engine=engine, sessions=sessionmaker(engine))), "GET", "/healthz"
    )
    assert status == "503 Service Unavailable"
    assert isinstance(body, dict)
    assert body["database"] == "unreachable"


def test_other_paths_and_methods(tmp_path: Path) -> None:
    app = web_app(open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}"))
    assert call(app, "GET", "/nope")[0] == "404 Not Found"
    assert call(app, "POST", "/healthz")[0] == "405 Method Not Allowed"
    assert call(app, "GET", "/slack/events")[0] == "405 Method Not Allowed"
    assert call(app, "GET", "/slack/install")[0] == "404 Not Found"  # single-workspace mode
