"""Native PowerPoint shapes for a laid-out diagram (python-pptx, imported when drawing).

Sizes are in points (1/72 in). Each node becomes one auto shape named
``node <key>``, each edge one connector named ``edge <tail> <head>`` glued to
both shapes at the connection sites facing each other, with an arrowhead at the
client's end; edge labels are text boxes named ``label …`` and clusters
rectangles named ``cluster …`` drawn first, behind the nodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from clientchain.controls import visible
from clientchain.render.fit import LINE_HEIGHT, SLACK, measure
from clientchain.render.layout import Box, Layout
from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode, NodeShape
from clientchain.render.theme import Theme

if TYPE_CHECKING:
    from pptx.chart.data import ChartData
    from pptx.dml.color import RGBColor
    from pptx.shapes.autoshape import Shape
    from pptx.shapes.base import BaseShape
    from pptx.slide import Slide

__all__ = [
    "INSET",
    "Area",
    "draw_diagram",
    "fill_background",
    "fill_placeholder",
    "fitted",
    "name_shape",
    "native_chart",
    "rgb",
    "set_notes",
    "set_text",
    "sizes_from",
    "text_box",
]

# Connection sites of the shapes used: 0 top, 1 left, 2 bottom, 3 right.
_TOP, _LEFT, _BOTTOM, _RIGHT = 0, 1, 2, 3
_MIN_FONT, _MAX_FONT = 6.0, 20.0
_NODE_INSET = 2.0
"""A node's text inset on each side, in points."""
INSET = (7.2, 3.6)
"""A text box's insets (left and right, top and bottom), PowerPoint's defaults, in points."""


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


def set_notes(slide: Slide, text: str) -> None:
    """Put ``text`` in the speaker notes of ``slide``."""
    frame = slide.notes_slide.notes_text_frame
    if frame is not None:
        set_text(frame, text)


def name_shape(shape: BaseShape, name: str) -> None:
    """Name ``shape`` (the selection pane's name) after ``name``, made :func:`visible`."""
    shape.name = visible(name)


def native_chart(
    slide: Slide, kind: str, area: Area, data: ChartData, key: str, theme: Theme, size: float
) -> Any:
    """A native chart of ``kind`` (``COLUMN_CLUSTERED``, ``LINE_MARKERS``: an
    ``XL_CHART_TYPE`` name) of ``data`` filling ``area``, named ``chart {key}`` in the
    selection pane, its text in the theme's font at ``size`` points; its chart object."""
    from pptx.enum.chart import XL_CHART_TYPE
    from pptx.util import Pt

    frame: Any = slide.shapes.add_chart(
        getattr(XL_CHART_TYPE, kind), Pt(area.left), Pt(area.top), Pt(area.width),
        Pt(area.height), data,
    )  # fmt: skip
    name_shape(frame, f"chart {key}")  # i18n: shape name, a machine key
    native: Any = frame.chart
    native.font.size = Pt(size)
    native.font.name = theme.font
    return native


def fill_background(slide: Slide, theme: Theme) -> None:
    """Paint the slide's background in the theme's colour."""
    fill = slide.background.fill
    fill.solid()
    fill.fore_color.rgb = _rgb(theme.background)


def sizes_from(largest: float, smallest: float) -> tuple[float, ...]:
    """Type sizes from ``largest`` down to ``smallest`` in steps of 1 pt (both included).

    >>> sizes_from(12, 9), sizes_from(26, 26)
    ((12.0, 11.0, 10.0, 9.0), (26.0,))
    """
    sizes = [float(largest)]
    while sizes[-1] - 1 >= smallest:
        sizes.append(sizes[-1] - 1)
    if sizes[-1] > smallest:
        sizes.append(float(smallest))
    return tuple(sizes)


def fitted(
    text: str,
    width: float,
    height: float,
    sizes: Sequence[float],
    *,
    bold: bool = False,
    lines: int | None = None,
) -> tuple[str, float]:
    """``text`` and the largest of ``sizes`` at which it fits ``width`` × ``height`` points
    in at most ``lines`` lines (any number when ``None``), cut with an ellipsis to the
    lines that fit at the smallest size when it fits at none."""
    ruler = measure()
    for size in sizes:
        wrapped = len(ruler.wrap(text, size, width, bold=bold))
        if wrapped * size * LINE_HEIGHT <= height and (lines is None or wrapped <= lines):
            return text, size
    size = sizes[-1]
    most = max(1, int(height // (size * LINE_HEIGHT)))
    return ruler.ellipsize(text, size, width, min(most, lines or most), bold=bold), size


def text_box(
    slide: Slide,
    area: Area,
    text: str,
    theme: Theme,
    size: float,
    *,
    bold: bool = False,
    smallest: float | None = None,
    tight: bool = False,
    fit: bool = True,
    lines: int | None = None,
) -> Shape:
    """A text box with ``text`` in the theme's font and colour, at ``size`` points or, when
    it would run out of the box, the largest size down to ``smallest`` (``size`` when not
    given) at which it fits, cut with an ellipsis at the smallest size if it still does not.

    ``tight`` leaves no inset above and below the text (left and right keep theirs);
    ``fit=False`` puts the text as it is (a box already measured to hold it); ``lines``
    is the most lines the text may take (a title takes one).
    """
    from pptx.util import Pt

    box = slide.shapes.add_textbox(Pt(area.left), Pt(area.top), Pt(area.width), Pt(area.height))
    frame = box.text_frame
    frame.word_wrap = True
    if tight:
        frame.margin_top = frame.margin_bottom = 0
    room = (area.width - 2 * INSET[0], area.height - (0 if tight else 2 * INSET[1]))
    if fit:
        sizes = sizes_from(size, size if smallest is None else smallest)
        text, size = fitted(visible(text), *room, sizes, bold=bold, lines=lines)
    set_text(frame, text)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.name = theme.font
            run.font.color.rgb = _rgb(theme.text)
    return box


def fill_placeholder(shape: Shape, text: str, sizes: Sequence[float], *, lines: int = 1) -> None:
    """Put ``text`` in a template's placeholder at the largest of ``sizes`` at which it
    takes at most ``lines`` lines of the placeholder (its font and colour are the master's)."""
    from pptx.util import Pt

    frame = shape.text_frame
    frame.word_wrap = True
    width = shape.width / 12700 - 2 * INSET[0]
    height = shape.height / 12700 - 2 * INSET[1]
    text, size = fitted(visible(text), width, height, sizes, lines=lines)
    set_text(frame, text)
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(size)


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
        setattr(frame, side, Pt(_NODE_INSET))
    title, details, font = _node_text(node, area, font)
    set_text(frame, "\n".join((title, *details)))
    title_lines = title.count("\n") + 1
    for index, paragraph in enumerate(frame.paragraphs):
        for run in paragraph.runs:
            run.font.size = Pt(font if index < title_lines else font * 0.75)
            run.font.bold = index < title_lines
            run.font.name = theme.font
            run.font.color.rgb = _rgb(theme.text)
    return shape


def _text_room(shape: NodeShape, area: Area) -> tuple[float, float]:
    """The width and height a node's text has: the shape's own text rectangle (the
    geometry's, as PowerPoint defines it) less the insets."""
    small = min(area.width, area.height)
    if shape == "client":  # flowchartTerminator: l 1018/21600 of the width, t 3163/21600
        width, height = area.width * (1 - 2 * 1018 / 21600), area.height * (1 - 2 * 3163 / 21600)
    elif shape == "supplier":  # homePlate: the point takes a quarter of the smaller side
        width, height = area.width - small / 4, area.height
    else:  # roundRect: the corner's inset, 0.29289 × 16.667 % of the smaller side each
        width, height = area.width - small * 0.0977, area.height - small * 0.0977
    return width - 2 * _NODE_INSET, height - 2 * _NODE_INSET


def _node_text(node: DiagramNode, area: Area, font: float) -> tuple[str, tuple[str, ...], float]:
    """The title, detail lines and title size that fit the node's box: the largest size
    down to :data:`_MIN_FONT` (details at ¾ of it); then the title alone; then the title
    cut with an ellipsis. The speaker notes carry every number left out."""
    if not node.lines:
        return "", (), font
    ruler = measure()
    width, height = _text_room(node.shape, area)
    title, details = visible(node.lines[0]), tuple(visible(line) for line in node.lines[1:])
    sizes = sizes_from(font, min(font, _MIN_FONT))

    def needed(size: float, shown: tuple[str, ...]) -> float:
        body = sum(ruler.height(line, size * 0.75, width) for line in shown)
        return ruler.height(title, size, width, bold=True) + body

    for shown in (details, ()):
        for size in sizes:
            if needed(size, shown) <= height:
                return title, shown, size
    size = sizes[-1]
    lines = max(1, int(height // (size * LINE_HEIGHT)))
    flat = title.replace("\n", " ")
    return ruler.ellipsize(flat, size, width, lines, bold=True), (), size


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
    width = max(measure().width(line, size) for line in lines) * SLACK + 6
    height = len(lines) * size * 1.25 + 4
    area = Area(centre[0] - width / 2, centre[1] - height / 2, width, height)
    box = text_box(slide, area, text, theme, size, fit=False)
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
