"""How good each handoff is, as rated by its internal client (SPEC §2 "Satisfaction",
"Rolled quality").

The **satisfaction** of a supplier department is the volume-weighted mean of the
``satisfaction`` (1–5) its clients gave to its outgoing handoffs:
``Σ vᵢ·sᵢ / Σ vᵢ`` over the outgoing edges ``i`` that carry a rating, where
``vᵢ`` is the edge's volume (explicit, else derived from the chains).

* An edge without a volume weighs 1.
* When every rated edge has volume 0, the plain mean of the ratings is used
  (a weighted mean with no weight is undefined).
* Departments with no rated outgoing edge have no satisfaction (they are absent).

The **satisfaction matrix** (:func:`satisfaction_matrix`) is the internal-customer
satisfaction matrix: one row per supplier, one column per client, and in each cell the
satisfaction and %C&A of that work handoff as the file gives them.

The **rolled quality** (rolled %C&A) of a chain is the product of the ``quality``
of the handoffs it passes (:func:`rolled_quality`); the handoffs with the lowest
%C&A are :func:`weakest_handoffs`.

Examples
--------
>>> from clientchain.graph import build_graph
>>> from clientchain.model import Department, Handoff, Organization
>>> org = Organization(
...     name="Tiny",
...     departments={d: Department(d, d.upper()) for d in ("a", "b", "c")},
...     handoffs=(
...         Handoff("a", "b", volume=30, satisfaction=4.0),
...         Handoff("a", "c", volume=10, satisfaction=2.0),
...     ),
... )
>>> department_satisfaction(org, build_graph(org))  # (30·4 + 10·2) / 40
{'a': 3.5}
>>> weakest_handoff(build_graph(org), "a")
('c', 2.0)
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from clientchain.graph import ANSWERS, CHAINS, QUALITY, SATISFACTION, TYPE, VOLUME, WORK
from clientchain.model import Chain, Handoff, Organization

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "MatrixCell",
    "RolledQuality",
    "SatisfactionMatrix",
    "WeakHandoff",
    "department_satisfaction",
    "handoff_quality",
    "rated_handoffs",
    "requirement_misses",
    "rolled_quality",
    "satisfaction_answers",
    "satisfaction_matrix",
    "weakest_handoff",
    "weakest_handoffs",
]


def department_satisfaction(org: Organization, graph: nx.DiGraph) -> dict[str, float]:
    """Volume-weighted mean satisfaction of each department's outgoing handoffs.

    Parameters
    ----------
    org : Organization
        The organization ``graph`` was built from (gives the department order).
    graph : networkx.DiGraph
        The result of :func:`clientchain.graph.build_graph`.

    Returns
    -------
    dict of str to float
        Department id → satisfaction (1–5), in file order, only for departments
        with at least one rated outgoing edge. See the module docstring for the
        weighting rules.
    """
    result: dict[str, float] = {}
    for dept in org.departments:
        if dept not in graph:
            continue
        rated = [(rating, weight) for _client, rating, weight in _rated_with_weight(graph, dept)]
        if not rated:
            continue
        total = sum(weight for _rating, weight in rated)
        if total > 0:
            result[dept] = sum(rating * weight for rating, weight in rated) / total
        else:
            result[dept] = sum(rating for rating, _weight in rated) / len(rated)
    return result


def rated_handoffs(graph: nx.DiGraph, department: str) -> list[tuple[str, float]]:
    """``(client, satisfaction)`` of each rated outgoing edge of ``department``, in edge order."""
    return [(client, rating) for client, rating, _weight in _rated_with_weight(graph, department)]


def weakest_handoff(graph: nx.DiGraph, department: str) -> tuple[str, float] | None:
    """The lowest-rated outgoing edge of ``department`` as ``(client, satisfaction)``.

    Ties go to the first edge; ``None`` when no outgoing edge is rated.
    """
    rated = rated_handoffs(graph, department)
    return min(rated, key=lambda pair: pair[1]) if rated else None


def satisfaction_answers(graph: nx.DiGraph, department: str) -> int | None:
    """How many survey answers the satisfaction of ``department`` rests on: the sum of the
    ``answers`` of its rated outgoing edges when every one of them states it, else ``None``
    (a rating typed by hand rests on no known number of answers).

    >>> from clientchain.graph import build_graph
    >>> from clientchain.model import Department, Handoff, Organization
    >>> org = Organization(
    ...     "X",
    ...     {d: Department(d, d) for d in "abc"},
    ...     handoffs=(
    ...         Handoff("a", "b", satisfaction=4.0, answers=12),
    ...         Handoff("a", "c", satisfaction=2.0, answers=5),
    ...     ),
    ... )
    >>> satisfaction_answers(build_graph(org), "a"), satisfaction_answers(build_graph(org), "b")
    (17, None)
    """
    counts = [
        data[ANSWERS] for data in graph.succ[department].values() if data[SATISFACTION] is not None
    ]
    if not counts or any(count is None for count in counts):
        return None
    return int(sum(counts))


def _rated_with_weight(graph: nx.DiGraph, department: str) -> list[tuple[str, float, float]]:
    rated: list[tuple[str, float, float]] = []
    for client, data in graph.succ[department].items():
        rating = data[SATISFACTION]
        if rating is None:
            continue
        volume = data[VOLUME]
        rated.append((client, float(rating), 1.0 if volume is None else float(volume)))
    return rated


@dataclass(frozen=True, slots=True)
class RolledQuality:
    """Rolled %C&A of one chain (SPEC §2 "Rolled quality").

    Attributes
    ----------
    value : float
        Product of the known ``quality`` of every handoff the chain passes, a
        fraction in [0, 1]; 1.0 when none is known.
    unknown : tuple of (str, str)
        The ``(from, to)`` edges of the chain without a quality, each once, in
        chain order; they count as 100% in ``value``.
    """

    value: float
    unknown: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class WeakHandoff:
    """A handoff with a known %C&A, and the chains that pass it."""

    source: str
    target: str
    quality: float
    chains: tuple[str, ...]


def handoff_quality(org: Organization) -> dict[tuple[str, str], float]:
    """``(from, to)`` → %C&A of every explicit handoff that gives a ``quality``."""
    return {(h.source, h.target): h.quality for h in org.handoffs if h.quality is not None}


def rolled_quality(
    org: Organization, chain: Chain, known: Mapping[tuple[str, str], float] | None = None
) -> RolledQuality:
    """Rolled %C&A of ``chain``: the product of the quality of the handoffs it passes.

    The handoffs are the consecutive pairs of :attr:`Chain.path` (supplier →
    step 1 → … → client), skipping two consecutive steps at the same department;
    their quality is the one given in the org file's ``handoffs``. A chain that
    passes the same handoff twice (a rework loop) multiplies its quality twice.

    >>> from clientchain.model import Department, ExternalParty, Handoff, Step
    >>> org = Organization(
    ...     name="Q",
    ...     departments={"a": Department("a", "A"), "b": Department("b", "B")},
    ...     clients={"z": ExternalParty("z", "Z", "client")},
    ...     handoffs=(Handoff("a", "b", quality=0.9), Handoff("b", "z", quality=0.8)),
    ... )
    >>> chain = Chain("x", "X", "z", 1.0, (Step("a", 1.0), Step("b", 1.0)))
    >>> rolled = rolled_quality(org, chain)  # 0.9 × 0.8
    >>> round(rolled.value, 6), rolled.unknown
    (0.72, ())

    ``known`` (:func:`handoff_quality` of ``org``) may be passed to rate many chains
    without rebuilding it each time.
    """
    if known is None:
        known = handoff_quality(org)
    value = 1.0
    unknown: dict[tuple[str, str], None] = {}
    for edge in pairwise(chain.path):
        if edge[0] == edge[1]:
            continue
        quality = known.get(edge)
        if quality is None:
            unknown[edge] = None
        else:
            value *= quality
    return RolledQuality(value, tuple(unknown))


def weakest_handoffs(graph: nx.DiGraph, limit: int = 5) -> list[WeakHandoff]:
    """The work handoffs with the lowest %C&A, lowest first (ties: edge order).

    Only handoffs with a known ``quality`` are ranked; at most ``limit`` are returned.
    """
    rated = [
        WeakHandoff(source, target, float(data[QUALITY]), tuple(data[CHAINS]))
        for source, target, data in graph.edges(data=True)
        if data[QUALITY] is not None and data[TYPE] == WORK
    ]
    rated.sort(key=lambda weak: weak.quality)
    return rated[: max(limit, 0)]


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One work handoff of the satisfaction matrix: its rating (1–5) and %C&A (a
    fraction), each ``None`` when the file does not give it."""

    satisfaction: float | None
    quality: float | None
    missed: int = 0
    """How many of its client's requirements (``requires:``) the handoff misses."""


@dataclass(frozen=True, slots=True)
class SatisfactionMatrix:
    """Supplier × client matrix of the work handoffs (:func:`satisfaction_matrix`).

    ``suppliers`` are the row ids (external suppliers, then departments, file order),
    ``clients`` the column ids (departments, then external clients, file order); only
    nodes with a work handoff out (rows) or in (columns) appear. ``cells`` maps
    ``(supplier, client)`` to its :class:`MatrixCell` for every work handoff; a pair
    without a handoff has no cell. ``min_satisfaction`` is the file's threshold
    (``checks.min_satisfaction``).
    """

    suppliers: tuple[str, ...]
    clients: tuple[str, ...]
    cells: dict[tuple[str, str], MatrixCell]
    min_satisfaction: float = 3.0


def requirement_misses(handoff: Handoff) -> list[tuple[str, float, float]]:
    """``(what, value, required)`` for each requirement of ``handoff`` (``requires:``) its
    declared value misses, in the order lead time (longer misses), quality, satisfaction
    (lower misses); a requirement whose value the file does not give is not judged.

    >>> from clientchain.model import Requirement
    >>> needs = Requirement(lead_time=16.0, quality=0.95, satisfaction=4.0)
    >>> requirement_misses(Handoff("a", "b", lead_time=20.0, quality=0.97, requires=needs))
    [('lead_time', 20.0, 16.0)]
    """
    required = handoff.requires
    if required is None:
        return []
    pairs = (
        ("lead_time", handoff.lead_time, required.lead_time, operator.gt),
        ("quality", handoff.quality, required.quality, operator.lt),
        ("satisfaction", handoff.satisfaction, required.satisfaction, operator.lt),
    )
    return [
        (what, value, need)
        for what, value, need, missed in pairs
        if value is not None and need is not None and missed(value, need)
    ]


def satisfaction_matrix(org: Organization, graph: nx.DiGraph) -> SatisfactionMatrix:
    """The internal-customer satisfaction matrix: who rates whose work, how well.

    Every work edge of ``graph`` (explicit handoffs and the ones the chains imply) is a
    cell; information and feedback handoffs are not work and are left out.

    >>> from clientchain.graph import build_graph
    >>> from clientchain.model import Department, Handoff
    >>> org = Organization(
    ...     name="M",
    ...     departments={d: Department(d, d.upper()) for d in ("a", "b", "c")},
    ...     handoffs=(
    ...         Handoff("a", "b", quality=0.9, satisfaction=4.0),
    ...         Handoff("b", "c", satisfaction=2.5),
    ...         Handoff("c", "a", type="feedback", satisfaction=1.0),
    ...     ),
    ... )
    >>> matrix = satisfaction_matrix(org, build_graph(org))
    >>> matrix.suppliers, matrix.clients
    (('a', 'b'), ('b', 'c'))
    >>> matrix.cells[("a", "b")]
    MatrixCell(satisfaction=4.0, quality=0.9, missed=0)
    >>> matrix.cells[("b", "c")]
    MatrixCell(satisfaction=2.5, quality=None, missed=0)
    """
    handoffs = {(h.source, h.target): h for h in org.handoffs}
    cells: dict[tuple[str, str], MatrixCell] = {}
    for source, target, data in graph.edges(data=True):
        if data[TYPE] != WORK:
            continue
        satisfaction, quality = data[SATISFACTION], data[QUALITY]
        handoff = handoffs.get((source, target))
        cells[(source, target)] = MatrixCell(
            None if satisfaction is None else float(satisfaction),
            None if quality is None else float(quality),
            0 if handoff is None else len(requirement_misses(handoff)),
        )
    sources = {source for source, _target in cells}
    targets = {target for _source, target in cells}
    rows = [*org.suppliers, *org.departments]
    columns = [*org.departments, *org.clients]
    return SatisfactionMatrix(
        tuple(node for node in rows if node in sources),
        tuple(node for node in columns if node in targets),
        cells,
        org.checks.min_satisfaction,
    )
