"""A value-stream map drawn on a slide as native shapes (python-pptx, imported when drawing).

The scene (:func:`~clientchain.render.vsm.build_vsm`) is built for the width of the area
it fills, so it spans the slide from margin to margin; a map too tall for the area at that
width is built narrower, centred. Boxes are rounded rectangles named ``vsm <role> <key>``
(``vsm process n_doctors``, ``vsm data v2_n_doctors``), inventory triangles ``vsm
inventory``, lines straight connectors ``vsm line``, and every text a text box of its own
without margins or wrapping (``vsm text``), aligned on the edge the scene placed it by.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from clientchain.analysis.flow import FlowReport
from clientchain.model import Organization
from clientchain.render.pptx_shapes import Area, name_shape, rgb, set_text
from clientchain.render.theme import Theme
from clientchain.render.vsm import build_vsm
from clientchain.render.vsm_scene import Line, Rect, Text, Triangle, VsmScene

if TYPE_CHECKING:
    from pptx.slide import Slide

__all__ = ["draw_vsm", "fit_vsm"]


def fit_vsm(
    org: Organization, flow: FlowReport, chain_id: str, theme: Theme, area: Area
) -> VsmScene:
    """The map of ``chain_id`` as wide as ``area`` (narrower when that would be too tall),
    whichever way gives its details the larger type: data rows side by side or stacked,
    names at the theme's size or at 1.15 × the details' (long names widen every column)."""
    best: VsmScene | None = None
    themes = (theme, replace(theme, font_size=min(theme.font_size, theme.small_size * 1.15)))
    for candidate in themes:
        for stacked in (False, True):
            scene = build_vsm(org, flow, chain_id, candidate, width=area.width, stacked=stacked)
            if scene.height > area.height:
                narrower = area.width * area.height / scene.height
                scene = build_vsm(org, flow, chain_id, candidate, width=narrower, stacked=stacked)
            if best is None or scene.theme.small_size > best.theme.small_size + 0.05:
                best = scene
    assert best is not None
    return best


def draw_vsm(slide: Slide, scene: VsmScene, area: Area) -> None:
    """Draw ``scene`` in ``area``: at its top, centred across."""
    left = area.left + (area.width - scene.width) / 2
    origin = (left, area.top)
    for rect in scene.rects:
        _rect(slide, rect, origin)
    for line in scene.lines:
        _line(slide, line, origin)
    for tri in scene.triangles:
        _triangle(slide, tri, origin)
    for text in scene.texts:
        _text(slide, text, origin, scene.theme.font)


def _rect(slide: Slide, rect: Rect, origin: tuple[float, float]) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    x, y = origin
    shape = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Pt(x + rect.x), Pt(y + rect.y), Pt(rect.width), Pt(rect.height)
    )
    name_shape(shape, f"vsm {rect.role} {rect.key}".rstrip())  # i18n: shape name, a machine key
    shape.adjustments[0] = 0.06
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(rect.fill)
    shape.line.color.rgb = rgb(rect.line)
    shape.line.width = Pt(rect.line_width)
    shape.shadow.inherit = False


def _triangle(slide: Slide, tri: Triangle, origin: tuple[float, float]) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    x, y = origin
    shape = slide.shapes.add_shape(
        MSO_SHAPE.ISOSCELES_TRIANGLE, Pt(x + tri.x), Pt(y + tri.y), Pt(tri.width), Pt(tri.height)
    )
    name_shape(shape, "vsm inventory")  # i18n: shape name, a machine key
    shape.fill.solid()
    shape.fill.fore_color.rgb = rgb(tri.fill)
    shape.line.color.rgb = rgb(tri.line)
    shape.shadow.inherit = False


def _line(slide: Slide, line: Line, origin: tuple[float, float]) -> None:
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    x, y = origin
    last = len(line.points) - 2
    for index, (start, end) in enumerate(zip(line.points, line.points[1:], strict=False)):
        connector = slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT,
            Pt(x + start[0]),
            Pt(y + start[1]),
            Pt(x + end[0]),
            Pt(y + end[1]),
        )
        name_shape(connector, "vsm line")  # i18n: shape name, a machine key
        connector.line.color.rgb = rgb(line.colour)
        connector.line.width = Pt(line.width)
        if line.arrow and index == last:
            ln = connector.line._get_or_add_ln()
            ln.append(ln.makeelement(qn("a:tailEnd"), {"type": "triangle"}))


def _text(slide: Slide, text: Text, origin: tuple[float, float], font: str) -> None:
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Pt

    x, y = origin
    box = slide.shapes.add_textbox(Pt(x + text.x), Pt(y + text.y), Pt(text.width), Pt(text.height))
    name_shape(box, "vsm text")  # i18n: shape name, a machine key
    frame = box.text_frame
    frame.word_wrap = False
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, 0)
    set_text(frame, text.text)
    align = {"start": PP_ALIGN.LEFT, "middle": PP_ALIGN.CENTER, "end": PP_ALIGN.RIGHT}
    for paragraph in frame.paragraphs:
        paragraph.alignment = align[text.anchor]
        for run in paragraph.runs:
            run.font.size = Pt(text.size)
            run.font.bold = text.bold
            run.font.name = font
            run.font.color.rgb = rgb(text.colour)
