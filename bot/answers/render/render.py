"""Answer → Slack message (Block Kit blocks + plain-text fallback), always within Slack's limits.

Pure functions: the same answer always renders the same payload in the same language. What
the bot composes is said in ``locale`` (English, Danish or Swedish, through the catalogs of
:mod:`bot.answers.locale`); names and sourced statements are quoted as written.

Blocks are built with slack_sdk's block models, which refuse anything over Slack's limits when
serialised; the texts are truncated here first so that never happens. Buttons carry ids, never
free text: ``open_field:<id>`` / ``open_centre:<id>`` with the id as value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any, assert_never

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
from bot.answers.locale import (
    Composed,
    Phrase,
    language_or_english,
    localise,
    localise_code,
    territory_name,
)
from bot.answers.locale import ui as words
from bot.answers.records import (
    Answer,
    CentreAnswer,
    CentreListAnswer,
    ChatAnswer,
    ClusterAnswer,
    CompareAnswer,
    DirectAnswer,
    Entry,
    Fact,
    FieldAnswer,
    FieldListAnswer,
    FilteredListAnswer,
    HelpAnswer,
    NoMatchAnswer,
    OutsideAnswer,
    SearchAnswer,
    SeveralAnswers,
    SideBySideAnswer,
    StatsAnswer,
)
from bot.answers.render.mrkdwn import escape, link, truncate
from bot.answers.render.tables import with_table
from bot.answers.resolve.facts import year_phrase
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
    "speaking",
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


def render(
    answer: Answer, *, prefix: str = "/medicon ", tables: bool = False, locale: str = "en"
) -> Message:
    """The Slack message for ``answer``; ``prefix`` is how commands are typed on this surface.

    ``locale`` is the reader's language (``en``, ``da`` or ``sv``; a tag such as ``da-DK``
    works, anything else is English): the words around the knowledge are said in it, numbers and
    days are written its way. With ``tables`` (messages only: Slack shows table blocks nowhere
    else), ``stats`` and centre lists show a table block instead of a section per item
    (:mod:`bot.answers.render.tables`).
    """
    language = language_or_english(locale)
    with speaking(language):
        blocks, text = _render(answer, prefix)
        message = _finish(blocks, text)
    if not tables:
        return message
    return Message(text=message.text, blocks=with_table(answer, message.blocks, language))


_LANGUAGE: ContextVar[str] = ContextVar("render_language", default="en")
"""The language of the message being rendered. A context variable rather than a parameter of
every renderer, so that a renderer added elsewhere keeps its ``(answer, prefix)`` signature and
still speaks the reader's language wherever it uses :func:`_t`."""


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render in ``language`` inside the block (for surfaces that draw pieces themselves)."""
    token = _LANGUAGE.set(language)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def _t(text: str) -> str:
    """``text`` (a phrase, composed text, or anything else as written) in the reader's language."""
    return localise(text, _LANGUAGE.get())


def _code(text: str, argument: str = "value") -> str:
    """English that code composed without phrases (a figure, "founded 1990"), said the reader's
    way; see :func:`bot.answers.locale.localise_code`."""
    return localise_code(text, argument, _LANGUAGE.get())


def _finish(blocks: Sequence[Block], text: str) -> Message:
    serialised = [block.to_dict() for block in blocks]
    if len(serialised) > MAX_ANSWER_BLOCKS:
        serialised = serialised[: MAX_ANSWER_BLOCKS - 1]
        serialised.append(_context([_t(words.MORE_THAN_FITS)]).to_dict())
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
    label = _t(words.SOURCES.format(count=len(lines)))
    text = f"*{label}:* " + " · ".join(lines)
    return [_context([text])]


def _closest(closest_to: str | None) -> list[Block]:
    if closest_to is None:
        return []
    return [_context([":mag: " + _t(phrases.CLOSEST_MATCH.format(typed=escape(closest_to)))])]


def _stat_pair(stat: Stat) -> tuple[str, str]:
    value = f"*{escape(_code(stat.display_value))}*{escape(stat.unit_suffix)}"
    return stat.label, f"{value} ({_t(year_phrase(stat))})\n_{escape(stat.statement)}_"


def _stat_text(stat: Stat) -> str:
    value = _code(stat.display_value)
    return f"{stat.label}: {value}{stat.unit_suffix} ({_t(year_phrase(stat))})"


def _status_label(status: Status) -> str:
    return _t(phrases.STATUS_LABELS[status.value])


def _place(centre: Centre) -> str:
    """``Lund, Sweden``; the country in the reader's language (CLDR's names)."""
    place = centre.place
    if _LANGUAGE.get() == "en" or not centre.country or not centre.country_name:
        return place
    country = territory_name(centre.country, _LANGUAGE.get()) or centre.country_name
    return ", ".join(part for part in (centre.city, country) if part)


def _day(day: date) -> str:
    return _t(words.LAST_REVIEWED.format(day=day))


def _reviewed(entry: Entry) -> list[Block]:
    reviewed = getattr(entry, "reviewed", None)
    if reviewed is None:
        return []
    return [_context([_day(reviewed)])]


def _centre_name_with_status(centre: Centre) -> str:
    name = centre.short_name or centre.name
    if centre.status is Status.ACTIVE:
        return name
    return f"{name} ({_status_label(centre.status).lower()})"


def _title(entry: Entry) -> str:
    if isinstance(entry, ResearchField):
        return f"{entry.emoji} {entry.name}" if entry.emoji else entry.name
    if isinstance(entry, Centre):
        return entry.label
    return entry.name


def _status_line(centre: Centre) -> str | None:
    if centre.status is Status.ACTIVE:
        return None
    label = _status_label(centre.status)
    note = f": {escape(centre.status_note)}" if centre.status_note else ""
    return f":warning: *{label}*{note}"


def _one_line(entry: Entry) -> str:
    """A list item: bold name, where it is, and the status when it is not plainly active."""
    if isinstance(entry, Centre):
        place = _place(entry)
        extra = f" · {escape(place)}" if place else ""
        if entry.status is not Status.ACTIVE:
            extra += f" · _{_status_label(entry.status).lower()}_"
        return f"*{escape(entry.label)}*{extra}\n{escape(entry.summary)}"
    if isinstance(entry, ResearchField):
        return f"*{escape(_title(entry))}*\n{escape(entry.summary)}"
    return f"*{escape(entry.name)}*\n{escape(entry.summary)}"


# --- one renderer per answer -----------------------------------------------------------------


def _render(answer: Answer, prefix: str) -> tuple[list[Block], str]:
    """The blocks and fallback text of ``answer``: one renderer per kind of answer, and mypy
    names the kind a new renderer is missing for (``assert_never``)."""
    match answer:
        case FieldAnswer():
            return _field_answer(answer, prefix)
        case CentreAnswer():
            return _centre_answer(answer, prefix)
        case ClusterAnswer():
            return _cluster_answer(answer, prefix)
        case FieldListAnswer():
            return _field_list_answer(answer, prefix)
        case CentreListAnswer():
            return _centre_list_answer(answer, prefix)
        case StatsAnswer():
            return _stats_answer(answer, prefix)
        case SearchAnswer():
            return _search_answer(answer, prefix)
        case HelpAnswer():
            return _help_answer(answer, prefix)
        case NoMatchAnswer():
            return _no_match_answer(answer, prefix)
        case DirectAnswer():
            return _direct_answer(answer, prefix)
        case FilteredListAnswer():
            return _filtered_list_answer(answer, prefix)
        case CompareAnswer():
            return _compare_answer(answer, prefix)
        case SideBySideAnswer():
            return _side_by_side_answer(answer, prefix)
        case OutsideAnswer():
            return _outside_answer(answer, prefix)
        case ChatAnswer():
            return _chat_answer(answer, prefix)
        case SeveralAnswers():
            return _several_answers(answer, prefix)
        case _:
            assert_never(answer)


def _several_answers(answer: SeveralAnswers, prefix: str) -> tuple[list[Block], str]:
    """Each question's answer as it would be alone, in the order asked, a divider between."""
    blocks: list[Block] = []
    texts: list[str] = []
    for part in answer.parts:
        part_blocks, text = _render(part, prefix)
        if blocks:
            blocks.append(DividerBlock())
        blocks.extend(part_blocks)
        texts.append(text)
    return blocks, "\n".join(texts)


def _field_answer(answer: FieldAnswer, prefix: str) -> tuple[list[Block], str]:
    research_field = answer.field
    blocks: list[Block] = [_header(_title(research_field)), *_closest(answer.closest_to)]
    blocks.append(section(escape(research_field.summary)))
    if research_field.stats:
        blocks.extend(field_sections([_stat_pair(stat) for stat in research_field.stats]))
    if research_field.highlights:
        blocks.append(section(_bullets(research_field.highlight_texts)))
    if answer.centres:
        names = ", ".join(_centre_name_with_status(centre) for centre in answer.centres)
        count = words.CENTRES_AND_PROGRAMMES_COUNT.format(count=len(answer.centres))
        blocks.append(section(f"*{_t(count)}* {escape(names)}"))
        blocks.extend(_buttons(answer.centres))
    blocks.extend(_sources_context(answer.sources))
    blocks.extend(_reviewed(research_field))
    numbers = "; ".join(_stat_text(stat) for stat in research_field.stats)
    text = f"{research_field.name}: {research_field.summary}"
    if numbers:
        text += _t(words.KEY_NUMBERS.format(numbers=numbers))
    return blocks, _fallback(answer.closest_to, text)


def _fallback(closest_to: str | None, text: str) -> str:
    if closest_to is None:
        return text
    return f"({_t(phrases.CLOSEST_MATCH.format(typed=closest_to))}) {text}"


def _centre_answer(answer: CentreAnswer, prefix: str) -> tuple[list[Block], str]:
    centre = answer.centre
    blocks: list[Block] = [_header(centre.label), *_closest(answer.closest_to)]
    status = _status_line(centre)
    if status:
        blocks.append(section(status))
    if centre.changes:
        lines = [
            ":calendar: "
            + escape(_t(phrases.FROM_DATE.format(day=c.effective.isoformat(), note=c.note)))
            for c in centre.changes
        ]
        blocks.append(section(truncate("\n".join(lines), SECTION_LIMIT)))
    blocks.append(section(escape(centre.summary)))
    pairs: list[tuple[str, str]] = []
    if centre.host:
        pairs.append((_t(words.HOST), escape(centre.host)))
    place = _place(centre)
    if place:
        pairs.append((_t(words.LOCATION), escape(place)))
    pairs.append((_t(words.FIELDS), escape(", ".join(f.name for f in answer.fields))))
    pairs.append((_t(words.TYPE), _t(words.KIND_LABELS.get(centre.kind, centre.kind_label))))
    if centre.founded or centre.founded_note:
        founded = str(centre.founded) if centre.founded else ""
        if centre.founded_note:
            founded = f"{founded} ({centre.founded_note})" if founded else centre.founded_note
        pairs.append((_t(words.FOUNDED), escape(founded)))
    if centre.website:
        website = link(str(centre.website), host_of(str(centre.website)))
        pairs.append((_t(words.WEBSITE), website))
    status_text = _status_label(centre.status)
    if centre.status_year_label:
        status_text += f" ({_code(centre.status_year_label, 'year')})"
    pairs.append((_t(words.STATUS), status_text))
    if answer.parent:
        pairs.append((_t(words.PART_OF), escape(answer.parent.label)))
    blocks.extend(field_sections(pairs))
    if centre.details:
        blocks.append(section(_bullets(centre.detail_texts)))
    if centre.themes:
        blocks.append(section(f"*{_t(words.RESEARCH_THEMES)}*\n" + _bullets(centre.themes)))
    related: list[Entry] = []
    if answer.successor:
        blocks.append(section(f"*{_t(words.SUCCESSOR)}:* {escape(answer.successor.label)}"))
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
        text += f" [{_status_label(centre.status)}]"
    text += f": {centre.summary}"
    return blocks, _fallback(answer.closest_to, text)


def host_of(url: str) -> str:
    """``https://www.ludc.lu.se/x`` → ``ludc.lu.se``: a link label people recognise."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return host.removeprefix("www.")


def _cluster_answer(answer: ClusterAnswer, prefix: str) -> tuple[list[Block], str]:
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


def _field_list_answer(answer: FieldListAnswer, prefix: str) -> tuple[list[Block], str]:
    title = _t(words.RESEARCH_FIELDS.format(count=len(answer.fields)))
    blocks: list[Block] = [_header(title)]
    for research_field, count in answer.fields:
        headline = ""
        if research_field.stats:
            headline = f"\n_{escape(_stat_text(research_field.stats[0]))}_"
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(
                    text=truncate(
                        f"*{escape(_title(research_field))}*"
                        f" · {_t(words.N_CENTRES.format(count=count))}{headline}",
                        SECTION_LIMIT,
                    )
                ),
                accessory=entry_button(research_field),
            )
        )
    blocks.append(_context([_t(words.OPEN_ONE.format(prefix=escape(prefix)))]))
    names = ", ".join(f.name for f, _ in answer.fields)
    return blocks, f"{title}: {names}."


def _centre_list_answer(answer: CentreListAnswer, prefix: str) -> tuple[list[Block], str]:
    title = _t(
        words.CENTRES_IN.format(field=answer.field.name)
        if answer.field
        else words.CENTRES_AND_PROGRAMMES
    )
    blocks: list[Block] = [_header(title), *_closest(answer.closest_to)]
    if not answer.centres:
        blocks.append(section(_t(words.NO_CENTRES_YET)))
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
        and_more = _t(words.AND_MORE.format(count=len(rest)))
        blocks.append(section(truncate(f"*{and_more}* {escape(more)}", SECTION_LIMIT)))
    names = ", ".join(c.short_name or c.name for c in answer.centres)
    return blocks, _fallback(answer.closest_to, f"{title}: {names or _t(words.NONE)}.")


def _stats_answer(answer: StatsAnswer, prefix: str) -> tuple[list[Block], str]:
    in_numbers = _t(words.IN_NUMBERS)
    blocks: list[Block] = [_header(in_numbers)]
    lines: list[str] = []
    for research_field in answer.fields:
        if research_field.stats:
            values = "\n".join(
                f"*{escape(_code(stat.display_value))}*{escape(stat.unit_suffix)}"
                f" · {escape(stat.label)} ({_t(year_phrase(stat))})"
                for stat in research_field.stats
            )
        else:
            values = f"_{_t(words.NO_FIGURES_IN_SOURCES)}_"
        blocks.append(section(f"*{escape(_title(research_field))}*\n{values}"))
        lines.append(
            f"{research_field.name}: "
            + ("; ".join(_stat_text(s) for s in research_field.stats) or _t(words.NO_FIGURES))
        )
    if answer.cluster.stats:
        blocks.append(DividerBlock())
        overall = _t(words.OVERALL.format(name=escape(answer.cluster.name)))
        blocks.append(section(f"*{overall}*"))
        blocks.extend(field_sections([_stat_pair(stat) for stat in answer.cluster.stats]))
    blocks.extend(_sources_context(answer.sources))
    return blocks, f"{in_numbers}. " + " | ".join(lines)


def _search_answer(answer: SearchAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [
        _header(_t(words.SEARCH_RESULTS)),
        _context([_t(words.BEST_MATCHES.format(query=escape(answer.query)))]),
    ]
    for entry in answer.entries:
        blocks.append(
            SectionBlock(
                text=MarkdownTextObject(text=truncate(_one_line(entry), SECTION_LIMIT)),
                accessory=entry_button(entry),
            )
        )
    names = ", ".join(_title(e) for e in answer.entries)
    return blocks, _t(words.RESULTS_FOR.format(query=answer.query, names=names))


def _help_answer(answer: HelpAnswer, prefix: str) -> tuple[list[Block], str]:
    title = _t(phrases.HELP_TITLE)
    blocks: list[Block] = [_header(title), section(_t(phrases.HELP_INTRO))]
    commands = [
        (example.format(prefix=prefix), what)
        for example, what in phrases.COMMANDS
        if not (answer.offline and example.format(prefix="").split()[0] in phrases.SLACK_ONLY_WORDS)
    ]
    lines = [f"`{escape(example)}` {escape(_t(what))}" for example, what in commands]
    blocks.append(section("\n".join(lines)))
    blocks.extend(_buttons(answer.fields))
    text = title + ". " + " · ".join(example for example, _ in commands)
    return blocks, text


def _no_match_answer(answer: NoMatchAnswer, prefix: str) -> tuple[list[Block], str]:
    typed = escape(truncate(answer.typed, 200))
    opening = {
        "no-field": phrases.NO_FIELD,
        "not-in-kb": phrases.NOT_IN_KB,
        "out-of-domain": phrases.DONT_KNOW,
        "garbage": phrases.DONT_KNOW,
    }.get(answer.reason, phrases.NO_MATCH)
    blocks: list[Block] = [section(":thinking_face: " + _t(opening.format(typed=typed)))]
    text = _t(opening.format(typed=truncate(answer.typed, 200)))
    if answer.related:
        names = " · ".join(_title(entry) for entry in answer.related)
        related = _t(phrases.RELATED)
        blocks.append(_context([f"*{related}:* {escape(names)}"]))
        text += f" {related}: {names}."
    if answer.reason in {"out-of-domain", "garbage"}:
        what_i_know = _t(phrases.WHAT_I_KNOW)
        blocks.append(section(what_i_know))
        blocks.extend(_buttons(answer.suggestions))
        text += " " + what_i_know + " " + ", ".join(_title(e) for e in answer.suggestions)
    elif answer.suggestions:
        blocks.append(section(_t(phrases.SUGGESTIONS)))
        blocks.extend(_buttons(answer.suggestions))
        names = ", ".join(_title(e) for e in answer.suggestions)
        text += " " + _t(words.DID_YOU_MEAN.format(names=names))
    else:
        blocks.append(section(_t(phrases.NO_SUGGESTIONS)))
    how_to = _t(phrases.NO_MATCH_HOW_TO.format(prefix=escape(prefix)))
    blocks.append(_context([how_to]))
    return blocks, text


# --- direct answers ----------------------------------------------------------------------------


def _fact_line(fact: Fact) -> str:
    line = escape(_fact_text(fact))
    if fact.source is not None:
        line += f" _{_t(words.SOURCES.format(count=1))}: {_source_line(fact.source)}_"
    return line


def _fact_text(fact: Fact) -> str:
    """The fact in the reader's language: composed sentences are said again, a quoted statement
    stays as its source wrote it (only a trailing "(undated)" the bot added is translated)."""
    if _LANGUAGE.get() == "en" or isinstance(fact.text, Composed | Phrase):
        return _t(fact.text)
    undated = f" ({phrases.UNDATED})"
    if fact.text.endswith(undated):
        return f"{fact.text.removesuffix(undated)} ({_t(phrases.UNDATED)})"
    return fact.text


def _open_card(entry: Entry, related: Sequence[Entry] = ()) -> list[Block]:
    buttons = [b for b in (entry_button(e) for e in (entry, *related)) if b is not None]
    if not buttons:
        return []
    return [ActionsBlock(elements=buttons[:BUTTONS_PER_ACTIONS])]


def _direct_answer(answer: DirectAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [*_closest(answer.closest_to)]
    mark = "" if answer.known else ":question: "
    blocks.append(section(mark + _fact_line(answer.lead)))
    if answer.caveat:
        blocks.append(section(f":warning: {escape(_t(answer.caveat))}"))
    if answer.also:
        blocks.append(_context([_fact_line(fact) for fact in answer.also[:CONTEXT_ELEMENTS]]))
    blocks.extend(_open_card(answer.subject, answer.related))
    if isinstance(answer.subject, Cluster):
        blocks.append(
            _context(
                [
                    _t(
                        words.OVERVIEW.format(
                            command=f"{escape(prefix)}{escape(answer.subject.name)}"
                        )
                    )
                ]
            )
        )
    text = _fact_text(answer.lead)
    if answer.caveat:
        text += f" ({_t(answer.caveat)})"
    for fact in answer.also[:3]:
        text += f" {_fact_text(fact)}"
    return blocks, _fallback(answer.closest_to, text)


def _filtered_list_answer(answer: FilteredListAnswer, prefix: str) -> tuple[list[Block], str]:
    description = _t(answer.description)
    blocks: list[Block] = [_header(description), *_closest(answer.closest_to)]
    count = max(answer.total, len(answer.centres))
    lower = description[0].lower() + description[1:]
    if not count:
        lead = phrases.LIST_NONE.format(what=lower)
    elif answer.counted:
        lead = phrases.LIST_COUNT.format(count=count, what=lower)
    else:
        lead = phrases.LIST_RANKED.format(count=count)
    lead = _t(lead)
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
            section(
                truncate(
                    f"*{_t(words.AND_MORE.format(count=count - room))}* {escape(more)}",
                    SECTION_LIMIT,
                )
            )
        )
    names = ", ".join(_centre_name_with_status(c) for c in answer.centres)
    text = f"{lead} {names}".strip()
    return blocks, _fallback(answer.closest_to, text)


def _compare_answer(answer: CompareAnswer, prefix: str) -> tuple[list[Block], str]:
    blocks: list[Block] = [section(_fact_line(answer.lead))]
    lines = [
        f"{rank}. *{escape(_title(entry))}*: {escape(_code(value))}"
        + (f" ({_t(year_phrase(stat))})" if stat is not None else "")
        for rank, (entry, value, stat) in enumerate(answer.ranking, start=1)
    ]
    blocks.append(section("\n".join(lines)))
    blocks.extend(_open_card(answer.ranking[0][0]))
    text = (
        _fact_text(answer.lead)
        + " "
        + "; ".join(f"{_title(entry)}: {_code(value)}" for entry, value, _ in answer.ranking)
    )
    return blocks, text


def _side_by_side_answer(answer: SideBySideAnswer, prefix: str) -> tuple[list[Block], str]:
    names = [_title(entry) for entry in answer.entries]
    rows = [(_t(label), _row_values(label, values)) for label, values in answer.rows]
    header = _header(_t(words.VERSUS).join(names))
    blocks: list[Block] = [header, section(_fact_line(answer.lead))]
    lines = [
        f"*{escape(label)}*: "
        + " · ".join(
            f"{escape(name)}: {escape(value)}" for name, value in zip(names, values, strict=True)
        )
        for label, values in rows
    ]
    blocks.append(section(truncate("\n".join(lines), SECTION_LIMIT)))
    blocks.extend(_open_card(answer.entries[0], answer.entries[1:]))
    text = (
        _fact_text(answer.lead)
        + " "
        + "; ".join(
            f"{label}: " + ", ".join(f"{n} {v}" for n, v in zip(names, values, strict=True))
            for label, values in rows
        )
    )
    return blocks, text


_KINDS_BY_LABEL = {kind.value.replace("-", " ").capitalize(): kind for kind in words.KIND_LABELS}


def _row_values(label: str, values: Sequence[str]) -> tuple[str, ...]:
    """A side-by-side row in the reader's language: kinds and statuses by their catalog names,
    figures and years the language's way, names and places as written."""
    if _LANGUAGE.get() == "en":
        return tuple(values)
    if label == phrases.ROW_TYPE:
        return tuple(
            _t(words.KIND_LABELS[_KINDS_BY_LABEL[v]]) if v in _KINDS_BY_LABEL else v for v in values
        )
    if label == phrases.ROW_STATUS:
        labels = phrases.STATUS_LABELS
        return tuple(_t(labels[v]) if v in labels else v for v in values)
    if label in {phrases.ROW_PEOPLE, phrases.ROW_FIGURES}:
        return tuple(_code(value, "others") for value in values)
    return tuple(values)


def _outside_answer(answer: OutsideAnswer, prefix: str) -> tuple[list[Block], str]:
    place = answer.place
    opening = _t(phrases.OUTSIDE.format(name=place.name, place=place.place))
    blocks: list[Block] = [
        section(f":round_pushpin: {escape(opening)}"),
        section(escape(place.note)),
        *_sources_context(answer.sources),
        _context([_t(phrases.OUTSIDE_HOW_TO.format(prefix=escape(prefix)))]),
    ]
    return blocks, f"{opening} {place.note}"


def _chat_answer(answer: ChatAnswer, prefix: str) -> tuple[list[Block], str]:
    if answer.kind == "thanks":
        reply = phrases.THANKS_REPLY.get(answer.language, phrases.THANKS_REPLY["en"])
        return [section(escape(reply))], reply
    greeting = phrases.GREETING_REPLY.get(answer.language, phrases.GREETING_REPLY["en"])
    # A greeting is answered in the language it was said in, the hint that follows included.
    how_to = localise(phrases.NO_MATCH_HOW_TO.format(prefix=escape(prefix)), answer.language)
    blocks: list[Block] = [section(greeting), _context([how_to])]
    return blocks, greeting.replace("*", "").replace("_", "")
