"""The charts (:mod:`clientchain.render.charts`) as native PowerPoint charts and tables.

A bar chart is a clustered column chart whose bars are its first series (each bar
filled on its own) and whose reference lines (100 %, near capacity, takt) are line
series drawn over the same axes: a combo chart PowerPoint edits like any other
(right click → Edit Data). python-pptx writes one plot per chart, so the line series
are moved into a ``<c:lineChart>`` sharing the bars' axes. The matrix is a native
table whose cells are filled by their band (a chart type cannot draw a heat map).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from clientchain.controls import visible
from clientchain.render.charts import BarChart, MatrixChart
from clientchain.render.pptx_shapes import (
    Area,
    fitted,
    name_shape,
    native_chart,
    rgb,
    set_text,
    sizes_from,
    text_box,
)
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.slide import Slide

__all__ = ["draw_bar_chart", "draw_matrix"]

_FORMATS = {"percent": "0%", "hours": "0.0#"}  # i18n: Excel number formats
_LINE_WIDTH = 2.25
_MIN_FONT, _MARGIN = 6.0, 2.0
_CHAR, _LINE = 0.6, 1.2
"""The average width of a character and the height of a line, in ems (bold: × 1.15)."""


def draw_bar_chart(slide: Slide, chart: BarChart, area: Area, theme: Theme) -> Any:
    """A column chart of ``chart``'s bars with its lines as line series, in ``area``."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_LABEL_POSITION, XL_LEGEND_POSITION
    from pptx.util import Pt

    data: Any = CategoryChartData(number_format=_FORMATS[chart.unit])  # type: ignore[no-untyped-call]
    # chart data is XML and a workbook, not a text frame: control characters shown visibly
    data.categories = [visible(bar.label) for bar in chart.bars]
    data.add_series(visible(chart.series), [bar.value for bar in chart.bars])
    for line in chart.lines:
        data.add_series(visible(line.name), [line.value] * len(chart.bars))
    size = 12 if len(chart.bars) <= 12 else 9
    native = native_chart(slide, "COLUMN_CLUSTERED", area, data, chart.key, theme, size)
    _lines_over_bars(native, len(chart.lines))
    native.has_legend = True
    native.legend.position = XL_LEGEND_POSITION.BOTTOM
    native.legend.include_in_layout = False
    bars = native.plots[0]
    bars.gap_width = 60
    bars.has_data_labels = True
    labels = bars.data_labels
    labels.number_format, labels.number_format_is_linked = _FORMATS[chart.unit], False
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    series = bars.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = rgb(theme.department_line)
    for index, bar in enumerate(chart.bars):
        point = series.points[index]
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = rgb(bar.fill)
        point.format.line.color.rgb = rgb(theme.department_line)
    if len(native.plots) > 1:
        for line, drawn in zip(chart.lines, native.plots[1].series, strict=True):
            drawn.format.line.color.rgb = rgb(line.colour)
            drawn.format.line.width = Pt(_LINE_WIDTH)
            drawn.smooth = False
    axis = native.value_axis
    axis.minimum_scale = 0
    axis.tick_labels.number_format = _FORMATS[chart.unit]
    axis.tick_labels.number_format_is_linked = False
    axis.has_title = True
    set_text(axis.axis_title.text_frame, chart.axis)
    return native


def _lines_over_bars(chart: Any, lines: int) -> None:
    """Move the last ``lines`` series of the column chart into a line chart on its axes."""
    if not lines:
        return
    from pptx.oxml.ns import qn

    bar_chart = chart._chartSpace.chart.plotArea.find(qn("c:barChart"))

    def element(tag: str, value: str | None = None) -> Any:
        return bar_chart.makeelement(qn(tag), {} if value is None else {"val": value})

    line_chart = element("c:lineChart")
    line_chart.extend([element("c:grouping", "standard"), element("c:varyColors", "0")])
    for series in bar_chart.findall(qn("c:ser"))[-lines:]:
        invert = series.find(qn("c:invertIfNegative"))
        if invert is not None:
            series.remove(invert)
        marker = element("c:marker")
        marker.append(element("c:symbol", "none"))
        series.find(qn("c:tx")).addnext(marker)
        series.append(element("c:smooth", "0"))
        line_chart.append(series)
    line_chart.append(element("c:marker", "1"))
    line_chart.extend(
        element("c:axId", axis.get("val")) for axis in bar_chart.findall(qn("c:axId"))
    )
    bar_chart.addnext(line_chart)


@dataclass(frozen=True, slots=True)
class _Sizes:
    """Column widths, row heights and type sizes of the matrix table, in points."""

    first: float
    width: float
    header_height: float
    row_height: float
    header_font: float
    body_font: float
    name_font: float


def _clamp(low: float, high: float, *values: float) -> float:
    return max(low, min(high, *values))


def _sizes(matrix: MatrixChart, area: Area) -> _Sizes:
    """Sizes at which every cell's text fits one line (names two, headers three), so that
    no viewer grows a row past ``area``."""
    columns = max(len(matrix.columns), 1)
    first = min(area.width * 0.22, area.width / (columns + 1) * 2)
    width = (area.width - first) / columns
    longest = max((len(word) for name in matrix.columns for word in name.split()), default=1)
    header_font = _clamp(_MIN_FONT, 12, (width - 2 * _MARGIN) / (longest * _CHAR * 1.15))
    header_height = 3 * header_font * _LINE + 2 * _MARGIN
    row_height = (area.height - header_height) / max(len(matrix.rows), 1)
    texts = [cell.text for line in matrix.cells for cell in line if cell is not None]
    chars = max((len(text) for text in texts), default=1)
    room = row_height - _MARGIN
    body_font = _clamp(_MIN_FONT, 14, (width - 2 * _MARGIN) / (chars * _CHAR), room / _LINE)
    name_font = _clamp(_MIN_FONT, body_font, room / (2 * _LINE))
    return _Sizes(first, width, header_height, row_height, header_font, body_font, name_font)


def draw_matrix(slide: Slide, matrix: MatrixChart, area: Area, theme: Theme) -> None:
    """The matrix as a native table in ``area``: names in the first row and column,
    each handoff's cell filled by its band; the legend under it."""
    from pptx.util import Pt

    legend_height = 0.45 * 72
    table_area = replace(area, height=area.height - legend_height - 6)
    sizes = _sizes(matrix, table_area)
    rows, columns = len(matrix.rows) + 1, len(matrix.columns) + 1
    height = sizes.header_height + sizes.row_height * (rows - 1)
    frame = slide.shapes.add_table(
        rows, columns, Pt(area.left), Pt(area.top), Pt(area.width), Pt(height)
    )
    name_shape(frame, f"table {matrix.key}")  # i18n: shape name, a machine key
    table = frame.table
    table.columns[0].width = Pt(sizes.first)
    for c in range(1, columns):
        table.columns[c].width = Pt(sizes.width)
    texts = [[matrix.corner, *matrix.columns]]
    texts += [
        [name, *(cell.text if cell else "" for cell in line)]
        for name, line in zip(matrix.rows, matrix.cells, strict=True)
    ]
    for r, line in enumerate(texts):
        height = sizes.row_height if r else sizes.header_height
        table.rows[r].height = Pt(height)
        for c, text in enumerate(line):
            found = matrix.cells[r - 1][c - 1] if r and c else None
            fill = None if not (r and c) else found.fill if found else theme.background
            font = sizes.header_font if r == 0 else sizes.name_font if c == 0 else sizes.body_font
            # measured with the deck's font metrics: shrunk, then cut with "…", to fit its cell
            room = ((sizes.width if c else sizes.first) - 2 * _MARGIN, height - 2 * _MARGIN)
            most = 3 if r == 0 else 2 if c == 0 else 1
            sized = fitted(
                visible(text), *room, sizes_from(font, _MIN_FONT), bold=fill is None, lines=most
            )
            _cell(table.cell(r, c), *sized, fill, theme)
    legend = Area(area.left, area.top + area.height - legend_height, area.width, legend_height)
    _legend(slide, matrix, legend, theme)


def _cell(cell: Any, text: str, size: float, fill: str | None, theme: Theme) -> None:
    """One cell: ``text`` at ``size`` (bold in the header and names), filled when ``fill``."""
    from pptx.util import Pt

    set_text(cell, text)
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(cell, side, Pt(_MARGIN))
    if fill is not None:
        cell.fill.solid()
        cell.fill.fore_color.rgb = rgb(fill)
    for paragraph in cell.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = fill is None
            run.font.name = theme.font
            if fill is not None:
                run.font.color.rgb = rgb(theme.text)


def _legend(slide: Slide, matrix: MatrixChart, area: Area, theme: Theme) -> None:
    """One filled square and its text per band, side by side across ``area``."""
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    width = area.width / len(matrix.legend)
    square = 10.0
    for index, (text, fill) in enumerate(matrix.legend):
        left = area.left + index * width
        shape = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, Pt(left), Pt(area.top + 6), Pt(square), Pt(square)
        )
        name_shape(shape, f"legend {index}")  # i18n: shape name, a machine key
        shape.fill.solid()
        shape.fill.fore_color.rgb = rgb(fill)
        shape.line.color.rgb = rgb(theme.muted)
        box = text_box(
            slide,
            Area(left + square + 4, area.top, width - square - 8, area.height),
            text,
            theme,
            9,
        )
        box.text_frame.margin_top = 0
