"""The trend section of the HTML report (``report ORG --trend -o informe.html``).

The same content as the Markdown section (:mod:`~clientchain.render.trend_section`): the
versions read, what changed since the previous period (attention findings, then ``diff`` of
the last two versions read: its headline, changes, metrics, findings new and resolved), the
forecast, and the charts of :func:`~clientchain.render.line_chart.trend_charts`, each an
inline SVG line chart (:mod:`~clientchain.render.line_chart_svg`) in a figure. Every text is
escaped.
"""

from __future__ import annotations

import html

from clientchain.controls import visible
from clientchain.i18n import _
from clientchain.output.diff import DiffRows, diff_rows
from clientchain.render.line_chart import trend_charts
from clientchain.render.line_chart_svg import line_chart_svg
from clientchain.render.theme import Theme
from clientchain.render.trend_summary import trend_summary
from clientchain.trend.result import TrendResult

__all__ = ["trend_html_section"]


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _items(texts: tuple[str, ...]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{_e(t)}</li>" for t in texts) + "\n</ul>"


def _table(headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], numeric: int) -> str:
    """A table whose last ``numeric`` columns are numbers (right-aligned)."""
    first = len(headers) - numeric
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "\n".join(
        "<tr>"
        + "".join(
            f'<td class="num">{_e(c)}</td>' if i >= first else f"<td>{_e(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _h(level: int, text: str, anchor: str = "") -> str:
    """A heading of ``level`` saying ``text`` (with ``id="anchor"`` when given)."""
    at = f' id="{anchor}"' if anchor else ""
    return f"<h{level}{at}>{_e(text)}</h{level}>"


def _diff(rows: DiffRows) -> list[str]:
    parts = [f'<p class="headline"><strong>{_e(rows.headline)}</strong></p>']
    if rows.changes:
        parts += [_h(4, _("Changes")), _table(DiffRows.change_headers(), rows.changes, 0)]
    if rows.metrics:
        parts += [_h(4, _("Metrics")), _table(DiffRows.metric_headers(), rows.metrics, 3)]
    if rows.findings:
        parts += [_h(4, _("Findings")), _items(rows.findings)]
    return parts


def trend_html_section(result: TrendResult, theme: Theme) -> list[str]:
    """The section's HTML parts: headings, lists, tables and figures."""
    summary = trend_summary(result)
    parts = [_h(2, _("Trend"), "trend"), f"<p>{_e(summary.read)}</p>"]
    if summary.diff is not None:
        parts.append(_h(3, summary.heading, "trend-changes"))
        if summary.attention:
            parts.append(_items(summary.attention))
        parts += _diff(diff_rows(summary.diff))
    parts.append(_h(3, _("Forecast"), "trend-forecast"))
    if summary.forecasts:
        parts.append(_items(summary.forecast))
    else:
        parts += [f"<p>{_e(message)}</p>" for message in summary.forecast]
    charts = trend_charts(result, theme)
    if charts:
        parts.append(_h(3, _("Charts"), "trend-charts"))
    for chart in charts:
        caption = "\n".join(text for text in (chart.title, chart.note) if text)
        parts.append(
            f'<figure class="trend">\n{line_chart_svg(chart, theme)}\n'
            f"<figcaption>{_e(caption)}</figcaption>\n</figure>"
        )
    return parts
