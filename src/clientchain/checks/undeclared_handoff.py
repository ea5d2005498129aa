"""A chain hands work between two steps with no declared handoff.

A file that declares its handoffs says who hands work to whom. A chain whose
consecutive steps have no declared work handoff between them (handoffs content
→ design → publish, a chain content → publish) silently adds its own edge: the
skipped department shows no load from that chain, and the diagrams draw a
handoff nobody declared. The message names the declared path between the two
steps when there is one, which usually means a step is missing from the chain;
otherwise declare the handoff, or correct the chain's steps. A chain step
declared as ``type: feedback`` or ``type: information`` is reported too: the
chain hands work over it, so declare it ``type: work``.

The rule runs only when the file declares handoffs of that kind: pairs of
departments when at least one work handoff between departments is declared,
the chain's supplier → first step when at least one work handoff from an
external supplier is declared, and last step → client when at least one work
handoff to an external client is declared. A file that declares no work
handoffs leaves the chains to say everything and is not checked. The finding
points at the step that receives the work (the last step for the client) and
its subject is the chain, so ``ignore: [undeclared-handoff]`` on a chain
silences it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Mapping
from itertools import pairwise

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _
from clientchain.model import Chain, Handoff, Location, Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "undeclared-handoff"
SEVERITY = Severity.WARNING

Edge = tuple[str, str]


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per chain and consecutive pair (each at most once per chain)
    with no declared work handoff, where the file declares handoffs of that kind."""
    declared: dict[Edge, Handoff] = {(h.source, h.target): h for h in org.handoffs}
    work: dict[str, list[str]] = {}
    for source, target in declared:
        if declared[source, target].type == "work":
            work.setdefault(source, []).append(target)
    if not work:
        return
    kinds = _declared_kinds(org, work)
    for chain in org.chains.values():
        seen: set[Edge] = set()
        for (source, target), where in _pairs(chain):
            edge = (source, target)
            if source == target or edge in seen or _kind(org, edge) not in kinds:
                continue
            seen.add(edge)
            handoff = declared.get(edge)
            if handoff is not None and handoff.type == "work":
                continue
            message = _message(org, chain, edge, handoff, work)
            yield finding(org, ID, SEVERITY, chain.id, message, where)


def _pairs(chain: Chain) -> Iterator[tuple[Edge, Location]]:
    """Consecutive (from, to) pairs of the chain's path, each with the receiving step's place."""
    steps = chain.steps
    places = [step.location for step in steps]
    if chain.supplier is not None:
        yield (chain.supplier, steps[0].department), places[0]
    for (first, second), place in zip(pairwise(steps), places[1:], strict=True):
        yield (first.department, second.department), place
    yield (steps[-1].department, chain.client), places[-1]


def _kind(org: Organization, edge: Edge) -> str:
    if edge[0] in org.suppliers:
        return "supplier"
    if edge[1] in org.clients:
        return "client"
    return "department" if edge[0] in org.departments and edge[1] in org.departments else ""


def _declared_kinds(org: Organization, work: Mapping[str, list[str]]) -> set[str]:
    return {_kind(org, (source, target)) for source in work for target in work[source]}


def _message(
    org: Organization,
    chain: Chain,
    edge: Edge,
    handoff: Handoff | None,
    work: Mapping[str, list[str]],
) -> str:
    source, target = edge
    values = {
        "chain": chain.describe(),
        "source": org.describe(source),
        "target": org.describe(target),
    }
    if handoff is not None:
        # TRANSLATORS: `type: {type}` and `type: work` are what the file says (keep them)
        return _(
            "Chain {chain} hands work from {source} to {target}, but that handoff is declared "
            "`type: {type}`, which carries no work: declare it `type: work`."
        ).format(**values, type=handoff.type)
    path = _declared_path(work, source, target)
    if path is None:
        # TRANSLATORS: "handoffs" is the section of the file (keep it)
        return _(
            "Chain {chain} hands work from {source} to {target} with no declared handoff "
            "between them: declare it in handoffs, or correct the chain's steps."
        ).format(**values)
    # TRANSLATORS: path is the ids of the departments along the declared handoffs, "a → b → c"
    return _(
        "Chain {chain} hands work from {source} to {target} with no declared handoff between "
        "them; the declared handoffs go {path}: is a step missing from the chain?"
    ).format(**values, path=" → ".join(path))


def _declared_path(work: Mapping[str, list[str]], source: str, target: str) -> list[str] | None:
    """The shortest path of declared work handoffs from ``source`` to ``target`` (breadth-first,
    declared order first), or ``None``."""
    parent: dict[str, str] = {source: source}
    queue = deque([source])
    while queue:
        node = queue.popleft()
        for nxt in work.get(node, ()):
            if nxt in parent:
                continue
            parent[nxt] = node
            if nxt == target:
                path = [target]
                while path[-1] != source:
                    path.append(parent[path[-1]])
                return path[::-1]
            queue.append(nxt)
    return None
