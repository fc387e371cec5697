"""Exactly-once spotlight delivery: one pass (:func:`run_due`) posts every spotlight due.

One module a job:

- ``run``: the pass and its turn loop (claim, reserve turns, dispatch, finish);
- ``attempt``: one post of a claimed slot, with its 429 handling;
- ``outcomes``: what each slot came to, recorded with its consequences, and the summary;
- ``patience``: database steps retried while the database is away, and the lease heartbeat;
- ``pacing``: each workspace kept within Slack's limits, shared by every pass and process;
- ``journal``: confirmed posts kept on disk until the database has them;
- ``ports``: what the pass needs from Slack (the ``Poster``), implemented at the edge in
  :mod:`bot.slack.poster`.
"""

from bot.spotlights.delivery.outcomes import RunSummary
from bot.spotlights.delivery.patience import DEFAULT_PATIENCE
from bot.spotlights.delivery.run import DEFAULT_GRACE, DEFAULT_LEASE, run_due

__all__ = [
    "DEFAULT_GRACE",
    "DEFAULT_LEASE",
    "DEFAULT_PATIENCE",
    "RunSummary",
    "run_due",
]
