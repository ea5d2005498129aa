"""A value-stream map (:class:`~clientchain.render.vsm_scene.VsmScene`) written as SVG or DOT.

**SVG** is written directly: one element per shape, in points (``1pt`` = one user unit),
sorted as the scene holds them, every text escaped with :func:`xml.sax.saxutils.escape`
(its control characters made visible first), the theme's font and colours.

**PNG and PDF** go through the engines (:mod:`~clientchain.render.engine`) as DOT with
every position pinned: ``layout=neato`` and ``pos="x,y!"`` (inches, y up), so both
graphviz-pure and Graphviz's ``dot`` draw the scene where it is, without laying anything
out, and the ``.dot`` draws the same in any Graphviz. Boxes and triangles are nodes with
``fixedsize``; texts are ``plaintext`` nodes as large as their text; lines are edges
between points of size 0.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape, quoteattr

from clientchain.analysis.flow import FlowReport
from clientchain.controls import visible
from clientchain.model import Organization
from clientchain.render.diagrams import Rendered
from clientchain.render.dot import html_text
from clientchain.render.engine import Engine, choose_engine, run_engine
from clientchain.render.theme import Theme
from clientchain.render.vsm import build_vsm
from clientchain.render.vsm_scene import Line, Rect, Text, Triangle, VsmScene

__all__ = ["VSM_FORMATS", "render_vsm", "vsm_dot", "vsm_svg"]


def _n(value: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _svg_rect(rect: Rect) -> str:
    return (  # i18n: SVG
        f'<rect x="{_n(rect.x)}" y="{_n(rect.y)}" width="{_n(rect.width)}" '
        f'height="{_n(rect.height)}" rx="3" fill="{rect.fill}" stroke="{rect.line}" '
        f'stroke-width="{_n(rect.line_width)}" class="{rect.role}"/>'
    )


def _svg_line(line: Line) -> str:
    points = " ".join(f"{_n(x)},{_n(y)}" for x, y in line.points)
    polyline = (  # i18n: SVG
        f'<polyline points="{points}" fill="none" stroke="{line.colour}" '
        f'stroke-width="{_n(line.width)}"/>'
    )
    if not line.arrow:
        return polyline
    head = " ".join(f"{_n(x)},{_n(y)}" for x, y in arrowhead(line))
    return f'{polyline}\n<polygon points="{head}" fill="{line.colour}"/>'  # i18n: SVG


def arrowhead(line: Line, length: float = 7.0) -> tuple[tuple[float, float], ...]:
    """The three corners of the arrowhead at the end of ``line`` (its tip the last point).

    >>> [(round(x, 2), round(y, 2)) for x, y in arrowhead(Line(((0, 0), (10, 0)), "#000000"))]
    [(10.0, 0.0), (3.0, 2.8), (3.0, -2.8)]
    """
    (x0, y0), (x1, y1) = line.points[-2], line.points[-1]
    size = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / size, (y1 - y0) / size
    bx, by = x1 - ux * length, y1 - uy * length
    half = length * 0.4
    return (
        (float(x1), float(y1)),
        (bx - uy * half, by + ux * half),
        (bx + uy * half, by - ux * half),
    )


def _svg_triangle(tri: Triangle) -> str:
    apex = f"{_n(tri.x + tri.width / 2)},{_n(tri.y)}"
    base = f"{_n(tri.x)},{_n(tri.y + tri.height)} {_n(tri.x + tri.width)},{_n(tri.y + tri.height)}"
    return f'<polygon points="{apex} {base}" fill="{tri.fill}" stroke="{tri.line}"/>'  # i18n: SVG


def _svg_text(text: Text, colour: str) -> str:
    weight = ' font-weight="bold"' if text.bold else ""  # i18n: SVG
    fill = "" if text.colour == colour else f' fill="{text.colour}"'  # i18n: SVG
    return (  # i18n: SVG
        f'<text x="{_n(text.x)}" y="{_n(text.baseline)}" font-size="{_n(text.size)}"'
        f"{weight}{fill}>{escape(visible(text.text))}</text>"
    )


def vsm_svg(scene: VsmScene) -> str:
    """The map as a standalone SVG document (points; the theme's background, font, colours)."""
    theme = scene.theme
    width, height = _n(scene.width), _n(scene.height)
    head = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="{height}pt" '
        f'viewBox="0 0 {width} {height}" font-family={quoteattr(theme.font)} '
        f'fill="{theme.text}" role="img">',  # i18n: SVG
        f"<title>{escape(visible(scene.title))}</title>" if scene.title else "",
        f'<rect width="100%" height="100%" fill="{theme.background}"/>',  # i18n: SVG
    ]
    body = [
        *(_svg_rect(r) for r in scene.rects),
        *(_svg_line(line) for line in scene.lines),
        *(_svg_triangle(t) for t in scene.triangles),
        *(_svg_text(t, theme.text) for t in scene.texts),
    ]
    return "\n".join(line for line in (*head, *body, "</svg>") if line) + "\n"


def _pos(x: float, y: float, height: float) -> str:
    """A pinned position in inches, y up (DOT's)."""
    return f'pos="{x / 72:.4f},{(height - y) / 72:.4f}!"'  # i18n: DOT


def _size(width: float, height: float) -> str:
    return f"width={width / 72:.4f}, height={height / 72:.4f}"  # i18n: DOT


def vsm_dot(scene: VsmScene) -> str:
    """The map as DOT whose every node is pinned where the scene has it (see the module)."""
    theme, h = scene.theme, scene.height
    lines = [
        "digraph vsm {",  # i18n: DOT
        f'graph [layout=neato, splines=line, overlap=true, bgcolor="{theme.background}", '
        'pad="0", margin="0"];',  # i18n: DOT
        f'node [fixedsize=true, fontname="{theme.font}", label="", penwidth=1];',  # i18n: DOT
        f'edge [arrowsize=0.6, color="{theme.edge}"];',  # i18n: DOT
        # two invisible corners keep the whole page (its margins) in the drawing
        f"c0 [shape=point, style=invis, {_size(0.1, 0.1)}, {_pos(0, 0, h)}];",  # i18n: DOT
        f"c1 [shape=point, style=invis, {_size(0.1, 0.1)}, "  # i18n: DOT
        f"{_pos(scene.width, scene.height, h)}];",
    ]
    for i, rect in enumerate(scene.rects):
        lines.append(
            f'r{i} [shape=box, style="rounded,filled", fillcolor="{rect.fill}", '  # i18n: DOT
            f'color="{rect.line}", penwidth={rect.line_width}, '
            f"{_size(rect.width, rect.height)}, "
            f"{_pos(rect.x + rect.width / 2, rect.y + rect.height / 2, h)}];"
        )
    for i, tri in enumerate(scene.triangles):
        lines.append(
            f'g{i} [shape=triangle, style=filled, fillcolor="{tri.fill}", '  # i18n: DOT
            f'color="{tri.line}", {_size(tri.width, tri.height)}, '
            f"{_pos(tri.x + tri.width / 2, tri.y + tri.height / 2, h)}];"
        )
    for i, line in enumerate(scene.lines):
        lines += _dot_line(i, line, h)
    for i, text in enumerate(scene.texts):
        face = f"<B>{html_text(text.text)}</B>" if text.bold else html_text(text.text)
        lines.append(
            f"x{i} [shape=plaintext, label=<{face}>, fontsize={text.size:.2f}, "  # i18n: DOT
            f'fontcolor="{text.colour}", {_size(text.width * 1.05, text.height)}, '
            f"{_pos(text.x + text.width / 2, text.y + text.height / 2, h)}];"
        )
    return "\n".join([*lines, "}"]) + "\n"


def _dot_line(index: int, line: Line, height: float) -> list[str]:
    """A polyline as edges between pinned points; the last one has the arrowhead."""
    out = [
        f"l{index}_{k} [shape=point, {_size(0.01, 0.01)}, style=invis, {_pos(x, y, height)}];"
        for k, (x, y) in enumerate(line.points)  # i18n: DOT
    ]
    last = len(line.points) - 2
    for k in range(len(line.points) - 1):
        head = "normal" if line.arrow and k == last else "none"
        out.append(
            f'l{index}_{k} -> l{index}_{k + 1} [arrowhead={head}, color="{line.colour}", '
            f"penwidth={line.width}];"  # i18n: DOT
        )
    return out


VSM_FORMATS = ("svg", "png", "pdf")
"""The formats in which ``--view chain:ID`` is drawn as a value-stream map (DOT and Mermaid
keep the chain's flow diagram: an editable graph)."""


def render_vsm(
    org: Organization,
    flow: FlowReport,
    chain_id: str,
    theme: Theme,
    fmt: str,
    engine: Engine | None = None,
) -> Rendered:
    """The value-stream map of ``chain_id`` as ``svg`` (written here), ``png`` or ``pdf``
    (its pinned DOT through the engine; PDF needs Graphviz's ``dot``)."""
    scene = build_vsm(org, flow, chain_id, theme, title=True)
    boxes = sum(r.role in ("process", "supplier", "client") for r in scene.rects)
    counts = (boxes, boxes - 1, ())
    if fmt == "svg":
        return Rendered(fmt, None, vsm_svg(scene).encode("utf-8"), *counts)
    chosen = choose_engine(fmt, engine)
    return Rendered(fmt, chosen, run_engine(vsm_dot(scene), fmt, chosen), *counts)
