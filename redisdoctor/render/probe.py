"""Render probe reports: an httpstat-like waterfall on a terminal, plain lines through a pipe.

Pure functions: they build rich renderables (or plain text) and never print.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

    from redisdoctor.probe import ProbeReport, StageResult, WatchEvent

BAR_WIDTH = 24
_STATUS_STYLE = {"ok": "green", "warn": "yellow", "fail": "bold red", "skipped": "dim"}
_VERDICT_STYLE = {"ok": "bold green", "warn": "bold yellow", "fail": "bold red"}


def _bar(stage: StageResult, total_ms: float, width: int = BAR_WIDTH) -> Text:
    """A bar that starts where the stage started and is as long as it lasted (scaled)."""
    from rich.text import Text

    if stage.status == "skipped" or total_ms <= 0:
        return Text("")
    offset = min(width - 1, int(stage.start_ms / total_ms * width))
    length = max(1, round(stage.duration_ms / total_ms * width))
    length = min(length, width - offset)
    return Text(" " * offset + "\u2588" * length, style=_STATUS_STYLE.get(stage.status, ""))


def _ms(value: float) -> str:
    if value < 1:
        return f"{value:.2f} ms"
    return f"{value:.1f} ms" if value < 10_000 else f"{value / 1000:.1f} s"


def verdict_lines(report: ProbeReport) -> list[str]:
    """The verdict, its cause and the next step, as plain lines."""
    v = report.verdict
    head = f"verdict: {v.label}"
    if v.stage:
        head += f" (stage {v.stage}, exit {int(v.exit_code)} {v.exit_code.name})"
    else:
        head += f" (exit {int(v.exit_code)} {v.exit_code.name})"
    lines = [head, f"cause: {v.cause}"]
    for finding in report.findings:
        lines.append(f"warning: {finding.message} [{finding.value}; threshold {finding.threshold}]")
    if v.next_step:
        lines.append(f"next step: {v.next_step}")
    return lines


def render_plain(report: ProbeReport) -> str:
    """The report as plain text lines (for pipes and logs)."""
    lines = [f"probe {report.target.display}"]
    for stage in report.stages:
        took = "" if stage.status == "skipped" else _ms(stage.duration_ms)
        lines.append(f"  {stage.name:<8} {stage.status.value:<7} {took:>10}  {stage.detail}")
    lines.append(f"  {'total':<8} {'':<7} {_ms(report.total_ms):>10}")
    lines.extend(verdict_lines(report))
    return "\n".join(lines)


def render_plain_many(reports: Sequence[ProbeReport]) -> str:
    """Every report as plain text, plus a summary when there are several."""
    text = "\n\n".join(render_plain(r) for r in reports)
    if len(reports) > 1:
        lines = ["summary:"]
        for r in reports:
            lines.append(
                f"  {r.verdict.label:<14} {r.verdict.stage or '-':<8} "
                f"{_ms(r.total_ms):>10}  {r.target.display}"
            )
        text += "\n\n" + "\n".join(lines)
    return text


def render_report(report: ProbeReport, *, plain: bool = False) -> RenderableType:
    """One target's waterfall and verdict; `plain` gives unstyled text lines instead."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if plain:
        return Text(render_plain(report), no_wrap=True, overflow="ignore")
    table = Table(
        title=f"probe {report.target.display}",
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        expand=False,
    )
    table.add_column("stage")
    table.add_column("status")
    table.add_column("time", justify="right")
    table.add_column("waterfall", no_wrap=True, width=BAR_WIDTH)
    table.add_column("detail", overflow="fold")
    for stage in report.stages:
        table.add_row(
            stage.name,
            Text(stage.status.value, style=_STATUS_STYLE.get(stage.status, "")),
            _ms(stage.duration_ms) if stage.status != "skipped" else "",
            _bar(stage, report.total_ms),
            Text(stage.detail, style="dim" if stage.status == "skipped" else ""),
        )
    table.add_row("total", "", _ms(report.total_ms), "", "")
    lines = verdict_lines(report)
    verdict = Text(lines[0], style=_VERDICT_STYLE.get(report.verdict.status, ""))
    return Group(table, verdict, *(Text(line) for line in lines[1:]))


def render_summary(reports: Sequence[ProbeReport], *, plain: bool = False) -> RenderableType:
    """Several targets: each waterfall, then one summary table."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    if plain:
        return Text(render_plain_many(reports), no_wrap=True, overflow="ignore")
    parts: list[RenderableType] = [render_report(r) for r in reports]
    table = Table(title="summary", title_justify="left", show_edge=False, pad_edge=False)
    # Fold, never crop: a target cut before its port or db no longer says which one failed.
    table.add_column("target", overflow="fold")
    table.add_column("verdict")
    table.add_column("stage")
    table.add_column("time", justify="right")
    table.add_column("cause", overflow="fold")
    for r in reports:
        table.add_row(
            r.target.display,
            Text(r.verdict.label, style=_VERDICT_STYLE.get(r.verdict.status, "")),
            r.verdict.stage or "",
            _ms(r.total_ms),
            r.verdict.cause,
        )
    parts.append(table)
    return Group(*parts)


def watch_line(event: WatchEvent) -> str:
    """One line per change of state, with its time: ``<time>  #N  OK -> refused (connect): ...``."""
    at = event.at.isoformat(timespec="seconds").replace("+00:00", "Z")
    verdict = event.report.verdict
    change = f"{event.previous} -> {event.state}" if event.previous else event.state
    where = f" ({verdict.stage})" if verdict.stage else ""
    return f"{at}  probe #{event.probe_number}  {change}{where}: {verdict.cause}"
