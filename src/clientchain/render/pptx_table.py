"""A native table on a slide whose rows keep the height planned: every text measured."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from clientchain.controls import visible
from clientchain.render.fit import LINE_HEIGHT, SLACK, measure
from clientchain.render.pptx_shapes import INSET, Area, set_text, sizes_from

if TYPE_CHECKING:
    from pptx.shapes.graphfrm import GraphicFrame
    from pptx.slide import Slide

__all__ = ["add_table"]

_SMALLEST = 12.0
"""The smallest type a table shrinks to so that its first column's texts fit whole."""


def _widths(rows: Sequence[Sequence[str]], bold: Sequence[bool], size: float) -> list[float]:
    """Each column's width for its widest text at ``size`` points, insets included."""
    ruler = measure()
    return [
        max(ruler.width(visible(row[c]), size, bold=bold[r]) for r, row in enumerate(rows)) * SLACK
        + 2 * INSET[0]
        + 2
        for c in range(len(rows[0]))
    ]


def add_table(
    slide: Slide,
    area: Area,
    rows: Sequence[Sequence[str]],
    bold: Sequence[bool],
    slots: int,
    size: float,
) -> GraphicFrame:
    """A table of ``rows`` (the first its header) at the top of ``area``, each row
    ``area.height / slots`` high; rows marked in ``bold`` are bold.

    Every column but the first is as wide as its widest text; the first takes the rest
    and a text too long for it is cut with an ellipsis. The type is ``size`` points, or
    smaller when a row is too low for it, so that no row grows taller than planned, and
    down to :data:`_SMALLEST` points while the first column's texts do not fit whole.
    """
    from pptx.util import Pt

    row_height = area.height / slots
    size = max(6.0, min(size, round((row_height - 2 * INSET[1]) / LINE_HEIGHT - 0.05, 1)))
    for size in sizes_from(size, min(size, _SMALLEST)):  # noqa: B020 — the last one tried stays
        widths = _widths(rows, bold, size)
        if sum(widths) <= area.width:
            break
    widths[0] = max(area.width - sum(widths[1:]), area.width / 5)
    ruler = measure()
    frame = slide.shapes.add_table(
        len(rows), len(widths), Pt(area.left), Pt(area.top), Pt(area.width),
        Pt(row_height * len(rows)),
    )  # fmt: skip
    table = frame.table
    for c, width in enumerate(widths):
        table.columns[c].width = Pt(width)
    room = widths[0] - 2 * INSET[0]
    for r, row in enumerate(rows):
        table.rows[r].height = Pt(row_height)
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            text = visible(value)
            if c == 0:
                text = ruler.ellipsize(text, size, room, bold=bold[r])
            set_text(cell, text)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
                    run.font.bold = bold[r]
    return frame
