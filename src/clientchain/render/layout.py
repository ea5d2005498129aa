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
from dataclasses import dataclass
from typing import Any

from clientchain.i18n import _
from clientchain.render.engine import RenderError

__all__ = ["Box", "EdgeRoute", "Layout", "parse_layout"]

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

    @property
    def aspect(self) -> float:
        """Width over height (1.0 for an empty layout)."""
        return self.width / self.height if self.height > 0 else 1.0


def _pair(text: str) -> tuple[float, float]:
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
                cx, cy = flip(*_pair(item["pos"]))
                nodes[item["name"]] = Box(cx - w / 2, cy - h / 2, w, h)
        edges = tuple(
            EdgeRoute(
                names[int(edge["tail"])],
                names[int(edge["head"])],
                flip(*_pair(edge["lp"])) if "lp" in edge else None,
            )
            for edge in data.get("edges", [])
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise RenderError(
            _("the engine's layout could not be read: {error}").format(error=exc)
        ) from exc
    return Layout(right - left, height, nodes, clusters, edges)
