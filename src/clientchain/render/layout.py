"""Positions from a Graphviz ``-Tjson`` layout, in points with y pointing down.

Both engines (graphviz-pure and Graphviz's dot) write the same JSON: ``bb`` of the
graph, ``objects`` (clusters with ``bb``, nodes with ``pos``, ``width`` and
``height`` in inches) and ``edges`` (``tail``/``head`` object indices, ``lp``
the label position). :func:`parse_layout` keeps what the slides need to place
native shapes; it never reads label text (the slides take it from the diagram).

>>> doc = b'{"bb": "0,0,100,50", "objects": [{"_gvid": 0, "name": "n_a", "pos": "20,40",'
>>> doc += b' "width": "0.5", "height": "0.25"}], "edges": []}'
>>> parse_layout(doc).nodes["n_a"]
Box(x=2.0, y=1.0, width=36.0, height=18.0)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, RenderError, run_engine
from clientchain.render.scene import Diagram

__all__ = ["Box", "EdgeRoute", "Layout", "lay_out", "pair", "parse_aspect", "parse_layout"]

_ASPECT = re.compile(r"\s*(\d+(?:\.\d+)?)\s*[:/x]\s*(\d+(?:\.\d+)?)\s*")

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle: top-left corner and size, in points (y down)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        """The middle of the box."""
        return self.x + self.width / 2, self.y + self.height / 2


@dataclass(frozen=True, slots=True)
class EdgeRoute:
    """An edge between two node keys and where its label goes (``None``: no label)."""

    tail: str
    head: str
    label: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Layout:
    """The laid-out graph: its size, node boxes by key, clusters by name, edges in order."""

    width: float
    height: float
    nodes: dict[str, Box]
    clusters: dict[str, Box]
    edges: tuple[EdgeRoute, ...]

    title_height: float = 0.0
    """Height of the graph's label (title, caption, legend) above the drawing, in points."""

    @property
    def aspect(self) -> float:
        """Width over height (1.0 for an empty layout)."""
        return self.width / self.height if self.height > 0 else 1.0


def pair(text: str) -> tuple[float, float]:
    """``"12.5,40"`` → ``(12.5, 40.0)``: a point of the JSON (``pos``, ``lp``)."""
    x, y = text.split(",")[:2]
    return float(x), float(y)


def parse_layout(document: bytes) -> Layout:
    """Read a ``-Tjson`` document (see the module docstring).

    Raises
    ------
    RenderError
        The document is not the JSON an engine writes.
    """
    try:
        data: dict[str, Any] = json.loads(document)
        left, bottom, right, top = (float(v) for v in data["bb"].split(","))
        height = top - bottom

        def flip(x: float, y: float) -> tuple[float, float]:
            return x - left, top - y

        nodes: dict[str, Box] = {}
        clusters: dict[str, Box] = {}
        names: dict[int, str] = {}
        for item in data.get("objects", []):
            names[int(item["_gvid"])] = item["name"]
            if "bb" in item:
                x0, y0, x1, y1 = (float(v) for v in item["bb"].split(","))
                cx, cy = flip(x0, y1)
                clusters[item["name"]] = Box(cx, cy, x1 - x0, y1 - y0)
            elif "pos" in item:
                w = float(item["width"]) * POINTS_PER_INCH
                h = float(item["height"]) * POINTS_PER_INCH
                cx, cy = flip(*pair(item["pos"]))
                nodes[item["name"]] = Box(cx - w / 2, cy - h / 2, w, h)
        edges = tuple(
            EdgeRoute(
                names[int(edge["tail"])],
                names[int(edge["head"])],
                flip(*pair(edge["lp"])) if "lp" in edge else None,
            )
            for edge in data.get("edges", [])
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise RenderError(
            _("the engine's layout could not be read: {error}").format(error=exc)
        ) from exc
    title = float(data.get("lheight", 0) or 0) * POINTS_PER_INCH
    return Layout(right - left, height, nodes, clusters, edges, title)


def parse_aspect(text: str) -> float:
    """``'16:9'`` → 1.777…: width over height (``W:H``, ``W/H`` or ``WxH``).

    >>> round(parse_aspect("16:9"), 3), parse_aspect("4x3") == 4 / 3
    (1.778, True)

    Raises
    ------
    UsageError
        Not two positive numbers.
    """
    found = _ASPECT.fullmatch(text)
    if found is None or float(found[1]) <= 0 or float(found[2]) <= 0:
        raise UsageError(
            _("--aspect expects a width and a height such as 16:9 or 4:3, got {value}").format(
                value=repr(text)
            )
        )
    return float(found[1]) / float(found[2])


def lay_out(diagram: Diagram, engine: Engine | None = None) -> Layout:
    """The engine's layout of ``diagram`` (``-Tjson``)."""
    return parse_layout(run_engine(to_dot(diagram), "json", engine))
