"""Keeping the catalogs in step with the code: extract every phrase into ``messages.pot``,
update each language's ``medicon.po`` from it, compile the ``.mo`` files the bot reads, and
check that nothing is missing (``medicon-bot i18n extract|update|compile|check``).

Phrases are found by importing the modules that define them and collecting every
:class:`~bot.answers.locale.lazy.Phrase` they hold, so a constant added to
:mod:`bot.answers.phrases` is in the next ``extract`` without any marker in the code."""

from __future__ import annotations

import importlib
import io
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from bot.answers.locale.catalog import CATALOGS, DOMAIN, TRANSLATED
from bot.answers.locale.lazy import Phrase, Plural

__all__ = [
    "MESSAGE_MODULES",
    "Message",
    "check",
    "compile_catalogs",
    "entry_problems",
    "extract",
    "messages",
    "placeholders",
    "po_path",
    "update",
]

MESSAGE_MODULES: Final = (
    "bot.answers.phrases",
    "bot.answers.locale.ui",
    "bot.answers.locale.fragments",
    "bot.answers.render.tables",
    "bot.answers.render.feedback_blocks",
    "bot.slack.views.replies",
    "bot.slack.views.home",
    "bot.slack.views.lookup",
    "bot.slack.phrases",
    "bot.slack.views.welcome",
    "bot.spotlights.phrases",
    "bot.conversation.phrases",
    "bot.conversation.labels",
    "bot.feedback.phrases",
)
"""Every module whose constants hold phrases the bot says."""
TEMPLATE: Final = CATALOGS / "messages.pot"
PROJECT: Final = "medicon-bot"


@dataclass(frozen=True)
class Message:
    """One message id: its plural form when it has one, and where it is defined."""

    msgid: str
    plural: str | None
    where: str


def messages() -> list[Message]:
    """Every phrase in :data:`MESSAGE_MODULES`, once each, in definition order."""
    found: dict[str, Message] = {}
    for module_name in MESSAGE_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if name.lstrip("_").isupper():
                for phrase in _phrases(value):
                    plural = str(phrase) if isinstance(phrase, Plural) else None
                    found.setdefault(
                        phrase.singular, Message(phrase.singular, plural, f"{module_name}.{name}")
                    )
    return list(found.values())


def _phrases(value: object) -> Iterator[Phrase]:
    if isinstance(value, Phrase):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _phrases(item)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _phrases(item)


def template() -> Catalog:
    """The message template as the code defines it now."""
    catalog = Catalog(project=PROJECT, domain=DOMAIN, fuzzy=False)
    for message in messages():
        msgid = (message.msgid, message.plural) if message.plural else message.msgid
        catalog.add(msgid, locations=[(message.where, 0)])
    return catalog


def po_path(language: str) -> Path:
    return CATALOGS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def _mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def _read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=DOMAIN)


def _write(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())


def extract() -> Path:
    """Write ``messages.pot`` from the code; returns its path."""
    _write(TEMPLATE, template())
    return TEMPLATE


def update() -> list[Path]:
    """Bring each language's ``.po`` in step with the template: new ids arrive untranslated,
    changed ones fuzzy, removed ones obsolete (Babel's ``update``)."""
    written = []
    pot = _read(TEMPLATE)
    for language in TRANSLATED:
        path = po_path(language)
        catalog = _read(path, language) if path.exists() else Catalog(locale=language)
        catalog.update(pot, update_header_comment=False)
        _write(path, catalog)
        written.append(path)
    return written


def compile_catalogs() -> list[Path]:
    """Compile each ``.po`` into the ``.mo`` the bot loads (fuzzy entries left out)."""
    written = []
    for language in TRANSLATED:
        catalog = _read(po_path(language), language)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        _mo_path(language).write_bytes(buffer.getvalue())
        written.append(_mo_path(language))
    return written


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` in a message."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def check() -> list[str]:
    """Every problem that would make the bot speak English, or wrongly, in some language: a
    stale template, an id without a translation (or only a fuzzy one), a translation whose
    placeholders differ from its id's, a ``.mo`` older than its ``.po``. Empty when all is well.
    """
    problems: list[str] = []
    wanted = {message.msgid: message for message in messages()}
    on_disk = {str(m.id if isinstance(m.id, str) else m.id[0]) for m in _read(TEMPLATE) if m.id}
    problems += [
        f"messages.pot lacks {msgid!r}: run `make i18n`" for msgid in wanted.keys() - on_disk
    ]
    problems += [
        f"messages.pot has stale {msgid!r}: run `make i18n`" for msgid in on_disk - wanted.keys()
    ]
    for language in TRANSLATED:
        catalog = _read(po_path(language), language)
        for message in wanted.values():
            problems += entry_problems(catalog, message, language)
        compiled = {_key(m.id): _text(m.string) for m in _read_mo(_mo_path(language)) if m.id}
        source = {
            _key(m.id): _text(m.string)
            for m in catalog
            if m.id and not m.fuzzy and _filled(m.string)
        }
        if compiled != source:
            problems.append(
                f"{language}: medicon.mo is not compiled from medicon.po: run `make i18n`"
            )
    return problems


def entry_problems(catalog: Catalog, message: Message, language: str) -> list[str]:
    """What is wrong with ``message``'s translation in ``catalog`` (nothing, when it is right)."""
    entry = catalog.get(message.msgid)
    if entry is None or entry.fuzzy or not _filled(entry.string):
        return [f"{language}: no translation of {message.msgid!r} ({message.where})"]
    forms = _text(entry.string)
    ids = (message.msgid, message.plural) if message.plural else (message.msgid,)
    expected = frozenset().union(*(placeholders(text) for text in ids))
    return [
        f"{language}: {form!r} has placeholders {sorted(placeholders(form))},"
        f" its id {sorted(expected)}"
        for form in forms
        if placeholders(form) != expected
        and not (message.plural and placeholders(form) <= expected)
    ]


def _filled(text: object) -> bool:
    if isinstance(text, tuple | list):
        return all(bool(part) for part in text)
    return bool(text)


def _key(msgid: object) -> str:
    return str(msgid[0]) if isinstance(msgid, tuple | list) else str(msgid)


def _text(string: object) -> tuple[str, ...]:
    return tuple(str(s) for s in string) if isinstance(string, tuple | list) else (str(string),)


def _read_mo(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_mo(file)
