"""Logging set-up for every process: Slack tokens kept out of the logs, and one record one line.

A value that came with a request (a query parameter, an id from a payload) is logged through
:func:`loggable`, so a newline or a terminal escape in it cannot forge a line of its own; a
filter escapes whatever a library logs the same way (tracebacks aside, which span lines by
design).
"""

from __future__ import annotations

import logging
import re

from bot.text import escape_controls

__all__ = [
    "ControlEscapingFilter",
    "TokenRedactingFilter",
    "configure_logging",
    "loggable",
    "redact",
]

_TOKEN = re.compile(r"\b(xox[abeoprs]|xapp)-[A-Za-z0-9-]+")
_TRACEBACKS = logging.Formatter()


def redact(text: str) -> str:
    """``xoxb-123-abc`` → ``xoxb-***``: the kind of token stays visible, the secret does not."""
    return _TOKEN.sub(lambda match: f"{match.group(1)}-***", text)


def loggable(value: object) -> str:
    """``value`` as text fit for one log line: newlines, terminal escapes and bidi controls
    written as Python writes them (``access_denied\\nCRITICAL …``)."""
    return escape_controls(str(value))


class ControlEscapingFilter(logging.Filter):
    """Rewrites each record's message so that it is one line with nothing a terminal obeys."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        escaped = escape_controls(message)
        if escaped != message:
            record.msg, record.args = escaped, None
        return True


class TokenRedactingFilter(logging.Filter):
    """Rewrites each record's message so no Slack token reaches a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # Formatters cache the traceback here; fill it now so it is redacted too (a database
            # error's text carries the statement's parameters, tokens among them).
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def configure_logging(level: str = "INFO") -> None:
    """One stderr handler with the redacting and escaping filters; libraries log through it
    too."""
    root = logging.getLogger()
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(TokenRedactingFilter())
    handler.addFilter(ControlEscapingFilter())
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Alembic announces each of its plugins at INFO on every start: not news to an operator.
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)
