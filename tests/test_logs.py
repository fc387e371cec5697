"""One log record, one line: request values and library messages cannot forge a line."""

from __future__ import annotations

import io
import logging

from bot.logs import ControlEscapingFilter, TokenRedactingFilter, loggable


def _formatted(record: logging.LogRecord) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TokenRedactingFilter())
    handler.addFilter(ControlEscapingFilter())
    handler.handle(record)
    return stream.getvalue()


def test_a_request_value_is_logged_on_one_line() -> None:
    assert loggable("access_denied\nCRITICAL forged") == "access_denied\\nCRITICAL forged"
    assert loggable("\x1b[2K\u202e") == "\\x1b[2K\\u202e"
    assert loggable(None) == "None"


def test_a_library_message_stays_one_line_and_its_traceback_stays_whole() -> None:
    try:
        raise ValueError("boom")
    except ValueError as error:
        record = logging.LogRecord(
            "slack_sdk", logging.WARNING, __file__, 1, "state: %s - %s", ("a\nb", "xoxb-1-x"), None
        )
        record.exc_info = (type(error), error, error.__traceback__)
    text = _formatted(record)
    first, *traceback = text.splitlines()
    assert first == "state: a\\nb - xoxb-***"
    assert traceback[0] == "Traceback (most recent call last):"
    assert traceback[-1] == "ValueError: boom"
