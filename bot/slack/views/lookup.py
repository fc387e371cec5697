"""The "Look up in Medicon Bot" message shortcut: what a message mentions, or what it asks.

A message is scanned for the names and aliases of fields and centres (runs of up to six words,
matched as the index matches names: case, accents and punctuation ignored). When it names some,
the reply lists them with a button to each card; when it names none, the message is answered as
a question, exactly as if it had been typed to the bot.
"""

from __future__ import annotations

from typing import Final

from slack_sdk.models.blocks import ActionsBlock, ContextBlock, MarkdownTextObject, SectionBlock

from bot.answers import Message, render, reply_to
from bot.answers.locale import Phrase, localise
from bot.answers.render.mrkdwn import escape, truncate
from bot.answers.render.render import entry_button
from bot.answers.render.reply import language_of_text
from bot.knowledge import Centre, EntryRef, KnowledgeBase, ResearchField
from bot.knowledge.text import normalize
from bot.slack.surface import LOOKUP_BLOCK

__all__ = ["lookup_reply", "mentioned_entries"]

_LONGEST_NAME_WORDS: Final = 6
_MOST_MENTIONS: Final = 10
_SCANNED_CHARACTERS: Final = 4_000
_EMPTY: Final = Phrase("That message has no text I can look up.")
_MENTIONS: Final = Phrase("That message mentions {names}.")
_ONLY_YOU: Final = Phrase("Only you can see this. Open one to read its card.")


def mentioned_entries(kb: KnowledgeBase, text: str) -> list[EntryRef]:
    """Fields and centres named in ``text``, in the order they first appear (longest name wins
    where two overlap); the cluster itself is not a mention worth a card."""
    words = normalize(text[:_SCANNED_CHARACTERS]).split()
    spellings = kb.index.spellings
    found: list[EntryRef] = []
    start = 0
    while start < len(words) and len(found) < _MOST_MENTIONS:
        for length in range(min(_LONGEST_NAME_WORDS, len(words) - start), 0, -1):
            ref = spellings.get(" ".join(words[start : start + length]))
            if ref is not None and ref.kind in ("field", "centre"):
                if ref not in found:
                    found.append(ref)
                start += length
                break
        else:
            start += 1
    return found


def _entry_of(kb: KnowledgeBase, ref: EntryRef) -> ResearchField | Centre:
    return kb.fields[ref.id] if ref.kind == "field" else kb.centres[ref.id]


def lookup_reply(kb: KnowledgeBase, text: str, *, otherwise: str | None = None) -> Message:
    """The ephemeral reply to the shortcut on a message whose text is ``text``; a message
    without text is told so in ``otherwise`` (the person's language)."""
    if not text.strip():
        said = localise(_EMPTY, otherwise or "en")
        return Message(text=said, blocks=(SectionBlock(text=said).to_dict(),))
    refs = mentioned_entries(kb, text)
    if not refs:
        reply = reply_to(kb, text)
        return render(reply.answer, locale=reply.language)
    language = language_of_text(text)  # the message's own language
    names = ", ".join(f"*{escape(kb.name_of(ref))}*" for ref in refs)
    heading = localise(_MENTIONS.format(names=names), language)
    buttons = [b for b in (entry_button(_entry_of(kb, ref)) for ref in refs) if b is not None]
    blocks = [
        SectionBlock(text=MarkdownTextObject(text=truncate(heading, 3000))).to_dict(),
        ActionsBlock(block_id=LOOKUP_BLOCK, elements=buttons[:_MOST_MENTIONS]).to_dict(),
        ContextBlock(elements=[MarkdownTextObject(text=localise(_ONLY_YOU, language))]).to_dict(),
    ]
    plain_names = ", ".join(kb.name_of(ref) for ref in refs)
    plain = localise(_MENTIONS.format(names=plain_names), language)
    return Message(text=plain, blocks=tuple(blocks))
