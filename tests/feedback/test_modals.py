"""What people type into the feedback modals: checked, capped, and escaped where shown."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.answers.render.feedback_blocks import AnswerRef, feedback_block, thanked
from bot.slack.views.feedback import (
    BAD_URL,
    Suggestion,
    editors_post,
    missing_from,
    suggestion_from,
    suggestion_modal,
)


def submitted(**values: str) -> dict[str, Any]:
    return {
        "state": {"values": {block: {"input": {"value": value}} for block, value in values.items()}}
    }


@pytest.mark.parametrize(
    "url",
    [
        "not a url",
        "ftp://example.org/file",
        "javascript:alert(1)",
        "https://",
        "https://exa mple.org",
        "www.example.org",
        "https://[::1",
        "https://example.org/" + "x" * 600,
    ],
)
def test_a_bad_source_url_is_a_field_error(url: str) -> None:
    errors = suggestion_from(submitted(suggest_what="CRISPR in Lund", suggest_url=url))
    assert errors == {"suggest_url": BAD_URL}


@pytest.mark.parametrize("url", ["https://www.lu.se/crispr", "http://example.org", ""])
def test_a_web_address_or_none_is_accepted(url: str) -> None:
    suggestion = suggestion_from(submitted(suggest_what="CRISPR in Lund", suggest_url=url))
    assert suggestion == Suggestion(text="CRISPR in Lund", url=url or None, note=None)


def test_what_is_missing_is_required_and_everything_is_capped() -> None:
    assert set(suggestion_from(submitted(suggest_what="   "))) == {"suggest_what"}  # type: ignore[arg-type]
    long = suggestion_from(submitted(suggest_what="x" * 1000, suggest_note="y" * 1000))
    assert isinstance(long, Suggestion)
    assert len(long.text) == 300
    assert long.note is not None
    assert len(long.note) == 500
    assert len(missing_from(submitted(missing="z " * 400))) <= 300


def test_the_editors_post_escapes_what_was_typed() -> None:
    suggestion = Suggestion(text="<!channel> look", url="https://x.org/?a=1&b=<2>", note="<@U9>")
    post = editors_post(suggestion, user_id="U123")
    shown = json.dumps(post.blocks) + post.text
    assert "<@U123>" in shown
    assert "<!channel>" not in shown
    assert "<@U9>" not in shown
    assert "&lt;!channel&gt; look" in shown


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "en",
            ("*Suggested addition* from <@U123>", "*Source:*", "*Note:*", "Suggested addition:"),
        ),
        ("da", ("*Foreslået tilføjelse* fra <@U123>", "*Kilde:*", "*Bemærkning:*", "Foreslået ")),
        ("sv", ("*Föreslaget tillägg* från <@U123>", "*Källa:*", "*Anteckning:*", "Föreslaget ")),
    ],
)
def test_the_editors_post_is_said_in_the_suggesters_language(
    language: str, said: tuple[str, str, str, str]
) -> None:
    suggestion = Suggestion(text="<b>CRISPR</b> i Lund", url="https://x.org", note="se kilden")
    post = editors_post(suggestion, user_id="U123", language=language)
    (section,) = post.blocks
    heading, quoted, source, note = section["text"]["text"].split("\n")
    assert (heading, source, note) == (said[0], f"{said[1]} https://x.org", f"{said[2]} se kilden")
    assert quoted == ">&lt;b&gt;CRISPR&lt;/b&gt; i Lund"  # what was typed, as typed, escaped
    assert post.text.startswith(said[3])
    assert post.text.endswith("&lt;b&gt;CRISPR&lt;/b&gt; i Lund")


def test_the_suggestion_modal_starts_from_the_question() -> None:
    modal = suggestion_modal(AnswerRef("crispr on mars", None, "dm"))
    assert modal["blocks"][0]["element"]["initial_value"] == "crispr on mars"
    assert AnswerRef.decode(modal["private_metadata"]) == AnswerRef("crispr on mars", None, "dm")
    assert [b["optional"] for b in modal["blocks"]] == [False, True, True]


@pytest.mark.parametrize(
    "value", ["", "not json", "[]", '{"q": 1, "s": "slash"}', '{"q": "x", "s": "fax"}']
)
def test_a_value_that_is_not_an_answer_ref_is_refused(value: str) -> None:
    assert AnswerRef.decode(value) is None


def test_button_values_stay_within_slacks_limit() -> None:
    ref = AnswerRef("ø" * 5000, "centre:" + "x" * 100, "slash")
    block = feedback_block(ref, declined=False)
    assert all(len(element["value"]) <= 2000 for element in block["elements"])
    decoded = AnswerRef.decode(block["elements"][0]["value"])
    assert decoded is not None
    assert len(decoded.question) == 500


def test_thanks_replace_only_the_buttons() -> None:
    ref = AnswerRef("ludc", "centre:ludc", "dm")
    header: dict[str, Any] = {"type": "header", "text": {"type": "plain_text", "text": "LUDC"}}
    share: dict[str, Any] = {"type": "actions", "block_id": "share", "elements": []}
    blocks = [header, share, feedback_block(ref, declined=False)]
    after = thanked(blocks)
    assert after[:2] == [header, share]
    assert after[2]["type"] == "context"
    assert "Thanks: noted" in after[2]["elements"][0]["text"]
