"""Rework from quality: the load and lead time that handoffs below 100 % %C&A cost.

The model (docs/concepts.md, "Rework from quality"): a handoff of %C&A ``q`` from a
chain step at department ``S`` to the next step's department (or to the chain's
external client) sends each unit back **independently** with probability ``1 − q``,
and ``S`` does its step again **in full**, waiting again in its queue. The number of
passes is geometric with mean ``1/q``, so with rework

* the step brings ``S`` a load of demand × effort ÷ q per period: the **rework** is
  demand × effort × (1 − q) ÷ q hours (:func:`geometric_rework_hours`);
* each pass waits and is worked, so the step adds ``(wait + effort) ÷ q`` to the
  chain's **lead time** instead of ``wait + effort``. A given ``wait`` and an
  ``inventory`` wait are taken as the wait of every pass; a predicted wait
  (``predict_waits``) is recomputed from the utilization *with* rework.

A handoff without ``quality`` counts as 100 % (no rework, as in rolled quality); two
consecutive steps at one department are no handoff; a handoff from an external
supplier costs the organization no load (the supplier redoes it). ``q = 0`` never
passes: its load and lead time are infinite. Unknown efforts stay unknown.

Examples
--------
>>> from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "A"), "b": Department("b", "B")},
...     clients={"z": ExternalParty("z", "Z", "client")},
...     handoffs=(Handoff("a", "b", quality=0.5),),
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 2.0), Step("b", 1.0)))},
... )
>>> report = analyze_rework(org)  # a: 10 × 2 h ÷ 0.5 = 40 h; rework 10 × 2 × 0.5 ÷ 0.5 = 20 h
>>> report.departments["a"].load_hours, report.departments["a"].rework_hours
(40.0, 20.0)
>>> report.chains["x"].lead_time_hours  # 2 h ÷ 0.5 + 1 h
5.0
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from clientchain.analysis.flow import FlowReport, StepFlow, analyze_flow, safe_ratio
from clientchain.analysis.quality import handoff_quality
from clientchain.analysis.queueing import ggc_wait
from clientchain.model import Chain, Organization

__all__ = [
    "ChainRework",
    "DepartmentRework",
    "HandoffRework",
    "ReworkReport",
    "analyze_rework",
    "geometric_rework_hours",
    "step_quality",
]


@dataclass(frozen=True, slots=True)
class DepartmentRework:
    """One department's load and utilization with rework (hours per period).

    ``rework_hours`` is the part of ``load_hours`` that redoes returned units; all
    three are ``None`` when an effort at the department is unknown, ``inf`` when a
    handoff of %C&A 0 leaves it.
    """

    id: str
    rework_hours: float | None
    load_hours: float | None
    utilization: float | None


@dataclass(frozen=True, slots=True)
class ChainRework:
    """One chain's lead time with rework, hours and working days (``None``: unknown)."""

    id: str
    lead_time_hours: float | None
    lead_time_days: float | None
    extra_hours: float | None


@dataclass(frozen=True, slots=True)
class HandoffRework:
    """What one handoff's rework costs its supplier, hours per period, over ``chains``."""

    source: str
    target: str
    quality: float
    chains: tuple[str, ...]
    hours: float | None


@dataclass(frozen=True, slots=True)
class ReworkReport:
    """Rework figures beside :class:`~clientchain.analysis.flow.FlowReport` ``flow``.

    ``handoffs`` are the work handoffs below 100 % between a department and its
    client that chains pass, most costly first (unknown last, then file order);
    ``constraint`` and ``headroom`` are those of the utilizations with rework.
    """

    flow: FlowReport
    departments: dict[str, DepartmentRework]
    chains: dict[str, ChainRework]
    handoffs: tuple[HandoffRework, ...]
    constraint: str | None
    headroom: float | None


def geometric_rework_hours(demand: float, effort: float, quality: float) -> float:
    """Rework hours per period a handoff of %C&A ``quality`` costs its supplier step.

    Every item handed over is complete and accurate with probability ``quality``,
    independently; one that is not goes back and the supplier's step is done again in
    full. The extra passes are geometric with mean (1 − q) ÷ q, so the rework is
    ``demand × effort × (1 − q) ÷ q`` hours per period (``inf`` for q = 0 with work).

    >>> round(geometric_rework_hours(10, 2.0, 0.8), 6)  # 10 × 2 × 0.2 / 0.8
    5.0
    >>> geometric_rework_hours(10, 2.0, 1.0)
    0.0
    """
    work = demand * effort
    if quality >= 1 or work == 0:
        return 0.0
    if quality <= 0:
        return math.inf
    return work * (1 - quality) / quality


def step_quality(
    org: Organization, chain: Chain, known: dict[tuple[str, str], float] | None = None
) -> Iterator[tuple[tuple[str, str] | None, float]]:
    """For each step of ``chain``: the handoff that leaves it and that handoff's %C&A.

    ``(None, 1.0)`` for a step followed by a step at the same department; ``q`` is 1.0
    for a handoff without ``quality``.
    """
    if known is None:
        known = handoff_quality(org)
    for index, step in enumerate(chain.steps):
        following = chain.steps[index + 1].department if index + 1 < len(chain.steps) else None
        target = following if following is not None else chain.client
        if target == step.department:
            yield None, 1.0
        else:
            edge = (step.department, target)
            yield edge, known.get(edge, 1.0)


def analyze_rework(
    org: Organization, *, predict_waits: bool = False, flow: FlowReport | None = None
) -> ReworkReport:
    """Each department's load with rework, each chain's lead time with it, each handoff's cost.

    Parameters
    ----------
    org : Organization
    predict_waits : bool, optional
        As in :func:`~clientchain.analysis.flow.analyze_flow`; predicted waits are then
        recomputed at the utilization with rework.
    flow : FlowReport, optional
        ``analyze_flow(org, predict_waits=predict_waits)`` when the caller has it.
    """
    if flow is None:
        flow = analyze_flow(org, predict_waits=predict_waits)
    known = handoff_quality(org)
    rework = _rework_by_department(org, known)
    departments: dict[str, DepartmentRework] = {}
    for dept in flow.departments.values():
        extra = rework[dept.id]
        load = None if extra is None or dept.load_hours is None else dept.load_hours + extra
        utilization = None if load is None else safe_ratio(load, dept.capacity_hours)
        departments[dept.id] = DepartmentRework(dept.id, extra, load, utilization)
    chains = {
        chain.id: _chain(org, chain, flow, departments, known) for chain in org.chains.values()
    }
    constraint = _busiest(departments)
    top = departments[constraint].utilization if constraint is not None else None
    headroom: float | None = 1.0 / top if top else math.inf
    if any(d.utilization is None for d in departments.values()):
        headroom = None
    return ReworkReport(flow, departments, chains, _handoffs(org, known), constraint, headroom)


def _rework_by_department(
    org: Organization, known: dict[tuple[str, str], float]
) -> dict[str, float | None]:
    """Σ rework hours of the steps at each department (``None`` with an unknown effort)."""
    totals: dict[str, float | None] = dict.fromkeys(org.departments, 0.0)
    for chain in org.chains.values():
        for step, (_edge, quality) in zip(
            chain.steps, step_quality(org, chain, known), strict=True
        ):
            total = totals.get(step.department)
            if total is None or step.effort is None:
                totals[step.department] = None
            else:
                totals[step.department] = total + geometric_rework_hours(
                    chain.demand, step.effort, quality
                )
    return totals


def _busiest(departments: dict[str, DepartmentRework]) -> str | None:
    best, top = None, -1.0
    for dept in departments.values():
        if dept.utilization is not None and dept.utilization > top:
            best, top = dept.id, dept.utilization
    return best


def _chain(
    org: Organization,
    chain: Chain,
    flow: FlowReport,
    departments: dict[str, DepartmentRework],
    known: dict[tuple[str, str], float],
) -> ChainRework:
    """Σ effort ÷ q + Σ wait ÷ q + the finished wait, summed in the order of
    :func:`~clientchain.analysis.flow.analyze_flow` so that q = 1 gives today's figure exactly."""
    before = flow.chains[chain.id]
    process: float | None = 0.0
    waits: float | None = 0.0
    for step, (_edge, quality) in zip(before.steps, step_quality(org, chain, known), strict=True):
        wait = _pass_wait(org, step, departments)
        if process is None or waits is None or wait is None or step.effort_hours is None:
            process = waits = None
            continue
        process += _passes(step.effort_hours, quality)
        waits += _passes(wait, quality)
    total = None if process is None or waits is None else process + waits
    total = None if total is None else total + before.finished_wait_hours
    days = None if total is None else total / org.calendar.hours_per_day
    extra = None
    if total is not None and before.lead_time_hours is not None:
        extra = _difference(total, before.lead_time_hours)
    return ChainRework(chain.id, total, days, extra)


def _passes(hours: float, quality: float) -> float:
    """``hours ÷ q``, the expected time of 1 ÷ q passes; nothing to repeat is 0."""
    if hours == 0:
        return 0.0
    return math.inf if quality <= 0 else hours / quality


def _pass_wait(
    org: Organization, step: StepFlow, departments: dict[str, DepartmentRework]
) -> float | None:
    """The wait of one pass; a predicted wait at the utilization with rework."""
    if step.wait_source != "predicted":
        return step.wait_hours
    utilization = departments[step.department].utilization
    if utilization is None or step.effort_hours is None:
        return None
    headcount = org.departments[step.department].headcount
    return ggc_wait(utilization, headcount, step.effort_hours, cs=step.effort_cv)


def _difference(after: float, before: float) -> float:
    """``after − before``; ``inf`` when the lead time with rework is infinite."""
    return math.inf if math.isinf(after) else after - before


def _handoffs(org: Organization, known: dict[tuple[str, str], float]) -> tuple[HandoffRework, ...]:
    hours: dict[tuple[str, str], float | None] = {}
    chains: dict[tuple[str, str], dict[str, None]] = {}
    for chain in org.chains.values():
        for step, (edge, quality) in zip(chain.steps, step_quality(org, chain, known), strict=True):
            if edge is None or quality >= 1:
                continue
            chains.setdefault(edge, {})[chain.id] = None
            total = hours.get(edge, 0.0)
            if total is None or step.effort is None:
                hours[edge] = None
            else:
                hours[edge] = total + geometric_rework_hours(chain.demand, step.effort, quality)
    order = {(h.source, h.target): i for i, h in enumerate(org.handoffs)}
    ranked = sorted(hours, key=lambda e: (hours[e] is None, -(hours[e] or 0.0), order.get(e, 0)))
    return tuple(
        HandoffRework(edge[0], edge[1], known[edge], tuple(chains[edge]), hours[edge])
        for edge in ranked
    )
