"""SIPOC of one department: its Suppliers, Inputs, Process, Outputs and Customers.

The internal-customer view of a department on one page: who feeds it and with what
(each input's volume, %C&A and satisfaction as rated by this department), what it does
(the chain steps it performs: effort, cycle time, and its load against capacity), what it
hands on and to whom, with what each customer requires of it (``requires:``/``needs:``).
Inputs and outputs are the work and information edges of the graph (explicit handoffs and
those the chains imply), in graph order; feedback is the customers' voice, not an input.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.analysis.structure import who
from clientchain.errors import UsageError
from clientchain.graph import (
    ANSWERS,
    DELIVERABLE,
    FEEDBACK,
    QUALITY,
    ROLE,
    SATISFACTION,
    TYPE,
    VOLUME,
)
from clientchain.i18n import _
from clientchain.model import Handoff, Organization, Requirement

__all__ = ["Exchange", "Sipoc", "SipocStep", "sipoc"]


@dataclass(frozen=True, slots=True)
class Exchange:
    """One input (``party`` is the supplier) or output (``party`` is the customer)."""

    party: str
    deliverable: str | None
    type: str
    volume: float | None
    quality: float | None
    satisfaction: float | None
    requires: Requirement | None = None
    needs: str | None = None
    answers: int | None = None  # survey answers the satisfaction rests on


@dataclass(frozen=True, slots=True)
class SipocStep:
    """A chain step the department performs (hours per unit)."""

    chain: str
    position: int  # 1-based place of the step in its chain
    effort_hours: float | None
    cycle_time_hours: float | None
    over_takt: bool | None


@dataclass(frozen=True, slots=True)
class Sipoc:
    """The SIPOC of department ``id`` (ids in file/graph order)."""

    id: str
    suppliers: tuple[str, ...]
    inputs: tuple[Exchange, ...]
    process: tuple[SipocStep, ...]
    load_hours: float | None
    capacity_hours: float
    utilization: float | None
    outputs: tuple[Exchange, ...]
    customers: tuple[str, ...]


def sipoc(org: Organization, graph: nx.DiGraph, flow: FlowReport, dept: str) -> Sipoc:
    """The SIPOC of department ``dept``; an unknown id (or one that is not a department)
    raises :class:`~clientchain.errors.UsageError` with the closest ids."""
    if dept not in org.departments:
        if dept in graph:
            raise UsageError(
                _("'{id}' is an external {role}, not a department").format(
                    id=dept,
                    role=_(str(graph.nodes[dept][ROLE])),  # i18n: client or supplier
                )
            )
        who(org, graph, dept)  # raises with the did-you-mean message
    handoffs = {(h.source, h.target): h for h in org.handoffs}
    inputs = tuple(
        _exchange(graph, handoffs, source, dept, source)
        for source in graph.predecessors(dept)
        if graph.edges[source, dept][TYPE] != FEEDBACK
    )
    outputs = tuple(
        _exchange(graph, handoffs, dept, target, target)
        for target in graph.successors(dept)
        if graph.edges[dept, target][TYPE] != FEEDBACK
    )
    process = tuple(
        SipocStep(chain.id, number, step.effort_hours, step.cycle_time_hours, step.over_takt)
        for chain in flow.chains.values()
        for number, step in enumerate(chain.steps, start=1)
        if step.department == dept
    )
    load = flow.departments[dept]
    return Sipoc(
        id=dept,
        suppliers=tuple(dict.fromkeys(e.party for e in inputs)),
        inputs=inputs,
        process=process,
        load_hours=load.load_hours,
        capacity_hours=load.capacity_hours,
        utilization=load.utilization,
        outputs=outputs,
        customers=tuple(dict.fromkeys(e.party for e in outputs)),
    )


def _exchange(
    graph: nx.DiGraph,
    handoffs: dict[tuple[str, str], Handoff],
    source: str,
    target: str,
    party: str,
) -> Exchange:
    edge = graph.edges[source, target]
    declared = handoffs.get((source, target))
    return Exchange(
        party=party,
        deliverable=edge[DELIVERABLE],
        type=edge[TYPE],
        volume=edge[VOLUME],
        quality=edge[QUALITY],
        satisfaction=edge[SATISFACTION],
        requires=declared.requires if declared else None,
        needs=declared.needs if declared else None,
        answers=edge[ANSWERS],
    )
