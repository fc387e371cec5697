"""Answers shaped for each Slack surface: the slash command, conversations, sharing.

Pure functions over the knowledge base. Each adds what its surface needs (a share button, an
attribution, a greeting, navigation) to the one rendered answer, staying within Slack's limits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.answers import Message, Outcome, answer_for, answer_question, outcome, render, reply_to
from bot.answers.locale import Phrase, localise
from bot.answers.records import ChatAnswer, HelpAnswer, NoMatchAnswer, OutsideAnswer
from bot.answers.render.feedback_blocks import AnsweredOn, with_feedback
from bot.answers.render.mrkdwn import escape
from bot.answers.render.reply import reply_with
from bot.conversation import Assumption, Turn, next_questions
from bot.knowledge import EntryRef, KnowledgeBase
from bot.slack import phrases as surface_words
from bot.slack.surface import (
    FEEDBACK_BLOCK,
    FOLLOW_UP,
    FOLLOW_UP_BLOCK,
    SHARE,
    SHARE_BLOCK,
)

__all__ = [
    "INTRO",
    "SurfaceReply",
    "answered",
    "assumed_reply",
    "command_reply",
    "conversation_reply",
    "entry_reply",
    "error_reply",
    "reply_in_conversation",
    "reply_to_command",
    "shared_reply",
    "strip_mentions",
]


_VALUE_LIMIT = 2000
_MAX_BLOCKS = 49
"""One block fewer than Slack's 50: the assumption line opens a follow-up."""

INTRO: Final = Phrase(
    "Hi! I'm Medicon Bot. Ask me about research in Medicon Valley, the life-science cluster of "
    "Greater Copenhagen and Skåne: a field such as *cancer*, a centre such as *LUDC*, or a "
    "question such as _who does diabetes research in Lund?_"
)
_SHARE_IN_CHANNEL: Final = Phrase("Share in channel")


_SHARED_BY: Final = Phrase("Shared by {user} with `/medicon`")


def _with(message: Message, *blocks: dict[str, Any]) -> Message:
    return Message(text=message.text, blocks=(*message.blocks, *blocks))


def _share_actions(query: str, language: str = "en") -> dict[str, Any]:
    button = ButtonElement(
        text=PlainTextObject(text=localise(_SHARE_IN_CHANNEL, language), emoji=True),
        action_id=SHARE,
        value=query[:_VALUE_LIMIT],
    )
    return ActionsBlock(block_id=SHARE_BLOCK, elements=[button]).to_dict()


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


def answered(said: Outcome) -> bool | None:
    """Whether a reply of this outcome answered its question: True, False for an "I don't
    know", None for help and small talk, which are not questions (the feedback buttons under
    a reply say the same)."""
    if said.kind in ("help", "chat"):
        return None
    return said.kind != "declined"


@dataclass(frozen=True)
class SurfaceReply:
    """A reply and what it was: the outcome (its kind, and the entries it is about), so a
    caller records the question without reading back the blocks."""

    message: Message
    outcome: Outcome


def command_reply(
    kb: KnowledgeBase,
    text: str,
    *,
    tables: bool = True,
    turn: Turn | None = None,
    otherwise: str | None = None,
) -> Message:
    """What ``/medicon <text>`` shows its user: :func:`reply_to_command`'s message."""
    return reply_to_command(kb, text, tables=tables, turn=turn, otherwise=otherwise).message


def reply_to_command(
    kb: KnowledgeBase,
    text: str,
    *,
    tables: bool = True,
    turn: Turn | None = None,
    otherwise: str | None = None,
) -> SurfaceReply:
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
    if turn is not None:
        voted = assumed_reply(voted, turn.assumed, language=language)
    return SurfaceReply(voted, outcome(answer))


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
    """A reply in a DM or thread: :func:`reply_in_conversation`'s message."""
    return reply_in_conversation(
        kb, text, surface=surface, tables=tables, otherwise=otherwise, turn=turn
    ).message


def reply_in_conversation(
    kb: KnowledgeBase,
    text: str,
    *,
    surface: AnsweredOn = "dm",
    tables: bool = True,
    otherwise: str | None = None,
    turn: Turn | None = None,
) -> SurfaceReply:
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
        said = localise(INTRO, language)
        intro = SectionBlock(text=MarkdownTextObject(text=said)).to_dict()
        greeting = Message(
            text=said.replace("*", "").replace("_", ""), blocks=(intro, *help_message.blocks[1:])
        )
        return SurfaceReply(greeting, outcome(answer))
    message = render(answer, prefix="", tables=tables, locale=language)
    voted = with_feedback(message, answer, question=text, surface=surface, language=language)
    if turn is None:
        return SurfaceReply(voted, outcome(answer))
    offered = _next_questions(kb, turn, language)
    if offered is not None and len(voted.blocks) < _MAX_BLOCKS:
        blocks = list(voted.blocks)
        votes = [n for n, block in enumerate(blocks) if block.get("block_id") == FEEDBACK_BLOCK]
        blocks.insert(votes[0] if votes else len(blocks), offered)  # above the vote
        voted = Message(text=voted.text, blocks=tuple(blocks))
    return SurfaceReply(assumed_reply(voted, turn.assumed, language=language), outcome(answer))


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
    return ActionsBlock(block_id=FOLLOW_UP_BLOCK, elements=buttons).to_dict()


def error_reply(language: str = "en") -> Message:
    """What the one error policy tells a user when something unexpected broke, in
    ``language``."""
    said = localise(surface_words.ERROR, language)
    return Message(text=said, blocks=(SectionBlock(text=MarkdownTextObject(text=said)).to_dict(),))
