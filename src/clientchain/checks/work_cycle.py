"""Work handoffs form a loop that no chain walks (a rework loop).

Work that goes round a loop (A hands to B, B hands back to A) outside any chain
is usually rework: the receiving client sends the deliverable back because it
was incomplete or wrong. Each turn costs capacity on every department in the
loop and stretches the lead time. Find out why the work comes back and fix the
upstream handoff (its ``quality`` %C&A tells how often).

A chain that visits a department twice (triage → doctors → lab → doctors →
discharge) walks its own loop: that is its path, each visit with its own effort
and load, and it is not reported. Do not remove a step to silence this rule:
the department would lose that step's load. A loop is reported only when no
single chain walks it in that order — a declared handoff that sends work back,
or two chains that cross in opposite directions.

The message says what may change. If a handoff of the loop that no chain passes
only returns comments or approval, declare it with ``type: feedback`` or
``type: information``: those carry no work and may form cycles. A handoff that
a chain passes carries that chain's work and is never offered for re-typing
(as feedback it would cut the chain's steps off the work paths to the client);
when every handoff of the loop is a chain step, check the order of the chains'
steps. One finding is reported per group of departments linked by such loops.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Set
from itertools import pairwise

import networkx as nx

from clientchain.analysis.structure import work_components
from clientchain.checks.base import Finding, Severity, finding, join
from clientchain.graph import CHAINS, work_graph
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "work-cycle"
SEVERITY = Severity.WARNING

Cycle = tuple[str, ...]
_SHOWN = 5  # handoffs named in the advice; beyond, "… or N more"


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per strongly connected component of the work graph with a loop
    that no chain walks.

    Without chain revisits in the component, the message shows the shortest
    loop through its first member (in file order), then any other members;
    otherwise the first loop (in Johnson's enumeration) that no chain walks,
    from its first member in file order. Searching stops at the first such loop,
    so at most one more loop is listed than the chains walk in the component.
    """
    work = work_graph(graph)
    order = {node: index for index, node in enumerate(graph)}
    condensed = work_components(graph)
    walked: set[Cycle] | None = None
    for number in condensed:
        component = condensed.nodes[number]["members"]
        if len(component) < 2:
            continue
        if walked is None:
            walked = _walked_cycles(chain.path for chain in org.chains.values())
        loop = _unwalked_loop(work, component, order, walked)
        if loop is None:
            continue
        yield finding(org, ID, SEVERITY, loop[0], _message(org, graph, loop, component, order))


def _message(
    org: Organization,
    graph: nx.DiGraph,
    loop: list[str],
    component: Set[str],
    order: Mapping[str, int],
) -> str:
    text = " → ".join(org.describe(node) for node in (*loop, loop[0]))
    others = sorted(component - set(loop), key=order.__getitem__)
    free = [
        f"{source} → {target}"
        for source, target in pairwise((*loop, loop[0]))
        if not graph.edges[source, target][CHAINS]
    ]
    if free:
        # TRANSLATORS: handoffs is "a → b" or "a → b, b → c or 2 more"; `type: feedback` is
        # what the file says (keep it in English)
        advice = _(
            "If {handoffs} only returns comments or approval, declare it `type: feedback`."
        ).format(handoffs=join(free, _SHOWN, last="or"))
    else:
        advice = _("Each of its handoffs is a chain step: check the order of the chains' steps.")
    if others:
        return _(
            "Work handoffs form a loop that no chain walks: {loop} (the loop also involves "
            "{others}). {advice}"
        ).format(loop=text, others=join([org.describe(n) for n in others]), advice=advice)
    return _("Work handoffs form a loop that no chain walks: {loop}. {advice}").format(
        loop=text, advice=advice
    )


def _walked_cycles(paths: Iterable[tuple[str, ...]]) -> set[Cycle]:
    """The simple loops the chains walk, each rotated to start at its smallest id.

    A chain's path is split into simple loops and what remains: walking it with a
    stack, a node already on the stack closes the loop above it (so ``a b c b a``
    walks ``b → c → b`` and ``a → b → a``).
    """
    walked: set[Cycle] = set()
    for path in paths:
        stack: list[str] = []
        depth: dict[str, int] = {}
        for node in path:
            if stack and stack[-1] == node:
                continue  # two steps in a row at one department hand nothing over
            if node in depth:
                start = depth[node]
                walked.add(_canonical(stack[start:]))
                for popped in stack[start + 1 :]:
                    del depth[popped]
                del stack[start + 1 :]
                continue
            depth[node] = len(stack)
            stack.append(node)
    return walked


def _canonical(cycle: Iterable[str]) -> Cycle:
    nodes = tuple(cycle)
    first = nodes.index(min(nodes))
    return nodes[first:] + nodes[:first]


def _unwalked_loop(
    work: nx.DiGraph, component: Set[str], order: Mapping[str, int], walked: Set[Cycle]
) -> list[str] | None:
    """A loop inside ``component`` that is not in ``walked``, from its first member in file
    order; ``None`` when the chains walk every loop of the component."""
    if not any(cycle[0] in component for cycle in walked):
        start = min(component, key=order.__getitem__)
        return _cycle_through(work, component, start, order)
    for cycle in nx.simple_cycles(work.subgraph(component)):
        if _canonical(cycle) not in walked:
            first = min(range(len(cycle)), key=lambda i: order[cycle[i]])
            return [*cycle[first:], *cycle[:first]]
    return None


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
