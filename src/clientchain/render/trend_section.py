"""The trend section of the Markdown report (``report ORG --trend -o informe.md``).

What changed since the previous period (the attention findings about the last point and
``diff`` of the last two versions read: changes, metrics, findings new and resolved), the
forecast (:mod:`~clientchain.render.trend_summary`), and the charts of
:func:`~clientchain.render.line_chart.trend_charts` as Mermaid ``xychart-beta`` line charts,
one per series (Mermaid draws no legend) over the versions read (it draws no gap).
"""

from __future__ import annotations

from collections.abc import Callable

from clientchain.i18n import _
from clientchain.output.diff import diff_markdown
from clientchain.render.line_chart import mermaid_lines, trend_charts
from clientchain.render.theme import THEMES
from clientchain.render.trend_summary import trend_summary
from clientchain.trend.result import TrendResult

__all__ = ["trend_markdown_section"]


Escape = Callable[[str], str]


def trend_markdown_section(result: TrendResult, md: Escape) -> list[str]:
    """The section's lines; ``md`` makes text safe in Markdown (``md_text``)."""
    summary = trend_summary(result)
    lines = ["", "## " + md(_("Trend")), "", md(summary.read)]
    if summary.diff is not None:
        lines += ["", f"### {md(summary.heading)}", ""]
        lines += [f"- {md(message)}" for message in summary.attention]
        body = diff_markdown(summary.diff).split("\n")[1:]  # its title names the two sources
        while body and not body[0]:
            body = body[1:]
        lines += ["", *body] if summary.attention else body
    lines += ["", "### " + md(_("Forecast")), ""]
    if summary.forecasts:
        lines += [f"- {md(message)}" for message in summary.forecast]
    else:
        lines += [md(message) for message in summary.forecast]
    charts = [
        line for chart in trend_charts(result, THEMES["light"]) for line in mermaid_lines(chart)
    ]
    return [*lines, "", "### " + md(_("Charts")), *charts] if charts else lines
