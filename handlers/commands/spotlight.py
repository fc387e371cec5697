"""``/medicon subscribe|unsubscribe|subscriptions``: the channel's weekly spotlight.

Acknowledged at once; the work (a channel check with Slack, a database write) follows in a
lazy listener that answers through the command's response_url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.answers.phrases import SLACK_ONLY_WORDS
from bot.answers.render.mrkdwn import escape
from bot.services import Services
from bot.slack.channel_access import bot_can_post
from bot.slack.spotlight_modal import open_spotlight_modal, setup_button
from bot.spotlights import ScheduleError, describe, parse_schedule, subscribe, unsubscribe
from bot.spotlights import phrases as spotlight_phrases
from bot.text import clean_line

__all__ = ["SPOTLIGHT_WORDS", "is_spotlight_command", "make_spotlight_command"]

SPOTLIGHT_WORDS: Final = SLACK_ONLY_WORDS
"""The same words the offline console answers with "works in Slack"."""


def _split(command: dict[str, Any]) -> tuple[str, str]:
    word, _, rest = clean_line(command.get("text")).partition(" ")
    return word.casefold(), rest.strip()


def is_spotlight_command(command: dict[str, Any]) -> bool:
    """Listener matcher: the command's first word is one of the spotlight words."""
    return _split(command)[0] in SPOTLIGHT_WORDS


def make_spotlight_command(services: Services) -> Callable[..., None]:
    def spotlight_command(command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        word, rest = _split(command)
        team_id, channel_id = command["team_id"], command["channel_id"]
        user_id = command["user_id"]
        now = services.now()
        if word == "subscribe" and not rest:
            # No schedule typed: the settings modal asks for one (the trigger lasts 3 s).
            open_spotlight_modal(
                client,
                trigger_id=command["trigger_id"],
                user_id=user_id,
                channel_id=channel_id,
                default_timezone=services.settings.timezone,
            )
            return
        if word == "subscribe":
            try:
                schedule = parse_schedule(rest, default_timezone=services.settings.timezone)
            except ScheduleError as error:
                respond(response_type="ephemeral", text=str(error))
                return
            if not bot_can_post(client, channel_id):
                respond(response_type="ephemeral", text=spotlight_phrases.INVITE_ME)
                return
            with services.database.sessions() as session:
                view = subscribe(
                    session,
                    team_id=team_id,
                    enterprise_id=command.get("enterprise_id") or None,
                    channel_id=channel_id,
                    user_id=user_id,
                    schedule=schedule,
                    now=now,
                )
            announcement = spotlight_phrases.SUBSCRIBED_BY.format(
                user=escape(user_id), schedule=view.describe_schedule()
            )
            respond(response_type="in_channel", text=f"{announcement}\n{view.describe_next()}")
            return
        if word == "unsubscribe":
            with services.database.sessions() as session:
                removed = unsubscribe(session, team_id=team_id, channel_id=channel_id)
            if removed:
                text = spotlight_phrases.UNSUBSCRIBED_BY.format(user=escape(user_id))
                respond(response_type="in_channel", text=text)
            else:
                respond(response_type="ephemeral", text=spotlight_phrases.NOT_SUBSCRIBED)
            return
        with services.database.sessions() as session:
            found = describe(
                session, team_id=team_id, channel_id=channel_id, now=now, kb=services.kb
            )
        text = "\n".join(found.lines()) if found else spotlight_phrases.NOT_SUBSCRIBED
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}]
        respond(response_type="ephemeral", text=text, blocks=[*blocks, setup_button()])

    return spotlight_command
