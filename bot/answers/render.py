"""Answer → Slack message (Block Kit blocks + plain-text fallback), always within Slack's limits.

Pure functions: the same answer always renders the same payload. Blocks are built with
slack_sdk's block models, which refuse anything over Slack's limits when serialised; the texts
are truncated here first so that never happens. Buttons carry ids, never free text:
``open_field:<id>`` / ``open_centre:<id>`` with the id as value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import singledispatch
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answers import phrases
from bot.answers.facts import year_phrase
from bot.answers.kinds import (
    ChatAnswer,
    CompareAnswer,
    DirectAnswer,
    Fact,
    FilteredListAnswer,
    OutsideAnswer,
    SideBySideAnswer,
)
from bot.answers.mrkdwn import escape, link, truncate
from bot.answers.resolve import (
    Answer,
    CentreAnswer,
    CentreListAnswer,
    ClusterAnswer,
    Entry,
    FieldAnswer,
    FieldListAnswer,
    HelpAnswer,
    NoMatchAnswer,
    SearchAnswer,
    StatsAnswer,
)
from bot.answers.tables import with_table
from bot.knowledge import Centre, Cluster, ResearchField, Source, Stat, Status

__all__ = [
    "MAX_ANSWER_BLOCKS",
    "OPEN_CENTRE",
    "OPEN_FIELD",
    "Message",
    "entry_button",
    "field_sections",
    "host_of",
    "render",
    "section",
]

OPEN_FIELD = "open_field"
OPEN_CENTRE = "open_centre"

MAX_BLOCKS = 50
MAX_ANSWER_BLOCKS = 45
"""Answers leave five blocks for what a surface adds (a share button, a note)."""
HEADER_LIMIT = 150
SECTION_LIMIT = 3000
FIELD_LIMIT = 2000
FIELDS_PER_SECTION = 10
BUTTON_TEXT_LIMIT = 75
BUTTONS_PER_ACTIONS = 25
CONTEXT_ELEMENTS = 10
FALLBACK_LIMIT = 3000


@dataclass(frozen=True)
class Message:
    """A Slack message payload: ``text`` is the notification and screen-reader fallback."""

    text: str
    blocks: tuple[dict[str, Any], ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """``{"text": …, "blocks": […]}``, ready for chat.postMessage or Block Kit Builder."""
        return {"text": self.text, "blocks": list(self.blocks)}


def render(answer: Answer, *, prefix: str = "/medicon ", tables: bool = False) -> Message:
    """The Slack message for ``answer``; ``prefix`` is how commands are typed on this surface.

    With ``tables`` (messages only: Slack shows table blocks nowhere else), ``stats`` and centre
    lists show a table block instead of a section per item (:mod:`bot.answers.tables`).
    """
    blocks, text = _render(answer, prefix)
    message = _finish(blocks, text)
    if not tables:
        return message
    return Message(text=message.text, blocks=with_table(answer, message.blocks))


def _finish(blocks: Sequence[Block], text: str) -> Message:
    serialised = [block.to_dict() for block in blocks]
    if len(serialised) > MAX_ANSWER_BLOCKS:
        serialised = serialised[: MAX_ANSWER_BLOCKS - 1]
        serialised.append(
            _context(["…more than fits in one message; try a narrower question."]).to_dict()
        )
    # The fallback is mrkdwn too (notifications, screen readers): escape it whole.
    fallback = truncate(escape(text), FALLBACK_LIMIT) or "Medicon Bot"
    return Message(text=fallback, blocks=tuple(serialised))


# --- building blocks -------------------------------------------------------------------------


def _header(text: str) -> HeaderBlock:
    return HeaderBlock(text=PlainTextObject(text=truncate(text, HEADER_LIMIT), emoji=True))


def section(mrkdwn: str) -> SectionBlock:
    """A mrkdwn section, cut to Slack's 3,000 characters."""
    return SectionBlock(text=MarkdownTextObject(text=truncate(mrkdwn, SECTION_LIMIT)))


def field_sections(pairs: Sequence[tuple[str, str]]) -> list[SectionBlock]:
    """``*label*\\nvalue`` pairs, at most ten per section as Slack requires."""
    texts = [truncate(f"*{escape(label)}*\n{value}", FIELD_LIMIT) for label, value in pairs]
    return [
        SectionBlock(fields=[MarkdownTextObject(text=t) for t in texts[i : i + FIELDS_PER_SECTION]])
        for i in range(0, len(texts), FIELDS_PER_SECTION)
    ]


def _context(lines: Iterable[str]) -> ContextBlock:
    elements = [MarkdownTextObject(text=truncate(line, SECTION_LIMIT)) for line in lines]
    return ContextBlock(elements=elements[:CONTEXT_ELEMENTS])


def entry_button(entry: Entry) -> ButtonElement | None:
    """A button that opens ``entry`` (a field or centre), or None for the cluster."""
    if isinstance(entry, ResearchField):
        label, action, entry_id = entry.name, OPEN_FIELD, entry.id
    elif isinstance(entry, Centre):
        label, action, entry_id = entry.short_name or entry.name, OPEN_CENTRE, entry.id
    else:
        return None
    return ButtonElement(
        text=PlainTextObject(text=truncate(label, BUTTON_TEXT_LIMIT), emoji=True),
        action_id=f"{action}:{entry_id}",
        value=entry_id,
    )


def _buttons(entries: Iterable[Entry]) -> list[ActionsBlock]:
    buttons = [b for b in (entry_button(e) for e in entries) if b is not None]
    return [
        ActionsBlock(elements=buttons[i : i + BUTTONS_PER_ACTIONS])
        for i in range(0, len(buttons), BUTTONS_PER_ACTIONS)
    ]


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"• {escape(line)}" for line in lines)


def _source_line(source: Source) -> str:
    title = f"{source.title} ({source.as_of})" if source.as_of else source.title
    if source.url is None:
        return escape(title)
    return link(str(source.url), title)


def _sources_context(sources: Sequence[Source]) -> list[ContextBlock]:
    if not sources:
        return []
    lines = [_source_line(source) for source in sources]
    label = "Source" if len(lines) == 1 else "Sources"
    text = f"*{label}:* " + " · ".join(lines)
    return [_context([text])]


def _closest(closest_to: str | None) -> list[Block]:
    if closest_to is None:
        return []
    return [_context([":mag: " + phrases.CLOSEST_MATCH.format(typed=escape(closest_to))])]


def _stat_pair(stat: Stat) -> tuple[str, str]:
    value = f"*{escape(stat.display_value)}*{escape(stat.unit_suffix)}"
    return stat.label, f"{value} ({year_phrase(stat)})\n_{escape(stat.statement)}_"


def _stat_text(stat: Stat) -> str:
    return f"{stat.label}: {stat.display_value}{stat.unit_suffix} ({year_phrase(stat)})"


def _reviewed(entry: Entry) -> list[Block]:
    reviewed = getattr(entry, "reviewed", None)
    if reviewed is None:
        return []
    return [_context([f"Last reviewed {reviewed.isoformat()}"])]


def _centre_name_with_status(centre: Centre) -> str:
    name = centre.short_name or centre.name
    if centre.status is Status.ACTIVE:
        return name
    return f"{name} ({phrases.STATUS_LABELS[centre.status.value].lower()})"


def _title(entry: Entry) -> str:
    if isinstance(entry, ResearchField):
        return f"{entry.emoji} {entry.name}" if entry.emoji else entry.name
    if isinstance(entry, Centre):
        return entry.label
    return entry.name


def _status_line(centre: Centre) -> str | None:
    if centre.status is Status.ACTIVE:
        return None
    label = phrases.STATUS_LABELS[centre.status.value]
    note = f": {escape(centre.status_note)}" if centre.status_note else ""
    return f":warning: *{label}*{note}"


def _one_line(entry: Entry) -> str:
    """A list item: bold name, where it is, and the status when it is not plainly active."""
    if isinstance(entry, Centre):
        place = entry.place
        extra = f" · {escape(place)}" if place else ""
        if entry.status is not Status.ACTIVE:
            extra += f" · _{phrases.STATUS_LABELS[entry.status.value].lower()}_"
        return f"*{escape(entry.label)}*{extra}\n{escape(entry.summary)}"
    if isinstance(entry, ResearchField):
        return f"*{escape(_title(entry))}*\n{escape(entry.summary)}"
    return f"*{escape(entry.name)}*\n{escape(entry.summary)}"


# --- one renderer per answer -----------------------------------------------------------------


@singledispatch
def _render(answer: object, prefix: str) -> tuple[list[Block], str]:
    raise TypeError(f"no renderer for {type(answer).__name__}")


@_render.register
def _(answer: FieldAnswer, prefix: str) -> tuple[list[Block], str]:
    research_field = answer.field
    blocks: list[Block] = [_header(_title(research_field)), *_closest(answer.closest_to)]
    blocks.append(section(escape(research_field.summary)))
    if research_field.stats:
        blocks.extend(field_sections([_stat_pair(stat) for stat in research_field.stats]))
    if research_field.highlights:
        blocks.append(section(_bullets(research_field.highlight_texts)))
    if answer.centres:
        names = ", ".join(_centre_name_with_status(centre) for centre in answer.centres)
        blocks.append(section(f"*Centres and programmes ({len(answer.centres)}):* {escape(names)}"))
        blocks.extend(_buttons(answer.centres))
    blocks.extend(_sources_context(answer.sources))
    blocks.extend(_reviewed(research_field))
    numbers = "; ".join(_stat_text(stat) for stat in research_field.stats)
    text = f"{research_field.name}: {research_field.summary}"
    if numbers:
        text += f" Key numbers: {numbers}."
    return blocks, _fallback(answer.closest_to, text)


def _fallback(closest_to: str | None, text: str) -> str:
    if closest_to is None:
        return text
    return f"({phrases.CLOSEST_MATCH.format(typed=closest_to)}) {text}"


@_render.register
def _(answer: CentreAnswer, prefix: str) -> tuple[list[Block], str]:
    centre = answer.centre
    blocks: list[Block] = [_header(centre.label), *_closest(answer.closest_to)]
    status = _status_line(centre)
    if status:
        blocks.append(section(status))
    if centre.changes:
        lines = [
            ":calendar: "
            + escape(phrases.FROM_DATE.format(day=c.effective.isoformat(), note=c.note))
            for c in centre.changes
        ]
        blocks.append(section(truncate("\n".join(lines), SECTION_LIMIT)))
    blocks.append(section(escape(centre.summary)))
    pairs: list[tuple[str, str]] = []
    if centre.host:
        pairs.append(("Host", escape(centre.host)))
    place = centre.place
    if place:
        pairs.append(("Location", escape(place)))
    pairs.append(("Fields", escape(", ".join(f.name for f in answer.fields))))
    pairs.append(("Type", centre.kind_label))
    if centre.founded or centre.founded_note:
        founded = str(centre.founded) if centre.founded else ""
        if centre.founded_note:
            founded = f"{founded} ({centre.founded_note})" if founded else centre.founded_note
        pairs.append(("Founded", escape(founded)))
    if centre.website:
        pairs.append(("Website", link(str(centre.website), host_of(str(centre.website)))))
    status_text = phrases.STATUS_LABELS[centre.status.value]
    if centre.status_year_label:
        status_text += f" ({centre.status_year_label})"
    pairs.append(("Status", status_text))
    if answer.parent:
        pairs.append(("Part of", escape(answer.parent.label)))
    blocks.extend(field_sections(pairs))
    if centre.details:
        blocks.append(section(_bullets(centre.detail_texts)))
    if centre.themes:
        blocks.append(section("*Research themes*\n" + _bullets(centre.themes)))
    related: list[Entry] = []
    if answer.successor:
        blocks.append(section(f"*Successor:* {escape(answer.successor.label)}"))
        related.append(answer.successor)
    if answer.parent:
        related.append(answer.parent)
    related.extend(answer.parts)
    related.extend(answer.fields)
    blocks.extend(_buttons(related))
    blocks.extend(_sources_context(answer.sources))
    blocks.extend(_reviewed(centre))
    text = f"{centre.label}"
    if place:
        text += f" ({place})"
    if centre.status is not Status.ACTIVE:
        text += f" [{phrases.STATUS_LABELS[centre.status.value]}]"
    text += f": {centre.summary}"
    return blocks, _fallback(answer.closest_to, text)


def host_of(url: str) -> str:
    """``https://www.ludc.lu.se/x`` → ``ludc.lu.se``: a link label people recognise."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


@_render.register
def _(answer: ClusterAnswer, prefix: str) -> tuple[list[Block], str]:
    cluster = answer.cluster
    blocks: list[Block] = [_header(cluster.name), *_closest(answer.closest_to)]
    blocks.append(section(escape(cluster.summary)))
    if cluster.stats:
        blocks.extend(field_sections([_stat_pair(stat) for stat in cluster.stats]))
    if cluster.highlights:
        blocks.append(section(_bullets(cluster.highlight_texts)))
    blocks.extend(_buttons(answer.fields))
    blocks.extend(_sources_context(answer.sources))
    blocks.extend(_reviewed(cluster))
    return blocks, _fallback(answer.closest_to, f"{cluster.name}: {cluster.summary}")


@_render.register
def _(answer: FieldListAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [_header(f"Medicon Valley's {len(answer.fields)} research fields")]
    for research_field, count in answer.fields:
        headline = ""
        if research_field.stats:
            headline = f"\n_{escape(_stat_text(research_field.stats[0]))}_"
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text=truncate(
                        f"*{escape(_title(research_field))}* · {count} centres{headline}",
                        SECTION_LIMIT,
                    )
                ),
                accessory=entry_button(research_field),
            )
        )
    blocks.append(_context([f"Open one, or type `{escape(prefix)}centres <field>`."]))
    names = ", ".join(f.name for f, _ in answer.fields)
    return blocks, f"Medicon Valley's {len(answer.fields)} research fields: {names}."


@_render.register
def _(answer: CentreListAnswer, prefix: str) -> tuple[list[Block], str]:
    title = f"Centres in {answer.field.name}" if answer.field else "Centres and programmes"
    blocks: list[Block] = [_header(title), *_closest(answer.closest_to)]
    if not answer.centres:
        blocks.append(section("No centres are listed for this field yet."))
    # A section per centre with its button, up to what fits; the rest by name.
    room = MAX_ANSWER_BLOCKS - len(blocks) - 2
    for centre in answer.centres[:room]:
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=truncate(_one_line(centre), SECTION_LIMIT)),
                accessory=entry_button(centre),
            )
        )
    rest = answer.centres[room:]
    if rest:
        more = ", ".join(c.short_name or c.name for c in rest)
        blocks.append(section(truncate(f"*And {len(rest)} more:* {escape(more)}", SECTION_LIMIT)))
    names = ", ".join(c.short_name or c.name for c in answer.centres)
    return blocks, _fallback(answer.closest_to, f"{title}: {names or 'none'}.")


@_render.register
def _(answer: StatsAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [_header("Medicon Valley in numbers")]
    lines: list[str] = []
    for research_field in answer.fields:
        if research_field.stats:
            values = "\n".join(
                f"*{escape(stat.display_value)}*{escape(stat.unit_suffix)} · {escape(stat.label)}"
                f" ({year_phrase(stat)})"
                for stat in research_field.stats
            )
        else:
            values = "_no figures in the sources_"
        blocks.append(section(f"*{escape(_title(research_field))}*\n{values}"))
        lines.append(
            f"{research_field.name}: "
            + ("; ".join(_stat_text(s) for s in research_field.stats) or "no figures")
        )
    if answer.cluster.stats:
        blocks.append(DividerBlock())
        blocks.append(section(f"*{escape(answer.cluster.name)} overall*"))
        blocks.extend(field_sections([_stat_pair(stat) for stat in answer.cluster.stats]))
    blocks.extend(_sources_context(answer.sources))
    return blocks, "Medicon Valley in numbers. " + " | ".join(lines)


@_render.register
def _(answer: SearchAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [
        _header("Search results"),
        _context([f"Best matches for “{escape(answer.query)}”"]),
    ]
    for entry in answer.entries:
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=truncate(_one_line(entry), SECTION_LIMIT)),
                accessory=entry_button(entry),
            )
        )
    names = ", ".join(_title(e) for e in answer.entries)
    return blocks, f"Results for “{answer.query}”: {names}."


@_render.register
def _(answer: HelpAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [_header(phrases.HELP_TITLE), section(phrases.HELP_INTRO)]
    lines = [
        f"`{escape(example.format(prefix=prefix))}` {escape(what)}"
        for example, what in phrases.COMMANDS
    ]
    blocks.append(section("\n".join(lines)))
    blocks.extend(_buttons(answer.fields))
    text = (
        phrases.HELP_TITLE + ". " + " · ".join(e.format(prefix=prefix) for e, _ in phrases.COMMANDS)
    )
    return blocks, text


@_render.register
def _(answer: NoMatchAnswer, prefix: str) -> tuple[list[Block], str]:
    typed = escape(truncate(answer.typed, 200))
    opening = {
        "no-field": phrases.NO_FIELD,
        "not-in-kb": phrases.NOT_IN_KB,
        "out-of-domain": phrases.DONT_KNOW,
        "garbage": phrases.DONT_KNOW,
    }.get(answer.reason, phrases.NO_MATCH)
    blocks: list[Block] = [section(":thinking_face: " + opening.format(typed=typed))]
    text = opening.format(typed=truncate(answer.typed, 200))
    if answer.related:
        names = " · ".join(_title(entry) for entry in answer.related)
        blocks.append(_context([f"*{phrases.RELATED}:* {escape(names)}"]))
        text += f" {phrases.RELATED}: {names}."
    if answer.reason in {"out-of-domain", "garbage"}:
        blocks.append(section(phrases.WHAT_I_KNOW))
        blocks.extend(_buttons(answer.suggestions))
        text += " " + phrases.WHAT_I_KNOW + " " + ", ".join(_title(e) for e in answer.suggestions)
    elif answer.suggestions:
        blocks.append(section(phrases.SUGGESTIONS))
        blocks.extend(_buttons(answer.suggestions))
        text += " Did you mean: " + ", ".join(_title(e) for e in answer.suggestions) + "?"
    else:
        blocks.append(section(phrases.NO_SUGGESTIONS))
    how_to = phrases.NO_MATCH_HOW_TO.format(prefix=escape(prefix))
    blocks.append(_context([how_to]))
    return blocks, text


# --- direct answers ----------------------------------------------------------------------------


def _fact_line(fact: Fact) -> str:
    line = escape(fact.text)
    if fact.source is not None:
        line += f" _Source: {_source_line(fact.source)}_"
    return line


def _open_card(entry: Entry, related: Sequence[Entry] = ()) -> list[Block]:
    buttons = [b for b in (entry_button(e) for e in (entry, *related)) if b is not None]
    if not buttons:
        return []
    return [ActionsBlock(elements=buttons[:BUTTONS_PER_ACTIONS])]


@_render.register
def _(answer: DirectAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [*_closest(answer.closest_to)]
    mark = "" if answer.known else ":question: "
    blocks.append(section(mark + _fact_line(answer.lead)))
    if answer.caveat:
        blocks.append(section(f":warning: {escape(answer.caveat)}"))
    if answer.also:
        blocks.append(_context([_fact_line(fact) for fact in answer.also[:CONTEXT_ELEMENTS]]))
    blocks.extend(_open_card(answer.subject, answer.related))
    if isinstance(answer.subject, Cluster):
        blocks.append(
            _context([f"Type `{escape(prefix)}{escape(answer.subject.name)}` for the overview."])
        )
    text = answer.lead.text
    if answer.caveat:
        text += f" ({answer.caveat})"
    for fact in answer.also[:3]:
        text += f" {fact.text}"
    return blocks, _fallback(answer.closest_to, text)


@_render.register
def _(answer: FilteredListAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [_header(answer.description), *_closest(answer.closest_to)]
    count = max(answer.total, len(answer.centres))
    lower = answer.description[0].lower() + answer.description[1:]
    if not count:
        lead = phrases.LIST_NONE.format(what=lower)
    elif answer.counted:
        lead = phrases.LIST_COUNT.format(count=count, what=lower)
    else:
        lead = phrases.LIST_RANKED.format(count=count)
    blocks.append(section(escape(lead)))
    room = MAX_ANSWER_BLOCKS - len(blocks) - 2
    for centre in answer.centres[:room]:
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=truncate(_one_line(centre), SECTION_LIMIT)),
                accessory=entry_button(centre),
            )
        )
    rest = answer.centres[room:]
    if rest:
        more = ", ".join(c.short_name or c.name for c in rest)
        blocks.append(
            section(truncate(f"*And {count - room} more:* {escape(more)}", SECTION_LIMIT))
        )
    names = ", ".join(_centre_name_with_status(c) for c in answer.centres)
    text = f"{lead} {names}".strip()
    return blocks, _fallback(answer.closest_to, text)


@_render.register
def _(answer: CompareAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [section(_fact_line(answer.lead))]
    lines = [
        f"{rank}. *{escape(_title(entry))}*: {escape(value)}"
        + (f" ({year_phrase(stat)})" if stat is not None else "")
        for rank, (entry, value, stat) in enumerate(answer.ranking, start=1)
    ]
    blocks.append(section("\n".join(lines)))
    blocks.extend(_open_card(answer.ranking[0][0]))
    text = (
        answer.lead.text
        + " "
        + "; ".join(f"{_title(entry)}: {value}" for entry, value, _ in answer.ranking)
    )
    return blocks, text


@_render.register
def _(answer: SideBySideAnswer, prefix: str) -> tuple[list[Block], str]:
    names = [_title(entry) for entry in answer.entries]
    blocks: list[Block] = [_header(" vs ".join(names)), section(_fact_line(answer.lead))]
    lines = [
        f"*{escape(label)}*: "
        + " · ".join(
            f"{escape(name)}: {escape(value)}" for name, value in zip(names, values, strict=True)
        )
        for label, values in answer.rows
    ]
    blocks.append(section(truncate("\n".join(lines), SECTION_LIMIT)))
    blocks.extend(_open_card(answer.entries[0], answer.entries[1:]))
    text = (
        answer.lead.text
        + " "
        + "; ".join(
            f"{label}: " + ", ".join(f"{n} {v}" for n, v in zip(names, values, strict=True))
            for label, values in answer.rows
        )
    )
    return blocks, text


@_render.register
def _(answer: OutsideAnswer, prefix: str) -> tuple[list[Block], str]:
    place = answer.place
    opening = phrases.OUTSIDE.format(name=place.name, place=place.place)
    blocks: list[Block] = [
        section(f":round_pushpin: {escape(opening)}"),
        section(escape(place.note)),
        *_sources_context(answer.sources),
        _context([phrases.OUTSIDE_HOW_TO.format(prefix=escape(prefix))]),
    ]
    return blocks, f"{opening} {place.note}"


@_render.register
def _(answer: ChatAnswer, prefix: str) -> tuple[list[Block], str]:
    if answer.kind == "thanks":
        reply = phrases.THANKS_REPLY.get(answer.language, phrases.THANKS_REPLY["en"])
        return [section(escape(reply))], reply
    greeting = phrases.GREETING_REPLY.get(answer.language, phrases.GREETING_REPLY["en"])
    blocks: list[Block] = [
        section(greeting),
        _context([phrases.NO_MATCH_HOW_TO.format(prefix=escape(prefix))]),
    ]
    return blocks, greeting.replace("*", "").replace("_", "")
