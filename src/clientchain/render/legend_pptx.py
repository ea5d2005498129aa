"""The highlight's colour scale on a slide (:class:`~clientchain.render.scene.Legend`): a
row of filled cells, the scale's title above and its ticks (``0%``, ``50%``, the
near-capacity threshold, ``100%``) under them, then the separate swatches (``unknown``),
as native shapes in the lower right of the diagram's area."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clientchain.render.pptx_shapes import Area, name_shape, rgb, text_box
from clientchain.render.scene import Legend
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.slide import Slide

__all__ = ["LEGEND_HEIGHT", "draw_legend"]

LEGEND_HEIGHT = 40.0
"""Points the legend takes under a diagram: the title, the cells, the ticks."""
_CELL, _TEXT = 9.0, 9.0


def _cell(slide: Slide, left: float, top: float, fill: str, line: str, wide: float = _CELL) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Pt(left), Pt(top), Pt(wide), Pt(_CELL))
    name_shape(shape, "legend cell")  # i18n: shape name, a machine key
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(fill)
    shape.line.color.rgb = rgb(line)
    shape.line.width = Pt(0.25)
    shape.shadow.inherit = False


def draw_legend(slide: Slide, legend: Legend, area: Area, theme: Theme) -> None:
    """``legend`` in the bottom :data:`LEGEND_HEIGHT` points of ``area``, at its right."""
    wide = max(_CELL, 200.0 / max(len(legend.cells), 1))  # a short scale gets wider cells
    swatches = sum(_CELL * 1.5 + 110 for _ in legend.swatches)
    width = max(len(legend.cells) * wide + swatches, 480.0)  # room for a Spanish title
    left = area.left + area.width - width
    top = area.top + area.height - LEGEND_HEIGHT
    title = Area(left - 4, top, width + 8, _TEXT * 1.3)
    text_box(slide, title, legend.title, theme, _TEXT, smallest=6, tight=True, lines=1)
    row = top + _TEXT * 1.4
    for index, fill in enumerate(legend.cells):
        _cell(slide, left + index * wide, row, fill, theme.muted, wide)
    for index, label in legend.ticks:
        tick = Area(left + index * wide - 4, row + _CELL, 40, _TEXT * 1.3)
        text_box(slide, tick, label, theme, _TEXT - 1, smallest=6, tight=True, lines=1)
    x = left + len(legend.cells) * wide + _CELL
    for fill, meaning in legend.swatches:
        _cell(slide, x, row, fill, theme.muted)
        text_box(slide, Area(x + _CELL, row - 3, 110, _TEXT * 1.4), meaning, theme, _TEXT - 1,
                 smallest=6, tight=True, lines=1)  # fmt: skip
        x += _CELL * 1.5 + 110
