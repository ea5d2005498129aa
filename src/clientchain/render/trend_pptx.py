"""The trend in the deck (``slides ORG --trend``): a slide of what changed and the forecast,
then one slide per chart of :func:`~clientchain.render.line_chart.trend_charts`.

Each chart is a native PowerPoint line chart with markers (right click → Edit Data): the
periods are its categories, each series a line; a version that could not be read is an
empty cell, which the chart shows as a gap (``dispBlanksAs gap``), never a zero. Series
differ by dash pattern and marker shape as well as colour (the ``print`` theme is grey);
reference lines (100 %, near capacity) are dashed and dotted series without markers. The value axis
ends where the report's does (:func:`~clientchain.render.line_chart.axis_scale`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientchain.controls import visible
from clientchain.i18n import _
from clientchain.numbers import duration, pct
from clientchain.output.diff import diff_rows
from clientchain.render.line_chart import LineChart, axis_scale, trend_charts
from clientchain.render.pptx_shapes import Area, native_chart, rgb, set_notes, set_text, text_box
from clientchain.render.pptx_template import Frame, content_slide
from clientchain.render.theme import Theme
from clientchain.render.trend_summary import TrendSummary, trend_summary
from clientchain.trend.result import TrendResult

if TYPE_CHECKING:
    from pptx.slide import Slide

__all__ = ["chart_notes", "draw_line_chart", "trend_slide_count", "trend_slides"]

_FORMATS = {"percent": "0%", "hours": "0.0#"}  # i18n: Excel number formats
_TICKS = {"percent": "0%", "hours": "General"}  # i18n: Excel number formats
_INCH = 72.0
_MARGIN = 0.4 * _INCH
_DASHES = ("SOLID", "DASH", "ROUND_DOT", "DASH_DOT", "SQUARE_DOT")  # i18n: python-pptx names
_MARKERS = ("CIRCLE", "SQUARE", "TRIANGLE", "DIAMOND", "X")  # i18n: python-pptx names


def _colours(theme: Theme) -> tuple[str, ...]:
    return (theme.department_line, theme.quality[0], theme.quality[1], theme.edge, theme.accent)


def draw_line_chart(slide: Slide, chart: LineChart, area: Area, theme: Theme) -> Any:
    """A line chart with markers of ``chart``'s series and its reference lines, in ``area``."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_LEGEND_POSITION, XL_MARKER_STYLE
    from pptx.enum.dml import MSO_LINE_DASH_STYLE
    from pptx.util import Pt

    data: Any = CategoryChartData(number_format=_FORMATS[chart.unit])  # type: ignore[no-untyped-call]
    data.categories = [visible(label) for label in chart.categories]
    for series in chart.series:
        data.add_series(visible(series.name), list(series.values))
    for line in chart.lines:
        data.add_series(visible(line.name), [line.value] * len(chart.categories))
    size = 12 if len(chart.categories) <= 16 else 9
    native = native_chart(slide, "LINE_MARKERS", area, data, chart.key, theme, size)
    native.has_title = False  # the slide's title says it
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.BOTTOM
    native.legend.include_in_layout = False
    drawn = list(native.plots[0].series)
    colours = _colours(theme)
    for index, series in enumerate(drawn[: len(chart.series)]):
        colour = colours[index % 5]
        series.smooth = False
        series.format.line.color.rgb = rgb(colour)
        series.format.line.width = Pt(2.5)
        series.format.line.dash_style = getattr(MSO_LINE_DASH_STYLE, _DASHES[index % 5])
        series.marker.style = getattr(XL_MARKER_STYLE, _MARKERS[index % 5])
        series.marker.size = 8
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = rgb(colour)
        series.marker.format.line.color.rgb = rgb(colour)
    for at, (line, series) in enumerate(zip(chart.lines, drawn[len(chart.series) :], strict=True)):
        series.smooth = False
        series.marker.style = XL_MARKER_STYLE.NONE
        series.format.line.color.rgb = rgb(line.colour)
        series.format.line.width = Pt(1.5)
        series.format.line.dash_style = (MSO_LINE_DASH_STYLE.DASH, MSO_LINE_DASH_STYLE.ROUND_DOT)[
            at % 2
        ]
    end, step = axis_scale(chart.top)
    axis = native.value_axis
    axis.minimum_scale, axis.maximum_scale, axis.major_unit = 0, end, step
    axis.tick_labels.number_format = _TICKS[chart.unit]
    axis.tick_labels.number_format_is_linked = False
    axis.has_title = True
    set_text(axis.axis_title.text_frame, chart.axis)
    return native


def _changes_text(summary: TrendSummary) -> str:
    """The slide's text: what changed (attention, the diff's headline, metrics and changes),
    then the forecast (cut with an ellipsis at 10 pt if it still does not fit)."""
    lines = [summary.read]
    if summary.diff is not None:
        rows = diff_rows(summary.diff)
        lines += [f"• {message}" for message in summary.attention]
        lines.append(rows.headline)
        lines += [
            f"• {subject}, {metric}: {before} → {after} ({change})"
            for subject, metric, before, after, change in rows.metrics
        ]
        lines += [
            f"• {entity}: {what.replace(chr(10), '; ')}" for _s, _k, entity, what in rows.changes
        ]
    forecast = [_("Forecast") + ":", *(f"• {m}" for m in summary.forecast)]
    return "\n".join([*lines, "", *forecast])


def trend_slides(frame: Frame, result: TrendResult, theme: Theme) -> None:
    """What changed and the forecast on one slide, then a slide per chart."""
    summary = trend_summary(result)
    title = summary.heading or _("Trend")
    slide, top = content_slide(frame, theme, title)
    width = frame.width - 2 * _MARGIN
    room = frame.height - top - 0.5 * _INCH
    text_box(
        slide,
        Area(_MARGIN, top + 0.2 * _INCH, width, room),
        _changes_text(summary),
        theme,
        18,
        smallest=10,
    )
    for chart in trend_charts(result, theme):
        slide, top = content_slide(frame, theme, chart.title)
        note = Area(_MARGIN, frame.height - 0.45 * _INCH, width, 0.35 * _INCH)
        body = Area(_MARGIN, top + 0.2 * _INCH, width, note.top - top - 0.25 * _INCH)
        draw_line_chart(slide, chart, body, theme)
        if chart.note:
            text_box(slide, note, chart.note, theme, 12, smallest=8, tight=True)
        set_notes(slide, chart_notes(chart))


def chart_notes(chart: LineChart) -> str:
    """The speaker notes of a chart's slide: each series' value per period (``—``: a gap)."""
    lines = [chart.title]
    for series in chart.series:
        values = ", ".join(
            f"{label} {_value(chart, value)}"
            for label, value in zip(chart.categories, series.values, strict=True)
        )
        lines.append(f"{series.name}: {values}")
    return "\n".join([*lines, chart.note] if chart.note else lines)


def _value(chart: LineChart, value: float | None) -> str:
    if value is None:
        return "—"  # i18n: a dash, no value
    return pct(value) if chart.unit == "percent" else duration(value)


def trend_slide_count(result: TrendResult | None, theme: Theme) -> int:
    """The slides :func:`trend_slides` adds (none without a trend)."""
    return 0 if result is None else 1 + len(trend_charts(result, theme))
