"""``medicon-bot socket``: the same Bolt app over Socket Mode, for running without a public URL."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.answers import prepared
from bot.config import Settings
from bot.knowledge import load_knowledge_base
from bot.services import Services
from bot.slack.app import create_app
from bot.slack.client import create_web_client
from bot.storage import open_database

__all__ = ["run_socket_mode"]


def run_socket_mode(settings: Settings) -> None:
    """Connect to Slack with SLACK_APP_TOKEN and serve until interrupted."""
    settings.require_slack(socket_mode=True)
    assert settings.slack_app_token is not None
    services = Services(
        settings=settings,
        kb=prepared(load_knowledge_base(settings.data_dir)),
        database=open_database(settings.database_url),
    )
    app = create_app(services, client=create_web_client(settings), socket_mode=True)
    handler = SocketModeHandler(app, app_token=settings.slack_app_token.get_secret_value())
    handler.start()  # type: ignore[no-untyped-call]
