"""SimulationReport -> rich renderables. Pure functions: nothing here prints."""

from __future__ import annotations

import math

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from redisdoctor.simulate import RESILIENT, Herd, PolicyResult, SimulationReport

_BAR = 14  # characters for the largest bar of the timeline (the table fits 80 columns)
_MAX_ROWS = 48


def _short(value: int) -> str:
    """A count in at most 6 characters (12,345 / 123.5k / 7.20M / 345.6M), so the tables fit
    80 columns; --json has the exact figures."""
    if value < 100_000:
        return f"{value:,}"
    if value < 999_950:
        return f"{value / 1e3:.1f}k"
    if value < 9_995_000:
        return f"{value / 1e6:.2f}M"
    if value < 999_950_000:
        return f"{value / 1e6:.1f}M"
    return f"{value / 1e9:.1f}G"


def _secs(value: float | None) -> str:
    if value is None:
        return "-"
    if value >= 3600:
        return f"{value / 3600:.1f}h"
    if value >= 90:
        return f"{value / 60:.1f}m"
    return f"{value:.0f}s"


def _reduction(value: float | None) -> str:
    """A reduction in %, shown as a change: 97.5 -> "-97.5%", -20 -> "+20.0%"."""
    if value is None:
        return "-"
    return f"-{value:.1f}%" if value >= 0 else f"+{-value:.1f}%"


def policies_table(report: SimulationReport) -> Table:
    """One row per policy: operations, fallback, connection attempts (and DNS lookups where they
    differ), their change against naive, and the recovery after the outage."""
    # Every simulated connect resolves the name: show lookups only where they differ.
    lookups = any(r.dns_lookups != r.attempts for r in report.policies)
    table = Table(
        title="Policies on the same scenario: operations and connection attempts ("
        + ("" if lookups else "each one a DNS lookup; ")
        + "Δ: change against naive; recovery: worst wait after Redis returned)",
        title_justify="left",
    )
    table.add_column("policy", no_wrap=True)
    headers = ["ops", "fallback", "attempts", *(["lookups"] if lookups else []), "attempts Δ"]
    for header in (*headers, "recovery"):
        table.add_column(header, justify="right", no_wrap=True)
    for result in report.policies:
        counts = [result.operations, result.fallback_ops, result.attempts]
        if lookups:
            counts.append(result.dns_lookups)
        table.add_row(
            result.name,
            *(_short(count) for count in counts),
            "" if result.name == "naive" else _reduction(result.reduction_vs_naive.get("attempts")),
            _secs(result.recovery_seconds_max),
        )
    return table


def logs_table(report: SimulationReport) -> Table:
    """One row per policy: log lines in all and by level, the busiest minute, the change."""
    table = Table(
        title="Log lines (peak: the busiest wall-clock minute; Δ: change against naive)",
        title_justify="left",
    )
    table.add_column("policy", no_wrap=True)
    for header in ("lines", "ERROR", "WARNING", "INFO", "peak /min", "lines Δ"):
        table.add_column(header, justify="right", no_wrap=True)
    for result in report.policies:
        logs = result.log_lines
        table.add_row(
            result.name,
            _short(result.total_log_lines),
            *(_short(logs.get(level, 0)) for level in ("ERROR", "WARNING", "INFO")),
            _short(result.peak_log_lines_per_minute),
            ""
            if result.name == "naive"
            else _reduction(result.reduction_vs_naive.get("log_lines")),
        )
    return table


def _bar(value: int, top: int) -> str:
    """A bar on a log scale, so 12 lines and 480 lines both show."""
    if value <= 0 or top <= 0:
        return ""
    width = max(1, round(_BAR * math.log1p(value) / math.log1p(top)))
    return "█" * width


def _buckets(values: tuple[int, ...], size: int) -> list[int]:
    return [sum(values[i : i + size]) for i in range(0, len(values), size)]


def timeline(before: PolicyResult, after: PolicyResult) -> Table:
    """Per-hour (or coarser for long runs) log lines and attempts, before vs after."""
    hours = len(before.hourly_log_lines)
    size = max(1, math.ceil(hours / _MAX_ROWS))
    unit = "hour" if size == 1 else f"{size} h"
    b_logs = _buckets(before.hourly_log_lines, size)
    a_logs = _buckets(after.hourly_log_lines, size)
    b_att = _buckets(before.hourly_attempts, size)
    a_att = _buckets(after.hourly_attempts, size)
    top = max([*b_logs, *a_logs, 1])
    table = Table(
        title=f"Timeline per {unit}: log lines (bars, log scale) and connection attempts, "
        f"before ({before.name}) vs after ({after.name})",
        title_justify="left",
    )
    table.add_column("from", justify="right")
    table.add_column("before logs", justify="right")
    table.add_column("", justify="left", no_wrap=True)
    table.add_column("after logs", justify="right")
    table.add_column("", justify="left", no_wrap=True)
    table.add_column("attempts", justify="right")
    for row, (bl, al, ba, aa) in enumerate(zip(b_logs, a_logs, b_att, a_att, strict=True)):
        table.add_row(
            f"{row * size}h",
            _short(bl),
            Text(_bar(bl, top), style="red"),
            _short(al),
            Text(_bar(al, top), style="green"),
            f"{_short(ba)}/{_short(aa)}",
        )
    return table


def herd_table(report: SimulationReport) -> Table | None:
    """The reconnect herd when Redis returns (first outage end), per policy."""
    rows: list[tuple[str, Herd]] = []
    for result in report.policies:
        if result.herd is not None and result.herd.clients:
            label = result.name
            if result.name == RESILIENT:
                label = f"{label} (jitter {report.scenario.jitter:g})"
            rows.append((label, result.herd))
            if result.name == RESILIENT and report.herd_no_jitter is not None:
                rows.append((f"{result.name} (no jitter)", report.herd_no_jitter))
    if not rows:
        return None
    table = Table(
        title=f"Reconnect herd of {report.scenario.clients} client(s) when Redis returns",
        title_justify="left",
    )
    for header in ("policy", "reconnects", "max per second", "spread", "first/last after end"):
        table.add_column(header, justify="left" if header == "policy" else "right")
    for label, herd in rows:
        table.add_row(
            label,
            f"{herd.clients:,}",
            f"{herd.max_per_second:,}",
            _secs(herd.spread_seconds),
            f"{_secs(herd.first_after_end)}/{_secs(herd.last_after_end)}",
        )
    return table


def render_simulation(report: SimulationReport) -> RenderableType:
    """The whole report: scenario, policies, timeline, herd, verdict, files written."""
    sc = report.scenario
    outages = ", ".join(f"{o['start_text']}-{o['end_text']}" for o in sc.to_dict()["outages"])
    low, high = sc.op_interval
    cadence = f"{low:g}-{high:g} s" if low != high else f"{low:g} s"
    header = Text.assemble(
        ("Simulated ", "bold"),
        (f"{sc.hours:g} h", "bold"),
        f", outage {outages}, failure {sc.failure.value}, an operation every {cadence}, "
        f"{sc.clients:,} client(s), seed {sc.seed}. Policy: base {sc.base:g} s, cap {sc.cap:g} s, "
        f"jitter {sc.jitter:g}, log window {sc.log_window:g} s; attempts {sc.recovery_check}.",
    )
    legend = Text(
        "\n".join(f"{p.name}: {p.label}; {p.source}" for p in report.policies), style="dim"
    )
    parts: list[RenderableType] = [header]
    note = report.sampling_note()
    if note is not None:
        parts.append(Text(note, style="bold yellow"))
    parts += [policies_table(report), logs_table(report), legend]
    parts.append(timeline(report.policy("naive"), report.policy(RESILIENT)))
    herd = herd_table(report)
    if herd is not None and sc.clients > 1:
        parts.append(herd)
    verdict = Text()
    for sentence in report.verdict:
        verdict.append("• ")
        verdict.append(sentence)
        verdict.append("\n")
    parts.append(Text("Verdict", style="bold"))
    parts.append(verdict)
    for path in report.log_files:
        parts.append(Text(f"wrote {path}"))
    return Group(*parts)
