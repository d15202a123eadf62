"""Render an ExplainReport: one block per line (category, meaning, transient, next step).

Pure functions: they build rich renderables and never print. Input text goes into `Text`
objects, never into markup, so brackets in log lines are shown as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import RenderableType

    from redisdoctor.explain import ExplainReport, Explanation


def _transient_words(explanation: Explanation) -> str:
    if explanation.transient is None:
        return ""
    if explanation.transient:
        return "transient: usually heals by itself; keep retrying with backoff"
    return "not transient: needs a change (configuration, credentials, capacity)"


def render_explanation(number: int, explanation: Explanation) -> RenderableType:
    """One line's block: the input, then labelled facts."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    head = Text(f"{number}. ", style="bold")
    head.append(explanation.input)
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    if explanation.category is None:
        facts.add_row("category", Text("not recognised", style="yellow"))
        facts.add_row("meaning", Text(explanation.meaning))
        if explanation.assumed is not None:
            info = explanation.assumed.info
            facts.add_row(
                "note",
                Text(
                    "Nothing in it names Redis (no client, redis:// URL, port or Redis reply). "
                    f"If it is about Redis, it is {explanation.assumed.value}: {info.meaning}"
                ),
            )
            facts.add_row("next step", Text(info.next_step))
        return Group(head, facts, Text(""))
    style = "bold yellow" if explanation.transient else "bold red"
    facts.add_row("category", Text(explanation.category.value, style=style))
    facts.add_row("meaning", Text(explanation.meaning))
    facts.add_row("transient", Text(_transient_words(explanation)))
    facts.add_row("next step", Text(explanation.next_step or ""))
    return Group(head, facts, Text(""))


def render_explain(report: ExplainReport) -> RenderableType:
    """Every line's block, then a one-line summary."""
    from rich.console import Group
    from rich.text import Text

    blocks = [render_explanation(n, line) for n, line in enumerate(report.lines, start=1)]
    total = len(report.lines)
    summary = Text(
        f"{total} line{'s' if total != 1 else ''}: {report.recognised} recognised as a Redis "
        f"failure, {report.unrecognised} not recognised.",
        style="bold",
    )
    return Group(*blocks, summary)
