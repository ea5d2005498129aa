"""The simulated lead-time distributions (:mod:`~clientchain.render.distribution_chart`) as
deck slides: one slide per chain with the sentence to say, a native column chart (one
column per bin, categories the bins' ranges: right click → Edit Data in PowerPoint) and
the percentiles stated under it.

A column chart has a category axis, not an hours scale, so the percentiles are written
rather than drawn as vertical lines; the bin that holds each of them is filled in its
colour, so the eye finds P50, P85 and P95 on the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from clientchain.controls import visible
from clientchain.render.distribution_chart import DistributionChart
from clientchain.render.pptx_shapes import Area, name_shape, native_chart, rgb, set_text, text_box
from clientchain.render.pptx_template import Frame, content_slide
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.slide import Slide

__all__ = ["distribution_slides", "draw_distribution"]

_INCH = 72.0
_MARGIN = 0.4 * _INCH


def _holding(chart: DistributionChart, hours: float) -> int:
    """The index of the bar whose range holds ``hours`` (the last, open one beyond)."""
    for index in range(len(chart.edges) - 1):
        if chart.edges[index] <= hours < chart.edges[index + 1]:
            return index
    return len(chart.counts) - 1


def draw_distribution(slide: Slide, chart: DistributionChart, area: Area, theme: Theme) -> Any:
    """A column chart of ``chart``'s bins in ``area``; the bins holding the percentiles
    filled in the markers' colours."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_LABEL_POSITION

    data: Any = CategoryChartData(number_format="0")  # type: ignore[no-untyped-call]  # i18n: Excel format
    data.categories = [visible(label) for label in chart.labels]
    data.add_series(visible(chart.series), list(chart.counts))
    size = 12 if len(chart.counts) <= 12 else 10
    native = native_chart(slide, "COLUMN_CLUSTERED", area, data, chart.key, theme, size)
    native.has_legend = False
    native.has_title = False  # the slide's title says it
    bars = native.plots[0]
    bars.gap_width = 8
    bars.has_data_labels = True
    bars.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = bars.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = rgb(chart.fill)
    series.format.line.color.rgb = rgb(chart.line)
    for marker in chart.markers:
        point = series.points[_holding(chart, marker.hours)]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb(marker.colour)
    axis = native.value_axis
    axis.minimum_scale = 0
    axis.has_title = True
    set_text(axis.axis_title.text_frame, chart.axis)
    return native


def distribution_slides(frame: Frame, charts: Sequence[DistributionChart], theme: Theme) -> None:
    """One slide per chart: title, the sentence, the chart, the percentiles and the note."""
    for chart in charts:
        slide, top = content_slide(frame, theme, chart.title)
        width = frame.width - 2 * _MARGIN
        sentence = Area(_MARGIN, top + 0.1 * _INCH, width, 0.5 * _INCH)
        text_box(slide, sentence, chart.sentence, theme, 20, bold=True, smallest=12, tight=True)
        note = Area(_MARGIN, frame.height - 0.75 * _INCH, width, 0.65 * _INCH)
        stated = Area(_MARGIN, note.top - 0.45 * _INCH, width, 0.4 * _INCH)
        each = stated.width / max(len(chart.markers), 1)
        for index, marker in enumerate(chart.markers):  # in the colour of its bin
            at = Area(stated.left + index * each, stated.top, each, stated.height)
            said = f"{marker.name}  {marker.text}"
            coloured = replace(theme, text=marker.colour)
            box = text_box(slide, at, said, coloured, 16, bold=True, smallest=10, tight=True)
            name_shape(box, f"percentile {marker.name}")  # i18n: shape name, a machine key
        text_box(slide, note, chart.note, theme, 12, smallest=8, tight=True)
        body_top = sentence.top + sentence.height + 0.1 * _INCH
        body = Area(_MARGIN, body_top, width, stated.top - body_top - 0.1 * _INCH)
        draw_distribution(slide, chart, body, theme)
