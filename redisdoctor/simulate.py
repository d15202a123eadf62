"""Scenarios on a VirtualClock: what a retry policy does to logs, resolver and Redis in an outage.

`simulate(scenario)` plays one scripted outage (or several) against:

- the redisdoctor policy: the real `redisdoctor.state.ConnectionState` (the state machine
  `ResilientRedis` wraps, with the real `BackoffPolicy` and `LogThrottle`) driven on a
  `VirtualClock`, one instance per simulated client. Its cost grows with its events (attempts,
  log lines, outage boundaries), never with the application's operations: the operations between
  two events are counted, not looped over (a renewal-process count drawn from the seeded rng).
- the baselines of `redisdoctor.baselines` (the seed's naive client and real libraries' default
  retry behaviour), whose counts are per operation by definition: they are drawn per minute of
  outage from the renewal process of the application's operations (mean length/cycle, variance
  length*var/cycle**3), so a month of a thousand clients costs the same as a day of one.

Everything random comes from `random.Random` instances seeded from `Scenario.seed`: the same
scenario gives the same report, byte for byte.
"""

from __future__ import annotations

import logging
import math
import os
import random
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.baselines import BASELINES, Baseline
from redisdoctor.clock import VirtualClock
from redisdoctor.errors import UsageError
from redisdoctor.state import ClientEvent, ConnectionState
from redisdoctor.taxonomy import Category

#: Wall time of the simulated run's t=0: the first line of the seed's production log.
RUN_START = datetime(2025, 8, 12, 15, 54, 42, tzinfo=UTC)
#: The seed's Redis host, used in simulated error messages and log lines.
DEFAULT_TARGET = "flowing-snail-56122.upstash.io:6379"
#: The seed's "before" logger.
NAIVE_LOGGER = "utils.redis_client_production"
RESILIENT_LOGGER = "redisdoctor.client"
RESILIENT = "resilient"
#: Minutes are wall-clock minutes (as a log reader buckets them): t=0 is 42 s into one.
MINUTE_OFFSET = RUN_START.second + RUN_START.microsecond / 1e6
RECOVERY_CHECKS = ("due", "next-op")

# The state machine logs through a logger; the simulator counts ClientEvents instead.
_QUIET = logging.Logger("redisdoctor.simulate.quiet")
_QUIET.disabled = True

# What redis-py says for each category (the naive client logs it; the state machine carries it).
_DETAIL: dict[Category, str] = {
    Category.DNS_NXDOMAIN: "Error -2 connecting to {target}. Name or service not known.",
    Category.DNS_TEMPORARY: "Error -3 connecting to {target}. "
    "Temporary failure in name resolution.",
    Category.REFUSED: "Error 111 connecting to {target}. Connection refused.",
    Category.TIMEOUT: "Timeout connecting to server",
    Category.RESET: "Error 104 while reading from {target} : (104, 'Connection reset by peer')",
    Category.UNREACHABLE: "Error 113 connecting to {target}. No route to host.",
    Category.TLS: "Error 1 connecting to {target}. [SSL: CERTIFICATE_VERIFY_FAILED] certificate "
    "verify failed: unable to get local issuer certificate (_ssl.c:1006).",
    Category.AUTH: "WRONGPASS invalid username-password pair or user is disabled.",
    Category.LOADING: "LOADING Redis is loading the dataset in memory",
    Category.READONLY: "READONLY You can't write against a read only replica.",
    Category.OOM: "OOM command not allowed when used memory > 'maxmemory'.",
    Category.MAX_CLIENTS: "max number of clients reached",
    Category.MISCONF: "MISCONF Redis is configured to save RDB snapshots, but it's currently "
    "unable to persist to disk.",
    Category.CLUSTER: "CLUSTERDOWN The cluster is down",
    Category.PROTOCOL: "Protocol Error: b'H'",
    Category.OTHER: "Error while reading from {target}: unexpected reply",
}


def failure_detail(category: Category, target: str = DEFAULT_TARGET) -> str:
    """redis-py's error message for `category` against `target` (host:port)."""
    return _DETAIL[category].format(target=target)


# ------------------------------------------------------------------------------------------------
# Parsing the scenario's options
# ------------------------------------------------------------------------------------------------

_DURATION = re.compile(r"(?P<value>\d+(?:\.\d+)?)(?P<unit>[dhms])", re.IGNORECASE)
_UNIT = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0}


def parse_duration(text: str) -> float:
    """Seconds in "5h30m", "90m", "45s", "1d2h" or a bare number of hours ("2.5")."""
    raw = text.strip()
    if not raw:
        raise UsageError("empty duration")
    try:
        hours = float(raw)
    except ValueError:
        pass
    else:
        if not math.isfinite(hours) or hours < 0:
            raise UsageError(f"duration {text!r} must be a non-negative number")
        return hours * 3600.0
    pos = 0
    total = 0.0
    for match in _DURATION.finditer(raw):
        if match.start() != pos:
            break
        total += float(match.group("value")) * _UNIT[match.group("unit").lower()]
        pos = match.end()
    if pos != len(raw) or pos == 0:
        raise UsageError(f"cannot read duration {text!r} (use e.g. 2h, 5h30m, 90m, 45s)")
    return total


def parse_outage(text: str) -> tuple[float, float]:
    """An outage "START-END" (e.g. "2h-5h30m") as seconds from the start of the run."""
    start_text, sep, end_text = text.partition("-")
    if not sep or not start_text.strip() or not end_text.strip():
        raise UsageError(f"outage {text!r} must look like START-END, e.g. 2h-5h30m")
    start, end = parse_duration(start_text), parse_duration(end_text)
    if end <= start:
        raise UsageError(f"outage {text!r}: END must be after START")
    return start, end


def parse_interval(text: str) -> tuple[float, float]:
    """Seconds between operations: "5-10" (uniform) or "7.5" (fixed)."""
    # The separator is a dash that is not an exponent's sign ("1e-3-2e-3").
    low_text, sep, high_text = text.strip().partition("-")
    if low_text.lower().endswith("e"):
        head, sep, high_text = high_text.partition("-")
        low_text = f"{low_text}-{head}"
    try:
        low = float(low_text)
        high = float(high_text) if sep else low
    except ValueError:
        raise UsageError(f"op interval {text!r} must look like 5-10 (seconds)") from None
    if not (math.isfinite(low) and math.isfinite(high)) or low <= 0 or high < low:
        raise UsageError(f"op interval {text!r}: need 0 < LOW <= HIGH seconds")
    return low, high


def parse_category(text: str) -> Category:
    """A taxonomy category by its stable name."""
    try:
        return Category(text.strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in Category)
        raise UsageError(f"unknown failure category {text!r} (one of: {names})") from None


# ------------------------------------------------------------------------------------------------
# Scenario
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scenario:
    """One simulated run: its length, outages, failure, application cadence and policy."""

    hours: float = 24.0
    outages: tuple[tuple[float, float], ...] = ()
    failure: Category = Category.DNS_NXDOMAIN
    op_interval: tuple[float, float] = (5.0, 10.0)
    seed: int = 0
    base: float = 60.0
    cap: float = 300.0
    jitter: float = 0.2
    log_window: float = 300.0
    clients: int = 1
    connect_timeout: float = 2.0
    resolver_timeout: float = 5.0
    recovery_check: str = "due"
    target: str = DEFAULT_TARGET
    baselines: tuple[str, ...] = tuple(b.name for b in BASELINES)

    def __post_init__(self) -> None:
        numbers = {
            "--hours": self.hours,
            "--base": self.base,
            "--cap": self.cap,
            "--jitter": self.jitter,
            "--log-window": self.log_window,
            "--connect-timeout": self.connect_timeout,
            "--resolver-timeout": self.resolver_timeout,
            "--op-interval": self.op_interval[0] + self.op_interval[1],
        }
        for name, value in numbers.items():
            if not math.isfinite(value):
                raise UsageError(f"{name} must be a finite number, not {value}")
        checks: list[tuple[bool, str]] = [
            (self.hours > 0 and math.isfinite(self.hours), "--hours must be positive"),
            (self.hours <= 24 * 366, "--hours must be at most a year (8784)"),
            (self.base > 0, "--base must be positive"),
            (self.cap >= self.base, "--cap must be at least --base"),
            (0 <= self.jitter < 1, "--jitter must be in [0, 1)"),
            (self.log_window >= 0, "--log-window must not be negative"),
            (1 <= self.clients <= 100_000, "--clients must be between 1 and 100000"),
            (self.connect_timeout >= 0, "--connect-timeout must not be negative"),
            (self.resolver_timeout >= 0, "--resolver-timeout must not be negative"),
            (self.recovery_check in RECOVERY_CHECKS, "--recovery-check must be due or next-op"),
            (0 < self.op_interval[0] <= self.op_interval[1], "op interval needs 0 < LOW <= HIGH"),
            (self.op_interval[1] <= 366 * 86400.0, "op interval must be at most a year"),
        ]
        for ok, message in checks:
            if not ok:
                raise UsageError(message)
        known = {b.name for b in BASELINES}
        for name in self.baselines:
            if name not in known:
                raise UsageError(f"unknown baseline {name!r} (one of: {', '.join(sorted(known))})")
        previous_end = -1.0
        for start, end in sorted(self.outages):
            if start < 0 or end <= start:
                raise UsageError("an outage's END must be after its START")
            if end > self.horizon + 1e-9:
                raise UsageError(
                    f"outage {_fmt_span(start)}-{_fmt_span(end)} ends after the run "
                    f"({self.hours:g}h): raise --hours or shorten the outage"
                )
            if start < previous_end:
                raise UsageError("outages overlap: give each stretch of downtime once")
            previous_end = end
        per_client = _expected_attempts(self) / self.clients
        if per_client > MAX_CLIENT_ATTEMPTS:
            raise UsageError(
                f"this policy makes about {per_client:,.0f} attempts per client in "
                f"{self.hours:g} h (more than {MAX_CLIENT_ATTEMPTS:,} to simulate): raise --cap "
                "or shorten --hours"
            )

    @property
    def horizon(self) -> float:
        """The run's length in seconds."""
        return self.hours * 3600.0

    @property
    def windows(self) -> tuple[tuple[float, float], ...]:
        """The outages in order; the whole run when none was given."""
        if not self.outages:
            return ((0.0, self.horizon),)
        return tuple(sorted(self.outages))

    def policy(self, jitter: float | None = None) -> BackoffPolicy:
        """The redisdoctor BackoffPolicy with this scenario's overrides."""
        return BackoffPolicy(
            base=self.base, cap=self.cap, jitter=self.jitter if jitter is None else jitter
        )

    @property
    def failure_cost(self) -> float:
        """Seconds one failed connection attempt costs the client on the clock."""
        return _failure_cost(self.failure, self.connect_timeout, self.resolver_timeout)

    def to_dict(self) -> dict[str, Any]:
        return {
            "hours": self.hours,
            "outages": [
                {"start": s, "end": e, "start_text": _fmt_span(s), "end_text": _fmt_span(e)}
                for s, e in self.windows
            ],
            "outage_given": bool(self.outages),
            "failure": self.failure.value,
            "failure_transient": self.failure.transient,
            "op_interval": list(self.op_interval),
            "seed": self.seed,
            "policy": {
                "base": self.base,
                "cap": self.cap,
                "jitter": self.jitter,
                "log_window": self.log_window,
                "category_scale": self.policy().scale_for(self.failure),
                "permanent_interval": self.policy().permanent_interval,
            },
            "clients": self.clients,
            "connect_timeout": self.connect_timeout,
            "resolver_timeout": self.resolver_timeout,
            "failure_cost": self.failure_cost,
            "recovery_check": self.recovery_check,
            "target": self.target,
            "baselines": list(self.baselines),
            "start_wall": RUN_START,
        }


def _failure_cost(category: Category, connect_timeout: float, resolver_timeout: float) -> float:
    if category is Category.TIMEOUT:
        return connect_timeout
    if category is Category.DNS_TEMPORARY:
        return resolver_timeout
    return 0.0


def _fmt_span(seconds: float) -> str:
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    out = f"{hours}h" if hours else ""
    if minutes:
        out += f"{minutes}m"
    if secs or not out:
        out += f"{secs}s"
    return out


# ------------------------------------------------------------------------------------------------
# Counting without looping over operations
# ------------------------------------------------------------------------------------------------


def draw_count(mean: float, var: float, rng: random.Random) -> int:
    """An integer count with this mean and variance (normal draw, stochastic rounding, >= 0)."""
    if mean <= 0:
        return 0
    x = mean + math.sqrt(var) * rng.gauss(0.0, 1.0) if var > 0 else mean
    if x <= 0:
        return 0
    whole = math.floor(x)
    return whole + (1 if rng.random() < x - whole else 0)


def renewal_count(length: float, cycle_mean: float, cycle_var: float, rng: random.Random) -> int:
    """How many events of a renewal process (cycle mean/variance) fall in `length` seconds."""
    if length <= 0:
        return 0
    return draw_count(length / cycle_mean, length * cycle_var / cycle_mean**3, rng)


def uniform_residual(low: float, high: float, rng: random.Random) -> float:
    """Time from a random instant to the next event of a renewal process with uniform(low, high)
    gaps: the stationary residual, density P(gap > r) / mean gap."""
    u = rng.random()
    mean = (low + high) / 2.0
    if u * mean <= low or high == low:
        return u * mean
    return high - math.sqrt((high - low) * (high + low) * (1.0 - u))


# ------------------------------------------------------------------------------------------------
# Tallies
# ------------------------------------------------------------------------------------------------

_LEVELS = ("ERROR", "WARNING", "INFO")


@dataclass(slots=True)
class _Tally:
    """Counters of one policy over the run (one client or a whole fleet)."""

    hours: int
    operations: int = 0
    fallback_ops: int = 0
    failed_ops: int = 0
    attempts: int = 0
    lookups: int = 0
    logs: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_LEVELS, 0))
    hour_logs: list[int] = field(default_factory=list)
    hour_attempts: list[int] = field(default_factory=list)
    minute_logs: dict[int, int] = field(default_factory=dict)
    recoveries: list[float] = field(default_factory=list)
    # per outage index: reconnect times of every client (the herd) and discovery times
    reconnects: dict[int, list[float]] = field(default_factory=dict)
    discoveries: dict[int, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.hour_logs:
            self.hour_logs = [0] * self.hours
            self.hour_attempts = [0] * self.hours

    def _hour(self, at: float) -> int:
        return min(max(int(at // 3600.0), 0), self.hours - 1)

    def add_log(self, at: float, level: str, count: int = 1) -> None:
        if count <= 0:
            return
        self.logs[level] = self.logs.get(level, 0) + count
        self.hour_logs[self._hour(at)] += count
        minute = int((at + MINUTE_OFFSET) // 60.0)
        self.minute_logs[minute] = self.minute_logs.get(minute, 0) + count

    def add_attempts(self, at: float, count: int = 1, lookups: bool = True) -> None:
        if count <= 0:
            return
        self.attempts += count
        if lookups:
            self.lookups += count
        self.hour_attempts[self._hour(at)] += count

    def merge(self, other: _Tally) -> None:
        self.operations += other.operations
        self.fallback_ops += other.fallback_ops
        self.failed_ops += other.failed_ops
        self.attempts += other.attempts
        self.lookups += other.lookups
        for level, count in other.logs.items():
            self.logs[level] = self.logs.get(level, 0) + count
        for i in range(self.hours):
            self.hour_logs[i] += other.hour_logs[i]
            self.hour_attempts[i] += other.hour_attempts[i]
        for minute, count in other.minute_logs.items():
            self.minute_logs[minute] = self.minute_logs.get(minute, 0) + count
        self.recoveries.extend(other.recoveries)
        for key, times in other.reconnects.items():
            self.reconnects.setdefault(key, []).extend(times)
        for key, times in other.discoveries.items():
            self.discoveries.setdefault(key, []).extend(times)


# ------------------------------------------------------------------------------------------------
# The redisdoctor policy: the real ConnectionState on a VirtualClock
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LogLine:
    """One simulated log line: seconds from the run's start, level name, logger, message."""

    at: float
    level: str
    logger: str
    message: str


def _client_rngs(seed: int, client: int) -> tuple[random.Random, random.Random]:
    # String seeds hash with SHA-512: stable across runs and Python processes.
    return (
        random.Random(f"{seed}:resilient:{client}:jitter"),
        random.Random(f"{seed}:resilient:{client}:ops"),
    )


def run_resilient_client(
    scenario: Scenario,
    client: int,
    tally: _Tally,
    *,
    capture: list[LogLine] | None = None,
    jitter: float | None = None,
    attempt_times: list[float] | None = None,
    through_client: bool = False,
) -> None:
    """Drive one ConnectionState through the scenario, adding its counts to `tally`
    (`capture` collects its log lines, `attempt_times` the start of each attempt).

    With `through_client` the state machine is driven by a real `ResilientRedis` around a
    scripted redis-py client that raises the scenario's failure while Redis is down (one
    operation at each attempt time; the operations between are counted, not run)."""
    low, high = scenario.op_interval
    op_mean = (low + high) / 2.0
    op_var = (high - low) ** 2 / 12.0
    horizon = scenario.horizon
    windows = scenario.windows
    n_windows = len(windows)
    category = scenario.failure
    # The state machine redacts the detail on every failure; only client 0's lines are shown.
    detail = failure_detail(category, scenario.target) if client == 0 else ""
    cost = scenario.failure_cost
    due_mode = scenario.recovery_check == "due"
    rng, ops_rng = _client_rngs(scenario.seed, client)
    clock = VirtualClock(RUN_START)
    level_names = {logging.ERROR: "ERROR", logging.WARNING: "WARNING", logging.INFO: "INFO"}
    logs = tally.logs
    hour_logs = tally.hour_logs
    minute_logs = tally.minute_logs
    last_hour = tally.hours - 1

    def on_event(event: ClientEvent) -> None:
        if event.kind == "log":
            level = level_names.get(event.level or logging.INFO, "INFO")
            at = event.at
            logs[level] += 1
            hour = int(at // 3600.0)
            hour_logs[hour if hour < last_hour else last_hour] += 1
            minute = int((at + MINUTE_OFFSET) // 60.0)
            minute_logs[minute] = minute_logs.get(minute, 0) + 1
            if capture is not None:
                capture.append(LogLine(at, level, RESILIENT_LOGGER, event.message or ""))

    scripted: Any = None
    operate: Callable[[], object] | None = None
    if through_client:
        resilient, scripted = _scripted_client(scenario, clock, rng, on_event, jitter)
        operate = partial(resilient.get, "redisdoctor:simulate")
        state = resilient.connection_state
    else:
        state = ConnectionState(
            clock=clock,
            rng=rng,
            policy=scenario.policy(jitter),
            log_window=scenario.log_window,
            logger=_QUIET,
            target=scenario.target,
            on_event=on_event,
            event_kinds=("log",),
        )
    begin_attempt = state.begin_attempt
    record_failure = state.record_failure
    set_clock = clock.set
    hour_attempts = tally.hour_attempts

    # The first operation: client 0 at t=0 (the seed's first line), the others at a random phase.
    phase = 0.0 if client == 0 else uniform_residual(low, high, ops_rng)
    healthy_since = 0.0
    healthy = True
    i = 0
    while i < n_windows:
        start, end = windows[i]
        discovered = phase if start == 0.0 else start + uniform_residual(low, high, ops_rng)
        discovered = max(discovered, healthy_since)
        if discovered >= horizon:
            break
        if discovered >= end:
            # The outage ended before the application's next operation: nobody noticed it.
            i += 1
            continue
        tally.operations += renewal_count(discovered - healthy_since, op_mean, op_var, ops_rng)
        tally.discoveries.setdefault(i, []).append(discovered)
        attempts = 0
        at = discovered
        healthy = False
        set_clock(at)
        while True:
            attempts += 1
            hour_attempts[min(int(at // 3600.0), last_hour)] += 1
            if attempt_times is not None:
                attempt_times.append(at)
            while i < n_windows and windows[i][1] <= at:
                i += 1
            down = i < n_windows and windows[i][0] <= at
            if operate is not None:
                scripted.down = down
                operate()  # one application operation: the client decides what it costs
            if down:
                if operate is None:
                    if attempts > 1:
                        begin_attempt()
                    if cost:
                        set_clock(at + cost)
                    record_failure(category, detail)
                nxt = state.next_attempt_at
                assert nxt is not None
                if not due_mode:
                    nxt += uniform_residual(low, high, ops_rng)
                if nxt >= horizon:
                    break
                at = nxt
                set_clock(at)
            else:
                if operate is None:
                    begin_attempt()
                    state.record_success()
                healthy = True
                tally.recoveries.append(at - windows[i - 1][1])
                tally.reconnects.setdefault(i - 1, []).append(at)
                break
        tally.attempts += attempts
        tally.lookups += attempts
        degraded_until = at if healthy else horizon
        served = 1 + renewal_count(degraded_until - discovered, op_mean, op_var, ops_rng)
        tally.fallback_ops += served
        tally.operations += served
        healthy_since = degraded_until
        if not healthy:
            break
    if healthy and healthy_since < horizon:
        tally.operations += renewal_count(horizon - healthy_since, op_mean, op_var, ops_rng)


#: Categories a ResilientRedis sees as connection failures (redis-py raises ConnectionError or
#: TimeoutError for them), so the simulation can drive the real client for them.
CLIENT_CATEGORIES = frozenset(
    {
        Category.DNS_NXDOMAIN,
        Category.DNS_TEMPORARY,
        Category.REFUSED,
        Category.TIMEOUT,
        Category.RESET,
        Category.UNREACHABLE,
        Category.TLS,
        Category.AUTH,
        Category.LOADING,
        Category.MAX_CLIENTS,
    }
)


def _failure_exception(category: Category, target: str) -> BaseException:
    """The exception redis-py raises for `category`, with its cause chained as redis-py does."""
    import socket
    import ssl

    import redis

    detail = failure_detail(category, target)
    causes: dict[Category, BaseException] = {
        Category.DNS_NXDOMAIN: socket.gaierror(socket.EAI_NONAME, "Name or service not known"),
        Category.DNS_TEMPORARY: socket.gaierror(
            socket.EAI_AGAIN, "Temporary failure in name resolution"
        ),
        Category.REFUSED: ConnectionRefusedError(111, "Connection refused"),
        Category.TIMEOUT: TimeoutError("timed out"),
        Category.RESET: ConnectionResetError(104, "Connection reset by peer"),
        Category.UNREACHABLE: OSError(113, "No route to host"),
        Category.TLS: ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED]"),
    }
    outer: BaseException
    if category is Category.TIMEOUT:
        outer = redis.exceptions.TimeoutError(detail)
    elif category is Category.AUTH:
        outer = redis.exceptions.AuthenticationError(detail)
    elif category is Category.LOADING:
        outer = redis.exceptions.BusyLoadingError(detail)
    else:
        outer = redis.exceptions.ConnectionError(detail)
    cause = causes.get(category)
    if cause is not None:
        outer.__cause__ = cause
        outer.__context__ = cause
    return outer


def _engine(scenario: Scenario) -> str:
    if scenario.clients == 1 and client_supports(scenario.failure):
        return "ResilientRedis"
    return "ConnectionState"


def client_supports(category: Category) -> bool:
    """True when the simulation can drive a real ResilientRedis for `category`."""
    if category not in CLIENT_CATEGORIES:
        return False
    from redisdoctor.client import FAILOVER_ERRORS
    from redisdoctor.taxonomy import classify_exception

    exc = _failure_exception(category, DEFAULT_TARGET)
    return isinstance(exc, FAILOVER_ERRORS) and classify_exception(exc) is category


def _scripted_client(
    scenario: Scenario,
    clock: VirtualClock,
    rng: random.Random,
    on_event: Callable[[ClientEvent], None],
    jitter: float | None,
) -> tuple[Any, Any]:
    """A ResilientRedis around a redis-py client whose server is scripted: while `down` every
    command costs the failure's time on the clock and raises the failure; otherwise it answers."""
    import redis

    from redisdoctor.client import ResilientRedis

    category = scenario.failure
    cost = scenario.failure_cost
    host, _, port = scenario.target.rpartition(":")

    class ScriptedRedis(redis.Redis):
        down = True

        def execute_command(self, *args: Any, **options: Any) -> Any:
            if self.down:
                if cost:
                    clock.sleep(cost)
                raise _failure_exception(category, scenario.target)
            return True if args and args[0] == "PING" else None

    scripted = ScriptedRedis(host=host or "localhost", port=int(port or 6379))
    resilient = ResilientRedis(
        scripted,
        clock=clock,
        rng=rng,
        policy=scenario.policy(jitter),
        log_window=scenario.log_window,
        logger=_QUIET,
        on_event=on_event,
        target=scenario.target,
    )
    return resilient, scripted


def _hours(scenario: Scenario) -> int:
    return max(1, math.ceil(scenario.horizon / 3600.0 - 1e-9))


def _expected_attempts(scenario: Scenario) -> float:
    downtime = sum(e - s for s, e in scenario.windows)
    policy = scenario.policy()
    step = policy.nominal_delay(64, scenario.failure) + scenario.failure_cost
    return scenario.clients * (downtime / max(step, 1e-3) + 8 * len(scenario.windows))


#: One client's attempts a scenario may ask for (a sub-second cap for a month): ~25 s of work.
MAX_CLIENT_ATTEMPTS = 5_000_000
#: Attempt events the real state machine runs per simulation; a bigger fleet is sampled.
EVENT_BUDGET = 300_000
#: Clients whose reconnect ramp a library baseline follows one by one (the rest are scaled).
RAMP_CLIENTS = 2_000


def run_resilient(
    scenario: Scenario,
    *,
    capture: list[LogLine] | None = None,
    budget: int = EVENT_BUDGET,
) -> tuple[_Tally, int]:
    """The redisdoctor policy for the scenario's clients: (tally, clients simulated).

    One client goes through a real ResilientRedis (around a scripted redis-py client) when the
    failure is one the client fails over on; a fleet drives ConnectionState directly.

    Every client runs the real ConnectionState while the fleet's expected attempts fit in
    `budget`; beyond that the first K clients run it and the fleet's counts are scaled by N/K,
    and the other clients' reconnect times (the herd) are drawn from the policy's capped
    schedule (see `_extrapolate`). From `PARALLEL_FROM` expected attempts the second half of the
    clients runs in a forked process on the other core, with the same result."""
    tally = _Tally(_hours(scenario))
    clients = scenario.clients
    per_client = _expected_attempts(replace(scenario, clients=1))
    simulated = clients
    if per_client * clients > budget:
        simulated = max(1, min(clients, int(budget // per_client)))
    if clients == 1:
        run_resilient_client(
            scenario, 0, tally, capture=capture, through_client=client_supports(scenario.failure)
        )
    else:
        split = simulated
        if per_client * simulated >= PARALLEL_FROM:
            split = simulated // 2
        second = _start_clients(scenario, split, simulated) if split < simulated else None
        try:
            for client in range(split):
                run_resilient_client(
                    scenario, client, tally, capture=capture if client == 0 else None
                )
        except BaseException:
            if second is not None:  # e.g. Ctrl-C: do not wait for the other half
                second[0].shutdown(wait=False, cancel_futures=True)
            raise
        if split < simulated:
            tally.merge(_finish_clients(second, scenario, split, simulated))
    if simulated < clients:
        _extrapolate(tally, scenario, simulated)
    return tally, simulated


#: Expected state-machine attempts from which a fleet's second half runs in a forked process.
PARALLEL_FROM = 100_000


def _run_clients(scenario: Scenario, first: int, stop: int) -> _Tally:
    """Clients first..stop-1 through the state machine, in a tally of their own."""
    tally = _Tally(_hours(scenario))
    for client in range(first, stop):
        run_resilient_client(scenario, client, tally)
    return tally


def _start_clients(scenario: Scenario, first: int, stop: int) -> Any:
    """Start clients first..stop-1 on the other core (a forked process); None where fork is not
    available. Each client's randomness is seeded by its index and tallies merge in client
    order, so the report is the same byte for byte wherever the clients ran."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        return (pool, pool.submit(_run_clients, scenario, first, stop))
    except OSError:
        return None


def _finish_clients(started: Any, scenario: Scenario, first: int, stop: int) -> _Tally:
    """The tally of clients first..stop-1: from the process `_start_clients` began, or run
    here when it could not start or broke."""
    if started is not None:
        from concurrent.futures.process import BrokenProcessPool

        pool, future = started
        try:
            result: _Tally = future.result()
            return result
        except (OSError, BrokenProcessPool):
            pass
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return _run_clients(scenario, first, stop)


def _extrapolate(tally: _Tally, scenario: Scenario, simulated: int) -> None:
    """Scale a sampled fleet's counts by N/K and give the unsimulated clients reconnect times.

    Clients are independent and identical except for their phase, so the counts scale. For the
    herd, a client that has been failing for a while attempts at gaps drawn uniformly from the
    capped delay (nominal cap x (1 +- jitter), from the real BackoffPolicy) plus the failure's
    cost; the wait from the outage's end to its next attempt is that renewal process's
    stationary residual. After a short outage (still ramping up to the cap) the simulated
    clients' own waits are resampled instead."""
    factor = scenario.clients / simulated
    tally.operations = round(tally.operations * factor)
    tally.fallback_ops = round(tally.fallback_ops * factor)
    tally.attempts = round(tally.attempts * factor)
    tally.lookups = round(tally.lookups * factor)
    for level in tally.logs:
        tally.logs[level] = round(tally.logs[level] * factor)
    tally.hour_logs = [round(v * factor) for v in tally.hour_logs]
    tally.hour_attempts = [round(v * factor) for v in tally.hour_attempts]
    tally.minute_logs = {m: round(v * factor) for m, v in tally.minute_logs.items()}
    rng = random.Random(f"{scenario.seed}:fleet-extrapolation")
    low, high = scenario.op_interval
    policy = scenario.policy()
    capped = policy.nominal_delay(10_000, scenario.failure)
    gap_low = capped * (1.0 - policy.jitter) + scenario.failure_cost
    gap_high = capped * (1.0 + policy.jitter) + scenario.failure_cost
    ramp = sum(policy.nominal_delay(n, scenario.failure) for n in range(1, 12))
    others = scenario.clients - simulated
    for index, (start, end) in enumerate(scenario.windows):
        found = tally.discoveries.setdefault(index, [])
        found.extend(start + uniform_residual(low, high, rng) for _ in range(others))
        if end >= scenario.horizon:
            continue
        times = tally.reconnects.setdefault(index, [])
        waits = [t - end for t in times]
        long_outage = end - start >= ramp + 4 * gap_high
        for _ in range(others):
            if long_outage or not waits:
                wait = uniform_residual(gap_low, gap_high, rng)
                if scenario.recovery_check == "next-op":
                    wait += uniform_residual(low, high, rng)
            else:
                wait = waits[rng.randrange(len(waits))]
            if end + wait < scenario.horizon:
                times.append(end + wait)
                tally.recoveries.append(wait)


def _no_jitter_reconnects(scenario: Scenario, discoveries: dict[int, list[float]]) -> list[float]:
    """Reconnect times of the fleet at the first outage end if the policy had no jitter.

    Without jitter every client runs the same schedule shifted by when it noticed the outage, so
    one real ConnectionState with jitter 0 gives the offsets for all of them."""
    ends = [(k, e) for k, (_, e) in enumerate(scenario.windows) if e < scenario.horizon]
    if not ends:
        return []
    k, end = ends[0]
    start = scenario.windows[k][0]
    clock = VirtualClock(RUN_START)
    state = ConnectionState(
        clock=clock,
        rng=random.Random(0),
        policy=scenario.policy(0.0),
        log_window=scenario.log_window,
        logger=_QUIET,
        target=scenario.target,
    )
    offsets = [0.0]
    at = 0.0
    span = end - start + scenario.op_interval[1]
    cost = scenario.failure_cost
    while at <= span:
        if cost:
            clock.set(at + cost)
        delay = state.record_failure(scenario.failure, "")
        at = clock.monotonic() + delay
        clock.set(at)
        state.begin_attempt()
        offsets.append(at)
    out = []
    for found in discoveries.get(k, []):
        index = bisect_left(offsets, end - found)
        if index < len(offsets) and found + offsets[index] < scenario.horizon:
            out.append(found + offsets[index])
    return out


# ------------------------------------------------------------------------------------------------
# Baselines: counts per minute of outage, drawn from the renewal process
# ------------------------------------------------------------------------------------------------


def _minutes(start: float, end: float) -> Iterable[tuple[float, float]]:
    """[start, end) cut at (wall-clock) minute boundaries."""
    t = start
    while t < end:
        stop = min(end, (math.floor((t + MINUTE_OFFSET) / 60.0) + 1) * 60.0 - MINUTE_OFFSET)
        yield t, stop
        t = stop


def _minute_series(
    tally: _Tally,
    start: float,
    end: float,
    rate: float,
    rate_var: float,
    rng: random.Random,
    attempts_each: int,
    level: str | None,
) -> int:
    """Draw a renewal process's events minute by minute over [start, end) (rate and variance per
    second); each event makes `attempts_each` attempts and one `level` log line. Returns the
    number of events."""
    hour_logs, hour_attempts, minute_logs = tally.hour_logs, tally.hour_attempts, tally.minute_logs
    last_hour = tally.hours - 1
    gauss, uniform = rng.gauss, rng.random
    floor = math.floor
    sqrt = math.sqrt
    total = 0
    full_mean = 60.0 * rate
    full_sd = sqrt(60.0 * rate_var) if rate_var > 0 else 0.0
    first_minute = int((start + MINUTE_OFFSET) // 60.0)
    last_minute = math.ceil((end + MINUTE_OFFSET) / 60.0)
    for minute in range(first_minute, last_minute):
        lo = minute * 60.0 - MINUTE_OFFSET
        hi = lo + 60.0
        if lo < start or hi > end:
            lo, hi = max(lo, start), min(hi, end)
            if hi <= lo:
                continue
            span = hi - lo
            x = span * rate
            if rate_var > 0:
                x += sqrt(span * rate_var) * gauss(0.0, 1.0)
        else:
            x = full_mean + full_sd * gauss(0.0, 1.0) if full_sd else full_mean
        if x <= 0:
            continue
        whole = floor(x)
        count = whole + (1 if uniform() < x - whole else 0)
        if not count:
            continue
        total += count
        hour = int(lo // 3600.0)
        hour = hour if hour < last_hour else last_hour
        if attempts_each:
            hour_attempts[hour] += count * attempts_each
        if level is not None:
            hour_logs[hour] += count
            minute_logs[minute] = minute_logs.get(minute, 0) + count
    if attempts_each:
        tally.attempts += total * attempts_each
        tally.lookups += total * attempts_each
    if level is not None:
        tally.logs[level] = tally.logs.get(level, 0) + total
    return total


def run_baseline(scenario: Scenario, baseline: Baseline) -> _Tally:
    """The baseline's counts over the whole fleet."""
    rng = random.Random(f"{scenario.seed}:baseline:{baseline.name}")
    tally = _Tally(_hours(scenario))
    n = scenario.clients
    low, high = scenario.op_interval
    op_mean = (low + high) / 2.0
    op_var = (high - low) ** 2 / 12.0
    horizon = scenario.horizon
    timeout = (
        scenario.connect_timeout
        if math.isnan(baseline.connect_timeout)
        else (baseline.connect_timeout)
    )
    cost = _failure_cost(scenario.failure, timeout, scenario.resolver_timeout)

    downtime = 0.0
    for index, (start, end) in enumerate(scenario.windows):
        end = min(end, horizon)
        downtime += end - start
        if baseline.reconnect is None:
            _per_op_window(scenario, baseline, tally, rng, index, start, end, cost)
        else:
            _reconnect_window(scenario, baseline, tally, rng, index, start, end, cost)
    # Healthy time: operations go to Redis.
    tally.operations += renewal_count((horizon - downtime) * n, op_mean, op_var, rng)
    return tally


def _per_op_window(
    scenario: Scenario,
    baseline: Baseline,
    tally: _Tally,
    rng: random.Random,
    index: int,
    start: float,
    end: float,
    cost: float,
) -> None:
    """Every failed operation connects (1 + retries times), sleeps its backoffs, logs once."""
    n = scenario.clients
    low, high = scenario.op_interval
    per_op = baseline.attempts_per_op
    backoff_mean, backoff_var = baseline.backoff_moments()
    extra = per_op * cost + backoff_mean
    cycle_mean = (low + high) / 2.0 + extra
    cycle_var = (high - low) ** 2 / 12.0 + backoff_var
    ops = _minute_series(
        tally, start, end, n / cycle_mean, n * cycle_var / cycle_mean**3, rng, per_op, "WARNING"
    )
    tally.operations += ops
    tally.failed_ops += ops
    if baseline.serves_fallback:
        tally.fallback_ops += ops
    _per_op_recovery(scenario, tally, rng, index, end, low + extra, high + extra)


def _per_op_recovery(
    scenario: Scenario,
    tally: _Tally,
    rng: random.Random,
    index: int,
    end: float,
    low: float,
    high: float,
) -> None:
    """Each client reconnects with its first operation after the outage ends."""
    if end >= scenario.horizon:
        return
    times = tally.reconnects.setdefault(index, [])
    for _ in range(scenario.clients):
        wait = uniform_residual(low, high, rng)
        if end + wait < scenario.horizon:
            tally.recoveries.append(wait)
            times.append(end + wait)


def _reconnect_window(
    scenario: Scenario,
    baseline: Baseline,
    tally: _Tally,
    rng: random.Random,
    index: int,
    start: float,
    end: float,
    cost: float,
) -> None:
    """A library that reconnects on its own schedule; operations fail (after waiting for
    reconnects, for ioredis; after retrying against the last dial error, for go-redis) and the
    application logs each one."""
    reconnect = baseline.reconnect
    assert reconnect is not None
    n = scenario.clients
    low, high = scenario.op_interval
    horizon = scenario.horizon
    jitter = reconnect.jitter
    period = reconnect.cap + cost
    period_var = (reconnect.cap * jitter) ** 2 / 3.0
    steady_from: list[float] = []
    recover = end < horizon
    times = tally.reconnects.setdefault(index, []) if recover else []
    # The ramp up to the cap is followed client by client for up to RAMP_CLIENTS clients; a
    # bigger fleet's ramp counts are scaled from theirs and the others reuse their schedules
    # (shifted to their own start).
    exact = min(n, RAMP_CLIENTS)
    ramp = _Tally(tally.hours)
    schedules: list[tuple[float, list[float], float]] = []  # (start, attempt times, next)
    for client in range(n):
        at = start + (0.0 if client == 0 and start == 0.0 else uniform_residual(low, high, rng))
        if client < exact:
            began = at
            attempts: list[float] = []
            failures = 0
            while at < end:
                attempts.append(at)
                ramp.add_attempts(at)
                if baseline.log_per_attempt:
                    ramp.add_log(at + cost, "ERROR")
                failures += 1
                nominal = reconnect.nominal(failures)
                delay = nominal * (1.0 + rng.uniform(-jitter, jitter)) if jitter else nominal
                at += cost + delay
                if nominal >= reconnect.cap:
                    break
            schedules.append((began, attempts, at))
        else:
            began, attempts, after = schedules[client % exact]
            shift = at - began
            at = after + shift
            if at >= end:  # the ramp outlived the outage: its first attempt after the end
                at = next((t + shift for t in attempts if t + shift >= end), at)
        if at < end:
            steady_from.append(at)
            if recover:
                # the steady phase's first attempt after the end
                if jitter:
                    wait = uniform_residual(
                        period - reconnect.cap * jitter, period + reconnect.cap * jitter, rng
                    )
                    first_after = end + wait
                else:
                    first_after = at + math.ceil((end - at) / period) * period
        else:
            first_after = at
        if recover and first_after < horizon:
            tally.recoveries.append(first_after - end)
            times.append(first_after)
            tally.add_attempts(first_after)
    if exact < n:
        factor = n / exact
        ramp.attempts = round(ramp.attempts * factor)
        ramp.lookups = round(ramp.lookups * factor)
        ramp.logs = {level: round(count * factor) for level, count in ramp.logs.items()}
        ramp.hour_logs = [round(v * factor) for v in ramp.hour_logs]
        ramp.hour_attempts = [round(v * factor) for v in ramp.hour_attempts]
        ramp.minute_logs = {m: round(v * factor) for m, v in ramp.minute_logs.items()}
    tally.merge(ramp)
    # Steady reconnects, all clients together, minute by minute (the ramp of clients that are
    # still on their way to the cap first).
    steady_from.sort()
    level = "ERROR" if baseline.log_per_attempt else None
    all_steady = steady_from[-1] if steady_from else end
    active = 0
    for lo, hi in _minutes(min(steady_from, default=end), min(all_steady, end)):
        while active < len(steady_from) and steady_from[active] <= lo:
            active += 1
        exposure = active * (hi - lo) + sum(hi - s for s in steady_from[active:] if s < hi)
        _minute_series(
            tally,
            lo,
            hi,
            exposure / (hi - lo) / period,
            exposure / (hi - lo) * period_var / period**3,
            rng,
            1,
            level,
        )
    if steady_from and all_steady < end:
        k = len(steady_from)
        _minute_series(
            tally, all_steady, end, k / period, k * period_var / period**3, rng, 1, level
        )
    # The application's failed operations (fail fast, or after N failed reconnects).
    backoff_mean, backoff_var = baseline.backoff_moments()
    wait = baseline.op_waits_reconnects * period + backoff_mean
    cycle_mean = (low + high) / 2.0 + wait
    cycle_var = (high - low) ** 2 / 12.0 + backoff_var
    ops = _minute_series(
        tally, start, end, n / cycle_mean, n * cycle_var / cycle_mean**3, rng, 0, "WARNING"
    )
    tally.operations += ops
    tally.failed_ops += ops


# ------------------------------------------------------------------------------------------------
# Report
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Herd:
    """Reconnects of the fleet when Redis returns: the largest number in any one second, and
    how long they are spread over."""

    clients: int
    max_per_second: int
    spread_seconds: float
    first_after_end: float | None
    last_after_end: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "clients": self.clients,
            "max_per_second": self.max_per_second,
            "spread_seconds": round(self.spread_seconds, 3),
            "first_after_end": _r(self.first_after_end),
            "last_after_end": _r(self.last_after_end),
        }


def herd_of(times: Sequence[float], end: float) -> Herd:
    """The largest count of `times` in any window of one second, and their spread."""
    ordered = sorted(times)
    best = 0
    lo = 0
    for hi, t in enumerate(ordered):
        while t - ordered[lo] >= 1.0:
            lo += 1
        best = max(best, hi - lo + 1)
    if not ordered:
        return Herd(0, 0, 0.0, None, None)
    return Herd(len(ordered), best, ordered[-1] - ordered[0], ordered[0] - end, ordered[-1] - end)


def _r(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def _pct(value: float, reference: float) -> float | None:
    if reference <= 0:
        return None
    return round(100.0 * (1.0 - value / reference), 2)


@dataclass(frozen=True, slots=True)
class PolicyResult:
    """One policy's figures over the scenario (summed over the fleet)."""

    name: str
    label: str
    source: str
    operations: int
    fallback_ops: int
    failed_ops: int
    attempts: int
    dns_lookups: int
    log_lines: dict[str, int]
    peak_log_lines_per_minute: int
    recovery_seconds_mean: float | None
    recovery_seconds_max: float | None
    recoveries: int
    reduction_vs_naive: dict[str, float | None]
    hourly_log_lines: tuple[int, ...]
    hourly_attempts: tuple[int, ...]
    herd: Herd | None

    @property
    def total_log_lines(self) -> int:
        return sum(self.log_lines.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "source": self.source,
            "operations": self.operations,
            "fallback_ops": self.fallback_ops,
            "failed_ops": self.failed_ops,
            "attempts": self.attempts,
            "dns_lookups": self.dns_lookups,
            "log_lines": dict(self.log_lines),
            "log_lines_total": self.total_log_lines,
            "peak_log_lines_per_minute": self.peak_log_lines_per_minute,
            "recovery_seconds_mean": _r(self.recovery_seconds_mean),
            "recovery_seconds_max": _r(self.recovery_seconds_max),
            "recoveries": self.recoveries,
            "reduction_vs_naive_pct": dict(self.reduction_vs_naive),
            "hourly_log_lines": list(self.hourly_log_lines),
            "hourly_attempts": list(self.hourly_attempts),
            "herd": None if self.herd is None else self.herd.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class SimulationReport:
    """Everything `simulate` found: the scenario, each policy's figures, the fleet's herd and a
    verdict in words."""

    scenario: Scenario
    policies: tuple[PolicyResult, ...]
    herd_no_jitter: Herd | None
    verdict: tuple[str, ...]
    log_files: tuple[str, ...] = ()
    clients_simulated: int = 1

    def policy(self, name: str) -> PolicyResult:
        for result in self.policies:
            if result.name == name:
                return result
        raise KeyError(name)

    @property
    def engine(self) -> str:
        """What drove the redisdoctor policy: "ResilientRedis" or "ConnectionState"."""
        return _engine(self.scenario)

    @property
    def sampled(self) -> bool:
        """True when only some of the fleet's clients ran the real state machine."""
        return self.clients_simulated < self.scenario.clients

    def sampling_note(self) -> str | None:
        """What was sampled and how the rest was filled in, in one sentence (None: nothing)."""
        if not self.sampled:
            return None
        k, n = self.clients_simulated, self.scenario.clients
        return (
            f"Sampled: {k:,} of {n:,} clients ran the real state machine (all of them would "
            f"exceed its budget of attempts); the redisdoctor fleet counts are theirs x "
            f"{n / k:.2f}, and the other {n - k:,} clients' reconnect times are drawn from the "
            "policy's capped schedule."
        )

    def to_dict(self) -> dict[str, Any]:
        resilient = self.policy(RESILIENT)
        return {
            "engine": self.engine,
            "scenario": self.scenario.to_dict(),
            "seed": self.scenario.seed,
            "policies": [p.to_dict() for p in self.policies],
            "fleet": {
                "clients": self.scenario.clients,
                "clients_simulated": self.clients_simulated,
                "sampled": self.sampled,
                "scale_factor": round(self.scenario.clients / self.clients_simulated, 6),
                "sampling": self.sampling_note(),
                "herd_with_jitter": None if resilient.herd is None else resilient.herd.to_dict(),
                "herd_without_jitter": (
                    None if self.herd_no_jitter is None else self.herd_no_jitter.to_dict()
                ),
                "log_lines_total": {p.name: p.total_log_lines for p in self.policies},
            },
            "verdict": list(self.verdict),
            "log_files": list(self.log_files),
        }


def _result(
    name: str,
    label: str,
    source: str,
    tally: _Tally,
    scenario: Scenario,
    naive: _Tally | None,
) -> PolicyResult:
    ends = [(k, e) for k, (_, e) in enumerate(scenario.windows) if e < scenario.horizon]
    herd = herd_of(tally.reconnects.get(ends[0][0], []), ends[0][1]) if ends else None
    total_logs = sum(tally.logs.values())
    reduction: dict[str, float | None] = {}
    if naive is not None:
        reduction = {
            "log_lines": _pct(total_logs, sum(naive.logs.values())),
            "attempts": _pct(tally.attempts, naive.attempts),
            "dns_lookups": _pct(tally.lookups, naive.lookups),
        }
    recoveries = tally.recoveries
    return PolicyResult(
        name=name,
        label=label,
        source=source,
        operations=tally.operations,
        fallback_ops=tally.fallback_ops,
        failed_ops=tally.failed_ops,
        attempts=tally.attempts,
        dns_lookups=tally.lookups,
        log_lines=dict(tally.logs),
        peak_log_lines_per_minute=max(tally.minute_logs.values(), default=0),
        recovery_seconds_mean=sum(recoveries) / len(recoveries) if recoveries else None,
        recovery_seconds_max=max(recoveries) if recoveries else None,
        recoveries=len(recoveries),
        reduction_vs_naive=reduction,
        hourly_log_lines=tuple(tally.hour_logs),
        hourly_attempts=tuple(tally.hour_attempts),
        herd=herd,
    )


def simulate(
    scenario: Scenario,
    *,
    log_out: Path | None = None,
    progress: Callable[[str], None] | None = None,
    budget: int = EVENT_BUDGET,
) -> SimulationReport:
    """Run the scenario for the redisdoctor policy and every baseline; optionally write the
    simulated before (naive) and after (redisdoctor) logs of client 0 to `log_out`. A fleet
    whose real state-machine attempts would exceed `budget` is sampled (`run_resilient`)."""
    if log_out is not None and scenario.clients != 1:
        raise UsageError("--log-out writes one client's logs: use it with --clients 1")
    capture: list[LogLine] | None = [] if log_out is not None else None
    if progress:
        progress("simulating the redisdoctor policy")
    resilient, simulated = run_resilient(scenario, capture=capture, budget=budget)
    engine = _engine(scenario)
    tallies: dict[str, _Tally] = {}
    for baseline in BASELINES:
        if baseline.name in scenario.baselines or baseline.name == "naive":
            tallies[baseline.name] = run_baseline(scenario, baseline)
    naive = tallies["naive"]
    results = [
        _result(
            RESILIENT,
            f"redisdoctor ({engine})",
            "redisdoctor.client.ResilientRedis around a scripted redis-py client"
            if engine == "ResilientRedis"
            else "redisdoctor.state.ConnectionState + BackoffPolicy + LogThrottle",
            resilient,
            scenario,
            naive,
        )
    ]
    for baseline in BASELINES:
        if baseline.name in tallies:
            results.append(
                _result(
                    baseline.name,
                    baseline.label,
                    baseline.source,
                    tallies[baseline.name],
                    scenario,
                    naive,
                )
            )
    no_jitter: Herd | None = None
    ends = [e for _, e in scenario.windows if e < scenario.horizon]
    if ends:
        no_jitter = herd_of(_no_jitter_reconnects(scenario, resilient.discoveries), ends[0])
    files: tuple[str, ...] = ()
    if log_out is not None and capture is not None:
        files = write_logs(scenario, log_out, naive, capture)
    report = SimulationReport(scenario, tuple(results), no_jitter, (), files, simulated)
    return replace(report, verdict=tuple(verdict(report)))


# ------------------------------------------------------------------------------------------------
# Simulated log files (the seed's format)
# ------------------------------------------------------------------------------------------------


def _stamp(at: float) -> str:
    return (RUN_START + timedelta(seconds=math.floor(at))).strftime("%Y-%m-%dT%H:%M:%SZ")


def naive_lines(scenario: Scenario, tally: _Tally) -> list[LogLine]:
    """One WARNING per failed operation, spread evenly over each minute's count."""
    rng = random.Random(f"{scenario.seed}:naive-log")
    detail = failure_detail(scenario.failure, scenario.target)
    message = f"Redis connection failed: {detail}"
    lines: list[LogLine] = []
    windows = scenario.windows
    for minute in sorted(tally.minute_logs):
        count = tally.minute_logs[minute]
        lo = minute * 60.0 - MINUTE_OFFSET
        hi = lo + 60.0
        for start, end in windows:
            if start < hi and end > lo:
                lo, hi = max(lo, start), min(hi, end)
                break
        step = (hi - lo) / count
        phase = rng.random()
        for j in range(count):
            lines.append(LogLine(lo + (j + phase) * step, "WARNING", NAIVE_LOGGER, message))
    return lines


def write_logs(
    scenario: Scenario, directory: Path, naive: _Tally, after: Sequence[LogLine]
) -> tuple[str, ...]:
    """Write before.log (naive) and after.log (redisdoctor) in the seed's line format."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        before_path = directory / "before.log"
        after_path = directory / "after.log"
        with before_path.open("w", encoding="utf-8") as out:
            for line in naive_lines(scenario, naive):
                out.write(f"{_stamp(line.at)} {line.level}:{line.logger}:{line.message}\n")
        with after_path.open("w", encoding="utf-8") as out:
            for line in after:
                out.write(f"{_stamp(line.at)} {line.level}:{line.logger}:{line.message}\n")
    except OSError as exc:
        raise UsageError(f"cannot write logs to {directory}: {exc.strerror or exc}") from None
    return (str(before_path), str(after_path))


# ------------------------------------------------------------------------------------------------
# Verdict
# ------------------------------------------------------------------------------------------------


def _human(seconds: float) -> str:
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} h"
    if seconds >= 90:
        return f"{seconds / 60:.1f} min"
    return f"{seconds:.0f} s"


def verdict(report: SimulationReport) -> list[str]:
    """A few sentences: what the policy buys, and its risks."""
    sc = report.scenario
    res = report.policy(RESILIENT)
    naive = report.policy("naive")
    out: list[str] = []
    red = res.reduction_vs_naive
    out.append(
        f"Log lines: {res.total_log_lines:,} instead of {naive.total_log_lines:,} "
        f"({_pct_text(red.get('log_lines'))}); connection attempts and DNS lookups: "
        f"{res.attempts:,} instead of {naive.attempts:,} ({_pct_text(red.get('attempts'))})."
    )
    if res.peak_log_lines_per_minute:
        out.append(
            f"Peak log rate: {res.peak_log_lines_per_minute} line(s) per minute instead of "
            f"{naive.peak_log_lines_per_minute}."
        )
    out.append(
        f"{res.fallback_ops:,} operations were served from the in-memory fallback: what they "
        "wrote lives only in this process until Redis returns."
    )
    policy = sc.policy()
    longest = policy.nominal_delay(10_000, sc.failure) * (1.0 + sc.jitter) + sc.failure_cost
    if res.recovery_seconds_max is not None:
        out.append(
            f"Risk: recovery is noticed up to {_human(longest)} after Redis returns; in this run "
            f"{_human(res.recovery_seconds_max)} at worst (naive: "
            f"{_human(naive.recovery_seconds_max or 0.0)})."
        )
    else:
        out.append(
            f"Risk: once Redis returns, the client notices it up to {_human(longest)} later "
            "(the longest wait between attempts)."
        )
    if not sc.failure.transient:
        # The state machine's rule: ERROR only for what it does not retry fast.
        if policy.scale_for(sc.failure) is None:
            how = "an ERROR with the fix, and the client is not retried fast"
        else:
            how = "a WARNING with the fix, and the client keeps retrying on the schedule"
        out.append(
            f"{sc.failure.value} does not heal by itself: the first line is {how} (next attempt "
            f"in {_human(policy.nominal_delay(1, sc.failure))})."
        )
    if sc.clients > 1 and res.herd is not None and report.herd_no_jitter is not None:
        out.append(
            f"Fleet of {sc.clients}: with jitter {sc.jitter:g} the reconnects spread over "
            f"{_human(res.herd.spread_seconds)} (at most {res.herd.max_per_second} per second); "
            f"without jitter over {_human(report.herd_no_jitter.spread_seconds)} "
            f"(at most {report.herd_no_jitter.max_per_second} per second)."
        )
    note = report.sampling_note()
    if note is not None:
        out.append(note)
    return out


def _pct_text(value: float | None) -> str:
    if value is None:
        return "no naive baseline to compare"
    if value >= 0:
        return f"{value:.1f}% fewer"
    return f"{-value:.1f}% more"
