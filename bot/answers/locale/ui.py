"""What the renderer says around the knowledge: labels, headers, buttons, counts. Message ids
like :mod:`bot.answers.phrases`, for the words that only drawing an answer needs."""

from __future__ import annotations

from typing import Final

from bot.answers.locale.fragments import AS_OF, UNDATED
from bot.answers.locale.lazy import Phrase, Plural
from bot.knowledge import CentreKind, Status

__all__ = ["AS_OF", "KIND_LABELS", "KIND_PLURALS", "STATUS_ADJECTIVES", "UNDATED"]

MORE_THAN_FITS: Final = Phrase("…more than fits in one message; try a narrower question.")
SOURCES: Final = Plural("Source", "Sources", count="count")
LAST_REVIEWED: Final = Phrase("Last reviewed {day}")
CENTRES_AND_PROGRAMMES_COUNT: Final = Phrase("Centres and programmes ({count}):")
KEY_NUMBERS: Final = Phrase(" Key numbers: {numbers}.")
HOST: Final = Phrase("Host")
LOCATION: Final = Phrase("Location")
FIELDS: Final = Phrase("Fields")
TYPE: Final = Phrase("Type")
FOUNDED: Final = Phrase("Founded")
WEBSITE: Final = Phrase("Website")
STATUS: Final = Phrase("Status")
PART_OF: Final = Phrase("Part of")
RESEARCH_THEMES: Final = Phrase("Research themes")
SUCCESSOR: Final = Phrase("Successor")
RESEARCH_FIELDS: Final = Plural(
    "Medicon Valley's {count} research field", "Medicon Valley's {count} research fields"
)
N_CENTRES: Final = Plural("{count} centre", "{count} centres")
OPEN_ONE: Final = Phrase("Open one, or type `{prefix}centres <field>`.")
CENTRES_IN: Final = Phrase("Centres in {field}")
CENTRES_AND_PROGRAMMES: Final = Phrase("Centres and programmes")
NO_CENTRES_YET: Final = Phrase("No centres are listed for this field yet.")
AND_MORE: Final = Plural("And {count} more:", "And {count} more:")
NONE: Final = Phrase("none")
IN_NUMBERS: Final = Phrase("Medicon Valley in numbers")
NO_FIGURES_IN_SOURCES: Final = Phrase("no figures in the sources")
NO_FIGURES: Final = Phrase("no figures")
OVERALL: Final = Phrase("{name} overall")
SEARCH_RESULTS: Final = Phrase("Search results")
BEST_MATCHES: Final = Phrase("Best matches for “{query}”")
RESULTS_FOR: Final = Phrase("Results for “{query}”: {names}.")
DID_YOU_MEAN: Final = Phrase("Did you mean: {names}?")
OVERVIEW: Final = Phrase("Type `{command}` for the overview.")
VERSUS: Final = Phrase(" vs ")

KIND_LABELS: Final = {
    CentreKind.CENTRE: Phrase("Centre"),
    CentreKind.UNIT: Phrase("Unit"),
    CentreKind.PROGRAMME: Phrase("Programme"),
    CentreKind.DEPARTMENT: Phrase("Department"),
    CentreKind.HOSPITAL: Phrase("Hospital"),
    CentreKind.RESEARCH_GROUP: Phrase("Research group"),
    CentreKind.UNIVERSITY: Phrase("University"),
    CentreKind.INFRASTRUCTURE: Phrase("Infrastructure"),
    CentreKind.SCIENCE_PARK: Phrase("Science park"),
    CentreKind.FUNDER: Phrase("Funder"),
    CentreKind.ORGANISATION: Phrase("Organisation"),
    CentreKind.COMPANY: Phrase("Company"),
}
"""Each kind's name on a card (the English is ``Centre.kind_label``)."""
KIND_PLURALS: Final = {
    CentreKind.CENTRE: Phrase("centres"),
    CentreKind.UNIT: Phrase("units"),
    CentreKind.PROGRAMME: Phrase("programmes"),
    CentreKind.DEPARTMENT: Phrase("departments"),
    CentreKind.HOSPITAL: Phrase("hospitals"),
    CentreKind.RESEARCH_GROUP: Phrase("research groups"),
    CentreKind.UNIVERSITY: Phrase("universities"),
    CentreKind.INFRASTRUCTURE: Phrase("research infrastructures"),
    CentreKind.SCIENCE_PARK: Phrase("science parks"),
    CentreKind.FUNDER: Phrase("funders"),
    CentreKind.ORGANISATION: Phrase("organisations"),
    CentreKind.COMPANY: Phrase("companies"),
}
"""What a list of one kind is called (``lists.describe_filters``'s words)."""
ALL_KINDS_PLURAL: Final = Phrase("centres and programmes")
STATUS_ADJECTIVES: Final = {
    Status.ACTIVE: Phrase("active"),
    Status.ENDED: Phrase("ended"),
    Status.RENAMED: Phrase("renamed"),
    Status.UNCERTAIN: Phrase("status-uncertain"),
}
"""A status before a plural noun: *ended* hospitals."""
IN: Final = Phrase("in {name}")
IN_FIELD: Final = Phrase("in {field}")
"""A research field a list is narrowed to (Danish *inden for*, Swedish *inom*)."""
COUNTRIES: Final = {"DK": Phrase("Denmark"), "SE": Phrase("Sweden")}
"""The countries a list can be narrowed to."""
