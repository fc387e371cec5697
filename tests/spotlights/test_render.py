"""The spotlight post: header, summary, numbers, what is happening, a link and a button."""

from __future__ import annotations

import pytest

from bot.answers.render.render import OPEN_CENTRE, OPEN_FIELD
from bot.knowledge import KnowledgeBase
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import topic_keys, topic_named
from tests.support.block_limits import limit_violations


def test_every_topic_renders_within_slacks_limits(kb: KnowledgeBase) -> None:
    for key in topic_keys(kb):
        topic = topic_named(kb, key)
        assert topic is not None
        message = render_spotlight(kb, topic)
        assert limit_violations(message.as_dict()) == [], key
        header = message.blocks[0]
        assert header["type"] == "header"
        assert header["text"]["text"].startswith(":sparkles: Medicon Valley spotlight: ")
        assert message.text.startswith(":sparkles: Medicon Valley spotlight: ")


def test_a_field_spotlight_has_numbers_highlights_a_source_link_and_its_button(
    kb: KnowledgeBase,
) -> None:
    cancer = kb.fields["cancer"]
    message = render_spotlight(kb, cancer)
    texts = " ".join(
        str(block.get("text", {}).get("text", ""))
        + " ".join(f["text"] for f in block.get("fields", []))
        for block in message.blocks
    )
    assert cancer.summary in texts
    assert cancer.stats[0].display_value in texts
    for stat in cancer.stats[:3]:  # every figure says its year, or that its source gives none
        assert f"{stat.unit_suffix} ({stat.year_label})" in texts
    assert "*What is happening there*" in texts
    assert "<https://" in texts
    [actions, _feedback] = [b for b in message.blocks if b["type"] == "actions"]
    assert actions["elements"][0]["action_id"] == f"{OPEN_FIELD}:cancer"
    assert cancer.stats[0].label in message.text


@pytest.mark.parametrize("centre_id", ["ludc", "create-health"])
def test_a_centre_spotlight_links_its_website_and_opens_the_centre(
    kb: KnowledgeBase, centre_id: str
) -> None:
    centre = kb.centres[centre_id]
    message = render_spotlight(kb, centre)
    assert centre.label in message.blocks[0]["text"]["text"]
    [actions, _feedback] = [b for b in message.blocks if b["type"] == "actions"]
    assert actions["elements"][0]["action_id"] == f"{OPEN_CENTRE}:{centre_id}"
    if centre.website:
        assert any("*Website:*" in str(b.get("text", {}).get("text")) for b in message.blocks)
