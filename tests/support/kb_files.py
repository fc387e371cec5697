"""A small, valid knowledge base as YAML text, for tests that break one thing at a time."""

from __future__ import annotations

from pathlib import Path

SOURCES = """\
sources:
  - id: seed
    title: Seed page
  - id: site
    title: A public page
    url: https://example.org/page
    as_of: 2020
"""

FIELDS = """\
fields:
  - id: cancer
    name: Cancer
    aliases: [oncology, kræft]
    summary: Cancer research in the region.
    stats:
      - id: cancer-organisations
        label: Organisations
        value: 25
        qualifier: more than
        unit: organisations
        statement: More than 25 organisations focus on cancer research.
        source: seed
        undated: true
    sources: [seed]
  - id: neuroscience
    name: Neuroscience
    aliases: [brain, hjärna]
    summary: Brain research.
    sources: [seed]
"""

CENTRES = """\
centres:
  - id: create-health
    name: CREATE Health
    kind: centre
    host: Lund University
    city: Lund
    country: SE
    website: https://example.org/create
    fields: [cancer]
    summary: Translational cancer research.
    sources: [seed, site]
  - id: wnc
    name: Wallenberg Neuroscience Center
    short_name: WNC
    kind: centre
    fields: [neuroscience]
    summary: Neurodegenerative disease research.
    sources: [site]
"""

CLUSTER = """\
cluster:
  name: Medicon Valley
  aliases: [Greater Copenhagen]
  summary: A life-science cluster.
  sources: [seed]
"""


def write_kb(
    directory: Path,
    *,
    sources: str = SOURCES,
    fields: str = FIELDS,
    centres: str = CENTRES,
    cluster: str = CLUSTER,
) -> Path:
    """Write the four files (any of them replaced) into ``directory`` and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in {
        "sources.yaml": sources,
        "fields.yaml": fields,
        "centres.yaml": centres,
        "cluster.yaml": cluster,
    }.items():
        (directory / name).write_text(text, encoding="utf-8")
    return directory


OUTSIDE = """\
outside:
  - id: karolinska-institutet
    name: Karolinska Institutet
    aliases: [KI, Karolinska Institute]
    city: Solna
    country: SE
    note: A medical university in the Stockholm area.
    sources: [site]
    reviewed: 2026-12-01
"""


def write_outside(directory: Path, outside: str = OUTSIDE) -> Path:
    """Add ``outside.yaml`` (optional in a knowledge base) to ``directory`` and return it."""
    (directory / "outside.yaml").write_text(outside, encoding="utf-8")
    return directory


REVIEWED = "2026-11-01"
"""The review date of every entry :func:`write_checked_kb` writes."""


def write_checked_kb(directory: Path, *, centres: str = CENTRES, fields: str = FIELDS) -> Path:
    """Like :func:`write_kb`, but every entry reviewed and every active status dated.

    Such a knowledge base passes ``medicon-bot kb check`` with no error and no warning on
    :data:`REVIEWED`, so a test can break exactly one editorial rule.
    """
    centres = centres.replace(
        "    sources: [seed, site]\n",
        f"    status_as_of: 2020\n    sources: [seed, site]\n    reviewed: {REVIEWED}\n",
    ).replace(
        "    sources: [site]\n",
        f"    status_as_of: undated\n    sources: [site]\n    reviewed: {REVIEWED}\n",
    )
    fields = fields.replace(
        "    sources: [seed]\n", f"    sources: [seed]\n    reviewed: {REVIEWED}\n"
    )
    cluster = CLUSTER + f"  reviewed: {REVIEWED}\n"
    return write_outside(write_kb(directory, centres=centres, fields=fields, cluster=cluster))
