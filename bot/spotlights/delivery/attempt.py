"""One attempt at posting a claimed slot, run in the pass's thread pool.

A retried claim (its earlier attempt may have reached Slack) first looks for that post by its
message metadata. The post is made at the job's turn; a 429 pauses the whole workspace for its
Retry-After and, as nothing was posted, the post is made again after the pause without looking
in the channel's history. A post Slack confirmed is journaled at once, before anything else can
go wrong. Slack's errors become the job's outcome; an attempt never raises.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Final

from bot.answers.render.render import Message
from bot.knowledge import KnowledgeBase
from bot.spotlights.delivery.journal import OutcomeJournal
from bot.spotlights.delivery.outcomes import Job, Result, outcome_record
from bot.spotlights.delivery.pacing import Pacer
from bot.spotlights.delivery.ports import Poster, spotlight_metadata
from bot.spotlights.errors import (
    ChannelUnavailable,
    PostRejected,
    RateLimited,
    TransientPostError,
)
from bot.spotlights.render import render_spotlight
from bot.spotlights.rotation import Choice
from bot.storage.deliveries import DeliveryOutcome

__all__ = ["Attempts"]

log = logging.getLogger(__name__)

_MAX_RATE_LIMITS: Final = 8
"""429s one post may meet in a pass before it is left due for the next."""


class Attempts:
    """Posts a pass's jobs; :meth:`deliver` is called from several threads at once."""

    def __init__(
        self,
        *,
        kb: KnowledgeBase,
        poster: Poster,
        pacer: Pacer,
        journal: OutcomeJournal | None,
        on_rate_limit: Callable[[], None],
    ) -> None:
        self._poster = poster
        self._pacer = pacer
        self._journal = journal
        self._on_rate_limit = on_rate_limit
        self._messages = _Messages(kb)

    def deliver(self, job: Job) -> Result:
        """Post one claimed slot. Never raises: the outcome says what happened."""
        subscription, claim, choice = job.subscription, job.claim, job.choice
        assert choice is not None
        metadata = spotlight_metadata(subscription_id=subscription.id, period=claim.period)
        try:
            if claim.is_retry:
                found = self._poster.find_posted(
                    team_id=subscription.team_id,
                    enterprise_id=subscription.enterprise_id,
                    channel_id=subscription.channel_id,
                    metadata=metadata,
                    since=claim.period,
                )
                if found is not None:
                    return self._kept(Result(job, DeliveryOutcome.RECOVERED, posted_ts=found))
            posted_ts = self._post_at_pace(job, metadata)
        except ChannelUnavailable as error:
            return Result(job, DeliveryOutcome.PAUSED, error=error.code)
        except PostRejected as error:
            return Result(job, DeliveryOutcome.REJECTED, error=error.code)
        except TransientPostError as error:
            return Result(job, DeliveryOutcome.FAILED, error=error.code)
        except Exception as error:  # one broken post must not end the pass; recorded and retried
            log.exception("spotlight %s for %s failed", claim.period, subscription.channel_id)
            return Result(job, DeliveryOutcome.FAILED, error=f"{type(error).__name__}: {error}")
        return self._kept(Result(job, DeliveryOutcome.POSTED, posted_ts=posted_ts))

    def _post_at_pace(self, job: Job, metadata: Mapping[str, Any]) -> str:
        """Post at this job's turn; after a 429, wait for the workspace and post again."""
        subscription, pacer = job.subscription, self._pacer
        team = subscription.team_id
        assert job.choice is not None
        message = self._messages.for_choice(job.choice, job.subscription.language)
        last_try: float | None = None
        limited: RateLimited | None = None
        for _ in range(_MAX_RATE_LIMITS + 1):
            paused_until = pacer.paused_until(team)
            if paused_until > pacer.clock() or last_try is not None:
                channel_free = last_try + pacer.channel_interval if last_try is not None else 0.0
                pacer.sleep(max(paused_until, channel_free) - pacer.clock())
                [turn] = pacer.reserve(team, 1)  # behind the pause, with everyone else
                pacer.sleep(turn - pacer.clock())
            last_try = pacer.clock()
            try:
                return self._poster.post(
                    team_id=team,
                    enterprise_id=subscription.enterprise_id,
                    channel_id=subscription.channel_id,
                    message=message,
                    metadata=metadata,
                )
            except RateLimited as error:  # nothing was posted: no history lookup needed
                self._on_rate_limit()
                pacer.pause(team, error.retry_after)
                limited = error
        assert limited is not None
        raise limited

    def _kept(self, result: Result) -> Result:
        """Journal a confirmed post before anything else can go wrong."""
        if self._journal is not None:
            try:
                self._journal.append([outcome_record(result)])
            except OSError:
                log.exception("could not journal the spotlight post %s", result.posted_ts)
        return result


class _Messages:
    """Rendered spotlights by topic key, for one pass: rendering is pure, and costly in bulk."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._cache: dict[tuple[str, str], Message] = {}

    def for_choice(self, choice: Choice, language: str | None = None) -> Message:
        said = language or "en"  # the channel's language; automatic posts in English
        message = self._cache.get((choice.key, said))
        if message is None:  # two threads may both render it once: harmless
            message = render_spotlight(self._kb, choice.topic, language=said)
            self._cache[(choice.key, said)] = message
        return message
