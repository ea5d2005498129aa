"""No label over another: read where the engine put every text, and move edge labels that collide.

:func:`text_boxes` reads a ``-Tjson`` layout: every text the engine placed
(node labels, edge labels, floating ``xlabel``\\ s, cluster titles, the graph's
title, caption and legend) as a box, and every node's box. :func:`collisions`
lists the texts that cover another text or a node they do not belong to;
:func:`untangle_labels` repairs a diagram until there are none.

>>> a, b = Box(0, 0, 10, 10), Box(9, 9, 10, 10)
>>> overlaps(a, b), overlaps(a, Box(9.8, 0, 10, 10))
(True, False)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from clientchain.render.dot import to_dot
from clientchain.render.engine import Engine, run_engine
from clientchain.render.layout import POINTS_PER_INCH, Box, pair
from clientchain.render.scene import Diagram, DiagramEdge

__all__ = [
    "UNTANGLE_LIMIT",
    "Collision",
    "TextBox",
    "collisions",
    "label_collisions",
    "overlaps",
    "text_boxes",
    "untangle_labels",
]

UNTANGLE_LIMIT = 100
"""Views with more nodes are drawn as laid out: each repair round is one more layout."""

_ASCENT = 0.8
"""Share of the font size above the baseline (DejaVu Sans: 0.76; a text box is one size high)."""


@dataclass(frozen=True, slots=True)
class TextBox:
    """A piece of text the engine placed: who it belongs to and the box it covers (points,
    y down). ``owner`` is ``node <key>``, ``edge <index>``, ``cluster <name>`` or ``graph``."""

    owner: str
    text: str
    box: Box


@dataclass(frozen=True, slots=True)
class Collision:
    """A text over another text (``other`` a :class:`TextBox`) or over a node (its owner)."""

    text: TextBox
    other: TextBox | str


def text_boxes(document: bytes) -> tuple[list[TextBox], dict[str, Box]]:
    """Every text the engine placed in a ``-Tjson`` layout, and every node's box by owner.

    Text comes from the ``_ldraw_`` (labels, titles), ``_tldraw_``/``_hldraw_`` (edge
    end labels) drawing operations: a ``T`` operation gives the baseline point, the
    alignment and the width; the size is the last ``F`` operation's. Floating labels
    (``xlabel``) are drawn by ``_ldraw_`` as well.
    """
    data: dict[str, Any] = json.loads(document)
    top = float(data["bb"].split(",")[3])
    texts = _texts(data, "graph", top)
    nodes: dict[str, Box] = {}
    for item in data.get("objects", []):
        owner = ("cluster " if "bb" in item else "node ") + str(item["name"])
        texts += _texts(item, owner, top)
        if "pos" in item and "bb" not in item:
            x, y = pair(item["pos"])
            w = float(item["width"]) * POINTS_PER_INCH
            h = float(item["height"]) * POINTS_PER_INCH
            nodes[owner] = Box(x - w / 2, top - y - h / 2, w, h)
    for index, edge in enumerate(data.get("edges", [])):
        texts += _texts(edge, f"edge {index}", top)  # i18n: owner ids, not text
    return texts, nodes


def _texts(item: dict[str, Any], owner: str, top: float) -> list[TextBox]:
    found = []
    for key in ("_ldraw_", "_tldraw_", "_hldraw_"):
        size = 14.0
        for op in item.get(key, []):
            if op["op"] == "F":
                size = float(op["size"])
            elif op["op"] == "T":
                x, y = op["pt"]
                width = float(op["width"])
                left = {"l": x, "c": x - width / 2, "r": x - width}[op["align"]]
                box = Box(left, top - y - _ASCENT * size, width, size)
                found.append(TextBox(owner, op["text"], box))
    return found


def overlaps(first: Box, second: Box, slack: float = 0.5) -> bool:
    """Whether two boxes share more than a ``slack``-point sliver."""
    return (
        first.x + slack < second.x + second.width
        and second.x + slack < first.x + first.width
        and first.y + slack < second.y + second.height
        and second.y + slack < first.y + first.height
    )


def collisions(document: bytes) -> list[Collision]:
    """Every text of a ``-Tjson`` layout over another owner's text or over a node not its own."""
    texts, nodes = text_boxes(document)
    found = []
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            if first.owner != second.owner and overlaps(first.box, second.box):
                found.append(Collision(first, second))
        for owner, box in nodes.items():
            if owner != first.owner and overlaps(first.box, box):
                found.append(Collision(first, owner))
    return found


def label_collisions(document: bytes) -> set[int]:
    """The edges (by index) whose label text is part of a :func:`collisions`."""
    owners = set()
    for collision in collisions(document):
        owners.add(collision.text.owner)
        if isinstance(collision.other, TextBox):
            owners.add(collision.other.owner)
    return {int(owner.split()[1]) for owner in owners if owner.startswith("edge ")}


def untangle_labels(diagram: Diagram, engine: Engine | None = None) -> Diagram:
    """``diagram`` with no edge label over another label or a node, in its engine's layout.

    Graphviz's layered layout places each edge label as a node of its own, but the
    labels of two edges between the same two departments (Finance → Billing and
    Billing → Finance), of edges that leave a cluster, or of edges that do not shape
    the ranks (dashed) can still land on each other or on a box. The edges whose
    labels collide are given floating labels (``xlabel``, placed after the layout
    where they overlap nothing, ``forcelabels=false``); a label that still collides
    or fits nowhere leaves the drawing and is written under the title instead
    (``Finance → Billing: Pricing and invoicing rules · 2/month``). A force-directed
    view has no edge labels; a view of more than :data:`UNTANGLE_LIMIT` nodes is
    left as laid out.
    """
    if diagram.layout != "layered" or len(diagram.nodes) > UNTANGLE_LIMIT:
        return diagram
    for _round in range(3):
        document = run_engine(to_dot(diagram), "json", engine)
        colliding = label_collisions(document) | _dropped(document)
        if not colliding:
            return diagram
        diagram = _repaired(diagram, colliding)
    return diagram


def _dropped(document: bytes) -> set[int]:
    """Floating labels the engine found no place for."""
    edges = json.loads(document).get("edges", [])
    return {i for i, edge in enumerate(edges) if "xlabel" in edge and "xlp" not in edge}


def _repaired(diagram: Diagram, colliding: set[int]) -> Diagram:
    """Colliding labels float; a floating label that still collides moves to the caption."""
    names = {node.key: node.lines[0].replace("\n", " ") for node in diagram.nodes}
    edges: list[DiagramEdge] = []
    moved: list[str] = []
    for index, edge in enumerate(diagram.edges):
        if index not in colliding or not edge.lines:
            edges.append(edge)
        elif not edge.floating:
            edges.append(replace(edge, floating=True))
        else:
            label = " · ".join(line.replace("\n", " ") for line in edge.lines)
            source, target = names[edge.source_key], names[edge.target_key]
            moved.append(f"{source} → {target}: {label}")  # i18n: names and labels as drawn
            edges.append(replace(edge, lines=(), floating=False))
    return replace(diagram, edges=tuple(edges), caption=(*diagram.caption, *moved))
