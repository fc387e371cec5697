"""manifest.yaml is a valid Slack app manifest and declares exactly what the code registers."""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from bot.knowledge import default_data_dir, load_knowledge_base
from bot.slack.surface import (
    BOT_EVENTS,
    BOT_SCOPES,
    EVENTS_PATH,
    SHORTCUTS,
    SLASH_COMMAND,
    UNFURL_DOMAINS,
)
from bot.slack.unfurl import entry_domains
from tests.support.availability import missing

REPO = Path(__file__).resolve().parents[1]
MANIFEST = REPO / "manifest.yaml"
SCHEMA_NAME = Path("slack") / "manifest.schema.1.0.0.json"
SHARED_DIR_VARIABLE = "MEDICON_SHARED_DIR"

# Slack's schema writes the colour rule as "regex", which is no JSON Schema keyword, so the
# validator ignores it; this test applies it itself.
BACKGROUND_COLOR = re.compile(r"^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$")


def schema_path() -> Path:
    """Slack's schema: in $MEDICON_SHARED_DIR if set, else in shared/ beside the repo."""
    override = os.environ.get(SHARED_DIR_VARIABLE)
    shared = Path(override) if override else REPO.parent / "shared"
    candidate = shared / SCHEMA_NAME
    if not candidate.is_file():
        where = f"{SHARED_DIR_VARIABLE}={override}" if override else "shared/ beside the repo"
        missing(
            f"Slack's manifest schema is not at {candidate} ({where}): put shared/ beside the "
            f"repository or set {SHARED_DIR_VARIABLE}"
        )
    return candidate


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema)


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict), "manifest.yaml must hold a mapping"
    return loaded


def schema_errors(validator: Draft7Validator, document: dict[str, Any]) -> list[str]:
    return sorted(
        f"{'.'.join(str(p) for p in error.absolute_path) or '<root>'}: {error.message}"
        for error in validator.iter_errors(document)
    )


def the_command(manifest: dict[str, Any]) -> dict[str, Any]:
    commands = manifest["features"]["slash_commands"]
    assert [c["command"] for c in commands] == [SLASH_COMMAND]
    command: dict[str, Any] = commands[0]
    return command


def test_the_manifest_is_valid_against_slacks_schema(
    validator: Draft7Validator, manifest: dict[str, Any]
) -> None:
    assert schema_errors(validator, manifest) == []
    assert BACKGROUND_COLOR.match(manifest["display_information"]["background_color"])


def test_the_slash_command_is_the_one_the_app_registers(manifest: dict[str, Any]) -> None:
    command = the_command(manifest)
    assert command["description"]
    assert command["usage_hint"]
    assert command["should_escape"] is False


def test_bot_events_and_scopes_match_the_code(manifest: dict[str, Any]) -> None:
    events = manifest["settings"]["event_subscriptions"]["bot_events"]
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert set(events) == set(BOT_EVENTS)
    assert len(events) == len(set(events))
    assert set(scopes) == set(BOT_SCOPES)
    assert len(scopes) == len(set(scopes))


def test_every_request_url_is_the_events_path(manifest: dict[str, Any]) -> None:
    settings = manifest["settings"]
    urls = {
        "slash command": the_command(manifest)["url"],
        "event subscriptions": settings["event_subscriptions"]["request_url"],
        "interactivity": settings["interactivity"]["request_url"],
        "options load URL": settings["interactivity"]["message_menu_options_url"],
    }
    for where, url in urls.items():
        assert url.startswith("https://"), f"{where}: {url} is not https"
        assert url.endswith(EVENTS_PATH), f"{where}: {url} does not end with {EVENTS_PATH}"


def test_interactivity_and_the_home_tab_are_enabled(manifest: dict[str, Any]) -> None:
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    app_home = manifest["features"]["app_home"]
    assert app_home["home_tab_enabled"] is True
    assert app_home["messages_tab_enabled"] is True
    assert app_home["messages_tab_read_only_enabled"] is False
    assert manifest["settings"]["socket_mode_enabled"] is False


def test_shortcuts_are_the_ones_the_app_registers(manifest: dict[str, Any]) -> None:
    declared = [(s["callback_id"], s["type"], s["name"]) for s in manifest["features"]["shortcuts"]]
    assert declared == list(SHORTCUTS)
    assert all(s["description"] for s in manifest["features"]["shortcuts"])


def test_unfurl_domains_are_the_apps_and_each_holds_a_centres_website(
    manifest: dict[str, Any],
) -> None:
    """A curated subset of the knowledge base's domains (Slack takes five): each must still hold
    at least one entry's website, or its links would be sent to the bot for nothing."""
    listed = manifest["features"]["unfurl_domains"]
    assert listed == list(UNFURL_DOMAINS)
    held = entry_domains(load_knowledge_base(default_data_dir()))
    assert [domain for domain in listed if domain not in held] == []
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert {"links:read", "links:write"} <= set(scopes)
    assert "link_shared" in manifest["settings"]["event_subscriptions"]["bot_events"]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (lambda m: m["features"]["slash_commands"][0].pop("description"), "'description'"),
        (lambda m: m["display_information"].update(long_description="Too short."), "too short"),
        (lambda m: m["settings"].update(socket_mode="yes"), "socket_mode"),
        (lambda m: m["settings"]["event_subscriptions"].update(request_url="ftp://x"), "ftp://x"),
    ],
    ids=["command-without-description", "short-long-description", "unknown-key", "bad-url"],
)
def test_a_broken_manifest_fails_the_schema(
    validator: Draft7Validator,
    manifest: dict[str, Any],
    breakage: Callable[[dict[str, Any]], object],
    expected: str,
) -> None:
    broken = copy.deepcopy(manifest)
    breakage(broken)
    errors = schema_errors(validator, broken)
    assert errors, "the schema accepted a broken manifest"
    assert any(expected in error for error in errors), errors
