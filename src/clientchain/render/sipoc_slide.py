"""A department's SIPOC on a slide (``slides --sipoc DEPT``): five columns — Suppliers,
Inputs, Process, Outputs, Customers — as a native table, each part's lines in its cell,
measured with the deck's font metrics and set at the largest size from 14 pt down to 8 pt
at which every cell fits (cut with "…" at 8 pt when one still does not)."""

from __future__ import annotations

from collections.abc import Sequence

from clientchain.controls import visible
from clientchain.i18n import _
from clientchain.render.fit import LINE_HEIGHT, measure
from clientchain.render.pptx_shapes import (
    INSET,
    Area,
    fitted,
    name_shape,
    rgb,
    set_text,
    sizes_from,
)
from clientchain.render.pptx_template import Frame, content_slide
from clientchain.render.theme import Theme

__all__ = ["sipoc_slide"]

_INCH = 72.0
_MARGIN = 0.4 * _INCH
_SIZES = (14.0, 8.0)
_HEADER = 16.0


def _size(cells: Sequence[str], width: float, height: float) -> float:
    """The largest size of :data:`_SIZES` at which every cell fits ``width`` × ``height``."""
    sizes = sizes_from(*_SIZES)
    for size in sizes:
        if all(fitted(cell, width, height, (size,))[0] == cell for cell in cells):
            return size
    return sizes[-1]


def sipoc_slide(
    frame: Frame,
    theme: Theme,
    name: str,
    headers: Sequence[str],
    columns: Sequence[Sequence[str]],
) -> None:
    """One slide titled "SIPOC: ``name``" with the five ``columns`` under ``headers``."""
    from pptx.util import Pt

    # TRANSLATORS: the title of a department's SIPOC slide, "SIPOC: Creatividad"
    slide, top = content_slide(frame, theme, _("SIPOC: {name}").format(name=name))
    width = frame.width - 2 * _MARGIN
    area = Area(_MARGIN, top + 0.2 * _INCH, width, frame.height - top - 0.6 * _INCH)
    header_height = _HEADER * 1.2 + 2 * INSET[1] + 4
    body_height = area.height - header_height
    column = width / len(headers)
    room = (column - 2 * INSET[0], body_height - 2 * INSET[1])
    # a blank line between a part's items: measured like any other line
    cells = ["\n\n".join(visible(line) for line in lines) or _("none") for lines in columns]
    size = _size(cells, *room)
    ruler = measure()
    needed = max(len(ruler.wrap(cell, size, room[0])) for cell in cells) * size * LINE_HEIGHT
    body_height = min(body_height, needed + 2 * INSET[1] + size)
    shape = slide.shapes.add_table(
        2, len(headers), Pt(area.left), Pt(area.top), Pt(width), Pt(header_height + body_height)
    )
    name_shape(shape, "sipoc table")  # i18n: shape name, a machine key
    table = shape.table
    for c in range(len(headers)):
        table.columns[c].width = Pt(column)
    table.rows[0].height = Pt(header_height)
    table.rows[1].height = Pt(body_height)
    for c, (header, text) in enumerate(zip(headers, cells, strict=True)):
        fitted_text, _fitted_size = fitted(text, *room, (size,))
        for r, value, points, bold in ((0, header, _HEADER, True), (1, fitted_text, size, False)):
            cell = table.cell(r, c)
            set_text(cell, value)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(points)
                    run.font.bold = bold
                    run.font.name = theme.font
                    if r:
                        run.font.color.rgb = rgb(theme.text)
