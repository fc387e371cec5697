"""Whether the bot can post in a channel, asked of Slack before promising a post there."""

from __future__ import annotations

from typing import Final

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack import phrases

__all__ = ["NOT_IN_CHANNEL", "bot_can_post"]

NOT_IN_CHANNEL: Final = phrases.NOT_IN_CHANNEL
"""Shown on a modal's channel field (plain text) when the bot cannot post there."""


def bot_can_post(client: WebClient, channel_id: str) -> bool:
    """Whether the bot can post in ``channel_id``: a DM with it, or a channel it is a member of.

    Private channels the bot is not in are invisible to it (channel_not_found).
    """
    if channel_id.startswith("D"):
        return True
    try:
        info = client.conversations_info(channel=channel_id)
    except SlackApiError as error:
        if error.response.get("error") in {"channel_not_found", "not_in_channel"}:
            return False
        raise
    channel = info.get("channel") or {}
    return bool(channel.get("is_member") or channel.get("is_im"))
