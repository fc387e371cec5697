"""respond() may POST only to Slack's hooks host (or the configured API host in tests)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.slack.response_urls import ResponseUrlPolicy

SLACK = ResponseUrlPolicy.for_api_url("https://slack.com/api/")
STAND_IN = ResponseUrlPolicy.for_api_url("http://127.0.0.1:4567/api/")


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.slack.com/commands/T1/2/abc",
        "https://hooks.slack.com:443/actions/T1/2/abc",
        "https://HOOKS.slack.com/commands/T1/2/abc",
    ],
)
def test_slacks_hooks_are_allowed(url: str) -> None:
    assert SLACK.allows(url)
    assert STAND_IN.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.slack.com/commands/x",
        "https://hooks.slack.com.evil.example/x",
        "https://evil.example/hooks.slack.com/x",
        "https://hooks.slack.com@evil.example/x",
        "https://user:pw@hooks.slack.com/x",
        "https://hooks.slack.com:8443/x",
        "http://127.0.0.1:4567/response/x",
        "file:///etc/passwd",
        "",
        "hooks.slack.com/x",
    ],
)
def test_anything_else_is_refused(url: str) -> None:
    assert not SLACK.allows(url)


def test_a_configured_api_host_is_allowed_with_its_port_only() -> None:
    assert STAND_IN.allows("http://127.0.0.1:4567/response/x")
    assert not STAND_IN.allows("http://127.0.0.1:4568/response/x")
    assert not STAND_IN.allows("https://127.0.0.1:4567/response/x")


@given(st.one_of(st.text(max_size=80), st.text(max_size=40).map("https://hooks.slack.com".__add__)))
def test_an_allowed_url_always_names_slacks_host(url: str) -> None:
    if SLACK.allows(url):
        parts = urlsplit(url)
        assert parts.scheme == "https"
        assert parts.hostname == "hooks.slack.com"
        assert parts.port in {None, 443}
