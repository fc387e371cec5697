"""Link unfurls: a link to a centre's website gets the centre's short card under it.

A link belongs to the entry whose ``website`` it falls under: the same host (``www.`` ignored)
and a path that starts with the website's path; where two entries share a host (a hospital and
one of its units), the longer path wins. Links to other pages of a shared domain (``lu.se``
holds a whole university) unfurl nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final
from urllib.parse import urlsplit

from bot.answers.locale import localise
from bot.answers.mrkdwn import escape, truncate
from bot.knowledge import Centre, KnowledgeBase
from bot.slack import phrases
from bot.slack.surface import UNFURL_DOMAINS

__all__ = ["UnfurlTargets", "entry_domains", "short_card"]

_SUMMARY_LIMIT: Final = 300


def _host(netloc: str | None) -> str:
    return (netloc or "").casefold().removeprefix("www.")


def _path(path: str) -> str:
    return path.rstrip("/").casefold()


def entry_domains(kb: KnowledgeBase) -> dict[str, int]:
    """Registrable-looking domains (last two labels) of every website, with how many entries."""
    counts: dict[str, int] = {}
    for centre in kb.centres.values():
        if centre.website is not None:
            host = _host(urlsplit(str(centre.website)).hostname)
            domain = ".".join(host.split(".")[-2:])
            counts[domain] = counts.get(domain, 0) + 1
    return counts


def _covered(host: str, domains: Iterable[str]) -> bool:
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


class UnfurlTargets:
    """Which centre a link is about, for links under the app's unfurl domains."""

    def __init__(self, kb: KnowledgeBase, domains: Iterable[str] = UNFURL_DOMAINS) -> None:
        listed = tuple(domains)
        by_host: dict[str, list[tuple[str, Centre]]] = {}
        for centre in kb.centres.values():
            if centre.website is None:
                continue
            parts = urlsplit(str(centre.website))
            host = _host(parts.hostname)
            if _covered(host, listed):
                by_host.setdefault(host, []).append((_path(parts.path), centre))
        for entries in by_host.values():
            entries.sort(key=lambda pair: len(pair[0]), reverse=True)
        self._by_host: Mapping[str, list[tuple[str, Centre]]] = by_host

    def centre_for(self, url: str) -> Centre | None:
        """The centre whose website ``url`` is on, or None."""
        try:
            parts = urlsplit(url)
            host = _host(parts.hostname)
        except ValueError:
            return None
        path = _path(parts.path)
        for prefix, centre in self._by_host.get(host, ()):
            if path == prefix or path.startswith(f"{prefix}/") or not prefix:
                return centre
        return None


def short_card(centre: Centre, language: str = "en") -> dict[str, Any]:
    """The unfurl for one link: name, where it is, and the first lines of its summary (quoted
    as written); the bot's own line in ``language``."""
    place = f" · {escape(centre.place)}" if centre.place else ""
    text = f"*{escape(centre.label)}*{place}\n{escape(truncate(centre.summary, _SUMMARY_LIMIT))}"
    command = escape(centre.short_name or centre.name)
    footer = localise(phrases.FROM_MEDICON_BOT.format(command=command), language)
    return {
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": truncate(text, 3000)}},
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": footer,
                    }
                ],
            },
        ]
    }
