"""Fit a diagram to a shape (``--aspect``) and keep its labels apart, using the engine's layout.

A diagram's shape is only known once an engine has laid it out, so each step here
lays it out (``-Tjson``) and reads the result: :func:`fit_aspect` picks the
direction and the grouping that draw the view largest in a frame of the target
shape, then spreads it to that shape; :func:`fit_drawing` does that and then
:func:`~clientchain.render.untangle.untangle_labels`, for ``render`` (the same
path the tests measure).
"""

from __future__ import annotations

import math
from dataclasses import replace

from clientchain.render.engine import Engine, choose_engine
from clientchain.render.layout import Layout, lay_out
from clientchain.render.scale import without_clusters
from clientchain.render.scene import Diagram, Direction
from clientchain.render.untangle import untangle_labels

__all__ = ["SLIDE_ASPECT", "fit_aspect", "fit_drawing", "frame_scale"]

SLIDE_ASPECT = 16 / 9
"""The shape of a 16:9 slide, width over height."""
_CLOSE_ENOUGH = 0.05
"""A layout within 5% of the target aspect is taken as it is."""
_TURNED, _UNGROUPED = 0.9, 1.25
"""Margins: the other direction must draw the view 1/0.9 = 11% larger to be chosen; the
best drawing without group boxes must be 25% larger than the best with them (the boxes say
something; the groups are then named in each department's box instead)."""


def frame_scale(layout: Layout, target: float) -> float:
    """How large ``layout`` is drawn in a frame of shape ``target`` and height 1.

    >>> wide, square = Layout(400.0, 100.0, {}, {}, ()), Layout(100.0, 100.0, {}, {}, ())
    >>> frame_scale(wide, 2.0), frame_scale(square, 2.0)  # width-bound, height-bound
    (0.005, 0.01)
    """
    return min(target / max(layout.width, 1.0), 1.0 / max(layout.height, 1.0))


def _directions(diagram: Diagram) -> list[tuple[Diagram, float]]:
    """``diagram`` as it is and turned, with the turn's handicap (a force-directed one: as is)."""
    if diagram.layout != "layered":
        return [(diagram, 1.0)]
    other: Direction = "TB" if diagram.direction == "LR" else "LR"
    return [(diagram, 1.0), (replace(diagram, direction=other), _TURNED)]


def _largest(
    diagram: Diagram, target: float, engine: Engine | None
) -> tuple[Diagram, Layout, float]:
    """The direction of ``diagram`` drawn largest in the frame (with the turn's handicap),
    its layout and its scale (:func:`frame_scale`)."""
    laid = [(d, lay_out(d, engine), handicap) for d, handicap in _directions(diagram)]
    best, layout, _handicap = max(laid, key=lambda c: frame_scale(c[1], target) * c[2])
    return best, layout, frame_scale(layout, target)


def fit_aspect(
    diagram: Diagram, target: float = SLIDE_ASPECT, engine: Engine | None = None
) -> tuple[Diagram, Layout]:
    """``diagram`` turned, grouped and spread so that its layout lands near ``target``.

    A layered diagram is laid out left to right and top to bottom, with its group
    boxes and without them (each department's group then opens its detail line), and
    the drawing that is largest in a frame of the target's shape is kept (a whole
    organization with long chains is 4:1 left to right, about 1:1 top to bottom):
    turning must win by 11% (:data:`_TURNED`), dropping the boxes by 25% over the
    best drawing with them (:data:`_UNGROUPED`). When its shape is still more than 5%
    off, the diagram asks the engine to spread its short side (Graphviz's ``ratio``,
    height over width: ranks or nodes further apart, boxes and text the same size, so
    it is drawn as large as before) until the whole picture, title and legend
    included, has the target's shape. ``target`` is width over height
    (:data:`SLIDE_ASPECT`, ``render --aspect W:H``; the deck's overview: the slide's
    diagram area).

    Returns the diagram to draw and its layout.
    """
    best, layout, scale = _largest(diagram, target, engine)
    if diagram.clusters and diagram.layout == "layered":
        flat, flat_layout, flat_scale = _largest(without_clusters(diagram), target, engine)
        if flat_scale >= _UNGROUPED * scale:
            best, layout = flat, flat_layout
    return _spread(best, layout, target, engine)


def _spread(
    diagram: Diagram, layout: Layout, target: float, engine: Engine | None
) -> tuple[Diagram, Layout]:
    ratio = diagram.ratio
    for _round in range(3):
        if abs(math.log(layout.aspect / target)) <= _CLOSE_ENOUGH:
            break
        ratio = _next_ratio(layout, target, ratio)
        diagram = replace(diagram, ratio=ratio)
        layout = lay_out(diagram, engine)
    return diagram, layout


def _next_ratio(layout: Layout, target: float, ratio: float | None) -> float:
    """The drawing's height over width that gives the whole layout ``target``'s shape.

    First from the measured sizes (the title's height does not stretch), then,
    when a ratio was already asked for, corrected by how far its result still is.
    """
    drawing = max(layout.height - layout.title_height, 1.0)
    if ratio is not None:
        return ratio * layout.aspect / target
    if layout.aspect > target:  # too wide: a taller drawing under the same title
        return max(layout.width / target - layout.title_height, 1.0) / layout.width
    return drawing / (target * layout.height)  # too tall: a wider drawing


def fit_drawing(
    diagram: Diagram, fmt: str, aspect: float | None = None, engine: Engine | None = None
) -> Diagram:
    """``diagram`` as ``render`` writes it in ``fmt``: fitted to ``aspect`` (``None``: as laid
    out), then, for a picture (SVG, PNG, PDF), with its labels apart
    (:func:`~clientchain.render.untangle.untangle_labels`, spread again to ``aspect`` when
    that changed its shape). DOT is fitted but not untangled (it stays the same for any
    engine); Mermaid is left as it is (its renderer lays it out).
    """
    if fmt == "mmd":
        return diagram
    picture = fmt in ("svg", "png", "pdf")
    chosen = choose_engine(fmt, engine) if picture else engine
    if aspect is not None:
        diagram, _layout = fit_aspect(diagram, aspect, chosen)
    if not picture:
        return diagram
    untangled = untangle_labels(diagram, chosen)
    if aspect is not None and untangled is not diagram:
        untangled, _layout = _spread(untangled, lay_out(untangled, chosen), aspect, chosen)
    return untangled
