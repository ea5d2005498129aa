"""Bottlenecks and chains: utilization next to centrality, what a stalled department stops.

A department that is both loaded (high utilization, :mod:`clientchain.analysis.flow`)
and central (high betweenness on the work graph, :func:`clientchain.analysis.structure.betweenness`)
is where a delay spreads furthest. If a department **stalls**, every chain with a step
at it stops and the external clients of those chains are hit; the external clients it
is a single point of failure for are cut off entirely (no other work path reaches
them), chains or not.

Examples
--------
>>> from clientchain.graph import build_graph
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "A"), "b": Department("b", "B")},
...     clients={"z": ExternalParty("z", "Z", "client")},
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 1.0), Step("b", 3.0)))},
... )
>>> report = analyze_bottlenecks(org, build_graph(org))
>>> [(d.id, d.utilization, d.chains, d.clients_cut_off) for d in report.departments]
[('b', 0.75, ('x',), ('z',)), ('a', 0.25, ('x',), ('z',))]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.analysis.quality import (
    WeakHandoff,
    department_satisfaction,
    satisfaction_answers,
    weakest_handoffs,
)
from clientchain.analysis.rework import ReworkReport, analyze_rework
from clientchain.analysis.structure import betweenness, single_points_of_failure
from clientchain.model import Organization

__all__ = [
    "Bottlenecks",
    "ChainsReport",
    "DepartmentImpact",
    "OverTaktStep",
    "analyze_bottlenecks",
    "analyze_chains",
]


@dataclass(frozen=True, slots=True)
class DepartmentImpact:
    """One department's load, centrality and what stops if it stalls.

    Attributes
    ----------
    id, name : str
    utilization : float or None
        Load / capacity (``inf`` with zero capacity; ``None`` when a step's effort at
        the department is unknown).
    betweenness : float
        Normalized betweenness centrality on the work graph (0–1).
    chains : tuple of str
        Chains with a step at the department: they stop if it stalls.
    clients_hit : tuple of str
        External clients of those chains, plus ``clients_cut_off`` (file order).
    clients_cut_off : tuple of str
        External clients every work path to which passes through the department
        (it is their single point of failure).
    """

    id: str
    name: str
    utilization: float | None
    betweenness: float
    chains: tuple[str, ...]
    clients_hit: tuple[str, ...]
    clients_cut_off: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OverTaktStep:
    """A step whose cycle time (effort / headcount) exceeds its chain's takt, hours."""

    chain: str
    department: str
    cycle_time_hours: float
    takt_hours: float


@dataclass(frozen=True, slots=True)
class Bottlenecks:
    """What ``clientchain bottlenecks`` shows.

    ``departments`` are sorted by utilization, highest first (ties: file order);
    ``flow`` is the full :class:`~clientchain.analysis.flow.FlowReport`; ``rework``
    the figures with rework when asked (:mod:`clientchain.analysis.rework`), else ``None``.
    """

    flow: FlowReport
    departments: tuple[DepartmentImpact, ...]
    over_takt: tuple[OverTaktStep, ...]
    near_capacity: float
    rework: ReworkReport | None = None

    @property
    def constraint(self) -> str | None:
        """The department with the highest utilization."""
        return self.flow.constraint

    @property
    def headroom(self) -> float | None:
        """1 / the constraint's utilization (``None`` while a utilization is unknown)."""
        return self.flow.headroom


def analyze_bottlenecks(
    org: Organization, graph: nx.DiGraph, *, predict_waits: bool = False, rework: bool = False
) -> Bottlenecks:
    """Departments by utilization with betweenness and stall impact, and over-takt steps.

    Parameters
    ----------
    org : Organization
    graph : networkx.DiGraph
        :func:`clientchain.graph.build_graph` of ``org``.
    predict_waits : bool, optional
        Passed to :func:`~clientchain.analysis.flow.analyze_flow`.
    rework : bool, optional
        Also compute the loads with rework (:func:`~clientchain.analysis.rework.analyze_rework`).
    """
    flow = analyze_flow(org, predict_waits=predict_waits)
    central = betweenness(graph)
    cut_off: dict[str, list[str]] = {}
    for spof in single_points_of_failure(org, graph):
        cut_off.setdefault(spof.department, []).append(spof.client)
    order = {client: i for i, client in enumerate(org.clients)}
    impacts = []
    for dept in flow.by_utilization():
        hit = dict.fromkeys(org.chains[c].client for c in dept.chains)
        hit.update(dict.fromkeys(cut_off.get(dept.id, ())))
        impacts.append(
            DepartmentImpact(
                id=dept.id,
                name=dept.name,
                utilization=dept.utilization,
                betweenness=central.get(dept.id, 0.0),
                chains=dept.chains,
                clients_hit=tuple(sorted(hit, key=lambda c: order.get(c, len(order)))),
                clients_cut_off=tuple(cut_off.get(dept.id, ())),
            )
        )
    steps = tuple(
        OverTaktStep(chain.id, step.department, step.cycle_time_hours, chain.takt_hours)
        for chain in flow.chains.values()
        for step in chain.steps
        if step.over_takt and step.cycle_time_hours is not None
    )
    with_rework = analyze_rework(org, predict_waits=predict_waits, flow=flow) if rework else None
    return Bottlenecks(flow, tuple(impacts), steps, org.checks.near_capacity, with_rework)


@dataclass(frozen=True, slots=True)
class ChainsReport:
    """What ``clientchain chains`` shows: the flow of every chain and handoff quality.

    ``satisfaction`` is the volume-weighted satisfaction of each supplier department
    (:func:`~clientchain.analysis.quality.department_satisfaction`); ``weakest``
    the work handoffs with the lowest %C&A; ``answers`` how many survey answers each
    satisfaction rests on, for the departments whose rated handoffs all state it
    (:func:`~clientchain.analysis.quality.satisfaction_answers`); ``rework`` the
    figures with rework when asked, else ``None``.
    """

    flow: FlowReport
    satisfaction: dict[str, float]
    weakest: tuple[WeakHandoff, ...]
    min_rolled_quality: float
    answers: dict[str, int] = field(default_factory=dict)
    rework: ReworkReport | None = None


def analyze_chains(
    org: Organization,
    graph: nx.DiGraph,
    *,
    predict_waits: bool = False,
    weakest: int = 5,
    rework: bool = False,
) -> ChainsReport:
    """Takt, lead time, quality and constraint of every chain, with the weakest handoffs.

    With ``rework``, also each chain's lead time with rework (``ChainsReport.rework``).
    """
    satisfaction = department_satisfaction(org, graph)
    answers = {dept: satisfaction_answers(graph, dept) for dept in satisfaction}
    flow = analyze_flow(org, predict_waits=predict_waits)
    return ChainsReport(
        flow=flow,
        satisfaction=satisfaction,
        weakest=tuple(weakest_handoffs(graph, weakest)),
        min_rolled_quality=org.checks.min_rolled_quality,
        answers={dept: n for dept, n in answers.items() if n is not None},
        rework=analyze_rework(org, predict_waits=predict_waits, flow=flow) if rework else None,
    )
