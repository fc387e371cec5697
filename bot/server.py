"""``medicon-bot serve``: the web app under gunicorn, the production WSGI server.

The master process validates everything and migrates the database once; each worker then builds
its own app (engine, client), so nothing that holds sockets crosses a fork.
"""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication

from bot.config import Settings
from bot.web import WebApp, create_web_app

__all__ = ["serve"]


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, settings: Settings, options: dict[str, Any]) -> None:
        self._settings = settings
        self._options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self) -> WebApp:
        return create_web_app(self._settings, apply_migrations=False)


def serve(settings: Settings, *, host: str = "0.0.0.0") -> None:  # noqa: S104 - the platform routes to us
    """Run gunicorn on ``host``:``PORT`` with ``WEB_CONCURRENCY`` workers until stopped."""
    options = {
        "bind": f"{host}:{settings.port}",
        "workers": settings.web_concurrency,
        "worker_class": "gthread",
        "threads": 8,
        "timeout": 30,
        "graceful_timeout": 10,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": settings.log_level.lower(),
        "proc_name": "medicon-bot-web",
    }
    _Server(settings, options).run()
