"""The OAuth ``state`` store "Add to Slack" uses: single-use, expiring, and never growing.

slack_sdk's SQLAlchemy store deletes only the states that are used, so every visit to the
unauthenticated install page left a row for ever; this one deletes expired states whenever a
state is issued or spent (the clock's daily job does too), and spends a state with one
``DELETE``, so two callbacks racing with the same state cannot both pass. A state whose token
exchange got no answer from Slack can be put back (:meth:`DatabaseStateStore.reissue`), so the
person can retry with the same link.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from slack_sdk.oauth.state_store import OAuthStateStore
from sqlalchemy.exc import SQLAlchemyError

from bot.storage import Database
from bot.storage.oauth_states import STATE_LIMIT, issue_state, spend_state

__all__ = ["DatabaseStateStore"]

_log = logging.getLogger(__name__)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class DatabaseStateStore(OAuthStateStore):
    """States in the database, valid for ``expiration_seconds`` (MEDICON_OAUTH_STATE_SECONDS)."""

    def __init__(
        self,
        *,
        database: Database,
        expiration_seconds: int,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._database = database
        self._lifetime = timedelta(seconds=expiration_seconds)
        self._now = now

    @property
    def logger(self) -> logging.Logger:
        return _log

    def issue(self, *args: object, **kwargs: object) -> str:
        """A new random state, stored; database errors propagate (the install page says so)."""
        state = str(uuid.uuid4())
        self._store(state)
        return state

    def consume(self, state: str) -> bool:
        """True once for a state issued here and not expired; it cannot be used again unless
        :meth:`reissue` puts it back. A database error counts as an unusable state."""
        try:
            with self._database.sessions() as session:
                return spend_state(session, state=state, now=self._now())
        except SQLAlchemyError as error:
            _log.warning("an OAuth state could not be checked: %s", type(error).__name__)
            return False

    def reissue(self, state: str) -> None:
        """Make a spent ``state`` usable again, for a fresh lifetime: the token exchange it was
        spent for got no answer, so the person's retry must not be refused. A database error
        is logged (the retry then asks to start again from the install page)."""
        if not state or len(state) > STATE_LIMIT:
            return
        try:
            self._store(state)
        except SQLAlchemyError as error:
            _log.warning("an OAuth state could not be put back: %s", type(error).__name__)

    def _store(self, state: str) -> None:
        now = self._now()
        with self._database.sessions() as session:
            issue_state(session, state=state, expires=now + self._lifetime, now=now)
