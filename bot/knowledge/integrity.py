"""Rules that keep the knowledge base right, sentence by sentence (issue 18), for ``kb check``.

* **Aliases name their own entry.** A generic phrase ("Phase 1 Unit", "Steno Diabetes Center",
  "Copenhagen University Hospital") is not an alias: it opens one card for a question about
  another place. The loader already refuses a spelling two entries share; this refuses the
  generic ones (a curated list) and an alias made of another entry's name plus generic words.
* **Sources are originals.** A URL must be well formed (a real host, no trailing dot, no bare
  IP), use https, carry no feed or paging suffix, and not point at a mirror or copy of a page
  whose original exists (a maintained list of mirror hosts). These warn, naming what to prefer.
* **Figures do not contradict.** Two figures of one entry for the same thing (the same label
  and unit) with different values must carry different years.
* **A field tag rests on a statement.** An entry tagged with a field says something about it.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from bot.knowledge.base import KnowledgeBase
from bot.knowledge.models import Centre, Stat
from bot.knowledge.problems import Problem
from bot.knowledge.rules import Locate, entry_locations
from bot.knowledge.stems import stem
from bot.knowledge.text import normalize

__all__ = [
    "GENERIC_ALIASES",
    "MIRROR_HOSTS",
    "alias_problems",
    "field_warnings",
    "figure_problems",
    "source_warnings",
]

GENERIC_ALIASES = frozenset(
    normalize(phrase)
    for phrase in (
        "Phase 1 Unit",
        "Phase I unit",
        "Phase I/II unit",
        "Steno Diabetes Center",
        "Steno",
        "Copenhagen University Hospital",
        "University Hospital",
        "Epilepsy Center",
        "Epilepsy Centre",
        "Diabetes Centre",
        "Diabetes Center",
        "Cancer Centre",
        "Cancer Center",
        "Stem Cell Center",
        "Research Centre",
        "Research Center",
        "Science Park",
        "Hospital",
        "Centre",
        "Center",
        "Institute",
        "Foundation",
        "University",
        "Region",
    )
)
"""Phrases that name a kind of place, not one place: never an alias."""

MIRROR_HOSTS = frozenset(
    {
        "documents.pub",
        "docslib.org",
        "wikimili.com",
        "pinocchiopedia.com",
        "wikizero.com",
        "owiki.org",
        "w.owiki.org",
        "piglix.com",
        "memim.com",
        "wiki2.org",
        "wikiwand.com",
        "dbpedia.org",
        "everybodywiki.com",
        "justapedia.org",
        "alchetron.com",
        "welltica.com",
        "vdocuments.net",
        "pdfslide.net",
        "studylib.net",
        "yumpu.com",
    }
)
"""Hosts that copy other sites' pages: cite the page they copied."""

_SUFFIXES = re.compile(r"[?&](?:rss|page=\d+|utm_[a-z]+=[^&]*)(?:&|$)", re.IGNORECASE)


def alias_problems(kb: KnowledgeBase, locate: Locate) -> Iterator[Problem]:
    """Generic aliases, and aliases that are another entry's name with generic words added."""
    names = {
        normalize(spelling): centre.id
        for centre in kb.centres.values()
        for spelling in (centre.name, centre.plain_name, centre.short_name)
        if spelling
    }
    for file, path, centre in entry_locations(kb):
        for index, alias in enumerate(centre.aliases):
            key = normalize(alias)
            if key in GENERIC_ALIASES:
                yield locate(
                    file,
                    (*path, "aliases", index),
                    f"'{alias}' names a kind of place, not this one: remove the alias",
                )
                continue
            other = _names_another(key, names, centre)
            if other is not None:
                yield locate(
                    file,
                    (*path, "aliases", index),
                    f"'{alias}' is the name of '{other}' with generic words: it would open this"
                    " card for questions about that entry",
                )


def _names_another(key: str, names: dict[str, str], centre: Centre) -> str | None:
    """The id of another entry whose whole name ``key`` is, give or take generic words."""
    words = key.split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start : start + size])
            owner = names.get(part)
            if owner is not None and owner != centre.id:
                rest = words[:start] + words[start + size :]
                own_kind = set(normalize(centre.kind.value.replace("-", " ")).split())
                if rest and all(w in _GENERIC_WORDS and w not in own_kind for w in rest):
                    return owner
    return None


_GENERIC_WORDS = frozenset(
    {"the", "of", "and", "at", "in", "for", "unit", "units", "centre", "center", "hospital"}
    | {"department", "clinic", "group", "programme", "program", "section", "institute", "site"}
    | {"campus"}
)
"""Words that name a kind of place: another entry's name plus these names a part of it."""


def source_warnings(kb: KnowledgeBase, locate: Locate) -> Iterator[Problem]:
    """Sources whose URL is malformed, plain http, suffixed, or a mirror's copy."""
    for index, source in enumerate(kb.sources.values()):
        if source.url is None:
            continue
        message = url_problem(str(source.url))
        if message is not None:
            yield locate("sources.yaml", ("sources", index, "url"), message)


def url_problem(url: str) -> str | None:
    """What is wrong with a source URL, or None."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not host or host.endswith(".") or "." not in host or parts.port is not None:
        return f"malformed host in {url}: use the site's own address"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return f"{url} is a bare IP address: cite the site's own address"
    bare = host.removeprefix("www.")
    if bare in MIRROR_HOSTS or any(bare.endswith("." + mirror) for mirror in MIRROR_HOSTS):
        return f"{host} copies other sites' pages: cite the original page instead"
    if parts.scheme != "https":
        return f"plain http ({url}): use https where the site offers it"
    if _SUFFIXES.search(url):
        return f"{url} carries a feed, paging or tracking suffix: cite the page itself"
    return None


def figure_problems(kb: KnowledgeBase, locate: Locate) -> Iterator[Problem]:
    """Two figures of one entry for the same thing, with different values and the same year."""
    owners: list[tuple[str, tuple[str | int, ...], tuple[Stat, ...]]] = [
        ("cluster.yaml", ("cluster",), kb.cluster.stats),
        *(
            ("fields.yaml", ("fields", index), research_field.stats)
            for index, research_field in enumerate(kb.fields.values())
        ),
        *((file, path, centre.stats) for file, path, centre in entry_locations(kb)),
    ]
    for file, path, stats in owners:
        seen: dict[tuple[str, str, str], Stat] = {}
        for index, stat in enumerate(stats):
            key = (_thing(stat.label), normalize(stat.unit), stat.year_label)
            earlier = seen.get(key)
            if earlier is not None and earlier.value != stat.value:
                yield locate(
                    file,
                    (*path, "stats", index),
                    f"'{stat.id}' and '{earlier.id}' count the same thing in the same year"
                    f" ({stat.year_label}) with different values: date them or keep one",
                )
            seen.setdefault(key, stat)


def _thing(label: str) -> str:
    """A figure's label without its year or dating words: what it counts."""
    words = [w for w in normalize(label).split() if not w.isdigit() and w != "undated"]
    return " ".join(words)


def field_warnings(kb: KnowledgeBase, locate: Locate) -> Iterator[Problem]:
    """Field tags that nothing the entry says supports."""
    for file, path, centre in entry_locations(kb):
        said = _stems_of(kb, centre)
        for index, field_id in enumerate(centre.fields):
            research_field = kb.fields.get(field_id)
            if research_field is None:
                continue
            spellings = (research_field.id, research_field.name, *research_field.aliases)
            wanted = {stem(w) for s in spellings for w in normalize(s).split() if len(w) > 3}
            if not wanted & said:
                yield locate(
                    file,
                    (*path, "fields", index),
                    f"nothing '{centre.id}' says is about {research_field.name}: add the"
                    " statement that supports the tag, or drop the tag",
                )


def _stems_of(kb: KnowledgeBase, centre: Centre) -> set[str]:
    from bot.knowledge.index import EntryRef

    said: set[str] = set()
    for statement in kb.statements.about(EntryRef("centre", centre.id)):
        said |= {stem(w) for w in normalize(statement.text).split()}
    for text in (*centre.themes, centre.name, centre.short_name or ""):
        said |= {stem(w) for w in normalize(text).split()}
    return said
