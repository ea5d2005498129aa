"""Who serves whom, and the structural chokepoints of the work graph (SPEC §2).

Every analysis here runs on the **work** edges only (:func:`clientchain.graph.work_graph`):
information and feedback edges carry no work. Lists of nodes are ordered by fewest
handoffs first, then file order, so results are stable.

Examples
--------
>>> from clientchain.graph import build_graph
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={d: Department(d, d.title()) for d in ("a", "b", "c")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "X", "z", 5.0, (Step("a", 1.0), Step("b", 1.0), Step("c", 1.0)))},
... )
>>> g = build_graph(org)
>>> w = who(org, g, "b")
>>> w.suppliers, w.clients, w.downstream, w.hops_to_external
(('a',), ('c',), ('c', 'z'), 2)
>>> [(s.department, s.client) for s in single_points_of_failure(org, g)]
[('a', 'z'), ('b', 'z'), ('c', 'z')]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from clientchain.errors import UsageError
from clientchain.graph import (
    CLIENT,
    DEPARTMENT,
    FEEDBACK,
    INFORMATION,
    NAME,
    ROLE,
    TYPE,
    WORK,
    Role,
    derived,
    external_clients,
    external_suppliers,
    work_graph,
)
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = [
    "SinglePointOfFailure",
    "WhoServesWhom",
    "betweenness",
    "hops_to_external_clients",
    "single_points_of_failure",
    "who",
    "who_all",
    "work_components",
]


@dataclass(frozen=True, slots=True)
class WhoServesWhom:
    """Suppliers, clients and line of sight of one node of the graph.

    Attributes
    ----------
    id, name, role : str
        The node's id, display name and role (``department``, ``client``, ``supplier``).
    suppliers, clients : tuple of str
        Direct work-edge neighbours: who hands work to it, and whom it hands work to.
    upstream, downstream : tuple of str
        Every node that reaches it / that it reaches over work edges, by fewest
        handoffs, then file order.
    serves_external : tuple of str
        The external clients among ``downstream``: its line of sight.
    hops_to_external : int or None
        Fewest handoffs to one of ``serves_external``; ``None`` when there is none.
    information_from, information_to : tuple of str
        Direct neighbours over information edges (in and out).
    feedback_from, feedback_to : tuple of str
        Direct neighbours over feedback edges (in and out).
    """

    id: str
    name: str
    role: Role
    suppliers: tuple[str, ...]
    clients: tuple[str, ...]
    upstream: tuple[str, ...]
    downstream: tuple[str, ...]
    serves_external: tuple[str, ...]
    hops_to_external: int | None
    information_from: tuple[str, ...] = ()
    information_to: tuple[str, ...] = ()
    feedback_from: tuple[str, ...] = ()
    feedback_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, order=True)
class SinglePointOfFailure:
    """``department`` lies on every work path from any source to the external ``client``."""

    department: str
    client: str


def who(org: Organization, graph: nx.DiGraph, node_id: str) -> WhoServesWhom:
    """Who serves whom around one department, client or supplier.

    Parameters
    ----------
    org : Organization
        The organization ``graph`` was built from.
    graph : networkx.DiGraph
        The result of :func:`clientchain.graph.build_graph`.
    node_id : str
        A department, external client or external supplier id.

    Returns
    -------
    WhoServesWhom

    Raises
    ------
    UsageError
        ``node_id`` is not in the graph; the message suggests the closest ids.
    """
    if node_id not in graph:
        raise UsageError(_unknown_node_message(graph, node_id))
    return _who(graph, _WorkIndex.of(graph), node_id)


def who_all(org: Organization, graph: nx.DiGraph, *, reach: bool = True) -> list[WhoServesWhom]:
    """:func:`who` for every department, in file order.

    With ``reach=False`` the ``upstream`` and ``downstream`` lists are left empty
    and everything else is computed in near-linear time (line of sight by
    bitsets over the strongly connected components): for overviews that do not
    show the lists, on organizations of thousands of departments.

    Notes
    -----
    The fewest hops to an external client come from one reverse breadth-first
    search from all external clients (linear time). Up- and downstream lists
    are one search per department, except that a department with a single work
    client (supplier) outside its own loop reuses that neighbour's list, which
    keeps lines and trees fast. The worst case stays O(n·(n + m)); the output
    itself can be that large.
    """
    index = _WorkIndex.of(graph)
    _reached, hops = _levels(external_clients(graph), index.predecessors, index.order)
    if not reach:
        sight = _line_of_sight(graph, index)
        return [
            _who(graph, index, dept, ((), (), sight[dept], hops.get(dept) if sight[dept] else None))
            for dept in org.departments
            if dept in graph
        ]
    component = _components(graph)
    down = _Reach(index.successors, index.order, component)
    up = _Reach(index.predecessors, index.order, component)
    result = []
    for dept in org.departments:
        if dept in graph:
            downstream = down.of(dept)
            serves = _in_file_order((n for n in downstream if n in index.clients), index.order)
            nearest = hops.get(dept) if serves else None
            result.append(_who(graph, index, dept, (up.of(dept), downstream, serves, nearest)))
    return result


def hops_to_external_clients(graph: nx.DiGraph) -> dict[str, int]:
    """Fewest work handoffs from each node to any external client.

    Nodes with no work path to an external client are absent; external clients
    themselves are at 0. One reverse breadth-first search, O(n + m).
    """
    index = _WorkIndex.of(graph)
    return _levels(external_clients(graph), index.predecessors, index.order)[1]


def single_points_of_failure(org: Organization, graph: nx.DiGraph) -> list[SinglePointOfFailure]:
    """Departments every work path to an external client must pass through.

    A virtual root is linked to every source: each external supplier, and each
    node of a work component nothing else feeds (a department with no work
    supplier, or a supplier-less loop). A department is a single point of
    failure for client ``c`` when it dominates ``c`` from that root
    (Cooper, Harvey & Kennedy, "A simple, fast dominance algorithm", 2006, computed
    by :func:`rustworkx.immediate_dominators`: the same algorithm as networkx's,
    about ten times faster at 10,000 departments). The client itself and external
    suppliers are never reported; clients no source reaches have none.

    Returns
    -------
    list of SinglePointOfFailure
        By client in file order, then from upstream to downstream.
    """
    import rustworkx

    work = work_graph(graph)
    nodes = list(work)
    index = {node: position for position, node in enumerate(nodes)}
    flow = rustworkx.networkx_converter(work)  # node i of flow is nodes[i]
    assert isinstance(flow, rustworkx.PyDiGraph)
    root = flow.add_node(None)
    flow.add_edges_from_no_data([(root, index[source]) for source in _sources(graph)])
    idom = rustworkx.immediate_dominators(flow, root)
    found: list[SinglePointOfFailure] = []
    for client in org.clients:
        if client not in index or index[client] not in idom:
            continue
        chain: list[SinglePointOfFailure] = []
        node = idom[index[client]]
        while node != root:
            if graph.nodes[nodes[node]][ROLE] == DEPARTMENT:
                chain.append(SinglePointOfFailure(nodes[node], client))
            node = idom[node]
        found.extend(reversed(chain))
    return found


def betweenness(graph: nx.DiGraph) -> dict[str, float]:
    """Normalized betweenness centrality of every node on the work graph, in file order.

    Exact (Brandes' algorithm, the same numbers as :func:`networkx.betweenness_centrality`),
    computed by rustworkx, which is much faster than networkx here. Sampling is not used:
    it ranks the top departments wrongly (measurements: ``docs/performance.md``,
    "Betweenness at scale").
    """
    import rustworkx

    work = work_graph(graph)
    nodes = list(work.nodes)
    fast = rustworkx.networkx_converter(work)
    assert isinstance(fast, rustworkx.PyDiGraph)  # a DiGraph converts to a PyDiGraph
    scores = rustworkx.digraph_betweenness_centrality(fast, normalized=True, endpoints=False)
    by_id = {nodes[index]: float(score) for index, score in scores.items()}
    return {node: by_id.get(node, 0.0) for node in graph}


def _sources(graph: nx.DiGraph) -> list[str]:
    """External suppliers plus every non-client node of a work component nothing feeds."""
    condensed = work_components(graph)
    sources = dict.fromkeys(external_suppliers(graph))
    for component in condensed:
        if condensed.in_degree(component) == 0:
            members = condensed.nodes[component]["members"]
            sources.update((m, None) for m in members if graph.nodes[m][ROLE] != CLIENT)
    return list(sources)


@dataclass(frozen=True, slots=True)
class _WorkIndex:
    """Work-edge adjacency as plain lists in file order: fast repeated searches."""

    order: dict[str, int]
    successors: dict[str, list[str]]
    predecessors: dict[str, list[str]]
    clients: frozenset[str]

    @classmethod
    def of(cls, graph: nx.DiGraph) -> _WorkIndex:
        """The index of ``graph``, built once per frozen graph."""
        return derived(graph, "work_index", cls._build)

    @classmethod
    def _build(cls, graph: nx.DiGraph) -> _WorkIndex:
        order = {node: index for index, node in enumerate(graph)}
        successors: dict[str, list[str]] = {node: [] for node in graph}
        predecessors: dict[str, list[str]] = {node: [] for node in graph}
        for source, target, kind in graph.edges(data=TYPE):
            if kind == WORK:
                successors[source].append(target)
                predecessors[target].append(source)
        for adjacency in (successors, predecessors):
            for neighbours in adjacency.values():
                neighbours.sort(key=order.__getitem__)
        return cls(order, successors, predecessors, frozenset(external_clients(graph)))


_Lists = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], int | None]


def _who(
    graph: nx.DiGraph, index: _WorkIndex, node_id: str, lists: _Lists | None = None
) -> WhoServesWhom:
    if lists is None:
        reached, down = _levels([node_id], index.successors, index.order)
        downstream = tuple(reached[1:])
        serves = _in_file_order((n for n in downstream if n in index.clients), index.order)
        nearest = min((down[n] for n in serves), default=None)
        upstream = tuple(_levels([node_id], index.predecessors, index.order)[0][1:])
    else:
        upstream, downstream, serves, nearest = lists
    return WhoServesWhom(
        id=node_id,
        name=str(graph.nodes[node_id][NAME]),
        role=graph.nodes[node_id][ROLE],
        suppliers=tuple(index.predecessors[node_id]),
        clients=tuple(index.successors[node_id]),
        upstream=upstream,
        downstream=downstream,
        serves_external=serves,
        hops_to_external=nearest,
        information_from=_typed(graph.in_edges(node_id), graph, 0, INFORMATION, index.order),
        information_to=_typed(graph.out_edges(node_id), graph, 1, INFORMATION, index.order),
        feedback_from=_typed(graph.in_edges(node_id), graph, 0, FEEDBACK, index.order),
        feedback_to=_typed(graph.out_edges(node_id), graph, 1, FEEDBACK, index.order),
    )


def _levels(
    starts: Iterable[str], adjacency: Mapping[str, list[str]], order: Mapping[str, int]
) -> tuple[list[str], dict[str, int]]:
    """Breadth-first search from ``starts``: the nodes reached, and their hop counts.

    The nodes (``starts`` included) are ordered by (hops, file order). The
    search is iterative (no recursion limit) and sorts only when the plain
    breadth-first order is not already that order.
    """
    reached = sorted(starts, key=order.__getitem__)
    distance = dict.fromkeys(reached, 0)
    size = len(order)
    last_key = -1
    in_order = True
    position = 0
    while position < len(reached):
        node = reached[position]
        position += 1
        hops = distance[node] + 1
        for nxt in adjacency[node]:
            if nxt not in distance:
                distance[nxt] = hops
                reached.append(nxt)
                key = hops * size + order[nxt]
                in_order = in_order and key > last_key
                last_key = key
    if not in_order:
        reached.sort(key=lambda n: distance[n] * size + order[n])
    return reached, distance


class _Reach:
    """Memoized reach lists (ordered by hops, then file order) in one direction.

    When a node's only neighbour in this direction is outside its strongly
    connected component, every path leaves through that neighbour, so the
    node's list is the neighbour followed by the neighbour's list.
    """

    def __init__(
        self,
        adjacency: Mapping[str, list[str]],
        order: Mapping[str, int],
        component: Mapping[str, int],
    ) -> None:
        self._adjacency = adjacency
        self._order = order
        self._component = component
        self._cache: dict[str, tuple[str, ...]] = {}

    def of(self, node: str) -> tuple[str, ...]:
        """Every node reachable from ``node`` in this direction, ``node`` excluded."""
        pending: list[str] = []
        while node not in self._cache:
            neighbours = self._adjacency[node]
            if len(neighbours) == 1 and self._component[neighbours[0]] != self._component[node]:
                pending.append(node)
                node = neighbours[0]
            else:
                reached, _hops = _levels([node], self._adjacency, self._order)
                self._cache[node] = tuple(reached[1:])
        for previous in reversed(pending):
            (single,) = self._adjacency[previous]
            self._cache[previous] = (single, *self._cache[single])
        return self._cache[pending[0] if pending else node]


def _line_of_sight(graph: nx.DiGraph, index: _WorkIndex) -> dict[str, tuple[str, ...]]:
    """External clients each node reaches over work edges, in file order.

    One pass over the condensation (a DAG of strongly connected components) in
    reverse topological order, with the clients each component reaches held as
    the bits of one integer: O((n + m) · clients / 64) instead of a search per node.
    """
    condensed = work_components(graph)
    clients = sorted(index.clients, key=index.order.__getitem__)
    bit = {client: 1 << position for position, client in enumerate(clients)}
    reaches: dict[int, int] = {}  # clients reachable from a component, itself excluded
    holds: dict[int, int] = {}  # the clients that are members of a component
    for component in reversed(list(nx.topological_sort(condensed))):
        members = condensed.nodes[component]["members"]
        holds[component] = sum(bit.get(member, 0) for member in members)
        reached = 0
        for successor in condensed.successors(component):
            reached |= reaches[successor] | holds[successor]
        looped = holds[component] if len(members) > 1 else 0  # a loop reaches its own members
        reaches[component] = reached | looped
    mapping = condensed.graph["mapping"]
    return {node: _decode(reaches[mapping[node]], clients) for node in graph}


def _decode(bits: int, items: list[str]) -> tuple[str, ...]:
    found = []
    while bits:
        lowest = bits & -bits
        found.append(items[lowest.bit_length() - 1])
        bits ^= lowest
    return tuple(found)


def work_components(graph: nx.DiGraph) -> nx.DiGraph:
    """The condensation of the work graph: one node per strongly connected component.

    As :func:`networkx.condensation` returns it (``members`` of each component,
    ``graph["mapping"]`` from node to component), computed once per frozen graph;
    do not modify it.
    """
    return derived(graph, "work_components", lambda g: nx.condensation(work_graph(g)))


def _components(graph: nx.DiGraph) -> dict[str, int]:
    """Node → number of its strongly connected component in the work graph."""
    mapping: dict[str, int] = work_components(graph).graph["mapping"]
    return mapping


def _in_file_order(nodes: Iterable[str], order: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(sorted(set(nodes), key=order.__getitem__))


def _typed(
    edges: Iterable[tuple[str, str]],
    graph: nx.DiGraph,
    end: int,
    kind: str,
    order: Mapping[str, int],
) -> tuple[str, ...]:
    """The other ends of ``edges`` of type ``kind``, in file order."""
    return _in_file_order((edge[end] for edge in edges if graph.edges[edge][TYPE] == kind), order)


def _unknown_node_message(graph: nx.DiGraph, node_id: str) -> str:
    candidates = [str(node) for node in graph]
    close = difflib.get_close_matches(node_id, candidates, n=3)
    by_name = [n for n in candidates if str(graph.nodes[n][NAME]).casefold() == node_id.casefold()]
    hint = close or by_name
    if not hint:
        return _("unknown department, client or supplier '{id}'").format(id=node_id)
    # TRANSLATORS: "or" between the ids a mistyped id may stand for: 'a' or 'b'
    names = _(" or ").join(f"'{h}'" for h in hint)
    return _("unknown department, client or supplier '{id}' (did you mean {candidates}?)").format(
        id=node_id, candidates=names
    )
