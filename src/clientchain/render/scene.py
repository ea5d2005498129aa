"""What a diagram shows, independent of the language it is written in.

A :class:`Diagram` is the output of :mod:`clientchain.render.views`: nodes with
their label lines, colours and cluster, edges with their label lines and style,
a title and a caption. :mod:`~clientchain.render.dot`,
:mod:`~clientchain.render.mermaid` and :mod:`~clientchain.render.pptx` only
write it down; none of them decides what to show or computes a number.

Node keys (:func:`node_key`) are the ids diagrams use: ``n_`` + the id when the id
is plain ASCII letters, digits and ``_``, else ``x_`` + the hex of its UTF-8
bytes. They are stable (the same id gives the same key in every run and every
view), distinct for distinct ids, and safe in DOT, Mermaid, SVG and XML.

>>> node_key("creatividad"), node_key("no"), node_key("Núñez")
('n_creatividad', 'n_no', 'x_4ec3bac3b1657a')

A chain view draws one box per step, so a department the chain visits twice has
two boxes: the first visit keeps the department's key, a later visit ``k`` gets
:func:`step_key` ``v<k>_`` + that key, which no :func:`node_key` can equal (those
start with ``n_`` or ``x_``).

>>> step_key("doctors", 1), step_key("doctors", 2)
('n_doctors', 'v2_n_doctors')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from clientchain.render.theme import Theme

__all__ = [
    "Diagram",
    "DiagramEdge",
    "DiagramNode",
    "Direction",
    "Layout",
    "Legend",
    "NodeShape",
    "node_key",
    "step_key",
]

NodeShape = Literal["department", "client", "supplier"]
Direction = Literal["LR", "TB"]
Layout = Literal["layered", "force"]
"""``layered``: Graphviz's ``dot`` ranks, clusters and edge labels; ``force``: ``sfdp``
(a force-directed map for views too large for ranks, see :mod:`~clientchain.render.scale`)."""

_PLAIN = re.compile(r"[A-Za-z0-9_]+")


def node_key(node_id: str) -> str:
    """The diagram id of ``node_id``: ``n_<id>`` if plain ASCII, else ``x_<utf-8 hex>``."""
    if _PLAIN.fullmatch(node_id):
        return f"n_{node_id}"
    return "x_" + node_id.encode("utf-8").hex()


def step_key(node_id: str, visit: int) -> str:
    """The key of the ``visit``-th box of ``node_id`` in a chain view (1: :func:`node_key`)."""
    key = node_key(node_id)
    return key if visit == 1 else f"v{visit}_{key}"


@dataclass(frozen=True, slots=True)
class DiagramNode:
    """One box of a diagram.

    ``lines[0]`` is the title (the display name), the rest are smaller detail
    lines (kind, utilization, cycle time…). ``emphasis`` draws a thick outline
    in ``line`` (the constraint, an over-takt step, the focus of a view).
    """

    id: str
    key: str
    shape: NodeShape
    lines: tuple[str, ...]
    fill: str
    line: str
    cluster: str | None = None
    emphasis: bool = False


@dataclass(frozen=True, slots=True)
class DiagramEdge:
    """One arrow, supplier → client, with its label lines (deliverable, volume…)."""

    source: str
    target: str
    source_key: str
    target_key: str
    lines: tuple[str, ...]
    colour: str
    dashed: bool = False
    width: float = 1.2
    floating: bool = False
    """The label is placed after the layout (Graphviz ``xlabel``), where it overlaps nothing."""


@dataclass(frozen=True, slots=True)
class Legend:
    """A continuous colour scale drawn beside the title.

    ``cells`` are the scale's colours left to right, in equal steps; ``ticks`` put a
    label under the cell of that index (``0%``, ``50%``, the near-capacity
    threshold, ``100%``); ``swatches`` are separate colours with their meaning
    (``unknown``).
    """

    title: str
    cells: tuple[str, ...]
    ticks: tuple[tuple[int, str], ...]
    swatches: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Diagram:
    """A view of the organization ready to be written as DOT, Mermaid or slides.

    Nodes are grouped by cluster in ``clusters`` order, then nodes without a
    cluster; the order of ``nodes`` and ``edges`` is the order they are written.
    ``warnings`` says when the view is too large to read on a slide (and what it
    gave up to stay drawable); ``layout`` is how an engine should lay it out.
    ``legend`` explains the highlight's colours; ``ratio`` (height over width) asks
    the engine to spread the drawing to that shape (see
    :func:`~clientchain.render.layout.fit_aspect`).
    """

    title: str
    caption: tuple[str, ...]
    direction: Direction
    nodes: tuple[DiagramNode, ...]
    edges: tuple[DiagramEdge, ...]
    clusters: tuple[str, ...]
    theme: Theme
    warnings: tuple[str, ...] = ()
    layout: Layout = "layered"
    legend: Legend | None = None
    ratio: float | None = None

    def in_cluster(self, cluster: str | None) -> tuple[DiagramNode, ...]:
        """The nodes of ``cluster`` (``None``: the nodes outside every cluster)."""
        return tuple(n for n in self.nodes if n.cluster == cluster)
