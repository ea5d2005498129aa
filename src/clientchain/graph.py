"""The derived supplier → client graph of an organization (SPEC §1 "Derived graph").

:func:`build_graph` turns an :class:`~clientchain.model.Organization` into a
:class:`networkx.DiGraph` whose nodes are departments, external clients and
external suppliers and whose edges, keyed by ``(from, to)``, are the handoffs:
the ones implied by the chains (supplier → step 1 → … → client) and the explicit
``handoffs``. Attribute names are the module constants below, so that callers
never spell a string key twice.

Examples
--------
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa"), "b": Department("b", "Beta")},
...     clients={"c": ExternalParty("c", "Cliente", "client")},
...     chains={"x": Chain("x", "X", "c", 10.0, (Step("a", 1.0), Step("b", 2.0)))},
... )
>>> g = build_graph(org)
>>> list(g.edges)
[('a', 'b'), ('b', 'c')]
>>> g.edges["a", "b"][VOLUME], g.edges["a", "b"][CHAINS]
(10.0, ('x',))
>>> is_external_client(g, "c")
True
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence
from itertools import pairwise
from typing import Any, Literal, TypeVar

import networkx as nx

from clientchain.model import Chain, Handoff, Location, Organization

__all__ = [
    "ANSWERS",
    "CHAINS",
    "CLIENT",
    "DELIVERABLE",
    "DEPARTMENT",
    "EXPLICIT",
    "FEEDBACK",
    "GROUP",
    "INFORMATION",
    "KIND",
    "LEAD_TIME",
    "LOCATION",
    "NAME",
    "QUALITY",
    "ROLE",
    "SATISFACTION",
    "SEGMENT",
    "SUPPLIER",
    "TYPE",
    "VOLUME",
    "WORK",
    "Role",
    "build_graph",
    "departments",
    "derived",
    "external_clients",
    "external_suppliers",
    "is_department",
    "is_external_client",
    "is_external_supplier",
    "is_work_edge",
    "nodes_with_role",
    "work_graph",
]

# Node attributes.
ROLE = "role"
"""``"department"``, ``"client"`` (external client) or ``"supplier"`` (external supplier)."""
NAME = "name"
"""Display name."""
KIND = "kind"
"""Department kind (executive | commercial | operative); ``None`` for external parties."""
GROUP = "group"
"""Department group, or ``None``."""
SEGMENT = "segment"
"""External party segment, or ``None``."""

# Node roles.
Role = Literal["department", "client", "supplier"]
DEPARTMENT: Role = "department"
CLIENT: Role = "client"
SUPPLIER: Role = "supplier"

# Edge attributes.
TYPE = "type"
"""``"work"`` (default), ``"information"`` or ``"feedback"``; an explicit handoff's type wins."""
CHAINS = "chains"
"""Ids of the chains passing the edge, in chain (file) order; each chain at most once."""
VOLUME = "volume"
"""Explicit volume, else the summed demand of the chains passing the edge; ``None`` if neither."""
DELIVERABLE = "deliverable"
"""What is handed over (explicit handoffs only), or ``None``."""
LEAD_TIME = "lead_time"
"""Hours the deliverable takes to arrive (explicit handoffs only), or ``None``."""
QUALITY = "quality"
"""%C&A as a fraction (explicit handoffs only), or ``None``."""
SATISFACTION = "satisfaction"
"""The receiving client's 1–5 rating (explicit handoffs only), or ``None``."""
ANSWERS = "answers"
"""Survey answers the edge's satisfaction rests on (explicit handoffs only), or ``None``."""
EXPLICIT = "explicit"
"""``True`` when the edge is declared in ``handoffs``."""
LOCATION = "location"
"""The handoff's :class:`~clientchain.model.Location` if explicit, else the first chain's."""

# Edge types.
WORK = "work"
INFORMATION = "information"
FEEDBACK = "feedback"

Edge = tuple[str, str]
T = TypeVar("T")


def build_graph(org: Organization) -> nx.DiGraph:
    """Build the supplier → client graph of ``org``.

    Parameters
    ----------
    org : Organization
        A loaded organization; every reference must exist (the loader guarantees
        it) and explicit handoff ``(from, to)`` pairs must be unique.

    Returns
    -------
    networkx.DiGraph
        Nodes in file order (departments, then clients, then suppliers) with the
        attributes :data:`ROLE`, :data:`NAME`, :data:`KIND`, :data:`GROUP` and
        :data:`SEGMENT`. One edge per distinct ``(from, to)`` pair, each with
        every edge attribute of this module. Edges are inserted explicit
        handoffs first (file order), then those only the chains imply (chain
        order); ``graph.edges`` lists them by source node, then insertion order.

    Notes
    -----
    Self-loops are never added: two consecutive chain steps at the same
    department hand nothing over, and an explicit handoff from a department to
    itself is ignored. A chain that passes the same edge more than once (a rework
    loop) is listed once in :data:`CHAINS` and its demand counted once in
    :data:`VOLUME` ("the sum of the demand of the chains that pass it").

    The graph is frozen (:func:`networkx.freeze`): it describes the organization
    it was built from, which never changes, so analyses of the same graph share
    what they derive from it (:func:`derived`). ``graph.copy()`` is a mutable copy.
    """
    graph = nx.DiGraph(name=org.name, source=org.source)
    _add_nodes(graph, org)
    passing = _chains_by_edge(org.chains.values())
    explicit = {(h.source, h.target): h for h in org.handoffs if h.source != h.target}
    implied = (edge for edge in passing if edge not in explicit)
    graph.add_edges_from(
        (*edge, _edge_attributes(explicit.get(edge), passing.get(edge, ())))
        for edge in (*explicit, *implied)
    )
    return nx.freeze(graph)


_DERIVED: weakref.WeakKeyDictionary[nx.DiGraph, dict[str, Any]] = weakref.WeakKeyDictionary()


def derived(graph: nx.DiGraph, name: str, compute: Callable[[nx.DiGraph], T]) -> T:
    """``compute(graph)``, computed once per frozen graph and ``name``.

    The rules of one ``check`` run ask for the same work graph, components and
    indexes; a frozen graph (every graph :func:`build_graph` returns) cannot
    change, so the first answer is kept for as long as the graph lives. A graph
    that is not frozen is computed afresh each time. What ``compute`` returns is
    shared: callers must not modify it.
    """
    if not nx.is_frozen(graph):
        return compute(graph)
    table = _DERIVED.setdefault(graph, {})
    if name not in table:
        table[name] = compute(graph)
    return table[name]  # type: ignore[no-any-return]


def _add_nodes(graph: nx.DiGraph, org: Organization) -> None:
    graph.add_nodes_from(
        (d.id, {ROLE: DEPARTMENT, NAME: d.name, KIND: d.kind, GROUP: d.group, SEGMENT: None})
        for d in org.departments.values()
    )
    for role, parties in ((CLIENT, org.clients), (SUPPLIER, org.suppliers)):
        graph.add_nodes_from(
            (p.id, {ROLE: role, NAME: p.name, KIND: None, GROUP: None, SEGMENT: p.segment})
            for p in parties.values()
        )


def _chains_by_edge(chains: Iterable[Chain]) -> dict[Edge, list[Chain]]:
    """Chains passing each chain-implied edge, in chain order, without self-loops."""
    passing: dict[Edge, list[Chain]] = {}
    for chain in chains:
        path = chain.path
        for edge in pairwise(path):
            if edge[0] == edge[1]:
                continue
            listed = passing.setdefault(edge, [])
            if not listed or listed[-1] is not chain:  # chains come one at a time
                listed.append(chain)
    return passing


def _edge_attributes(handoff: Handoff | None, chains: Sequence[Chain]) -> dict[str, Any]:
    volume: float | None = None
    if handoff is not None and handoff.volume is not None:
        volume = handoff.volume
    elif chains:
        volume = float(sum(chain.demand for chain in chains))
    location: Location | None = None
    if handoff is not None:
        location = handoff.location
    elif chains:
        location = chains[0].location
    return {
        TYPE: handoff.type if handoff is not None else WORK,
        CHAINS: tuple(chain.id for chain in chains),
        VOLUME: volume,
        DELIVERABLE: handoff.deliverable if handoff is not None else None,
        LEAD_TIME: handoff.lead_time if handoff is not None else None,
        QUALITY: handoff.quality if handoff is not None else None,
        SATISFACTION: handoff.satisfaction if handoff is not None else None,
        ANSWERS: handoff.answers if handoff is not None else None,
        EXPLICIT: handoff is not None,
        LOCATION: location,
    }


def is_work_edge(graph: nx.DiGraph, source: str, target: str) -> bool:
    """Whether the edge ``source → target`` exists and carries work."""
    return bool(graph.has_edge(source, target) and graph.edges[source, target][TYPE] == WORK)


def work_graph(graph: nx.DiGraph) -> nx.DiGraph:
    """A frozen graph of every node of ``graph`` and only its work edges, in the same order.

    Information and feedback edges carry no work, so cycles through them are
    normal; flow, reachability and chokepoint analyses use this graph. Its nodes
    and edges carry no attributes (look them up in ``graph``). Built once per
    frozen graph (:func:`derived`): searching a plain graph is several times
    faster than searching a filtered view of ``graph``.
    """
    return derived(graph, "work_graph", _work_graph)


def _work_graph(graph: nx.DiGraph) -> nx.DiGraph:
    work = nx.DiGraph()
    work.add_nodes_from(graph)
    work.add_edges_from(
        (source, target)
        for source, clients in graph.adjacency()
        for target, attributes in clients.items()
        if attributes[TYPE] == WORK
    )
    return nx.freeze(work)


def nodes_with_role(graph: nx.DiGraph, role: Role) -> list[str]:
    """Ids of the nodes with ``role``, in file order."""
    return [node for node, value in graph.nodes(data=ROLE) if value == role]


def departments(graph: nx.DiGraph) -> list[str]:
    """Department ids in file order."""
    return nodes_with_role(graph, DEPARTMENT)


def external_clients(graph: nx.DiGraph) -> list[str]:
    """External client ids in file order."""
    return nodes_with_role(graph, CLIENT)


def external_suppliers(graph: nx.DiGraph) -> list[str]:
    """External supplier ids in file order."""
    return nodes_with_role(graph, SUPPLIER)


def is_department(graph: nx.DiGraph, node: str) -> bool:
    """Whether ``node`` is a department of ``graph``."""
    return bool(node in graph and graph.nodes[node][ROLE] == DEPARTMENT)


def is_external_client(graph: nx.DiGraph, node: str) -> bool:
    """Whether ``node`` is an external client of ``graph``."""
    return bool(node in graph and graph.nodes[node][ROLE] == CLIENT)


def is_external_supplier(graph: nx.DiGraph, node: str) -> bool:
    """Whether ``node`` is an external supplier of ``graph``."""
    return bool(node in graph and graph.nodes[node][ROLE] == SUPPLIER)
