"""``/medicon subscribe [day] [HH:MM] [timezone] [language]``: a weekly spotlight in this channel.

Acknowledged at once; the work (a channel check with Slack, a database write) follows in a
lazy listener that answers through the command's response_url. With no schedule typed, the
settings modal asks for one instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext, Respond
from slack_sdk import WebClient

from bot.answers.locale import localise
from bot.services import Services
from bot.slack.channel_access import bot_can_post
from bot.slack.speaking import language_for
from bot.slack.views.spotlight import subscribed_announcement
from bot.spotlights import ScheduleError, describe, parse_schedule, subscribe
from bot.spotlights import phrases as spotlight_phrases
from bot.spotlights.schedule import split_language
from handlers.commands.fast_path import split_command
from handlers.spotlight_modal import open_spotlight_modal
from handlers.workspace import team_id_of

__all__ = ["make_subscribe"]


def make_subscribe(services: Services) -> Callable[..., None]:
    def subscribe_command(
        command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
    ) -> None:
        typed = split_command(command)[1]
        channel_id, user_id = command["channel_id"], command["user_id"]
        team_id = team_id_of(context)
        reader = language_for(services, command, team_id=team_id)  # their choice; else English
        if not typed:
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
        typed_language, typed = split_language(typed)
        try:
            schedule = parse_schedule(typed, default_timezone=services.settings.timezone)
        except ScheduleError as error:
            respond(response_type="ephemeral", text=localise(error.args[0], reader))
            return
        if not bot_can_post(client, channel_id):
            respond(response_type="ephemeral", text=localise(spotlight_phrases.INVITE_ME, reader))
            return
        now = services.now()
        with services.database.sessions() as session:
            if typed_language is None:  # none typed: the channel keeps the one it had
                found = describe(session, team_id=team_id, channel_id=channel_id, now=now)
                language = found.language if found is not None else None
            else:
                language = None if typed_language == "auto" else typed_language
            view = subscribe(
                session,
                team_id=team_id,
                enterprise_id=context.enterprise_id or None,
                channel_id=channel_id,
                user_id=user_id,
                schedule=schedule,
                now=now,
                language=language,
            )
        respond(response_type="in_channel", text=subscribed_announcement(user_id, view))

    return subscribe_command
