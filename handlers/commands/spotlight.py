"""``/medicon subscribe|unsubscribe|subscriptions``: the channel's weekly spotlight.

Acknowledged at once; the work (a channel check with Slack, a database write) follows in a
lazy listener that answers through the command's response_url.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.answers.mrkdwn import escape
from bot.answers.phrases import SLACK_ONLY_WORDS
from bot.services import Services
from bot.slack.channel_access import bot_can_post
from bot.slack.speaking import language_for
from bot.slack.spotlight_modal import open_spotlight_modal, setup_button
from bot.spotlights import ScheduleError, describe, parse_schedule, subscribe, unsubscribe
from bot.spotlights import phrases as spotlight_phrases
from bot.spotlights.schedule import split_language
from bot.spotlights.service import SubscriptionView
from bot.text import clean_line

__all__ = ["SPOTLIGHT_WORDS", "announcement", "is_spotlight_command", "make_spotlight_command"]

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
        reader = language_for(services, command)  # the person's choice; English by default

        def said(text: str) -> str:
            return localise(text, reader)

        if word == "subscribe" and not rest:
            # No schedule typed: the settings modal asks for one (the trigger lasts 3 s).
            open_spotlight_modal(
                client,
                trigger_id=command["trigger_id"],
                user_id=user_id,
                channel_id=channel_id,
                default_timezone=services.settings.timezone,
                language=reader,
            )
            return
        if word == "subscribe":
            typed_language, rest = split_language(rest)
            try:
                schedule = parse_schedule(rest, default_timezone=services.settings.timezone)
            except ScheduleError as error:
                respond(response_type="ephemeral", text=said(error.args[0]))
                return
            if not bot_can_post(client, channel_id):
                respond(response_type="ephemeral", text=said(spotlight_phrases.INVITE_ME))
                return
            with services.database.sessions() as session:
                if typed_language is None:  # none typed: the channel keeps the one it had
                    found = describe(session, team_id=team_id, channel_id=channel_id, now=now)
                    language = found.language if found is not None else None
                else:
                    language = None if typed_language == "auto" else typed_language
                view = subscribe(
                    session,
                    team_id=team_id,
                    enterprise_id=command.get("enterprise_id") or None,
                    channel_id=channel_id,
                    user_id=user_id,
                    schedule=schedule,
                    now=now,
                    language=language,
                )
            respond(response_type="in_channel", text=announcement(view, user_id))
            return
        if word == "unsubscribe":
            with services.database.sessions() as session:
                found = describe(session, team_id=team_id, channel_id=channel_id, now=now)
                removed = unsubscribe(session, team_id=team_id, channel_id=channel_id)
            if removed:
                channel = found.post_language if found is not None else reader
                text = spotlight_phrases.UNSUBSCRIBED_BY.format(user=escape(user_id))
                respond(response_type="in_channel", text=localise(text, channel))
            else:
                respond(response_type="ephemeral", text=said(spotlight_phrases.NOT_SUBSCRIBED))
            return
        with services.database.sessions() as session:
            found = describe(
                session, team_id=team_id, channel_id=channel_id, now=now, kb=services.kb
            )
        text = "\n".join(found.lines(reader)) if found else said(spotlight_phrases.NOT_SUBSCRIBED)
        blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}]
        respond(response_type="ephemeral", text=text, blocks=[*blocks, setup_button(reader)])

    return spotlight_command


def announcement(view: SubscriptionView, user_id: str) -> str:
    """What the channel is told when someone sets up (or changes) its spotlight: in the
    language its posts will be in."""
    language = view.post_language
    said = spotlight_phrases.SUBSCRIBED_BY.format(
        user=escape(user_id), schedule=view.describe_schedule(language)
    )
    return f"{localise(said, language)}\n{view.describe_next(language)}"
