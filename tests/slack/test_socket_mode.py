"""The Slack app over Socket Mode, end to end: the real ``medicon-bot socket`` process (slack_bolt's
SocketModeHandler on slack_sdk's builtin client) asks the loopback Web API stand-in for a
WebSocket URL with its app token, connects to a loopback Socket Mode server, and answers the
envelopes the tests send it. Nothing leaves 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from bot.slack.surface import BOT_SCOPES
from bot.slack.views.spotlight import spotlight_view
from tests.support.block_limits import action_ids, header_text
from tests.support.interactions import (
    block_suggestion,
    global_shortcut,
    link_shared_event,
    message_shortcut,
    submitted_view,
)
from tests.support.signing import (
    BOT_USER_ID,
    block_actions_body,
    event_callback_body,
    message_im_event,
    slash_command_body,
)
from tests.support.slack_stand_in import Call, SlackStandIn
from tests.support.socket_mode_server import (
    SocketModeServer,
    events_api_envelope,
    interactive_envelope,
    slash_commands_envelope,
)
from tests.support.web_process import EXECUTABLE, clean_environment

BOT_TOKEN = "xoxb-1111-2222-socketmodebottoken"
APP_TOKEN = "xapp-1-A0STANDIN-3333-socketmodeapptoken"
TOKENS = (BOT_TOKEN, APP_TOKEN)


# --- the process -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SocketProcess:
    process: subprocess.Popen[bytes]
    log: Path
    connections_open: list[Call]
    """The ``apps.connections.open`` calls made while it started."""
    started_in: float

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_socket_process(
    *,
    environment: dict[str, str],
    log: Path,
    stand_in: SlackStandIn,
    server: SocketModeServer,
    timeout: float = 15.0,
) -> Iterator[SocketProcess]:
    """Start ``medicon-bot socket``; yield once it connected to ``server``; always stop it."""
    env = clean_environment(**environment)
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(EXECUTABLE), "socket"],
            env=env,
            cwd=log.parent,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = started + timeout
        while not server.connection_count:
            if process.poll() is not None:
                raise RuntimeError(
                    f"socket process exited early ({process.returncode}):\n"
                    + log.read_text(errors="replace")
                )
            if time.perf_counter() > deadline:
                raise RuntimeError(
                    f"socket process did not connect in {timeout}s:\n"
                    + log.read_text(errors="replace")
                )
            try:
                server.wait_for_connection(timeout=0.1)
            except AssertionError:
                continue
        yield SocketProcess(
            process,
            log,
            stand_in.calls("apps.connections.open"),
            time.perf_counter() - started,
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def socket_stand_in() -> Iterator[SlackStandIn]:
    with SlackStandIn(scopes=BOT_SCOPES) as stand_in:
        yield stand_in


@pytest.fixture(scope="module")
def socket_server() -> Iterator[SocketModeServer]:
    with SocketModeServer() as server:
        yield server


@pytest.fixture(scope="module")
def socket_bot(
    socket_stand_in: SlackStandIn,
    socket_server: SocketModeServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SocketProcess]:
    directory = tmp_path_factory.mktemp("socket")
    socket_stand_in.respond_with("apps.connections.open", {"ok": True, "url": socket_server.url})
    environment = {
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": socket_stand_in.api_url,
        "DATABASE_URL": f"sqlite:///{directory / 'bot.sqlite3'}",
        "LOG_LEVEL": "INFO",
    }
    with running_socket_process(
        environment=environment,
        log=directory / "socket.log",
        stand_in=socket_stand_in,
        server=socket_server,
    ) as bot:
        yield bot
        text = bot.log_text()
        assert not [token for token in TOKENS if token in text], "a token leaked into the log"


@pytest.fixture
def stand_in(socket_stand_in: SlackStandIn, socket_bot: SocketProcess) -> Iterator[SlackStandIn]:
    """The module's Web API stand-in with no calls recorded yet (the WSS URL answer stays)."""
    socket_stand_in.clear()
    yield socket_stand_in
    assert not socket_stand_in.errors, socket_stand_in.errors


@pytest.fixture
def server(
    socket_server: SocketModeServer, socket_bot: SocketProcess
) -> Iterator[SocketModeServer]:
    """The module's Socket Mode server, connected to the bot, with nothing received yet."""
    assert socket_bot.process.poll() is None, socket_bot.log_text()
    socket_server.clear()
    yield socket_server
    assert not socket_server.errors, socket_server.errors


# --- helpers ---------------------------------------------------------------------------------


def slash_fields(text: str, stand_in: SlackStandIn) -> dict[str, str]:
    """The slash command's fields as Socket Mode delivers them: a JSON object, not a form."""
    body = slash_command_body(text, response_url=stand_in.response_url("command"))
    return dict(parse_qsl(body.decode(), keep_blank_values=True))


def event_envelope(event: dict[str, Any]) -> dict[str, Any]:
    return events_api_envelope(json.loads(event_callback_body(event)))


def assert_quiet(stand_in: SlackStandIn, seconds: float = 0.5) -> None:
    """Nothing a user could see reaches Slack within ``seconds``; auth.test is Bolt asking who
    the bot is, not a reply."""
    time.sleep(seconds)
    replies = [call for call in stand_in.calls() if call.method != "auth.test"]
    assert replies == [], [call.describe() for call in replies]


# --- connecting ------------------------------------------------------------------------------


def test_connects_with_the_app_token_to_the_url_slack_gave(
    socket_bot: SocketProcess, socket_server: SocketModeServer
) -> None:
    assert socket_bot.started_in < 15
    (opened,) = socket_bot.connections_open
    assert opened.token == APP_TOKEN
    assert opened.status == 200
    assert socket_server.paths[0] == f"/link/?ticket={socket_server.ticket}&app_id=A0STANDIN"
    assert socket_server.is_connected()


# --- /medicon --------------------------------------------------------------------------------


def test_slash_command_is_answered_in_the_acknowledgement(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    started = time.perf_counter()
    envelope_id = server.send(slash_commands_envelope(slash_fields("cancer", stand_in)))
    ack = server.wait_for_ack(envelope_id, timeout=3)
    assert time.perf_counter() - started < 3
    payload = ack["payload"]
    assert payload["response_type"] == "ephemeral"
    assert "Cancer" in header_text(payload["blocks"])
    assert "share_answer" in action_ids(payload["blocks"])
    assert stand_in.calls("response:command") == []


def test_slash_command_alone_gives_the_help_card(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    envelope_id = server.send(slash_commands_envelope(slash_fields("", stand_in)))
    payload = server.wait_for_ack(envelope_id, timeout=3)["payload"]
    assert "Medicon Bot" in header_text(payload["blocks"])


# --- events ----------------------------------------------------------------------------------


def test_a_dm_is_acknowledged_and_answered_in_the_dm(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    envelope_id = server.send(event_envelope(message_im_event("LUDC", channel="D777")))
    ack = server.wait_for_ack(envelope_id, timeout=3)
    assert ack == {"envelope_id": envelope_id}
    (call,) = stand_in.wait_for("chat.postMessage", timeout=5)
    assert call.channel == "D777"
    assert "Lund University Diabetes Centre" in header_text(call.blocks())
    assert call.token == BOT_TOKEN


def test_bot_messages_are_acknowledged_and_get_no_reply(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    from_bot = {**message_im_event("cancer"), "bot_id": "B999", "subtype": "bot_message"}
    from_app_bot = {**message_im_event("cancer", user="U0OTHERBOT"), "bot_id": "B998"}
    from_itself = {**message_im_event("cancer", user=BOT_USER_ID), "bot_id": "B0BOT"}
    envelope_ids = [server.send(event_envelope(e)) for e in (from_bot, from_app_bot, from_itself)]
    for envelope_id in envelope_ids:
        assert server.wait_for_ack(envelope_id, timeout=3) == {"envelope_id": envelope_id}
    assert_quiet(stand_in)


# --- buttons ---------------------------------------------------------------------------------


def test_share_button_posts_the_answer_through_the_response_url(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    raw = block_actions_body(
        "share_answer",
        "LUDC",
        user_id="U777",
        channel_id="C123",
        container={"type": "message", "channel_id": "C123", "is_ephemeral": True},
        response_url=stand_in.response_url("share"),
    )
    payload = json.loads(dict(parse_qsl(raw.decode()))["payload"])
    envelope_id = server.send(interactive_envelope(payload))
    assert server.wait_for_ack(envelope_id, timeout=3) == {"envelope_id": envelope_id}
    shared, removed = stand_in.wait_for("response:share", count=2, timeout=5)
    assert shared.body["response_type"] == "in_channel"
    assert "LUDC" in header_text(shared.blocks())
    assert removed.body["delete_original"] is True


# --- shortcuts, type-ahead and modals (issue 13) ------------------------------------------------


def test_the_search_shortcut_opens_its_modal(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    envelope_id = server.send(interactive_envelope(global_shortcut("search_medicon")))
    assert server.wait_for_ack(envelope_id, timeout=3) == {"envelope_id": envelope_id}
    (opened,) = stand_in.wait_for("views.open", timeout=5)
    assert opened.json_field("view")["callback_id"] == "search_modal"


def test_options_are_the_acknowledgements_payload(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    envelope_id = server.send(interactive_envelope(block_suggestion("entry_search", "dan")))
    payload = server.wait_for_ack(envelope_id, timeout=3)["payload"]
    assert "centre:danstem" in [option["value"] for option in payload["options"]]


def test_a_spotlight_modal_submission_is_checked_and_saved(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    opened = spotlight_view(
        channel_id="C0SOCKET", timezone="Europe/Copenhagen", default_timezone="Europe/Copenhagen"
    )

    def state(at: str | None) -> dict[str, Any]:
        monday = {"text": {"type": "plain_text", "text": "Monday"}, "value": "0"}
        zone = {"text": {"type": "plain_text", "text": "Oslo"}, "value": "Europe/Oslo"}
        return {
            "spotlight_channel": {"value": {"selected_conversation": "C0SOCKET"}},
            "spotlight_weekday": {"value": {"selected_option": monday}},
            "spotlight_time": {"value": {"selected_time": at}},
            "spotlight_timezone": {"value": {"selected_option": zone}},
        }

    refused = server.send(interactive_envelope(submitted_view(opened, state(None))))
    errors = server.wait_for_ack(refused, timeout=3)["payload"]
    assert errors["response_action"] == "errors"
    assert list(errors["errors"]) == ["spotlight_time"]
    saved = server.send(interactive_envelope(submitted_view(opened, state("07:45"))))
    assert server.wait_for_ack(saved, timeout=3) == {"envelope_id": saved}
    (post,) = stand_in.wait_for("chat.postMessage", timeout=5)
    assert post.channel == "C0SOCKET"
    assert "every Monday at 07:45 Oslo time" in (post.text or "")


def test_the_message_shortcut_answers_its_user_alone(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    payload = message_shortcut(
        "lookup_message", "Met the CBMR people today", response_url=stand_in.response_url("look")
    )
    envelope_id = server.send(interactive_envelope(payload))
    assert server.wait_for_ack(envelope_id, timeout=3) == {"envelope_id": envelope_id}
    (reply,) = stand_in.wait_for("response:look", timeout=5)
    assert reply.body["response_type"] == "ephemeral"
    assert "open_centre:cbmr" in action_ids(reply.blocks())


def test_a_centre_link_is_unfurled(server: SocketModeServer, stand_in: SlackStandIn) -> None:
    url = "https://danstem.ku.dk/research/"
    envelope_id = server.send(event_envelope(link_shared_event([url], channel="C0SOCKLINK")))
    assert server.wait_for_ack(envelope_id, timeout=3) == {"envelope_id": envelope_id}
    (unfurl,) = stand_in.wait_for("chat.unfurl", timeout=5)
    assert unfurl.body["channel"] == "C0SOCKLINK"
    assert list(unfurl.json_field("unfurls")) == [url]


# --- reconnecting ----------------------------------------------------------------------------


def test_a_disconnect_request_makes_it_reconnect_and_keep_answering(
    server: SocketModeServer, stand_in: SlackStandIn
) -> None:
    before = server.connection_count
    server.disconnect()
    server.wait_for_connection(count=before + 1, timeout=10)
    (opened,) = stand_in.wait_for("apps.connections.open", timeout=5)
    assert opened.token == APP_TOKEN
    # The envelope waits in the new socket until slack_sdk's builtin client swaps sessions: it
    # closes the old one only once its blocking receive (a 3 s socket timeout) returns.
    envelope_id = server.send(slash_commands_envelope(slash_fields("LUDC", stand_in)))
    payload = server.wait_for_ack(envelope_id, timeout=10)["payload"]
    assert "LUDC" in header_text(payload["blocks"])


# --- the log ---------------------------------------------------------------------------------


def test_the_log_shows_the_session_and_no_token(socket_bot: SocketProcess) -> None:
    text = socket_bot.log_text()
    assert "A new session has been established" in text
    for token in TOKENS:
        assert token not in text
        assert token.split("-")[-1] not in text


# --- configuration ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environment", "variable"),
    [
        ({"SLACK_APP_TOKEN": APP_TOKEN}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_APP_TOKEN"),
    ],
    ids=["no-bot-token", "no-app-token"],
)
def test_a_missing_token_is_one_line_and_a_non_zero_exit(
    environment: dict[str, str], variable: str, tmp_path: Path
) -> None:
    env = clean_environment(
        **environment,
        SLACK_API_URL="http://127.0.0.1:9/api/",
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.sqlite3'}",
    )
    result = subprocess.run(
        [str(EXECUTABLE), "socket"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        timeout=30,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode != 0
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"Configuration error: {variable}: "), stderr
    output = result.stdout + result.stderr
    assert not [token for token in TOKENS if token.encode() in output]
