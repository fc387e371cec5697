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
    PlainTextObject,
    SectionBlock,
)

from bot.answers import Message, answer_question, outcome, render
from bot.answers.direct import ChatAnswer, OutsideAnswer, year_phrase
from bot.answers.feedback_blocks import AnsweredOn, with_feedback
from bot.answers.mrkdwn import escape, truncate
from bot.answers.render import entry_button
from bot.answers.resolve import Answer, HelpAnswer, NoMatchAnswer, answer_for
from bot.conversation import Assumption, Turn, next_questions
from bot.knowledge import EntryRef, KnowledgeBase
from bot.slack.spotlight_modal import setup_button
from bot.slack.surface import FOLLOW_UP, HOME_ENTRY_SEARCH

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
_INTRO: Final = (
    "Hi! I'm Medicon Bot. Ask me about research in Medicon Valley, the life-science cluster of "
    "Greater Copenhagen and Skåne: a field such as *cancer*, a centre such as *LUDC*, or a "
    "question such as _who does diabetes research in Lund?_"
)
_ERROR: Final = (
    ":face_with_head_bandage: Sorry, something went wrong on my side while answering. "
    "Please try again in a moment."
)


def _with(message: Message, *blocks: dict[str, Any]) -> Message:
    return Message(text=message.text, blocks=(*message.blocks, *blocks))


def _share_actions(query: str) -> dict[str, Any]:
    button = ButtonElement(
        text=PlainTextObject(text="Share in channel", emoji=True),
        action_id=SHARE,
        value=query[:_VALUE_LIMIT],
    )
    return ActionsBlock(block_id="share", elements=[button]).to_dict()


_START_OVER: Final = {
    "en": "Assumed from your last question · type a full question to start over",
    "da": "Antaget ud fra dit sidste spørgsmål · skriv et helt spørgsmål for at starte forfra",
    "sv": "Antaget utifrån din förra fråga · skriv en hel fråga för att börja om",
}


def assumed_reply(message: Message, assumed: Assumption | None, *, language: str) -> Message:
    """``message`` opened by what was assumed from the conversation ("*LUDC:* assumed from
    your last question · type a full question to start over"), so a wrong guess shows at
    once; unchanged when nothing was assumed."""
    if assumed is None:
        return message
    line = _START_OVER.get(language, _START_OVER["en"])
    label = escape(assumed.label)
    opening = ContextBlock(elements=[MarkdownTextObject(text=f"*{label}:* {line}")]).to_dict()
    return Message(text=f"{assumed.label}: {message.text}", blocks=(opening, *message.blocks))


def command_reply(
    kb: KnowledgeBase, text: str, *, tables: bool = True, turn: Turn | None = None
) -> Message:
    """What ``/medicon <text>`` shows its user (ephemeral): the answer and a Share button
    (not for help or "nothing found": there is nothing worth sharing). ``tables``: table
    blocks for ``stats`` and centre lists (``MEDICON_TABLE_BLOCKS``). ``turn``: the text
    already answered in its conversation (a follow-up shares its rebuilt question)."""
    answer: Answer = turn.answer if turn is not None else answer_question(kb, text)
    message = render(answer, tables=tables)
    if not isinstance(answer, HelpAnswer | NoMatchAnswer | ChatAnswer | OutsideAnswer):
        shared = turn.question.raw if turn is not None and turn.assumed is not None else text
        message = _with(message, _share_actions(shared))
    voted = with_feedback(message, answer, question=text, surface="slash")
    if turn is None:
        return voted
    return assumed_reply(voted, turn.assumed, language=turn.question.language)


def entry_reply(kb: KnowledgeBase, ref: EntryRef, *, shareable: bool = True) -> Message:
    """The answer about one entry, opened by a button; shareable by its id."""
    answer = answer_for(kb, ref)
    message = render(answer)
    message = _with(message, _share_actions(ref.id)) if shareable else message
    return with_feedback(message, answer, question=ref.id, surface="entry")


def shared_reply(kb: KnowledgeBase, text: str, *, user_id: str, tables: bool = True) -> Message:
    """The answer as posted for everyone when someone presses Share: attributed to them."""
    answer = answer_question(kb, text)
    message = render(answer, tables=tables)
    attribution = ContextBlock(
        elements=[MarkdownTextObject(text=f"Shared by <@{escape(user_id)}> with `/medicon`")]
    ).to_dict()
    voted = with_feedback(message, answer, question=text, surface="shared")
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
    turn: Turn | None = None,
) -> Message:
    """A reply in a DM or thread: a greeting gets an introduction, anything else the answer;
    ``turn``: the text already answered in its conversation, opened by what it assumed."""
    answer: Answer = turn.answer if turn is not None else answer_question(kb, text)
    if isinstance(answer, ChatAnswer) and answer.kind == "greeting":
        help_message = render(answer_question(kb, "help"))
        intro = SectionBlock(text=MarkdownTextObject(text=_INTRO)).to_dict()
        return Message(
            text=_INTRO.replace("*", "").replace("_", ""), blocks=(intro, *help_message.blocks[1:])
        )
    message = render(answer, prefix="", tables=tables)
    voted = with_feedback(message, answer, question=text, surface=surface)
    if turn is None:
        return voted
    offered = _next_questions(kb, turn)
    if offered is not None and len(voted.blocks) < _MAX_BLOCKS:
        blocks = list(voted.blocks)
        votes = [n for n, block in enumerate(blocks) if block.get("block_id") == "feedback"]
        blocks.insert(votes[0] if votes else len(blocks), offered)  # above the vote
        voted = Message(text=voted.text, blocks=tuple(blocks))
    return assumed_reply(voted, turn.assumed, language=turn.question.language)


def _next_questions(kb: KnowledgeBase, turn: Turn) -> dict[str, Any] | None:
    """Buttons for what to ask next about what this turn answered, each carrying its whole
    question (a click needs no stored context)."""
    if outcome(turn.answer).kind in {"declined", "help", "chat", "outside"}:
        return None  # the context is still the last answer's: nothing new to follow up
    offered = next_questions(kb, turn.context)
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


def error_reply() -> Message:
    """What the one error policy tells a user when something unexpected broke."""
    return Message(
        text=_ERROR, blocks=(SectionBlock(text=MarkdownTextObject(text=_ERROR)).to_dict(),)
    )


# --- App Home ---------------------------------------------------------------------------------


def _entry_search() -> ExternalDataSelectElement:
    """A type-ahead over every field and centre (options from the app: no 100-option cap)."""
    return ExternalDataSelectElement(
        placeholder="Find a field or centre…", action_id=HOME_ENTRY_SEARCH, min_query_length=0
    )


def _overview_blocks(kb: KnowledgeBase) -> list[dict[str, Any]]:
    blocks: list[Any] = [
        HeaderBlock(text=PlainTextObject(text="Medicon Bot")),
        SectionBlock(text=MarkdownTextObject(text=_INTRO)),
        SectionBlock(
            text=MarkdownTextObject(
                text="*How to ask:* type `/medicon cancer`, `/medicon LUDC`, `/medicon stats` "
                "or `/medicon help` in any channel, or send me a direct message."
            )
        ),
        DividerBlock(),
    ]
    for research_field in kb.fields.values():
        numbers = " · ".join(
            escape(f"{stat.display_value}{stat.unit_suffix} ({year_phrase(stat)})")
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
            text=MarkdownTextObject(text="*Centres and programmes*"),
            accessory=_entry_search(),
        )
    )
    return [*(block.to_dict() for block in blocks), setup_button()]


def _subscription_blocks(
    subscriptions: Sequence[tuple[str, Sequence[str]]],
) -> list[dict[str, Any]]:
    if not subscriptions:
        return []
    blocks: list[Any] = [
        DividerBlock(),
        SectionBlock(text=MarkdownTextObject(text="*Your weekly spotlights*")),
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
) -> dict[str, Any]:
    """The App Home tab: fields with headline numbers and the user's spotlight subscriptions
    (channel id, description lines), or one entry with a way back."""
    if showing is None:
        blocks = [*_overview_blocks(kb), *_subscription_blocks(subscriptions)]
    else:
        back = ActionsBlock(
            block_id="home_nav",
            elements=[ButtonElement(text="← All fields", action_id=HOME_BACK, value="home")],
        ).to_dict()
        answer = render(answer_for(kb, showing))
        blocks = [back, *answer.blocks]
    return {"type": "home", "blocks": blocks[:_HOME_BLOCKS]}
