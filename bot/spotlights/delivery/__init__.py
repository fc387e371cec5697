"""Exactly-once spotlight delivery: one pass (:func:`run_due`) posts every spotlight due.

``run`` is the pass's turn loop; ``pacing`` keeps each workspace within Slack's limits;
``journal`` keeps confirmed posts on disk until the database has them; ``ports`` is what the
pass needs from Slack (the :class:`Poster`), implemented at the edge in :mod:`bot.slack.poster`.
"""

from bot.spotlights.delivery.run import (
    DEFAULT_GRACE,
    DEFAULT_LEASE,
    DEFAULT_PATIENCE,
    RunSummary,
    run_due,
)

__all__ = [
    "DEFAULT_GRACE",
    "DEFAULT_LEASE",
    "DEFAULT_PATIENCE",
    "RunSummary",
    "run_due",
]
