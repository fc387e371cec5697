"""Every name of every entry opens that entry, and only that entry.

Parametrised over the shipped knowledge base as it is loaded, so entries added to data/ later
are covered without touching this file.
"""

from __future__ import annotations

import pytest

from bot.knowledge import EntryRef, KnowledgeBase, default_data_dir, load_knowledge_base

KB: KnowledgeBase = load_knowledge_base(default_data_dir())

CENTRE_NAMES = [
    (centre.id, spelling)
    for centre in KB.centres.values()
    for spelling in (centre.name, centre.short_name)
    if spelling
]
CENTRE_ALIASES = [(centre.id, alias) for centre in KB.centres.values() for alias in centre.aliases]
FIELD_NAMES = [
    (research_field.id, spelling)
    for research_field in KB.fields.values()
    for spelling in (research_field.name, *research_field.aliases)
]


@pytest.mark.parametrize(("centre_id", "spelling"), CENTRE_NAMES, ids=[s for _, s in CENTRE_NAMES])
def test_each_centre_name_and_abbreviation_opens_that_centre(centre_id: str, spelling: str) -> None:
    assert KB.index.exact(spelling) == EntryRef("centre", centre_id)
    assert KB.index.exact(spelling.upper()) == EntryRef("centre", centre_id)


@pytest.mark.parametrize(("centre_id", "alias"), CENTRE_ALIASES, ids=[a for _, a in CENTRE_ALIASES])
def test_each_centre_alias_opens_that_centre(centre_id: str, alias: str) -> None:
    assert KB.index.exact(alias) == EntryRef("centre", centre_id)


@pytest.mark.parametrize(("field_id", "spelling"), FIELD_NAMES, ids=[s for _, s in FIELD_NAMES])
def test_each_field_name_and_alias_opens_that_field(field_id: str, spelling: str) -> None:
    assert KB.index.exact(spelling) == EntryRef("field", field_id)


@pytest.mark.parametrize("spelling", [KB.cluster.name, *KB.cluster.aliases])
def test_each_name_of_the_cluster_opens_the_cluster(spelling: str) -> None:
    assert KB.index.exact(spelling) == EntryRef("cluster", "cluster")


def test_every_entry_is_covered() -> None:
    assert {centre_id for centre_id, _ in CENTRE_NAMES} == set(KB.centres)
