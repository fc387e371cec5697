"""The install page's token buckets, with an injected clock: a burst, then the refill rate; per
address, and for everyone together."""

from __future__ import annotations

from bot.slack.request_limits import RequestLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_an_address_gets_its_burst_then_the_refill_rate() -> None:
    clock = Clock()
    limiter = RequestLimiter(per_address=(3, 0.5), everyone=(100, 100), clock=clock)
    assert [limiter.admit("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.admit("a") == 2  # one token every two seconds
    assert limiter.admit("b") == 0  # another address has its own bucket
    clock.now += 2
    assert limiter.admit("a") == 0
    assert limiter.admit("a") == 2


def test_everyone_together_is_bounded_too() -> None:
    clock = Clock()
    limiter = RequestLimiter(per_address=(10, 1), everyone=(4, 1), clock=clock)
    assert [limiter.admit(f"10.0.0.{n}") for n in range(6)] == [0, 0, 0, 0, 1, 1]
    clock.now += 1
    assert limiter.admit("10.0.0.9") == 0


def test_a_refused_request_takes_no_token() -> None:
    clock = Clock()
    limiter = RequestLimiter(per_address=(1, 1), everyone=(100, 100), clock=clock)
    assert limiter.admit("a") == 0
    for _ in range(50):
        assert limiter.admit("a") == 1
    clock.now += 1
    assert limiter.admit("a") == 0
