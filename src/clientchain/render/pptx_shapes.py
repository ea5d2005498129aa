"""Native PowerPoint shapes for a laid-out diagram (python-pptx, imported when drawing).

Sizes are in points (1/72 in). Each node becomes one auto shape named
``node <key>``, each edge one connector named ``edge <tail> <head>`` glued to
both shapes at the connection sites facing each other, with an arrowhead at the
client's end; edge labels are text boxes named ``label …`` and clusters
rectangles named ``cluster …`` drawn first, behind the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from clientchain.controls import visible
from clientchain.render.layout import Box, Layout
from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode, NodeShape
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.dml.color import RGBColor
    from pptx.shapes.autoshape import Shape
    from pptx.shapes.base import BaseShape
    from pptx.slide import Slide

__all__ = [
    "Area",
    "draw_diagram",
    "fill_background",
    "name_shape",
    "rgb",
    "set_text",
    "text_box",
]

# Connection sites of the shapes used: 0 top, 1 left, 2 bottom, 3 right.
_TOP, _LEFT, _BOTTOM, _RIGHT = 0, 1, 2, 3
_MIN_FONT, _MAX_FONT = 6.0, 20.0


@dataclass(frozen=True, slots=True)
class Area:
    """A rectangle on the slide, in points."""

    left: float
    top: float
    width: float
    height: float


def rgb(colour: str) -> RGBColor:
    """A ``#rrggbb`` colour as python-pptx's."""
    return _rgb(colour)


def _rgb(colour: str) -> RGBColor:
    from pptx.dml.color import RGBColor

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return RGBColor(red, green, blue)  # type: ignore[no-untyped-call]


class _HasText(Protocol):
    text: str


def set_text(target: _HasText, text: str) -> None:
    r"""Put ``text`` on a text frame, table cell or notes frame, its control characters
    shown visibly (``\x1b``), as a terminal shows them.

    Every text of the deck is set here: XML cannot carry most control characters, and
    python-pptx would write the rest as ``_x001B_``.
    """
    target.text = visible(text)


def name_shape(shape: BaseShape, name: str) -> None:
    """Name ``shape`` (the selection pane's name) after ``name``, made :func:`visible`."""
    shape.name = visible(name)


def fill_background(slide: Slide, theme: Theme) -> None:
    """Paint the slide's background in the theme's colour."""
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(theme.background)


def text_box(
    slide: Slide, area: Area, text: str, theme: Theme, size: float, *, bold: bool = False
) -> Shape:
    """A text box with ``text`` in the theme's font and colour."""
    from pptx.util import Pt

    box = slide.shapes.add_textbox(Pt(area.left), Pt(area.top), Pt(area.width), Pt(area.height))
    frame = box.text_frame
    frame.word_wrap = True
    set_text(frame, text)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = theme.font
            run.font.color.rgb = _rgb(theme.text)
    return box


class _Placement:
    """Maps layout points into the slide area, keeping the aspect ratio, centred."""

    def __init__(self, layout: Layout, area: Area) -> None:
        width, height = max(layout.width, 1.0), max(layout.height, 1.0)
        self.scale = min(area.width / width, area.height / height)
        self.left = area.left + (area.width - width * self.scale) / 2
        self.top = area.top + (area.height - height * self.scale) / 2

    def box(self, box: Box) -> Area:
        s = self.scale
        return Area(self.left + box.x * s, self.top + box.y * s, box.width * s, box.height * s)


def draw_diagram(slide: Slide, diagram: Diagram, layout: Layout, area: Area) -> None:
    """Draw ``diagram`` at the positions of ``layout`` inside ``area``."""
    place = _Placement(layout, area)
    theme = diagram.theme
    font = min(_MAX_FONT, max(_MIN_FONT, theme.font_size * place.scale))
    for index, name in enumerate(diagram.clusters, start=1):
        box = layout.clusters.get(f"cluster_{index}")
        if box is not None:
            _cluster(slide, place.box(box), name, theme, font * 0.8)
    shapes = {}
    for node in diagram.nodes:
        if node.key in layout.nodes:
            shapes[node.key] = _node(slide, node, place.box(layout.nodes[node.key]), theme, font)
    routes = {(r.tail, r.head): r for r in layout.edges}
    for edge in diagram.edges:
        if edge.source_key in shapes and edge.target_key in shapes:
            _connector(slide, edge, shapes, diagram.direction)
            route = routes.get((edge.source_key, edge.target_key))
            if edge.lines and route is not None and route.label is not None:
                x = place.left + route.label[0] * place.scale
                y = place.top + route.label[1] * place.scale
                _label(slide, (x, y), "\n".join(edge.lines), theme, font * 0.7)


def _shape_type(shape: NodeShape) -> object:
    from pptx.enum.shapes import MSO_SHAPE

    return {
        "department": MSO_SHAPE.ROUNDED_RECTANGLE,
        "client": MSO_SHAPE.FLOWCHART_TERMINATOR,
        "supplier": MSO_SHAPE.PENTAGON,
    }[shape]


def _node(slide: Slide, node: DiagramNode, area: Area, theme: Theme, font: float) -> Shape:
    from pptx.enum.text import MSO_AUTO_SIZE
    from pptx.util import Pt

    shape = slide.shapes.add_shape(
        _shape_type(node.shape),  # type: ignore[arg-type]
        Pt(area.left),
        Pt(area.top),
        Pt(area.width),
        Pt(area.height),
    )
    name_shape(shape, f"node {node.key}")  # i18n: shape name, a machine key
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(node.fill)
    shape.line.color.rgb = _rgb(node.line)
    shape.line.width = Pt(3 if node.emphasis else 1)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE  # the viewer shrinks text that overflows
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, Pt(2))
    set_text(frame, "\n".join(node.lines))
    title_lines = node.lines[0].count("\n") + 1 if node.lines else 0
    for index, paragraph in enumerate(frame.paragraphs):
        for run in paragraph.runs:
            run.font.size = Pt(font if index < title_lines else font * 0.75)
            run.font.bold = index < title_lines
            run.font.name = theme.font
            run.font.color.rgb = _rgb(theme.text)
    return shape


def _sites(source: Shape, target: Shape, direction: str) -> tuple[int, int]:
    """The connection sites of ``source`` and ``target`` that face each other.

    Along the flow (down for TB, right for LR) when the target lies beyond the
    source's edge in that direction, else across it.
    """
    sx, sy = source.left + source.width / 2, source.top + source.height / 2
    tx, ty = target.left + target.width / 2, target.top + target.height / 2
    if direction == "TB" and abs(ty - sy) > (source.height + target.height) / 2:
        return (_BOTTOM, _TOP) if ty > sy else (_TOP, _BOTTOM)
    if direction == "LR" and abs(tx - sx) > (source.width + target.width) / 2:
        return (_RIGHT, _LEFT) if tx > sx else (_LEFT, _RIGHT)
    if abs(tx - sx) >= abs(ty - sy):
        return (_RIGHT, _LEFT) if tx >= sx else (_LEFT, _RIGHT)
    return (_BOTTOM, _TOP) if ty >= sy else (_TOP, _BOTTOM)


def _connector(slide: Slide, edge: DiagramEdge, shapes: dict[str, Shape], direction: str) -> None:
    from pptx.enum.dml import MSO_LINE
    from pptx.enum.shapes import MSO_CONNECTOR
    from pptx.oxml.ns import qn
    from pptx.util import Pt

    tail, head = edge.source_key, edge.target_key
    source, target = shapes[tail], shapes[head]
    connector = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, Pt(0), Pt(0), Pt(0), Pt(0))
    begin, end = _sites(source, target, direction)
    connector.begin_connect(source, begin)  # type: ignore[no-untyped-call]
    connector.end_connect(target, end)  # type: ignore[no-untyped-call]
    name_shape(connector, f"edge {tail} {head}")  # i18n: shape name, a machine key
    connector.line.color.rgb = _rgb(edge.colour)
    connector.line.width = Pt(1.25)
    if edge.dashed:
        connector.line.dash_style = MSO_LINE.DASH
    line = connector.line._get_or_add_ln()
    line.append(line.makeelement(qn("a:tailEnd"), {"type": "triangle"}))


def _label(slide: Slide, centre: tuple[float, float], text: str, theme: Theme, size: float) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    lines = visible(text).split("\n")  # as drawn, escapes and all
    width = max(len(line) for line in lines) * size * 0.6 + 6
    height = len(lines) * size * 1.25 + 4
    area = Area(centre[0] - width / 2, centre[1] - height / 2, width, height)
    box = text_box(slide, area, text, theme, size)
    name_shape(box, f"label {text.splitlines()[0][:40]}")  # i18n: shape name, a machine key
    frame = box.text_frame
    frame.word_wrap = False
    for side in ("margin_left", "margin_right", "margin_top", "margin_bottom"):
        setattr(frame, side, Pt(0))
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.CENTER
        for run in paragraph.runs:
            run.font.color.rgb = _rgb(theme.muted)


def _cluster(slide: Slide, area: Area, name: str, theme: Theme, size: float) -> None:
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    shape = slide.shapes.add_shape(
        MSO_SHAPE.ROUNDED_RECTANGLE, Pt(area.left), Pt(area.top), Pt(area.width), Pt(area.height)
    )
    name_shape(shape, f"cluster {name[:40]}")  # i18n: shape name, a machine key
    shape.adjustments[0] = 0.04
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(theme.cluster_fill)
    shape.line.color.rgb = _rgb(theme.cluster_line)
    frame = shape.text_frame
    set_text(frame, name)
    frame.vertical_anchor = MSO_ANCHOR.TOP
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = True
            run.font.name = theme.font
            run.font.color.rgb = _rgb(theme.muted)
