"""Line charts as data: the trend's series over the periods, shared by every writer.

A :class:`LineChart` has x categories (the periods' labels), one or more named
:class:`LineSeries` whose values may be ``None`` (a version that could not be read, a
department not yet in the file, an unbounded value: a gap in the line, never a zero),
horizontal reference lines (:class:`~clientchain.render.charts.Line`: 100 %, near capacity)
and a unit.
:func:`trend_charts` picks the trend's charts; :func:`axis_scale` is the value axis every
drawing uses. :mod:`~clientchain.render.line_chart_svg` draws a chart as inline SVG,
:mod:`~clientchain.render.trend_pptx` as a native PowerPoint line chart and
:func:`mermaid_lines` as Mermaid ``xychart-beta`` blocks (one per series: Mermaid draws no
legend).

>>> axis_scale(1.0), axis_scale(28.0), axis_scale(0.0)
((1.25, 0.25), (40.0, 10.0), (1.0, 0.2))
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from clientchain.i18n import _
from clientchain.numbers import pct
from clientchain.render.charts import Line, Unit
from clientchain.render.dot import clean_text
from clientchain.render.theme import Theme
from clientchain.trend.result import TrendResult
from clientchain.trend.series import Point

__all__ = [
    "CHAINS",
    "CHARTED",
    "LineChart",
    "LineSeries",
    "axis_scale",
    "mermaid_lines",
    "trend_charts",
]

CHARTED = 3
"""How many of the busiest departments the departments' chart follows."""
CHAINS = 5
"""How many chains (the longest lead times at the last point) the chains' charts follow."""
_HEADROOM = 1.1
_STEPS = (1.0, 2.0, 2.5, 5.0, 10.0)


@dataclass(frozen=True, slots=True)
class LineSeries:
    """One line: its name (the legend's), a value per category (``None``: a gap), and the
    title it has when drawn alone (a Mermaid chart per series)."""

    name: str
    values: tuple[float | None, ...]
    title: str = ""


@dataclass(frozen=True, slots=True)
class LineChart:
    """Named series over ``categories``; ``gaps`` are the categories no version was read for."""

    key: str
    title: str
    axis: str
    unit: Unit
    categories: tuple[str, ...]
    series: tuple[LineSeries, ...]
    lines: tuple[Line, ...] = ()
    gaps: tuple[int, ...] = ()
    note: str = ""

    @property
    def top(self) -> float:
        """The largest value or reference line (0 without any)."""
        values = [v for s in self.series for v in s.values if v is not None and math.isfinite(v)]
        return max([*values, *(line.value for line in self.lines), 0.0])


def axis_scale(top: float) -> tuple[float, float]:
    """The value axis for values up to ``top``: its end and its step.

    The step is 1, 2, 2.5 or 5 times a power of ten, the smallest that gives at most five
    steps up to ``top × 1.1`` (room above the highest point); the axis ends at the first
    step at or above ``top × 1.1``. Percentages are fractions: 100 % is 1.0.
    """
    want = top * _HEADROOM if top > 0 else 1.0
    raw = want / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(s * magnitude for s in _STEPS if s * magnitude >= raw - 1e-12)
    return math.ceil(want / step - 1e-9) * step, step


def _reference_lines(last: Point, theme: Theme) -> tuple[Line, ...]:
    assert last.org is not None
    near = last.org.checks.near_capacity
    return (
        Line(_("Full capacity ({value})").format(value=pct(1.0)), 1.0, theme.constraint),
        Line(_("Near capacity ({value})").format(value=pct(near)), near, theme.muted),
    )


def trend_charts(result: TrendResult, theme: Theme) -> tuple[LineChart, ...]:
    """The trend's charts: the constraint's utilization (left out when the busiest
    department was the constraint at every point: the same line), the busiest departments'
    utilization, each chain's lead time and, when some chain loses any, its rolled quality.

    Every period is a category; a version that could not be read is a gap in every line.
    No chart with fewer than two versions read.
    """
    read = [p for p in result.points if p.ok]
    if len(read) < 2:
        return ()
    last = read[-1]
    assert last.org is not None
    org = last.org
    labels = tuple(p.label for p in result.points)
    gaps = tuple(i for i, p in enumerate(result.points) if not p.ok)
    note = ""
    if gaps:
        missing = ", ".join(labels[i] for i in gaps)
        note = _("Not read: {periods} (a gap in the lines).").format(periods=missing)
    lines = _reference_lines(last, theme)
    utilization = _("Utilization")

    def chart(key: str, title: str, axis: str, unit: Unit, series: list[LineSeries]) -> LineChart:
        drawn = lines if axis == utilization else ()  # 100 % and near capacity: utilization's
        return LineChart(key, title, axis, unit, labels, tuple(series), drawn, gaps, note)

    busiest = sorted(
        (d for d in last.departments.values() if d.utilization is not None),
        key=lambda d: -(d.utilization or 0.0),
    )[:CHARTED]
    departments = [
        LineSeries(
            org.describe(d.id),
            tuple(_department(p, d.id) for p in result.points),
            _("Utilization of {department}").format(department=org.describe(d.id)),
        )
        for d in busiest
    ]
    constraint = tuple(_finite(p.constraint_utilization) for p in result.points)
    charts = []
    if not departments or departments[0].values != constraint:
        title = _("Utilization of the constraint")
        series = [LineSeries(_("Constraint"), constraint, title)]
        key = "trend constraint"  # i18n: a machine key
        charts.append(chart(key, title, utilization, "percent", series))
    if departments:
        title = _("Utilization of the busiest departments")
        key = "trend departments"  # i18n: a machine key
        charts.append(chart(key, title, utilization, "percent", departments))
    chains = sorted(last.chains.values(), key=lambda c: -(c.lead_time_hours or 0.0))[:CHAINS]

    def per_chain(value: Callable[[Point, str], float | None], name: str) -> list[LineSeries]:
        """A series a chain: ``value`` at each point, named by the ``{chain}`` text ``name``."""
        return [
            LineSeries(
                org.chains[c.id].describe(),
                tuple(value(p, c.id) for p in result.points),
                name.format(chain=org.chains[c.id].describe()),
            )
            for c in chains
        ]

    if chains:
        lead = per_chain(_lead_time, _("Lead time of {chain}"))
        title, axis = _("Lead time of each chain"), _("Hours")
        key = "trend lead-time"  # i18n: a machine key
        charts.append(chart(key, title, axis, "hours", lead))
        quality = per_chain(_quality, _("Rolled quality of {chain}"))
        if any(v is not None and v < 1.0 for s in quality for v in s.values):
            title = _("Rolled quality of each chain")
            key, axis = "trend quality", _("Rolled quality")  # i18n: a machine key
            charts.append(chart(key, title, axis, "percent", quality))
    return tuple(charts)


def _finite(value: float | None) -> float | None:
    """``value``, or ``None`` (a gap) when it is unknown or unbounded: no line reaches ∞."""
    return value if value is not None and math.isfinite(value) else None


def _department(point: Point, dept: str) -> float | None:
    found = point.departments.get(dept)
    return None if found is None else _finite(found.utilization)


def _lead_time(point: Point, chain: str) -> float | None:
    found = point.chains.get(chain)
    return None if found is None else _finite(found.lead_time_hours)


def _quality(point: Point, chain: str) -> float | None:
    found = point.chains.get(chain)
    return None if found is None else _finite(found.rolled_quality)


def mermaid_lines(chart: LineChart) -> list[str]:
    """A Mermaid ``xychart-beta`` block per series of ``chart`` (Mermaid has no legend), each
    titled by the series' own title, over the periods read (Mermaid draws no gap); a series
    with no value at some period read is left out (a line needs every point)."""
    kept = [i for i in range(len(chart.categories)) if i not in chart.gaps]
    labels = ", ".join(f'"{_mermaid(chart.categories[i])}"' for i in kept)
    scale = 100.0 if chart.unit == "percent" else 1.0
    unit = "%" if chart.unit == "percent" else "h"  # i18n: unit symbols, as in Spanish
    drawn = [round(line.value * scale, 1) for line in chart.lines]
    lines: list[str] = []
    for series in chart.series:
        values = [series.values[i] for i in kept]
        if any(v is None for v in values):
            continue
        shown = [round((v or 0.0) * scale, 1) for v in values]
        top = max(*shown, *drawn)
        lines += [
            "",
            "```mermaid",
            "xychart-beta",
            f'    title "{_mermaid(series.title or chart.title)}"',
            f"    x-axis [{labels}]",
            f'    y-axis "{unit}" 0 --> {_plain(top)}',
            f"    line [{', '.join(_plain(v) for v in shown)}]",
            "```",
        ]
    return lines


def _mermaid(text: str) -> str:
    """A text safe inside Mermaid's double quotes."""
    return clean_text(text).replace('"', "'").replace("\n", " ")


def _plain(value: float) -> str:
    """``62.5``, ``50`` (a dot whatever the language: Mermaid's syntax)."""
    return f"{value:g}"
