"""simulate's library: the real ConnectionState's schedule on a VirtualClock, baselines, herd."""

from __future__ import annotations

import itertools
import math
import random
import statistics

import pytest

from redisdoctor.baselines import BASELINES, REDIS_PY_8, baseline
from redisdoctor.errors import UsageError
from redisdoctor.simulate import (
    CLIENT_CATEGORIES,
    RESILIENT,
    LogLine,
    Scenario,
    _Tally,
    client_supports,
    herd_of,
    parse_category,
    parse_duration,
    parse_interval,
    parse_outage,
    run_resilient,
    run_resilient_client,
    simulate,
    uniform_residual,
)
from redisdoctor.taxonomy import Category

DAY = 86400.0


def _schedule(scenario: Scenario) -> tuple[list[float], list[LogLine], _Tally]:
    times: list[float] = []
    lines: list[LogLine] = []
    tally = _Tally(max(1, round(scenario.hours)))
    run_resilient_client(scenario, 0, tally, capture=lines, attempt_times=times)
    return times, lines, tally


def test_simulate_jitter_zero_attempts_follow_the_seed_schedule() -> None:
    times, _, tally = _schedule(Scenario(jitter=0.0))
    assert times[:7] == [0.0, 60.0, 180.0, 420.0, 720.0, 1020.0, 1320.0]
    assert all(later - earlier == 300.0 for earlier, later in itertools.pairwise(times[3:]))
    assert len(times) == 290
    assert tally.attempts == 290
    assert tally.lookups == 290


def test_simulate_jitter_zero_log_has_at_most_288_warnings_first_at_zero() -> None:
    _, lines, _ = _schedule(Scenario(jitter=0.0))
    warnings = [line for line in lines if line.level == "WARNING"]
    assert 0 < len(warnings) <= 288
    assert lines[0].at == 0.0
    # dns_nxdomain is retried on the normal schedule, so it logs at WARNING (the seed's level);
    # it does not heal by itself, so its first line carries the fix.
    assert lines[0].level == "WARNING"
    assert "dns_nxdomain" in lines[0].message
    assert "Name or service not known" in lines[0].message
    assert "Fix: " in lines[0].message
    assert all("failures since last log" in line.message for line in warnings[1:])


def test_simulate_transient_failure_first_line_is_a_warning_at_zero() -> None:
    _, lines, _ = _schedule(Scenario(jitter=0.0, failure=Category.REFUSED))
    assert lines[0].at == 0.0
    assert lines[0].level == "WARNING"
    assert sum(line.level == "WARNING" for line in lines) <= 288


def test_simulate_jitter_gaps_after_the_cap_stay_within_20_percent() -> None:
    times, _, _ = _schedule(Scenario(jitter=0.2, seed=7))
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    capped = gaps[3:]
    assert all(240.0 <= gap <= 360.0 for gap in capped)
    assert len({round(gap, 6) for gap in capped}) > 100  # they vary


def test_simulate_same_seed_same_schedule_other_seed_other_schedule() -> None:
    first, _, _ = _schedule(Scenario(seed=3))
    again, _, _ = _schedule(Scenario(seed=3))
    other, _, _ = _schedule(Scenario(seed=4))
    assert first == again
    assert first != other


@pytest.mark.parametrize("seed", [0, 11, 12_345])
def test_simulate_naive_baseline_makes_about_11520_failures_a_day(seed: int) -> None:
    report = simulate(Scenario(seed=seed, baselines=("naive",)))
    naive = report.policy("naive")
    for value in (naive.operations, naive.attempts, naive.dns_lookups, naive.log_lines["WARNING"]):
        assert abs(value - 11_520) <= 0.02 * 11_520, value
    assert naive.peak_log_lines_per_minute <= 12


def test_simulate_reduction_is_computed_from_the_simulated_counts() -> None:
    report = simulate(Scenario(jitter=0.0))
    resilient = report.policy(RESILIENT)
    naive = report.policy("naive")
    assert resilient.attempts == 290
    expected = round(100 * (1 - resilient.total_log_lines / naive.total_log_lines), 2)
    assert resilient.reduction_vs_naive["log_lines"] == expected
    assert resilient.reduction_vs_naive["attempts"] == round(100 * (1 - 290 / naive.attempts), 2)
    assert resilient.fallback_ops == resilient.operations  # down all day: all from the fallback


def test_simulate_outage_ending_at_6h_is_noticed_at_the_next_scheduled_attempt() -> None:
    six = 6 * 3600.0
    report = simulate(Scenario(outages=((0.0, six),), jitter=0.0))
    resilient = report.policy(RESILIENT)
    # 420 + 300k: the first scheduled attempt at or after 21,600 s is 21,720 s.
    assert resilient.recovery_seconds_max == pytest.approx(120.0)
    assert resilient.recoveries == 1
    assert resilient.log_lines["INFO"] == 1
    assert resilient.hourly_attempts[7:] == (0,) * 17


def test_simulate_recovery_with_jitter_matches_the_unended_schedule() -> None:
    six = 6 * 3600.0
    schedule, _, _ = _schedule(Scenario(seed=5))
    first_after = next(t for t in schedule if t >= six)
    times, lines, tally = _schedule(Scenario(seed=5, outages=((0.0, six),)))
    assert times[-1] == first_after
    assert tally.recoveries == [pytest.approx(first_after - six)]
    assert lines[-1].level == "INFO"
    assert "restored" in lines[-1].message


@pytest.mark.parametrize(
    ("failure", "first_attempts", "first_level"),
    [
        (Category.REFUSED, [0.0, 30.0, 90.0, 210.0, 360.0, 510.0], "WARNING"),  # scale 0.5
        (Category.LOADING, [0.0, 15.0, 45.0, 105.0, 180.0, 255.0], "WARNING"),  # scale 0.25
        (Category.AUTH, [0.0, 900.0, 1800.0, 2700.0, 3600.0, 4500.0], "ERROR"),  # not retried fast
    ],
)
def test_simulate_failure_category_gets_its_own_policy(
    failure: Category, first_attempts: list[float], first_level: str
) -> None:
    times, lines, _ = _schedule(Scenario(jitter=0.0, failure=failure, hours=2))
    assert times[:6] == first_attempts
    assert lines[0].level == first_level
    assert failure.value in lines[0].message


def test_simulate_timeout_costs_the_connect_timeout_on_the_clock() -> None:
    times, _, _ = _schedule(
        Scenario(jitter=0.0, failure=Category.TIMEOUT, connect_timeout=2.0, hours=1)
    )
    assert times[:4] == [0.0, 62.0, 184.0, 426.0]


def test_simulate_dns_temporary_costs_the_resolver_timeout() -> None:
    times, _, _ = _schedule(
        Scenario(jitter=0.0, failure=Category.DNS_TEMPORARY, resolver_timeout=5.0, hours=1)
    )
    # each attempt first waits out the 5 s resolver timeout; dns_temporary backs off 45 s, 90 s
    assert times[:3] == [0.0, 50.0, 145.0]


def test_simulate_next_op_mode_attempts_on_the_first_operation_after_due() -> None:
    due, _, _ = _schedule(Scenario(jitter=0.0, hours=2))
    late, _, _ = _schedule(Scenario(jitter=0.0, hours=2, recovery_check="next-op"))
    assert late[0] == 0.0
    gaps = [b - a for a, b in itertools.pairwise(late)]
    nominal = [b - a for a, b in itertools.pairwise(due)]
    assert all(n <= g <= n + 10.0 for g, n in zip(gaps, nominal, strict=False))
    assert all(l_at >= d_at for l_at, d_at in zip(late, due, strict=False))
    assert late[1] > due[1]


def test_simulate_outage_in_the_middle_counts_healthy_and_fallback_ops() -> None:
    report = simulate(Scenario(hours=4, outages=((3600.0, 7200.0),), seed=2))
    resilient = report.policy(RESILIENT)
    assert 0 < resilient.fallback_ops < resilient.operations
    assert abs(resilient.operations - 4 * 480) < 0.05 * 4 * 480
    assert resilient.hourly_attempts[0] == 0
    assert resilient.hourly_attempts[1] > 0
    naive = report.policy("naive")
    assert naive.hourly_log_lines[0] == 0 and naive.hourly_log_lines[3] == 0
    assert abs(naive.hourly_log_lines[1] - 480) < 60


def test_simulate_fleet_jitter_spreads_the_reconnect_herd() -> None:
    report = simulate(Scenario(hours=4, outages=((0.0, 3 * 3600.0),), clients=200, seed=1))
    with_jitter = report.policy(RESILIENT).herd
    without = report.herd_no_jitter
    assert with_jitter is not None and without is not None
    assert with_jitter.clients == 200 and without.clients == 200
    assert with_jitter.spread_seconds > 120.0
    assert without.spread_seconds <= 10.0
    assert with_jitter.max_per_second < without.max_per_second


def test_simulate_big_fleet_is_sampled_and_scaled() -> None:
    scenario = Scenario(hours=48, clients=400, seed=9)
    tally, simulated = run_resilient(scenario, budget=5_000)
    assert simulated < 400
    per_client = 48 * 3600 / 300
    assert abs(tally.attempts - 400 * per_client) < 0.03 * 400 * per_client
    fleet = simulate(Scenario(hours=2, clients=400, seed=9)).to_dict()["fleet"]
    assert fleet["clients"] == 400
    assert fleet["clients_simulated"] == 400
    assert fleet["sampled"] is False


def test_simulate_herd_counts_the_largest_second() -> None:
    herd = herd_of([10.0, 10.2, 10.9, 11.5, 30.0], end=10.0)
    assert herd.max_per_second == 3
    assert herd.spread_seconds == pytest.approx(20.0)
    assert herd.first_after_end == pytest.approx(0.0)


def test_simulate_uniform_residual_has_the_renewal_mean() -> None:
    rng = random.Random(0)
    draws = [uniform_residual(5.0, 10.0, rng) for _ in range(20_000)]
    # E[residual] = E[X^2] / (2 E[X]) = (7.5^2 + 25/12) / 15
    assert statistics.fmean(draws) == pytest.approx((7.5**2 + 25 / 12) / 15, rel=0.02)
    assert max(draws) <= 10.0


def test_simulate_parse_helpers_read_durations_outages_intervals() -> None:
    assert parse_duration("5h30m") == 19_800.0
    assert parse_duration("90m") == 5_400.0
    assert parse_duration("2") == 7_200.0
    assert parse_outage("2h-5h30m") == (7_200.0, 19_800.0)
    assert parse_interval("5-10") == (5.0, 10.0)
    assert parse_interval("1e-3-2e-3") == (0.001, 0.002)
    assert parse_interval("2.5e-1") == (0.25, 0.25)
    assert parse_category("REFUSED") is Category.REFUSED


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: parse_outage("5h-2h"), "END must be after START"),
        (lambda: parse_outage("2h"), "START-END"),
        (lambda: parse_duration("-3"), "non-negative"),
        (lambda: parse_duration("3x"), "cannot read duration"),
        (lambda: parse_interval("10-5"), "LOW <= HIGH"),
        (lambda: parse_category("dns"), "unknown failure category"),
        (lambda: Scenario(hours=-1), "--hours"),
        (lambda: Scenario(hours=1, outages=((0.0, 7200.0),)), "ends after the run"),
        (lambda: Scenario(outages=((0.0, 100.0), (50.0, 200.0))), "overlap"),
        (lambda: Scenario(jitter=1.5), "--jitter"),
        (lambda: Scenario(base=10, cap=5), "--cap"),
        (lambda: Scenario(clients=0), "--clients"),
        (lambda: Scenario(cap=math.inf), "--cap must be a finite number"),
        (lambda: Scenario(log_window=math.nan), "--log-window must be a finite number"),
        (lambda: Scenario(op_interval=(1e300, 1e300)), "at most a year"),
        (lambda: Scenario(hours=720, base=0.001, cap=0.001), "attempts per client"),
    ],
)
def test_simulate_bad_scenarios_raise_usage_errors(call: object, needle: str) -> None:
    assert callable(call)
    with pytest.raises(UsageError, match=needle):
        call()


def test_simulate_redis_py_8_preset_matches_the_installed_defaults() -> None:
    from redis import _defaults
    from redis.backoff import ExponentialWithJitterBackoff

    assert len(REDIS_PY_8.retry_backoff) == _defaults.DEFAULT_RETRY_COUNT
    assert REDIS_PY_8.connect_timeout == _defaults.DEFAULT_SOCKET_CONNECT_TIMEOUT
    backoff = ExponentialWithJitterBackoff(
        base=_defaults.DEFAULT_RETRY_BASE, cap=_defaults.DEFAULT_RETRY_CAP
    )
    random.seed(1)
    for failures, (mean, _) in enumerate(REDIS_PY_8.retry_backoff, start=1):
        sampled = statistics.fmean(backoff.compute(failures) for _ in range(4000))
        assert sampled == pytest.approx(mean, rel=0.05, abs=0.002)


def test_simulate_baselines_are_documented() -> None:
    assert baseline("grpc").reconnect is not None
    for known in BASELINES:
        assert known.source and known.label
    with pytest.raises(KeyError):
        baseline("nope")


@pytest.mark.parametrize("category", sorted(CLIENT_CATEGORIES))
def test_simulate_resilient_redis_path_matches_the_state_machine(category: Category) -> None:
    scenario = Scenario(hours=8, outages=((600.0, 6 * 3600.0),), failure=category, seed=4)
    assert client_supports(category)
    via_client: list[float] = []
    direct: list[float] = []
    client_lines: list[LogLine] = []
    state_lines: list[LogLine] = []
    client_tally, state_tally = _Tally(8), _Tally(8)
    run_resilient_client(
        scenario,
        0,
        client_tally,
        capture=client_lines,
        attempt_times=via_client,
        through_client=True,
    )
    run_resilient_client(scenario, 0, state_tally, capture=state_lines, attempt_times=direct)
    assert via_client == direct
    assert client_tally.recoveries == state_tally.recoveries
    assert [(line.at, line.level) for line in client_lines] == [
        (line.at, line.level) for line in state_lines
    ]
    # Same lines; the client's recovery line also says what it did with the fallback's keys.
    assert [line.message for line in client_lines[:-1]] == [
        line.message for line in state_lines[:-1]
    ]
    assert client_lines[-1].message.startswith(state_lines[-1].message)
    assert "fallback keys" in client_lines[-1].message


def test_simulate_single_client_goes_through_resilient_redis() -> None:
    assert simulate(Scenario(hours=1)).engine == "ResilientRedis"
    assert simulate(Scenario(hours=1, clients=2)).engine == "ConnectionState"
    assert simulate(Scenario(hours=1, failure=Category.OOM)).engine == "ConnectionState"


def test_simulate_sampled_fleet_agrees_with_the_full_fleet() -> None:
    # The error bound of sampling: ~10% of the fleet through the real state machine, the rest
    # scaled (counts) or drawn (herd), against every client run for real.
    end = 12 * 3600.0
    scenario = Scenario(hours=13, outages=((0.0, end),), clients=300, seed=6)
    full, everyone = run_resilient(scenario, budget=10**9)
    sampled, some = run_resilient(scenario, budget=5_000)
    assert everyone == 300 and some < 60
    assert abs(sampled.attempts - full.attempts) < 0.02 * full.attempts
    assert abs(sum(sampled.logs.values()) - sum(full.logs.values())) < 0.03 * sum(
        full.logs.values()
    )
    assert abs(sampled.operations - full.operations) < 0.01 * full.operations
    assert abs(sampled.fallback_ops - full.fallback_ops) < 0.01 * full.fallback_ops
    peak_full, peak_sampled = max(full.minute_logs.values()), max(sampled.minute_logs.values())
    assert abs(peak_sampled - peak_full) <= 0.05 * peak_full
    for hour_full, hour_sampled in zip(full.hour_logs, sampled.hour_logs, strict=True):
        assert abs(hour_sampled - hour_full) <= 0.1 * hour_full
    mean_full = statistics.fmean(full.recoveries)
    assert abs(statistics.fmean(sampled.recoveries) - mean_full) < 0.1 * mean_full
    full_herd, sampled_herd = herd_of(full.reconnects[0], end), herd_of(sampled.reconnects[0], end)
    assert sampled_herd.clients == full_herd.clients == 300
    assert abs(sampled_herd.spread_seconds - full_herd.spread_seconds) < 30.0
    assert abs(sampled_herd.max_per_second - full_herd.max_per_second) <= 3


def test_simulate_state_machine_event_filter_and_cached_redaction() -> None:
    # The simulator subscribes to log events only; redaction is cached per distinct detail, so a
    # changed detail (a new secret) must still be masked.
    import logging

    from redisdoctor.clock import VirtualClock
    from redisdoctor.state import ClientEvent, ConnectionState

    quiet = logging.Logger("test-simulate-quiet")
    quiet.disabled = True
    seen: list[ClientEvent] = []
    clock = VirtualClock()
    state = ConnectionState(
        clock=clock,
        rng=random.Random(0),
        logger=quiet,
        on_event=seen.append,
        event_kinds=("log",),
    )
    state.record_failure(Category.REFUSED, "redis://:Zq9-first-secret@db:6379 refused")
    clock.set(state.next_attempt_at or 0.0)
    state.begin_attempt()
    state.record_failure(Category.AUTH, "redis://:Zq9-second-secret@db:6379 rejected")
    assert [event.kind for event in seen] == ["log", "log"]
    assert all("Zq9-" not in (event.message or "") for event in seen)
    assert "redis://:***@db:6379 rejected" in (seen[1].message or "")
    assert state.last_message is not None and "Zq9-second" not in state.last_message


@pytest.mark.parametrize(
    ("failure", "level", "words"),
    [
        (Category.DNS_NXDOMAIN, "WARNING", "a WARNING with the fix"),
        (Category.AUTH, "ERROR", "an ERROR with the fix"),
    ],
)
def test_simulate_verdict_names_the_level_the_first_line_really_has(
    failure: Category, level: str, words: str
) -> None:
    scenario = Scenario(hours=1, failure=failure, baselines=("naive",))
    _, lines, _ = _schedule(scenario)
    assert lines[0].level == level
    report = simulate(scenario)
    assert any(words in sentence for sentence in report.verdict), report.verdict


def test_simulate_sampled_fleet_says_so_in_json_terminal_and_verdict() -> None:
    import io

    from rich.console import Console

    from redisdoctor.render.simulate import render_simulation

    report = simulate(Scenario(hours=24, clients=400, seed=2, baselines=("naive",)), budget=5_000)
    fleet = report.to_dict()["fleet"]
    assert fleet["sampled"] is True
    k = fleet["clients_simulated"]
    assert 1 <= k < 400
    assert fleet["scale_factor"] == pytest.approx(400 / k)
    note = fleet["sampling"]
    assert note.startswith(f"Sampled: {k} of 400 clients ran the real state machine")
    assert note in report.verdict
    out = io.StringIO()
    Console(file=out, width=400, color_system=None).print(render_simulation(report))
    assert out.getvalue().count("Sampled: ") == 2  # under the header, and in the verdict
    full = simulate(Scenario(hours=1, clients=3, baselines=("naive",))).to_dict()["fleet"]
    assert full["sampled"] is False and full["sampling"] is None and full["scale_factor"] == 1.0


def test_simulate_fleet_on_two_processes_matches_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dataclasses
    import multiprocessing

    import redisdoctor.simulate as simulate_module

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform: the fleet always runs in one process")
    scenario = Scenario(hours=3, outages=((600.0, 2 * 3600.0),), clients=12, seed=5)
    started: list[int] = []
    real_start = simulate_module._start_clients

    def spy(scenario: Scenario, first: int, stop: int) -> object:
        handle = real_start(scenario, first, stop)
        if handle is not None:  # a process was started for clients first..stop-1
            started.append(first)
        return handle

    monkeypatch.setattr(simulate_module, "_start_clients", spy)
    monkeypatch.setattr(simulate_module, "PARALLEL_FROM", 1)
    parallel, _ = run_resilient(scenario)
    monkeypatch.setattr(simulate_module, "PARALLEL_FROM", 10**12)
    sequential, _ = run_resilient(scenario)
    assert started == [6]  # the second half ran in the other process, once
    assert dataclasses.asdict(parallel) == dataclasses.asdict(sequential)
    assert parallel.reconnects[0] == sequential.reconnects[0]  # same clients, same order
