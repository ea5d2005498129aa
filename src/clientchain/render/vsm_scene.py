"""The shapes of a value-stream map (:mod:`clientchain.render.vsm`), in points.

The origin is the top left; y grows downwards. Writers draw ``rects``, then ``lines``,
``triangles`` and ``texts``, so text is always on top.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clientchain.render.textwidth import text_width
from clientchain.render.theme import Theme

__all__ = ["LINE", "Canvas", "Line", "Rect", "Text", "Triangle", "VsmScene"]

LINE = 1.25
"""Line height, in ems of the line's type size."""


@dataclass(frozen=True, slots=True)
class Rect:
    """A box: ``role`` is ``process``, ``data``, ``supplier``, ``client`` or ``totals``."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    line: str
    line_width: float
    role: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class Triangle:
    """An inventory triangle (apex up) whose box is ``x, y, width, height``."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    line: str


@dataclass(frozen=True, slots=True)
class Line:
    """A polyline; ``arrow`` puts an arrowhead at its last point."""

    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 1.0
    arrow: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text whose box is ``x, y, width, height`` (width: the text's own)."""

    x: float
    y: float
    width: float
    height: float
    text: str
    size: float
    colour: str
    bold: bool = False
    role: str = ""
    anchor: str = "start"
    """Where ``x`` was given: ``start`` (the left edge), ``middle`` or ``end``."""

    @property
    def baseline(self) -> float:
        """The y of the text's baseline (the box is the line's, the glyphs centred in it)."""
        return self.y + self.height / 2 + self.size * 0.35


@dataclass(frozen=True, slots=True)
class VsmScene:
    """The whole map, in points, the origin top left; drawn in the order rects, lines,
    triangles, texts."""

    width: float
    height: float
    theme: Theme
    rects: tuple[Rect, ...] = ()
    lines: tuple[Line, ...] = ()
    triangles: tuple[Triangle, ...] = ()
    texts: tuple[Text, ...] = ()
    title: str = ""


@dataclass(slots=True)
class Canvas:
    """What a layout pass collects."""

    theme: Theme
    big: float
    small: float
    rects: list[Rect] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    triangles: list[Triangle] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, size: float, **style: object) -> Text:
        """Add one line with its left edge at ``x`` (``anchor`` ``middle``/``end`` move it)."""
        bold = bool(style.get("bold", False))
        width = text_width(text, size, bold=bold)
        anchor = style.get("anchor", "start")
        left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
        colour = str(style.get("colour", self.theme.text))
        role = str(style.get("role", ""))
        item = Text(left, y, width, size * LINE, text, size, colour, bold, role, str(anchor))
        self.texts.append(item)
        return item
