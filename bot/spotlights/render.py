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

from bot.answers.locale import localise, localise_code
from bot.answers.locale import ui as words
from bot.answers.records import ref_of
from bot.answers.render.feedback_blocks import AnswerRef, feedback_block
from bot.answers.render.mrkdwn import escape, link, truncate
from bot.answers.render.render import Message, entry_button, field_sections, host_of, section
from bot.answers.resolve.facts import year_phrase
from bot.knowledge import Centre, KnowledgeBase, ResearchField
from bot.spotlights import phrases
from bot.spotlights.rotation import Topic

__all__ = ["render_spotlight"]

_HEADER_LIMIT = 150
_FALLBACK_LIMIT = 3000
_MAX_NUMBERS = 6
_MAX_HAPPENING = 3
_MAX_CENTRES = 8


def render_spotlight(kb: KnowledgeBase, topic: Topic, *, language: str = "en") -> Message:
    """The spotlight message for ``topic`` (a research field or a centre), in ``language``
    (what the bot says; the knowledge is quoted as written)."""
    if isinstance(topic, ResearchField):
        blocks, numbers = _field_blocks(kb, topic, language)
        name = f"{topic.emoji} {topic.name}" if topic.emoji else topic.name
        plain_name = topic.name
        command = topic.id
    else:
        blocks, numbers = _centre_blocks(kb, topic, language)
        name = plain_name = topic.label
        command = topic.short_name.casefold() if topic.short_name else topic.id
    title = localise(phrases.HEADER.format(name=name), language)
    header = HeaderBlock(text=PlainTextObject(text=truncate(title, _HEADER_LIMIT), emoji=True))
    said_footer = localise(phrases.FOOTER.format(command=escape(command)), language)
    footer = ContextBlock(elements=[MarkdownTextObject(text=said_footer)])
    all_blocks: list[Block] = [header, *blocks]
    button = entry_button(topic)
    if button is not None:
        all_blocks.append(ActionsBlock(elements=[button]))
    all_blocks.append(footer)
    text = f"{localise(phrases.HEADER.format(name=plain_name), language)}. {topic.summary}"
    if numbers:
        text += " " + "; ".join(numbers) + "."
    return Message(
        text=truncate(escape(text), _FALLBACK_LIMIT),
        blocks=(*(block.to_dict() for block in all_blocks), _feedback(topic, command, language)),
    )


def _feedback(topic: Topic, command: str, language: str) -> dict[str, Any]:
    """Helpful / not helpful, as under every answer."""
    ref = ref_of(topic)
    answer = AnswerRef(question=command, entry=f"{ref.kind}:{ref.id}", surface="spotlight")
    return feedback_block(answer, declined=False, language=language)


def _happening(lines: Sequence[str], language: str) -> list[Block]:
    if not lines:
        return []
    bullets = "\n".join(f"• {escape(line)}" for line in lines[:_MAX_HAPPENING])
    return [section(f"*{localise(phrases.WHAT_IS_HAPPENING, language)}*\n{bullets}")]


def _field_blocks(
    kb: KnowledgeBase, field: ResearchField, language: str
) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = [section(escape(field.summary))]
    pairs: list[tuple[str, str]] = []
    numbers: list[str] = []
    for stat in field.stats[:_MAX_NUMBERS]:
        value = localise_code(stat.display_value, "value", language)
        year = f" ({localise(year_phrase(stat), language)})"
        pairs.append((stat.label, f"*{escape(value)}*{escape(stat.unit_suffix)}{year}"))
        numbers.append(f"{stat.label}: {value}{stat.unit_suffix}")
    blocks.extend(field_sections(pairs))
    blocks.extend(_happening(field.highlight_texts, language))
    centres = [c for c in kb.centres_in(field.id) if c.status.value == "active"]
    if centres:
        names = escape(", ".join(c.short_name or c.name for c in centres[:_MAX_CENTRES]))
        if len(centres) > _MAX_CENTRES:
            more = phrases.AND_MORE.format(names=names, count=len(centres) - _MAX_CENTRES)
            names = localise(more, language)
        blocks.append(section(f"*{localise(phrases.WHERE, language)}:* {names}"))
    blocks.extend(_link(kb, None, field.sources, language))
    return blocks, numbers


def _centre_blocks(
    kb: KnowledgeBase, centre: Centre, language: str
) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = [section(escape(centre.summary))]
    pairs: list[tuple[str, str]] = []
    if centre.host:
        pairs.append((localise(words.HOST, language), escape(centre.host)))
    place = centre.place
    if place:
        pairs.append((localise(words.LOCATION, language), escape(place)))
    if centre.founded:
        pairs.append((localise(words.FOUNDED, language), str(centre.founded)))
    kind = localise(words.KIND_LABELS.get(centre.kind, centre.kind_label), language)
    pairs.append((localise(words.TYPE, language), kind))
    blocks.extend(field_sections(pairs))
    blocks.extend(_happening(centre.detail_texts or centre.themes, language))
    website = str(centre.website) if centre.website else None
    blocks.extend(_link(kb, website, centre.sources, language))
    where = localise(phrases.WHERE, language)
    return blocks, [f"{where}: {place}"] if place else []


def _link(
    kb: KnowledgeBase, website: str | None, source_ids: Sequence[str], language: str
) -> list[Block]:
    if website:
        label = localise(phrases.WEBSITE, language)
        return [section(f"*{label}:* {link(website, host_of(website))}")]
    for source_id in source_ids:
        source = kb.sources.get(source_id)
        if source is not None and source.url is not None:
            label = localise(phrases.READ_MORE, language)
            return [section(f"*{label}:* {link(str(source.url), source.title)}")]
    return []
