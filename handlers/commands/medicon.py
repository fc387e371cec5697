"""``/medicon <text>``: answered from memory, so the ack itself carries the (ephemeral) answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack

from bot.replies import command_reply
from bot.services import Services

__all__ = ["make_medicon_command"]


def make_medicon_command(services: Services) -> Callable[..., None]:
    def medicon_command(ack: Ack, command: dict[str, Any]) -> None:
        message = command_reply(services.kb, command.get("text") or "")
        ack(response_type="ephemeral", text=message.text, blocks=list(message.blocks))

    return medicon_command
