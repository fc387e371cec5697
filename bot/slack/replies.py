"""Answers shaped for each Slack surface: the slash command, conversations, sharing, App Home.

Pure functions over the knowledge base. Each adds what its surface needs (a share button, an
attribution, a greeting, navigation) to the one rendered answer, staying within Slack's limits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    ExternalDataSelectElement,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)

from bot.answers import Message, answer_question, outcome, render, reply_to
from bot.answers.direct import ChatAnswer, OutsideAnswer, year_phrase
from bot.answers.feedback_blocks import AnsweredOn, with_feedback
from bot.answers.locale import Phrase, localise, localise_code
from bot.answers.locale import ui as words
from bot.answers.mrkdwn import escape, truncate
from bot.answers.render import entry_button
from bot.answers.reply import reply_with
from bot.answers.resolve import HelpAnswer, NoMatchAnswer, answer_for
from bot.conversation import Assumption, Turn, next_questions
from bot.knowledge import EntryRef, KnowledgeBase
from bot.slack import phrases as surface_words
from bot.slack.spotlight_modal import setup_button
from bot.slack.surface import FOLLOW_UP, HOME_ENTRY_SEARCH, HOME_LANGUAGE
from bot.storage.preferences import AUTOMATIC

__all__ = [
    "HOME_BACK",
    "OPEN_CENTRE_SELECT",
    "SHARE",
    "assumed_reply",
    "command_reply",
    "conversation_reply",
    "entry_reply",
    "error_reply",
    "home_view",
    "shared_reply",
    "strip_mentions",
]

SHARE: Final = "share_answer"
HOME_BACK: Final = "home_back"
OPEN_CENTRE_SELECT: Final = "open_centre_select"
"""The static centre menu of App Homes published before the type-ahead; still answered."""

_VALUE_LIMIT = 2000
_MAX_BLOCKS = 49
"""One block fewer than Slack's 50: the assumption line opens a follow-up."""
_HOME_BLOCKS = 100
_INTRO: Final = Phrase(
    "Hi! I'm Medicon Bot. Ask me about research in Medicon Valley, the life-science cluster of "
    "Greater Copenhagen and Skåne: a field such as *cancer*, a centre such as *LUDC*, or a "
    "question such as _who does diabetes research in Lund?_"
)
_SHARE_IN_CHANNEL: Final = Phrase("Share in channel")
_HOW_TO_ASK: Final = Phrase(
    "*How to ask:* type `/medicon cancer`, `/medicon LUDC`, `/medicon stats` "
    "or `/medicon help` in any channel, or send me a direct message."
)
_FIND_ENTRY: Final = Phrase("Find a field or centre…")
_YOUR_SPOTLIGHTS: Final = Phrase("Your weekly spotlights")
_ALL_FIELDS: Final = Phrase("← All fields")
_LANGUAGE: Final = Phrase(
    "*Language:* questions are answered in their own language; everything else in this one."
)
_AUTOMATIC: Final = Phrase("Automatic")
_LANGUAGE_NAMES: Final = {"en": "English", "da": "Dansk", "sv": "Svenska"}
"""Each language by its own name, the same in every language (people look for their own)."""
_SHARED_BY: Final = Phrase("Shared by {user} with `/medicon`")


def _with(message: Message, *blocks: dict[str, Any]) -> Message:
    return Message(text=message.text, blocks=(*message.blocks, *blocks))


def _share_actions(query: str, language: str = "en") -> dict[str, Any]:
    button = ButtonElement(
        text=PlainTextObject(text=localise(_SHARE_IN_CHANNEL, language), emoji=True),
        action_id=SHARE,
        value=query[:_VALUE_LIMIT],
    )
    return ActionsBlock(block_id="share", elements=[button]).to_dict()


def assumed_reply(message: Message, assumed: Assumption | None, *, language: str) -> Message:
    """``message`` opened by what was assumed from the conversation ("*LUDC:* assumed from
    your last question · type a full question to start over"), so a wrong guess shows at
    once; unchanged when nothing was assumed."""
    if assumed is None:
        return message
    line = localise(surface_words.START_OVER, language)
    label = escape(localise(assumed.label, language))
    opening = ContextBlock(elements=[MarkdownTextObject(text=f"*{label}:* {line}")]).to_dict()
    said = localise(assumed.label, language)
    return Message(text=f"{said}: {message.text}", blocks=(opening, *message.blocks))


def command_reply(
    kb: KnowledgeBase,
    text: str,
    *,
    tables: bool = True,
    turn: Turn | None = None,
    otherwise: str | None = None,
) -> Message:
    """What ``/medicon <text>`` shows its user (ephemeral): the answer and a Share button
    (not for help or "nothing found": there is nothing worth sharing). ``tables``: table
    blocks for ``stats`` and centre lists (``MEDICON_TABLE_BLOCKS``). In the question's
    language. ``turn``: the text already answered in its conversation (a follow-up shares its
    rebuilt question). ``otherwise``: the person's language, for text that has none (a bare
    name)."""
    if turn is not None:
        reply = reply_with(turn.answer, text, otherwise=otherwise, kb=kb)
    else:
        reply = reply_to(kb, text, otherwise=otherwise)
    answer, language = reply.answer, reply.language
    message = render(answer, tables=tables, locale=language)
    if not isinstance(answer, HelpAnswer | NoMatchAnswer | ChatAnswer | OutsideAnswer):
        shared = turn.question.raw if turn is not None and turn.assumed is not None else text
        message = _with(message, _share_actions(shared, language))
    voted = with_feedback(message, answer, question=text, surface="slash", language=language)
    if turn is None:
        return voted
    return assumed_reply(voted, turn.assumed, language=language)


def entry_reply(
    kb: KnowledgeBase, ref: EntryRef, *, shareable: bool = True, language: str = "en"
) -> Message:
    """The answer about one entry, opened by a button; shareable by its id; in ``language``
    (a button carries no question: the language is the person's choice)."""
    answer = answer_for(kb, ref)
    message = render(answer, locale=language)
    message = _with(message, _share_actions(ref.id, language)) if shareable else message
    return with_feedback(message, answer, question=ref.id, surface="entry", language=language)


def shared_reply(
    kb: KnowledgeBase,
    text: str,
    *,
    user_id: str,
    tables: bool = True,
    otherwise: str | None = None,
) -> Message:
    """The answer as posted for everyone when someone presses Share: attributed to them, in
    the question's language (else ``otherwise``, the sharer's)."""
    reply = reply_to(kb, text, otherwise=otherwise)
    answer, language = reply.answer, reply.language
    message = render(answer, tables=tables, locale=language)
    shared_by = localise(_SHARED_BY.format(user=f"<@{escape(user_id)}>"), language)
    attribution = ContextBlock(elements=[MarkdownTextObject(text=shared_by)]).to_dict()
    voted = with_feedback(message, answer, question=text, surface="shared", language=language)
    return Message(text=voted.text, blocks=(*voted.blocks, attribution))


def strip_mentions(text: str) -> str:
    """The question in an @mention: ``<@U0BOT> cancer`` → ``cancer``."""
    words = [word for word in text.split() if not (word.startswith("<@") and word.endswith(">"))]
    return " ".join(words)


def conversation_reply(
    kb: KnowledgeBase,
    text: str,
    *,
    surface: AnsweredOn = "dm",
    tables: bool = True,
    otherwise: str | None = None,
    turn: Turn | None = None,
) -> Message:
    """A reply in a DM or thread: a greeting gets an introduction, anything else the answer;
    in the language of what was said, else ``otherwise`` (the person's choice). ``turn``: the
    text already answered in its conversation, opened by what it assumed."""
    if turn is not None:
        reply = reply_with(turn.answer, text, otherwise=otherwise, kb=kb)
    else:
        reply = reply_to(kb, text, otherwise=otherwise)
    answer, language = reply.answer, reply.language
    if isinstance(answer, ChatAnswer) and answer.kind == "greeting":
        help_message = render(answer_question(kb, "help"), locale=language)
        said = localise(_INTRO, language)
        intro = SectionBlock(text=MarkdownTextObject(text=said)).to_dict()
        return Message(
            text=said.replace("*", "").replace("_", ""), blocks=(intro, *help_message.blocks[1:])
        )
    message = render(answer, prefix="", tables=tables, locale=language)
    voted = with_feedback(message, answer, question=text, surface=surface, language=language)
    if turn is None:
        return voted
    offered = _next_questions(kb, turn, language)
    if offered is not None and len(voted.blocks) < _MAX_BLOCKS:
        blocks = list(voted.blocks)
        votes = [n for n, block in enumerate(blocks) if block.get("block_id") == "feedback"]
        blocks.insert(votes[0] if votes else len(blocks), offered)  # above the vote
        voted = Message(text=voted.text, blocks=tuple(blocks))
    return assumed_reply(voted, turn.assumed, language=language)


def _next_questions(kb: KnowledgeBase, turn: Turn, language: str) -> dict[str, Any] | None:
    """Buttons for what to ask next about what this turn answered, each carrying its whole
    question (a click needs no stored context), in the reply's ``language``."""
    if outcome(turn.answer).kind in {"declined", "help", "chat", "outside"}:
        return None  # the context is still the last answer's: nothing new to follow up
    offered = next_questions(kb, turn.context, language=language)
    if not offered:
        return None
    buttons = [
        ButtonElement(
            text=PlainTextObject(text=question.label, emoji=True),
            action_id=f"{FOLLOW_UP}:{number}",
            value=question.question[:_VALUE_LIMIT],
        )
        for number, question in enumerate(offered)
    ]
    return ActionsBlock(block_id="follow_ups", elements=buttons).to_dict()


def error_reply(language: str = "en") -> Message:
    """What the one error policy tells a user when something unexpected broke, in
    ``language``."""
    said = localise(surface_words.ERROR, language)
    return Message(text=said, blocks=(SectionBlock(text=MarkdownTextObject(text=said)).to_dict(),))


# --- App Home ---------------------------------------------------------------------------------


def _entry_search(language: str) -> ExternalDataSelectElement:
    """A type-ahead over every field and centre (options from the app: no 100-option cap)."""
    return ExternalDataSelectElement(
        placeholder=localise(_FIND_ENTRY, language),
        action_id=HOME_ENTRY_SEARCH,
        min_query_length=0,
    )


def _language_select(language: str, chosen: str | None) -> SectionBlock:
    """The person's language choice: automatic (each question's own), English, dansk, svenska."""
    options = [Option(value=AUTOMATIC, text=localise(_AUTOMATIC, language))]
    options += [Option(value=code, text=name) for code, name in _LANGUAGE_NAMES.items()]
    initial = next((o for o in options if o.value == (chosen or AUTOMATIC)), options[0])
    return SectionBlock(
        text=MarkdownTextObject(text=localise(_LANGUAGE, language)),
        accessory=StaticSelectElement(
            action_id=HOME_LANGUAGE, options=options, initial_option=initial
        ),
    )


def _overview_blocks(kb: KnowledgeBase, language: str, chosen: str | None) -> list[dict[str, Any]]:
    blocks: list[Any] = [
        HeaderBlock(text=PlainTextObject(text="Medicon Bot")),
        SectionBlock(text=MarkdownTextObject(text=localise(_INTRO, language))),
        SectionBlock(text=MarkdownTextObject(text=localise(_HOW_TO_ASK, language))),
        _language_select(language, chosen),
        DividerBlock(),
    ]
    for research_field in kb.fields.values():
        numbers = " · ".join(
            escape(
                f"{localise_code(stat.display_value, 'value', language)}{stat.unit_suffix}"
                f" ({localise(year_phrase(stat), language)})"
            )
            for stat in research_field.stats[:2]
        )
        title = (
            f"{research_field.emoji} {research_field.name}"
            if research_field.emoji
            else research_field.name
        )
        text = f"*{escape(title)}*" + (f"\n{truncate(numbers, 2500)}" if numbers else "")
        blocks.append(
            SectionBlock(text=MarkdownTextObject(text=text), accessory=entry_button(research_field))
        )
    blocks.append(DividerBlock())
    blocks.append(
        SectionBlock(
            text=MarkdownTextObject(text=f"*{localise(words.CENTRES_AND_PROGRAMMES, language)}*"),
            accessory=_entry_search(language),
        )
    )
    return [*(block.to_dict() for block in blocks), setup_button(language)]


def _subscription_blocks(
    subscriptions: Sequence[tuple[str, Sequence[str]]], language: str
) -> list[dict[str, Any]]:
    if not subscriptions:
        return []
    blocks: list[Any] = [
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text=f"*{localise(_YOUR_SPOTLIGHTS, language)}*")),
    ]
    for channel_id, lines in subscriptions[:10]:
        text = f"<#{escape(channel_id)}>\n" + "\n".join(lines)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=truncate(text, 3000))))
    return [block.to_dict() for block in blocks]


def home_view(
    kb: KnowledgeBase,
    *,
    showing: EntryRef | None = None,
    subscriptions: Sequence[tuple[str, Sequence[str]]] = (),
    language: str | None = None,
) -> dict[str, Any]:
    """The App Home tab: fields with headline numbers and the user's spotlight subscriptions
    (channel id, description lines), or one entry with a way back. ``language`` is the one the
    person chose (None: automatic, which is English here: the App Home has no question)."""
    said = language or "en"
    if showing is None:
        blocks = [
            *_overview_blocks(kb, said, language),
            *_subscription_blocks(subscriptions, said),
        ]
    else:
        back_button = ButtonElement(
            text=localise(_ALL_FIELDS, said), action_id=HOME_BACK, value="home"
        )
        back = ActionsBlock(block_id="home_nav", elements=[back_button]).to_dict()
        answer = render(answer_for(kb, showing), locale=said)
        blocks = [back, *answer.blocks]
    return {"type": "home", "blocks": blocks[:_HOME_BLOCKS]}
