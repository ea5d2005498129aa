"""Work handoffs form a cycle (a rework loop).

Work that goes round a loop (A hands to B, B hands back to A) is usually
rework: the receiving client sends the deliverable back because it was
incomplete or wrong. Each turn costs capacity on every department in the loop
and stretches the lead time. Find out why the work comes back and fix the
upstream handoff (its ``quality`` %C&A tells how often). If the return is only
comments or approval, declare that handoff with ``type: feedback`` or
``type: information``: those carry no work and may form cycles. One finding is
reported per group of departments linked by loops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping, Set

import networkx as nx

from clientchain.analysis.structure import work_components
from clientchain.checks.base import Finding, Severity, describe, finding, join
from clientchain.graph import work_graph
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "work-cycle"
SEVERITY = Severity.WARNING


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per strongly connected component of the work graph with a cycle.

    The message lists the shortest cycle through the component's first member
    (in file order), then any other members of the component.
    """
    work = work_graph(graph)
    order = {node: index for index, node in enumerate(graph)}
    condensed = work_components(graph)
    for number in condensed:
        component = condensed.nodes[number]["members"]
        if len(component) < 2:
            continue
        start = min(component, key=order.__getitem__)
        cycle = _cycle_through(work, component, start, order)
        loop = " → ".join(describe(org, node) for node in (*cycle, start))
        others = sorted(component.difference(cycle), key=order.__getitem__)
        also = f" (the loop also involves {join([describe(org, n) for n in others])})"
        message = f"Work handoffs form a loop: {loop}{also if others else ''}."
        yield finding(org, ID, SEVERITY, start, message)


def _cycle_through(
    work: nx.DiGraph, component: Set[str], start: str, order: Mapping[str, int]
) -> list[str]:
    """The shortest cycle from ``start`` back to it inside ``component`` (breadth-first)."""
    parent: dict[str, str] = {}
    queue = deque([start])
    last = start
    while queue and last == start:
        node = queue.popleft()
        for nxt in sorted(work.successors(node), key=order.__getitem__):
            if nxt == start:
                last = node
                break
            if nxt in component and nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    path = [last]
    while path[-1] != start:
        path.append(parent[path[-1]])
    return path[::-1]
