"""Backoff policy: how long to wait after the n-th consecutive failure.

A small strategy object in the manner of redis-py's `redis.backoff`:
`delay(failures, category, rng)` returns seconds. Jitter draws from a `random.Random` the
caller passes in, so a seed reproduces a schedule exactly.
The numbers are the seed's, made exact in DESIGN.md:

    delay(n) = min(base * factor**(n-1), cap) * (1 + U(-jitter, +jitter))

Jitter is applied after the cap (applied before, it would vanish once capped). With jitter 0 the
attempts of a 24 h outage fall at 0, 60, 180, 420, 720, 1020, ... s: 290 in all.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from redisdoctor.taxonomy import Category

# How each category scales the schedule. A vanished name (the seed's failure) keeps the full
# schedule: it rarely comes back within minutes, and every attempt costs a resolver query. A
# failing resolver (SERVFAIL, timeout) heals sooner, so it waits 3/4 as long, still longer than a
# refusal or reset, which is usually a restart and is retried twice as often; LOADING heals fastest.
DEFAULT_CATEGORY_SCALE: tuple[tuple[Category, float], ...] = (
    (Category.DNS_NXDOMAIN, 1.0),
    (Category.DNS_TEMPORARY, 0.75),
    (Category.TIMEOUT, 1.0),
    (Category.UNREACHABLE, 1.0),
    (Category.REFUSED, 0.5),
    (Category.RESET, 0.5),
    (Category.MAX_CLIENTS, 0.5),
    (Category.CLUSTER, 0.5),
    (Category.LOADING, 0.25),
)


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """Exponential backoff with a cap, jitter after the cap, and per-category scaling.

    Categories that do not heal by themselves (auth, tls, readonly, oom, misconf, protocol,
    other) are not retried fast at all: they wait `permanent_interval` from the first failure.
    Comparable by value; `random.Random` is passed to `delay`, never held.
    """

    base: float = 60.0
    cap: float = 300.0
    factor: float = 2.0
    jitter: float = 0.2
    permanent_interval: float = 900.0
    category_scale: tuple[tuple[Category, float], ...] = field(default=DEFAULT_CATEGORY_SCALE)

    def __post_init__(self) -> None:
        if self.base <= 0 or self.cap <= 0:
            raise ValueError("backoff base and cap must be positive")
        if self.cap < self.base:
            raise ValueError("backoff cap must be at least the base")
        if self.factor < 1:
            raise ValueError("backoff factor must be at least 1")
        if not 0 <= self.jitter < 1:
            raise ValueError("jitter must be in [0, 1)")
        if self.permanent_interval <= 0:
            raise ValueError("permanent_interval must be positive")

    def scale_for(self, category: Category | None) -> float | None:
        """The schedule's scale for `category`; None when the category is not retried fast."""
        if category is None:
            return 1.0
        for known, scale in self.category_scale:
            if known is category:
                return scale
        return None if not category.transient else 1.0

    def nominal_delay(self, failures: int, category: Category | None = None) -> float:
        """The delay after the `failures`-th consecutive failure, before jitter."""
        if failures < 1:
            raise ValueError("failures counts from 1")
        scale = self.scale_for(category)
        if scale is None:
            return self.permanent_interval
        # Compute the exponent only as far as the cap needs, so huge failure counts stay cheap.
        growth = self.base
        for _ in range(failures - 1):
            growth *= self.factor
            if growth >= self.cap:
                break
        return min(growth, self.cap) * scale

    def delay(
        self, failures: int, category: Category | None = None, rng: random.Random | None = None
    ) -> float:
        """The delay after the `failures`-th consecutive failure, jitter drawn from `rng`."""
        nominal = self.nominal_delay(failures, category)
        if self.jitter == 0 or rng is None:
            return nominal
        return nominal * (1.0 + rng.uniform(-self.jitter, self.jitter))

    def schedule(
        self, horizon: float, category: Category | None = None, rng: random.Random | None = None
    ) -> list[float]:
        """Attempt times in [0, horizon] for an outage that never ends, the first at 0."""
        times: list[float] = []
        now = 0.0
        failures = 0
        while now <= horizon:
            times.append(now)
            failures += 1
            now += self.delay(failures, category, rng)
        return times
