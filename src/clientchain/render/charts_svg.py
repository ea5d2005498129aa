"""The charts (:mod:`clientchain.render.charts`) for the HTML report: bar charts as inline
SVG, the satisfaction matrix as a table with coloured cells.

A bar's height is its value over the chart's :attr:`~clientchain.render.charts.BarChart.top`
(× 1.1, so the highest bar or line has room for its label) times the plot's height; each
bar is a ``<rect class="bar">`` with its value in ``data-value``, each reference line a
dashed ``<line class="ref">`` across the plot, labelled at its right end. Every text is
escaped (:func:`html.escape`); no script, no external reference.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from clientchain.controls import visible
from clientchain.i18n import _
from clientchain.render.charts import BarChart, MatrixChart
from clientchain.render.theme import Theme
from clientchain.render.views import wrap

__all__ = ["HEIGHT", "PLOT_HEIGHT", "WIDTH", "bar_chart_svg", "charts_section", "matrix_html"]

WIDTH, HEIGHT = 960.0, 400.0
_LEFT, _RIGHT, _TOP, _BOTTOM = 56.0, 16.0, 24.0, 96.0
PLOT_HEIGHT = HEIGHT - _TOP - _BOTTOM
"""Pixels from the axis (0) to the top of the scale (``top × 1.1``)."""
_HEADROOM = 1.1


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")  # i18n: SVG coordinates


def bar_chart_svg(chart: BarChart, theme: Theme) -> str:
    """An ``<svg>`` element of ``chart``: axis, bars with their texts, the lines, the labels."""
    plot_width = WIDTH - _LEFT - _RIGHT
    scale = PLOT_HEIGHT / (chart.top * _HEADROOM)
    base = _TOP + PLOT_HEIGHT
    slot = plot_width / max(len(chart.bars), 1)
    rotate = len(chart.bars) > 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" data-chart="{_e(chart.key)}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(HEIGHT)}" width="{_n(WIDTH)}" height="{_n(HEIGHT)}" '
        f'role="img" aria-label="{_e(chart.title)}" font-family="{_e(theme.font)}" font-size="12">',
        f"<title>{_e(chart.title)}</title>",
        f'<rect width="{_n(WIDTH)}" height="{_n(HEIGHT)}" fill="{theme.background}"/>',
        f'<line x1="{_n(_LEFT)}" y1="{_n(base)}" x2="{_n(_LEFT + plot_width)}" y2="{_n(base)}" '
        f'stroke="{theme.muted}"/>',
    ]
    for index, bar in enumerate(chart.bars):
        x = _LEFT + index * slot + slot * 0.15
        centre = _LEFT + (index + 0.5) * slot
        height = 0.0 if bar.value is None else bar.value * scale
        value = "" if bar.value is None else f' data-value="{bar.value!r}"'
        parts.append(
            f'<rect class="bar" x="{_n(x)}" y="{_n(base - height)}" width="{_n(slot * 0.7)}" '
            f'height="{_n(height)}" fill="{bar.fill}" stroke="{theme.department_line}"{value}>'
            f"<title>{_e(bar.label)}: {_e(bar.text)}</title></rect>"
        )
        parts.append(
            f'<text x="{_n(centre)}" y="{_n(base - height - 4)}" text-anchor="middle" '
            f'fill="{theme.text}">{_e(bar.text)}</text>'
        )
        parts.append(_category(bar.label, (centre, base + 14), slot, rotate, theme))
    for line in chart.lines:
        y = base - line.value * scale
        parts.append(
            f'<line class="ref" x1="{_n(_LEFT)}" y1="{_n(y)}" x2="{_n(_LEFT + plot_width)}" '
            f'y2="{_n(y)}" stroke="{line.colour}" stroke-width="2" stroke-dasharray="6 4" '
            f'data-value="{line.value!r}"/>'
        )
        parts.append(  # inside the plot, above the line's right end: never past the figure
            f'<text x="{_n(_LEFT + plot_width)}" y="{_n(y - 5)}" text-anchor="end" '
            f'fill="{line.colour}">{_e(line.name)}</text>'
        )
    axis = f'<text x="14" y="{_n(_TOP + PLOT_HEIGHT / 2)}" text-anchor="middle" '
    axis += f'transform="rotate(-90 14 {_n(_TOP + PLOT_HEIGHT / 2)})" fill="{theme.muted}">'
    parts += [f"{axis}{_e(chart.axis)}</text>", "</svg>"]
    return "\n".join(parts)


def _category(label: str, at: tuple[float, float], slot: float, rotate: bool, theme: Theme) -> str:
    """A bar's name under it: slanted when the bars are many, else wrapped to three lines
    of the bar's width (each cut with an ellipsis if a word is longer)."""
    x, y = at
    if rotate:
        return (
            f'<text class="category" x="{_n(x)}" y="{_n(y)}" text-anchor="end" '
            f'transform="rotate(-35 {_n(x)} {_n(y)})" fill="{theme.text}">'
            f"{_e(_short(label, 22))}</text>"
        )
    width = max(int(slot / 7), 4)
    lines = wrap(label, width).split("\n")
    if len(lines) > 3:
        lines = [*lines[:2], _short(" ".join(lines[2:]), width)]
    spans = "".join(
        f'<tspan x="{_n(x)}" dy="{0 if index == 0 else 14}">{_e(_short(line, width))}</tspan>'
        for index, line in enumerate(lines)
    )
    return (
        f'<text class="category" x="{_n(x)}" y="{_n(y)}" text-anchor="middle" '
        f'fill="{theme.text}">{spans}</text>'
    )


def _short(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the full name is the bar's title).

    >>> _short("Administración y facturación", 12), _short("Redes", 12)
    ('Administrac…', 'Redes')
    """
    width = max(width, 4)
    return text if len(text) <= width else text[: width - 1] + "…"


def matrix_html(matrix: MatrixChart) -> str:
    """The matrix as an HTML table: names in the first row and column, each handoff's cell
    filled by its band (``class="band-good"`` …), then the legend."""
    from clientchain.render.charts import BANDS

    head = "".join(f'<th scope="col">{_e(name)}</th>' for name in matrix.columns)
    rows = []
    for name, line in zip(matrix.rows, matrix.cells, strict=True):
        cells = "".join(
            "<td></td>"
            if cell is None
            else f'<td class="num band-{BANDS[cell.band]}" style="background:{cell.fill}">'
            f"{_e(cell.text)}</td>"
            for cell in line
        )
        rows.append(f'<tr><th scope="row">{_e(name)}</th>{cells}</tr>')
    legend = "".join(
        f'<li><span class="swatch" style="background:{fill}"></span>{_e(text)}</li>'
        for text, fill in matrix.legend
    )
    body = "\n".join(rows)
    return (
        f'<table class="matrix" data-chart="{_e(matrix.key)}">\n'
        f"<thead><tr><th>{_e(matrix.corner)}</th>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n"
        f'</table>\n<ul class="legend">{legend}</ul>'
    )


def charts_section(charts: Sequence[BarChart | MatrixChart], theme: Theme) -> str:
    """The report's charts: a heading, then each chart in a figure with its title."""
    heading = _("Charts")
    parts = [f'<h2 id="charts">{_e(heading)}</h2>']
    for chart in charts:
        drawn = bar_chart_svg(chart, theme) if isinstance(chart, BarChart) else matrix_html(chart)
        caption = "\n".join(text for text in (chart.title, chart.note) if text)
        parts.append(f"<figure>\n{drawn}\n<figcaption>{_e(caption)}</figcaption>\n</figure>")
    return "\n".join(parts)
