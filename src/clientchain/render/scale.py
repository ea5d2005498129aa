"""Large views: what a diagram gives up so that an engine can still lay it out.

Graphviz's layered layout (``dot``, and graphviz-pure's port of it) puts every
node on a rank and threads each edge through one *virtual node* per rank it
crosses; placing those nodes (network simplex) grows about with the square of
their number. Edge labels double the ranks (each label is a node half-way), and
an organization whose chains run through many groups is deep: the 2,000
departments of ``benchmarks/generate.py 2000`` sit on 618 ranks and would add
about 966,000 virtual nodes: neither engine finished in 6–10 minutes.
:func:`layered_size` estimates that number before any engine runs (measured
against ``dot -v``: Graphviz's own count is about twice the estimate, as it adds
one helper node per edge), and :func:`choose_fit` picks the richest drawing
within :data:`LAYERED_BUDGET`:

* ``layered`` — as designed: ranks, group clusters, edge labels;
* ``unlabelled`` — ranks and clusters, edges without labels (half the ranks);
* ``force`` — ``sfdp``, the force-directed layout both engines have, whose time
  grows with nodes and edges only: every node and edge is drawn, the group of a
  department goes into its label instead of a cluster box, edges are unlabelled.

>>> LAYERED_BUDGET
10000
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from clientchain.render.scene import Diagram, DiagramEdge, DiagramNode

__all__ = [
    "LAYERED_BUDGET",
    "Fit",
    "apply_fit",
    "choose_fit",
    "fit_diagram",
    "layered_size",
    "without_clusters",
]

Fit = Literal["layered", "unlabelled", "force"]

LAYERED_BUDGET = 10_000
"""Most nodes + virtual nodes laid out in ranks: about 15 s for either engine on 2 cores.

Measured: the 200-department generated org (206 nodes, 594 labelled edges, an
estimate of 10,160) takes 7–15 s; its 500-department sibling without edge
labels (31,200) did not finish in 120 s.
"""


def layered_size(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge], labels: bool) -> int:
    """Nodes plus the virtual nodes a layered layout would add (an estimate).

    Ranks are longest paths over the edges that shape them (dashed edges do not,
    and an edge closing a cycle is left out as Graphviz turns it round), each
    source pulled next to its nearest client, as Graphviz's ranking would; every
    edge then adds one virtual node per rank it crosses, twice as many with
    ``labels``.

    >>> from clientchain.render.scene import DiagramEdge as E, DiagramNode as N
    >>> nodes = [N(k, k, "department", (k,), "#ffffff", "#000000") for k in "abcd"]
    >>> chain = [E(s, t, s, t, (), "#000000") for s, t in ("ab", "bc", "cd")]
    >>> shortcut = E("a", "d", "a", "d", (), "#000000")
    >>> layered_size(nodes, chain, False), layered_size(nodes, [*chain, shortcut], False)
    (4, 6)
    >>> layered_size(nodes, [*chain, shortcut], True)  # 4 nodes, 3 label nodes, 5 on a→d
    12
    """
    return _size(_ranks(nodes, edges), len(nodes), edges, labels)


def _size(rank: dict[str, int], nodes: int, edges: Sequence[DiagramEdge], labels: bool) -> int:
    factor = 2 if labels else 1
    crossed = (abs(rank[e.target_key] - rank[e.source_key]) for e in edges)
    return nodes + sum(factor * span - 1 for span in crossed if span > 0)


def _ranks(nodes: Sequence[DiagramNode], edges: Sequence[DiagramEdge]) -> dict[str, int]:
    successors: dict[str, list[str]] = {node.key: [] for node in nodes}
    for edge in edges:
        if not edge.dashed:
            successors[edge.source_key].append(edge.target_key)
    forward = _without_cycles(successors)
    indegree = dict.fromkeys(forward, 0)
    for targets in forward.values():
        for target in targets:
            indegree[target] += 1
    sources = [key for key, degree in indegree.items() if degree == 0]
    rank = dict.fromkeys(forward, 0)
    ready = list(sources)
    for key in ready:  # longest paths, in topological order (``ready`` grows)
        for target in forward[key]:
            rank[target] = max(rank[target], rank[key] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    for key in sources:
        if forward[key]:
            rank[key] = min(rank[target] for target in forward[key]) - 1
    return rank


def _without_cycles(successors: dict[str, list[str]]) -> dict[str, list[str]]:
    """The edges but those that close a cycle in a depth-first walk (Graphviz turns them round)."""
    on_path, done = set(), set()
    forward: dict[str, list[str]] = {key: [] for key in successors}
    for root in successors:
        if root in done:
            continue
        on_path.add(root)
        stack = [(root, iter(successors[root]))]
        while stack:
            key, targets = stack[-1]
            for target in targets:
                if target in on_path:
                    continue  # back to an ancestor: closes a cycle
                forward[key].append(target)
                if target not in done:
                    on_path.add(target)
                    stack.append((target, iter(successors[target])))
                    break
            else:
                stack.pop()
                on_path.discard(key)
                done.add(key)
    return forward


def choose_fit(diagram: Diagram, budget: int = LAYERED_BUDGET) -> Fit:
    """The richest drawing of ``diagram`` whose layered size stays within ``budget``."""
    nodes, edges = diagram.nodes, diagram.edges
    if len(nodes) * (1 + 2 * len(edges)) <= budget:
        return "layered"  # no edge can cross more ranks than there are nodes
    rank = _ranks(nodes, edges)
    labelled = any(edge.lines for edge in edges)
    if _size(rank, len(nodes), edges, labelled) <= budget:
        return "layered"
    if labelled and _size(rank, len(nodes), edges, False) <= budget:
        return "unlabelled"
    return "force"


def apply_fit(diagram: Diagram, fit: Fit) -> Diagram:
    """``diagram`` drawn as ``fit`` says (``layered``: unchanged)."""
    if fit == "layered":
        return diagram
    edges = tuple(_unlabelled(edge) for edge in diagram.edges)
    if fit == "unlabelled":
        return replace(diagram, edges=edges)
    return replace(without_clusters(diagram), edges=edges, layout="force")


def fit_diagram(diagram: Diagram, budget: int = LAYERED_BUDGET) -> tuple[Diagram, Fit]:
    """``diagram`` as the richest drawing within ``budget``, and which one that is."""
    fit = choose_fit(diagram, budget)
    return apply_fit(diagram, fit), fit


def without_clusters(diagram: Diagram) -> Diagram:
    """``diagram`` without group boxes, each department's group named on its first detail line."""
    nodes = tuple(_without_cluster(node) for node in diagram.nodes)
    return replace(diagram, nodes=nodes, clusters=())


def _unlabelled(edge: DiagramEdge) -> DiagramEdge:
    if not edge.lines:
        return edge
    return DiagramEdge(  # not dataclasses.replace: ten times faster on 7,000 edges
        edge.source,
        edge.target,
        edge.source_key,
        edge.target_key,
        (),
        edge.colour,
        edge.dashed,
        edge.width,
    )


def _without_cluster(node: DiagramNode) -> DiagramNode:
    """The node outside its cluster box, its cluster named on its first detail line."""
    if node.cluster is None:
        return node
    head, *details = node.lines
    details[:1] = [f"{node.cluster} · {details[0]}" if details else node.cluster]
    return replace(node, lines=(head, *details), cluster=None)
