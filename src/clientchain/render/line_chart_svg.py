"""A line chart (:class:`~clientchain.render.line_chart.LineChart`) as inline SVG.

The plot spans ``LEFT`` to ``WIDTH - RIGHT`` across and ``TOP`` to ``TOP + PLOT_HEIGHT``
down. Category ``i`` of ``n`` is at ``x = LEFT + (i + 0.5) × (WIDTH - LEFT - RIGHT) / n``; a
value ``v`` is at ``y = TOP + PLOT_HEIGHT × (1 - v / end)``, ``end`` the axis' end
(:func:`~clientchain.render.line_chart.axis_scale`, in ``data-end``). Each run of values
without a gap is a ``<polyline class="series">`` (``data-series`` its index), each value a
marker with its value in ``data-value``. Many periods' labels are slanted, and only every
k-th is written when even slanted they would touch. A version that could not be read leaves a gap,
never a zero. Series differ by dash pattern and marker shape as well as colour, so they read
in the greyscale ``print`` theme. The legend under the plot names the series and the
reference lines. Every text is escaped; no script, no external reference.
"""

from __future__ import annotations

import html
import math

from clientchain.controls import visible
from clientchain.numbers import num, pct
from clientchain.render.line_chart import LineChart, axis_scale
from clientchain.render.textwidth import text_width
from clientchain.render.theme import Theme

__all__ = ["LEFT", "PLOT_HEIGHT", "RIGHT", "TOP", "WIDTH", "line_chart_svg"]

WIDTH, LEFT, RIGHT, TOP, PLOT_HEIGHT = 960.0, 72.0, 24.0, 16.0, 260.0
_FONT = 12.0
_DASHES = ("", "9 4", "3 3", "12 4 3 4", "1.5 4")
_WIDTH = 2.5
_LEGEND_ROW = 22.0
_REFS = ("6 4", "2 4")
"""The reference lines' dashes: 100 % dashed, near capacity dotted."""


def _e(text: str) -> str:
    return html.escape(visible(text), quote=True)


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")  # i18n: SVG coordinates


def _colours(theme: Theme) -> tuple[str, ...]:
    return (theme.department_line, theme.quality[0], theme.quality[1], theme.edge, theme.accent)


def _marker(
    shape: int, at: tuple[float, float], colour: str, extra: str = "", tip: str = ""
) -> str:
    """Circle, square, triangle, diamond or cross at ``at``, filled with ``colour``; ``tip``
    its tooltip."""
    (x, y), r = at, 4.5
    if shape == 0:
        tag, attrs = "circle", f'cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{colour}"'
    elif shape == 1:
        tag = "rect"
        attrs = f'x="{_n(x - r)}" y="{_n(y - r)}" width="{_n(2 * r)}" height="{_n(2 * r)}" '
        attrs += f'fill="{colour}"'
    else:
        corners = {
            2: ((0, -r - 1), (r + 1, r), (-r - 1, r)),
            3: ((0, -r - 1), (r + 1, 0), (0, r + 1), (-r - 1, 0)),
            4: ((-r, -r), (r, r), (0, 0), (r, -r), (-r, r)),
        }[shape]
        points = " ".join(f"{_n(x + dx)},{_n(y + dy)}" for dx, dy in corners)
        tag = "polygon" if shape < 4 else "polyline"  # a cross: strokes, no fill
        paint = (
            f'fill="{colour}"' if shape < 4 else f'fill="none" stroke="{colour}" stroke-width="2.5"'
        )
        attrs = f'points="{points}" {paint}'
    if not tip:
        return f"<{tag} {attrs}{extra}/>"
    return f"<{tag} {attrs}{extra}><title>{_e(tip)}</title></{tag}>"


def _legend(chart: LineChart, theme: Theme, top: float) -> tuple[list[str], float]:
    """The legend's items in rows under the plot: a sample of each line and its name."""
    items = [
        (s.name, _colours(theme)[i % 5], _DASHES[i % 5], i) for i, s in enumerate(chart.series)
    ]
    items += [(line.name, line.colour, _REFS[i % 2], -1) for i, line in enumerate(chart.lines)]
    parts, x, y = [], LEFT, top
    right = WIDTH - RIGHT
    for name, colour, dash, index in items:
        room = 36 + text_width(name, _FONT) + 24
        if x > LEFT and x + room > right:
            x, y = LEFT, y + _LEGEND_ROW
        width = "1.5" if index < 0 else _n(_WIDTH)
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x + 28)}" y2="{_n(y)}" stroke="{colour}" '
            f'stroke-width="{width}"{dashed}/>'
        )
        if index >= 0:
            parts.append(_marker(index % 5, (x + 14, y), colour))
        parts.append(
            f'<text x="{_n(x + 34)}" y="{_n(y + 4)}" fill="{theme.text}">{_e(name)}</text>'
        )
        x += room
    return parts, y + _LEGEND_ROW


def _tick(chart: LineChart, value: float) -> str:
    return pct(value) if chart.unit == "percent" else num(value)


def line_chart_svg(chart: LineChart, theme: Theme) -> str:
    """An ``<svg>`` element of ``chart``: axes, grid, reference lines, lines, markers, legend."""
    end, step = axis_scale(chart.top)
    count = max(len(chart.categories), 1)
    slot = (WIDTH - LEFT - RIGHT) / count
    base = TOP + PLOT_HEIGHT
    longest = max((text_width(c, _FONT) for c in chart.categories), default=0.0)
    slanted = longest + 8 > slot
    below = base + (longest * 0.6 + 24 if slanted else 26)
    body: list[str] = []
    for k in range(round(end / step) + 1):
        value = k * step
        y = base - PLOT_HEIGHT * value / end
        body.append(
            f'<line x1="{_n(LEFT)}" y1="{_n(y)}" x2="{_n(WIDTH - RIGHT)}" y2="{_n(y)}" '
            f'stroke="{theme.cluster_line if k else theme.muted}" stroke-width="1"/>'
        )
        body.append(
            f'<text class="tick" x="{_n(LEFT - 6)}" y="{_n(y + 4)}" text-anchor="end" '
            f'fill="{theme.muted}">{_e(_tick(chart, value))}</text>'
        )
    every = math.ceil((_FONT + 2) / (slot * 0.64)) if slanted else 1  # 0.64 = sin 40°
    for index, label in enumerate(chart.categories):
        if index % every:
            continue  # slanted labels closer than a line apart would overlap: every k-th
        x = LEFT + (index + 0.5) * slot
        colour = theme.muted if index in chart.gaps else theme.text
        turn = f' transform="rotate(-40 {_n(x)} {_n(base + 16)})"' if slanted else ""
        anchor = "end" if slanted else "middle"
        body.append(
            f'<text class="category" x="{_n(x)}" y="{_n(base + 16)}" text-anchor="{anchor}" '
            f'fill="{colour}"{turn}>{_e(label)}</text>'
        )
    for at, line in enumerate(chart.lines):
        y = base - PLOT_HEIGHT * line.value / end
        body.append(
            f'<line class="ref" x1="{_n(LEFT)}" y1="{_n(y)}" x2="{_n(WIDTH - RIGHT)}" '
            f'y2="{_n(y)}" stroke="{line.colour}" stroke-width="1.5" '
            f'stroke-dasharray="{_REFS[at % 2]}" data-value="{line.value!r}"/>'
        )
    for index in range(len(chart.series)):
        body += _series(chart, index, (slot, end), theme)
    legend, height = _legend(chart, theme, below + 8)
    axis_y = TOP + PLOT_HEIGHT / 2
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart line-chart" '
        f'data-chart="{_e(chart.key)}" data-end="{end!r}" '
        f'viewBox="0 0 {_n(WIDTH)} {_n(height)}" width="{_n(WIDTH)}" height="{_n(height)}" '
        f'role="img" aria-label="{_e(chart.title)}" font-family="{_e(theme.font)}" '
        f'font-size="{_n(_FONT)}">',
        f"<title>{_e(chart.title)}</title>",
        f'<rect width="{_n(WIDTH)}" height="{_n(height)}" fill="{theme.background}"/>',
        f'<text x="16" y="{_n(axis_y)}" text-anchor="middle" fill="{theme.muted}" '
        f'transform="rotate(-90 16 {_n(axis_y)})">{_e(chart.axis)}</text>',
    ]
    return "\n".join([*head, *body, *legend, "</svg>"])


def _series(chart: LineChart, index: int, scale: tuple[float, float], theme: Theme) -> list[str]:
    """One series: a polyline per run of values without a gap, and a marker per value."""
    slot, end = scale
    series = chart.series[index]
    colour, dash = _colours(theme)[index % 5], _DASHES[index % 5]
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    runs: list[list[tuple[float, float]]] = [[]]
    markers = []
    for at, value in enumerate(series.values):
        if value is None:
            runs.append([])
            continue
        x, y = LEFT + (at + 0.5) * slot, TOP + PLOT_HEIGHT * (1 - value / end)
        runs[-1].append((x, y))
        shown = pct(value) if chart.unit == "percent" else num(value)
        tip = f"{series.name} · {chart.categories[at]}: {shown}"
        extra = f' class="marker" data-series="{index}" data-value="{value!r}"'
        markers.append(_marker(index % 5, (x, y), colour, extra, tip))
    parts = [
        f'<polyline class="series" data-series="{index}" data-name="{_e(series.name)}" '
        f'points="{" ".join(f"{_n(x)},{_n(y)}" for x, y in run)}" fill="none" '
        f'stroke="{colour}" stroke-width="{_n(_WIDTH)}" stroke-linejoin="round"{dashed}/>'
        for run in runs
        if len(run) > 1
    ]
    return parts + markers
