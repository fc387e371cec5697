"""What people type, made safe: cleaned once where it enters the bot, escaped wherever text is
shown somewhere that obeys control characters (a terminal, a log line)."""

from bot.text.clean import LINE_LIMIT, MESSAGE_LIMIT, clean_line, clean_lines
from bot.text.controls import escape_controls, is_unsafe

__all__ = [
    "LINE_LIMIT",
    "MESSAGE_LIMIT",
    "clean_line",
    "clean_lines",
    "escape_controls",
    "is_unsafe",
]
