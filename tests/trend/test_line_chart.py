"""The line chart's model and SVG on their own: the axis' end, slanted and thinned labels,
a series with a gap in Mermaid, the print theme told apart by dash and marker."""

from __future__ import annotations

import re

import pytest

from clientchain.render.line_chart import LineChart, LineSeries, axis_scale, mermaid_lines
from clientchain.render.line_chart_svg import line_chart_svg
from clientchain.render.theme import THEMES


@pytest.mark.parametrize(
    ("top", "end", "step"),
    [
        (1.0, 1.25, 0.25),  # × 1.1 = 1.1; 1.1 / 5 = 0.22 → 0.25; 5 steps
        (28.0, 40.0, 10.0),  # 30.8; 6.16 → 10; 4 steps
        (1.3, 1.5, 0.5),  # 1.43; 0.286 → 0.5; 3 steps
        (0.0, 1.0, 0.2),  # nothing to show: 0 … 1 in steps of 0.2
    ],
)
def test_axis_scale(top: float, end: float, step: float) -> None:
    assert axis_scale(top) == pytest.approx((end, step))


def _chart(count: int) -> LineChart:
    labels = tuple(f"2026-W{i:02d}" for i in range(1, count + 1))
    values = tuple(0.5 + i / 200 for i in range(count))
    return LineChart("k", "T", "Utilization", "percent", labels, (LineSeries("A", values),))


def test_many_periods_are_slanted_and_thinned() -> None:
    svg = line_chart_svg(_chart(52), THEMES["light"])
    labels = re.findall(r'<text class="category" x="([\d.]+)"[^>]*rotate\(-40', svg)
    # 864 px / 52 = 16.6 px a period; slanted 40°, labels 16.6 × sin 40° = 10.7 px apart
    # < 14 px (12 px type + 2): every ceil(14 / 10.7) = 2nd label, 26 of them
    assert len(labels) == 26
    assert float(labels[1]) - float(labels[0]) == pytest.approx(2 * 864 / 52, abs=0.01)
    # twelve months fit upright: 72 px a period, wider than a label
    assert "rotate(-40" not in line_chart_svg(_chart(12), THEMES["light"])


def test_series_differ_by_dash_and_marker_in_print() -> None:
    two = LineChart(
        "k", "T", "U", "percent", ("a", "b"),
        (LineSeries("A", (0.1, 0.2)), LineSeries("B", (0.3, 0.4))),
    )  # fmt: skip
    svg = line_chart_svg(two, THEMES["print"])
    lines = re.findall(r'<polyline class="series"[^>]*>', svg)
    assert "stroke-dasharray" not in lines[0]
    assert 'stroke-dasharray="9 4"' in lines[1]
    assert len(re.findall(r'<circle [^>]*class="marker"', svg)) == 2  # A's markers: circles
    assert len(re.findall(r'<rect [^>]*class="marker"', svg)) == 2  # B's: squares


def test_mermaid_leaves_out_unread_periods_and_incomplete_series() -> None:
    chart = LineChart(
        "k", "T", "Hours", "hours", ("ene", "feb", "mar"),
        (LineSeries("A", (20.0, None, 28.0), "A's"), LineSeries("B", (1.0, None, None), "B's")),
        gaps=(1,),
    )  # fmt: skip
    text = "\n".join(mermaid_lines(chart))
    assert 'x-axis ["ene", "mar"]' in text
    assert "line [20, 28]" in text
    assert "B's" not in text  # no value in March: Mermaid cannot draw a gap


def test_an_unbounded_utilization_is_a_gap_not_infinity() -> None:
    """Nobody left in February: utilization 32 h ÷ 0 h is unbounded; the line breaks there."""
    from clientchain.model import Chain, Department, ExternalParty, Organization, Step
    from clientchain.render.line_chart import trend_charts
    from clientchain.trend.result import TrendResult
    from clientchain.trend.series import measure

    def org(people: int) -> Organization:
        return Organization(
            name="Tiny",
            departments={"a": Department("a", "A", headcount=people)},
            clients={"z": ExternalParty("z", "Z", "client")},
            chains={"x": Chain("x", "X", "z", 8.0, (Step("a", 4.0),))},
        )

    points = tuple(
        measure(label, "org.yaml", org(people), ())
        for label, people in (("2026-01", 1), ("2026-02", 0), ("2026-03", 1))
    )
    charts = {c.key: c for c in trend_charts(TrendResult(points, (), "month"), THEMES["light"])}
    # 4 h × 8 a week ÷ 40 h = 80 %; February ∞ → None
    assert charts["trend departments"].series[0].values == (0.8, None, 0.8)
    assert "inf" not in line_chart_svg(charts["trend departments"], THEMES["light"])
