"""The chart slides of the deck: one slide per chart of
:func:`~clientchain.render.charts.chart_set`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clientchain.render.charts import BarChart, MatrixChart
from clientchain.render.charts_pptx import draw_bar_chart, draw_matrix
from clientchain.render.pptx_shapes import Area, fill_background, text_box
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.presentation import Presentation

__all__ = ["MATRIX_LIMIT", "chart_slides"]

MATRIX_LIMIT = (14, 12)
"""Supplier rows and client columns of the matrix on a slide at most (the report has all)."""
_TITLE = Area(0.4 * 72, 0.25 * 72, 12.5 * 72, 0.6 * 72)
_BODY = Area(0.4 * 72, 1.0 * 72, 12.5 * 72, 6.0 * 72)
_NOTE = Area(0.4 * 72, 7.05 * 72, 12.5 * 72, 0.35 * 72)


def chart_slides(
    deck: Presentation, charts: Sequence[BarChart | MatrixChart], theme: Theme
) -> None:
    """One slide per chart: its title, the chart or table, a note when it leaves some out."""
    for chart in charts:
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        fill_background(slide, theme)
        text_box(slide, _TITLE, chart.title, theme, 26, bold=True)
        if isinstance(chart, BarChart):
            draw_bar_chart(slide, chart, _BODY, theme)
        else:
            draw_matrix(slide, chart, _BODY, theme)
        if chart.note:
            text_box(slide, _NOTE, chart.note, theme, 12)
