"""A topic → the weekly spotlight post: what it is, its numbers, what is happening, a link.

Pure: the same topic always renders the same message, within Slack's limits (the shared
truncation helpers cut every text first). The button is the answers' own ``entry_button``, so a
click lands on the same ``open_field`` / ``open_centre`` handlers as any answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
)

from bot.answers.records import ref_of
from bot.answers.render.feedback_blocks import AnswerRef, feedback_block
from bot.answers.render.mrkdwn import escape, link, truncate
from bot.answers.render.render import Message, entry_button, field_sections, host_of, section
from bot.knowledge import Centre, KnowledgeBase, ResearchField
from bot.spotlights import phrases
from bot.spotlights.rotation import Topic

__all__ = ["render_spotlight"]

_HEADER_LIMIT = 150
_FALLBACK_LIMIT = 3000
_MAX_NUMBERS = 6
_MAX_HAPPENING = 3
_MAX_CENTRES = 8


def render_spotlight(kb: KnowledgeBase, topic: Topic) -> Message:
    """The spotlight message for ``topic`` (a research field or a centre)."""
    if isinstance(topic, ResearchField):
        blocks, numbers = _field_blocks(kb, topic)
        name = f"{topic.emoji} {topic.name}" if topic.emoji else topic.name
        plain_name = topic.name
        command = topic.id
    else:
        blocks, numbers = _centre_blocks(kb, topic)
        name = plain_name = topic.label
        command = topic.short_name.casefold() if topic.short_name else topic.id
    header = HeaderBlock(
        text=PlainTextObject(
            text=truncate(phrases.HEADER.format(name=name), _HEADER_LIMIT), emoji=True
        )
    )
    footer = ContextBlock(
        elements=[MarkdownTextObject(text=phrases.FOOTER.format(command=escape(command)))]
    )
    all_blocks: list[Block] = [header, *blocks]
    button = entry_button(topic)
    if button is not None:
        all_blocks.append(ActionsBlock(elements=[button]))
    all_blocks.append(footer)
    text = f"{phrases.HEADER.format(name=plain_name)}. {topic.summary}"
    if numbers:
        text += " " + "; ".join(numbers) + "."
    return Message(
        text=truncate(escape(text), _FALLBACK_LIMIT),
        blocks=(*(block.to_dict() for block in all_blocks), _feedback(topic, command)),
    )


def _feedback(topic: Topic, command: str) -> dict[str, Any]:
    """Helpful / not helpful, as under every answer."""
    ref = ref_of(topic)
    answer = AnswerRef(question=command, entry=f"{ref.kind}:{ref.id}", surface="spotlight")
    return feedback_block(answer, declined=False)


def _happening(lines: Sequence[str]) -> list[Block]:
    if not lines:
        return []
    bullets = "\n".join(f"• {escape(line)}" for line in lines[:_MAX_HAPPENING])
    return [section(f"*What is happening there*\n{bullets}")]


def _field_blocks(kb: KnowledgeBase, field: ResearchField) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = [section(escape(field.summary))]
    pairs: list[tuple[str, str]] = []
    numbers: list[str] = []
    for stat in field.stats[:_MAX_NUMBERS]:
        year = f" ({stat.year_label})"
        pairs.append(
            (stat.label, f"*{escape(stat.display_value)}*{escape(stat.unit_suffix)}{year}")
        )
        numbers.append(f"{stat.label}: {stat.display_value}{stat.unit_suffix}")
    blocks.extend(field_sections(pairs))
    blocks.extend(_happening(field.highlight_texts))
    centres = [c for c in kb.centres_in(field.id) if c.status.value == "active"]
    if centres:
        names = ", ".join(c.short_name or c.name for c in centres[:_MAX_CENTRES])
        more = f" and {len(centres) - _MAX_CENTRES} more" if len(centres) > _MAX_CENTRES else ""
        blocks.append(section(f"*Where:* {escape(names)}{more}"))
    blocks.extend(_link(kb, None, field.sources))
    return blocks, numbers


def _centre_blocks(kb: KnowledgeBase, centre: Centre) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = [section(escape(centre.summary))]
    pairs: list[tuple[str, str]] = []
    if centre.host:
        pairs.append(("Host", escape(centre.host)))
    place = centre.place
    if place:
        pairs.append(("Location", escape(place)))
    if centre.founded:
        pairs.append(("Founded", str(centre.founded)))
    pairs.append(("Type", centre.kind_label))
    blocks.extend(field_sections(pairs))
    blocks.extend(_happening(centre.detail_texts or centre.themes))
    website = str(centre.website) if centre.website else None
    blocks.extend(_link(kb, website, centre.sources))
    return blocks, [f"Where: {place}"] if place else []


def _link(kb: KnowledgeBase, website: str | None, source_ids: Sequence[str]) -> list[Block]:
    if website:
        return [section(f"*Website:* {link(website, host_of(website))}")]
    for source_id in source_ids:
        source = kb.sources.get(source_id)
        if source is not None and source.url is not None:
            return [section(f"*Read more:* {link(str(source.url), source.title)}")]
    return []
