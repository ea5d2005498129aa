"""How good each handoff is, as rated by its internal client (SPEC §2 "Satisfaction").

The **satisfaction** of a supplier department is the volume-weighted mean of the
``satisfaction`` (1–5) its clients gave to its outgoing handoffs:
``Σ vᵢ·sᵢ / Σ vᵢ`` over the outgoing edges ``i`` that carry a rating, where
``vᵢ`` is the edge's volume (explicit, else derived from the chains).

* An edge without a volume weighs 1.
* When every rated edge has volume 0, the plain mean of the ratings is used
  (a weighted mean with no weight is undefined).
* Departments with no rated outgoing edge have no satisfaction (they are absent).

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

import networkx as nx

from clientchain.graph import SATISFACTION, VOLUME
from clientchain.model import Organization

__all__ = ["department_satisfaction", "rated_handoffs", "weakest_handoff"]


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


def _rated_with_weight(graph: nx.DiGraph, department: str) -> list[tuple[str, float, float]]:
    rated: list[tuple[str, float, float]] = []
    for _source, client, data in graph.out_edges(department, data=True):
        rating = data[SATISFACTION]
        if rating is None:
            continue
        volume = data[VOLUME]
        rated.append((client, float(rating), 1.0 if volume is None else float(volume)))
    return rated
