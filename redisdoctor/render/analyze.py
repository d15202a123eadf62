"""AnalysisReport -> rich renderables: summary, categories, templates, outages, before/after,
and a per-hour chart (before vs after) drawn with block characters. Pure: nothing here prints."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from redisdoctor.analyze import AnalysisReport, HourBucket, LogSummary
from redisdoctor.state import format_duration

BAR_WIDTH = 40
MAX_ROWS = 48


def _when(value: datetime | None) -> str:
    return "-" if value is None else value.strftime("%Y-%m-%d %H:%M:%S UTC")


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _summary(title: str, summary: LogSummary) -> Table:
    table = Table(title=title, show_header=False, title_justify="left", box=None)
    table.add_column("what", style="bold")
    table.add_column("value")
    table.add_row("inputs", ", ".join(summary.inputs))
    table.add_row(
        "span",
        f"{_when(summary.span_start)} .. {_when(summary.span_end)} "
        f"({format_duration(summary.covered_s)})",
    )
    table.add_row("lines read", f"{summary.lines:,}")
    table.add_row("records", f"{summary.records:,}")
    table.add_row("Redis failure records", f"{summary.failure_records:,}")
    table.add_row("non-Redis lines skipped", f"{summary.non_redis_lines:,}")
    table.add_row("recovery records", f"{summary.recovery_records:,}")
    rates = summary.rates
    gap = "-" if rates.typical_gap_s is None else f"{rates.typical_gap_s:g}s"
    table.add_row(
        "rate",
        f"{rates.per_minute_mean:g}/min mean, {rates.per_minute_peak}/min peak; "
        f"{rates.per_hour_mean:g}/h mean, {rates.per_hour_peak}/h peak; typical gap {gap}",
    )
    problems = summary.problems
    notes = []
    for key in ("missing_files", "unreadable_files", "corrupt_files", "empty_files"):
        for item in problems.get(key) or []:
            notes.append(f"{key.replace('_files', '')}: {item}")
    for key in ("overlong_lines", "truncated_bytes", "nul_bytes", "undecodable_records"):
        if problems.get(key):
            notes.append(f"{key.replace('_', ' ')}: {problems[key]:,}")
    if summary.untimed_failures:
        notes.append(f"failure records without a timestamp: {summary.untimed_failures:,}")
    if notes:
        table.add_row("could not read", Text("\n".join(notes), style="yellow"))
    return table


def _counts(title: str, rows: list[tuple[str, int]], total: int) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(title.rsplit(" ", 1)[-1], overflow="fold")
    table.add_column("records", justify="right")
    table.add_column("share", justify="right")
    for name, count in rows:
        share = f"{100 * count / total:.1f}%" if total else "-"
        table.add_row(name, f"{count:,}", share)
    return table


def _templates(summary: LogSummary) -> Table:
    table = Table(
        title=f"Repeated messages ({summary.distinct_templates} distinct templates)",
        title_justify="left",
    )
    table.add_column("count", justify="right")
    table.add_column("category")
    table.add_column("template", overflow="fold")
    for item in summary.templates:
        table.add_row(f"{item.count:,}", item.category, item.template)
    return table


def _outages(summary: LogSummary) -> Table:
    table = Table(title=f"Outage windows ({len(summary.outages)})", title_justify="left")
    table.add_column("start")
    table.add_column("end")
    table.add_column("duration", justify="right")
    table.add_column("failures", justify="right")
    table.add_column("category")
    table.add_column("ended by")
    for window in summary.outages[:10]:
        table.add_row(
            _when(window.start),
            _when(window.end),
            format_duration(window.duration_s),
            f"{window.failures:,}",
            window.category,
            window.ended_by,
        )
    if len(summary.outages) > 10:
        table.add_row("...", f"{len(summary.outages) - 10} more", "", "", "", "")
    return table


def _before_after(report: AnalysisReport) -> Table:
    projection = report.projection
    table = Table(title="Before and after", title_justify="left")
    table.add_column("")
    table.add_column("before", justify="right")
    table.add_column("after", justify="right")
    table.add_column("reduction", justify="right")
    table.add_row(
        "log lines (projected: fixed client replayed)",
        f"{projection.log_lines_before:,}",
        f"{projection.log_lines_after:,}",
        _pct(projection.log_reduction_pct),
    )
    table.add_row(
        "connection attempts (projected)",
        f"{projection.attempts_before:,}",
        f"{projection.attempts_after:,}",
        _pct(projection.attempt_reduction_pct),
    )
    comparison = report.comparison
    if comparison is not None:

        def rate(value: float | None) -> str:
            return "-" if value is None else f"{value:,.1f}/{comparison.unit}"

        table.add_row(
            f"failure records per {comparison.unit} (--after log)",
            rate(comparison.before_per_unit),
            rate(comparison.after_per_unit),
            _pct(comparison.reduction_pct),
        )
    return table


def _bar(value: int, scale: float, char: str) -> str:
    if value <= 0:
        return ""
    return char * max(1, round(value * scale))


def _group_hours(hours: tuple[HourBucket, ...]) -> tuple[int, list[list[HourBucket]]]:
    size = max(1, -(-len(hours) // MAX_ROWS))
    return size, [list(hours[i : i + size]) for i in range(0, len(hours), size)]


def hour_chart(report: AnalysisReport) -> Table:
    """Per-hour bars: observed failure records (before) against the projected log lines, or,
    with --after, the other log's failure records in its hour of the same index."""
    use_after = report.after is not None
    after_label = "after (--after log)" if use_after else "after (projected log lines)"
    size, groups = _group_hours(report.hours)
    unit = "hour" if size == 1 else f"{size} hours"

    def after_of(bucket: HourBucket) -> int:
        if use_after:
            return bucket.after_failures or 0
        return bucket.projected_log_lines

    rows = [
        (group[0].start, sum(b.failures for b in group), sum(after_of(b) for b in group))
        for group in groups
    ]
    peak = max([max(before, after) for _, before, after in rows] or [0])
    scale = BAR_WIDTH / peak if peak else 0.0
    table = Table(
        title=f"Redis failure lines per {unit}: before (█) vs {after_label} (▒)",
        title_justify="left",
        box=None,
        pad_edge=False,
    )
    table.add_column("start (UTC)")
    table.add_column("before", justify="right")
    table.add_column("after", justify="right")
    table.add_column("chart", no_wrap=True)
    for start, before, after in rows:
        chart = Text(_bar(before, scale, "█"), style="red")
        chart.append("\n")
        chart.append(_bar(after, scale, "▒"), style="green")
        table.add_row(start.strftime("%m-%d %H:%M"), f"{before:,}", f"{after:,}", chart)
    return table


def render_analysis(report: AnalysisReport) -> RenderableType:
    """The whole terminal report."""
    before = report.before
    parts: list[RenderableType] = [_summary("Before", before)]
    if report.after is not None:
        parts.append(_summary("After (--after)", report.after))
    total = before.failure_records
    if total:
        parts.append(
            _counts("Failures by category", [(c.name, c.count) for c in before.categories], total)
        )
        parts.append(
            _counts("Failures by target", [(c.name, c.count) for c in before.targets], total)
        )
        parts.append(
            _counts("Failures by source", [(c.name, c.count) for c in before.sources], total)
        )
        parts.append(_templates(before))
        parts.append(_outages(before))
    else:
        parts.append(Text("No Redis failures found.", style="green"))
    parts.append(_before_after(report))
    if report.hours:
        parts.append(hour_chart(report))
    return Group(*parts)
