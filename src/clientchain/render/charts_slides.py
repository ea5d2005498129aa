"""The chart slides of the deck: one slide per chart of
:func:`~clientchain.render.charts.chart_set`."""

from __future__ import annotations

from collections.abc import Sequence

from clientchain.render.charts import BarChart, MatrixChart
from clientchain.render.charts_pptx import draw_bar_chart, draw_matrix
from clientchain.render.pptx_shapes import Area, text_box
from clientchain.render.pptx_template import Frame, content_slide
from clientchain.render.theme import Theme

__all__ = ["MATRIX_LIMIT", "chart_slides"]

MATRIX_LIMIT = (14, 12)
"""Supplier rows and client columns of the matrix on a slide at most (the report has all)."""
_INCH = 72.0
_MARGIN = 0.4 * _INCH


def chart_slides(frame: Frame, charts: Sequence[BarChart | MatrixChart], theme: Theme) -> None:
    """One slide per chart (on the template's content layout when there is one): its title,
    the chart or table, a note when it leaves some out."""
    for chart in charts:
        slide, top = content_slide(frame, theme, chart.title)
        width = frame.width - 2 * _MARGIN
        note = Area(_MARGIN, frame.height - 0.45 * _INCH, width, 0.35 * _INCH)
        body = Area(_MARGIN, top + 0.2 * _INCH, width, note.top - top - 0.25 * _INCH)
        if isinstance(chart, BarChart):
            draw_bar_chart(slide, chart, body, theme)
        else:
            draw_matrix(slide, chart, body, theme)
        if chart.note:
            text_box(slide, note, chart.note, theme, 12, smallest=8, tight=True)
