"""Load, utilization, the constraint, takt and lead time (SPEC §2; docs/concepts.md).

With ``H`` the working hours of one period (:attr:`Organization.period_hours`):

* **load** of a department = Σ over the chain steps at it of (chain demand × step
  effort) + ``other_load``, hours per period;
* **capacity** = ``capacity`` if given, else headcount × ``H``;
* **utilization** = load / capacity (``inf`` when capacity is 0 and load > 0,
  0 when both are 0); the **constraint** is the department with the highest
  utilization (ties: file order) and the **headroom** is 1 / max utilization:
  the factor by which *all* work, ``other_load`` included, can grow before the
  constraint reaches 100%;
* the **chains' constraint** is the busiest department that carries chain work
  (chain load > 0), and the **demand limit** the factor by which *chain demand*
  alone can grow, ``other_load`` fixed, before the first department reaches 100%:
  ``min over departments with chain load of max(capacity − other_load, 0) ÷ chain
  load`` (``inf`` when no department carries chain work);
* **takt** of a chain = ``H`` / demand; a step's **cycle time** = effort /
  headcount; a step whose cycle time exceeds takt is **over takt**;
* **lead time** = Σ efforts (process time) + Σ waits + the finished inventory's
  wait; a step's wait is its ``wait``, else ``inventory`` ÷ (demand per working
  day) working days (Little's law), else — with ``predict_waits`` — the Erlang C
  estimate of :mod:`clientchain.analysis.queueing`, else 0;
* **value-added ratio** = process time / lead time.

**Unknown effort** (``effort: unknown``, :attr:`Step.effort` ``None``) is never
counted as 0: a step's effort, cycle time, over-takt and predicted wait are ``None``;
a chain with such a step has ``None`` process time, lead time and value-added
ratio; a department with such a step has ``None`` load and utilization (a partial
sum is not its load). The constraints are chosen among the known utilizations, and
``headroom`` and ``demand_limit`` are ``None`` while any department's utilization
is unknown (:attr:`FlowReport.unknown_utilization` names them).

Nothing here divides by zero: an empty capacity, a zero demand or a zero
headcount give ``math.inf`` where the quantity is unbounded (see each field).

Examples
--------
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa", headcount=2), "b": Department("b", "Beta")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 2.0), Step("b", 3.0, wait=8.0)))},
... )
>>> report = analyze_flow(org)  # H = 40 h: a 10×2 / 80 = 25%, b 10×3 / 40 = 75%
>>> report.departments["a"].utilization, report.departments["b"].utilization
(0.25, 0.75)
>>> report.constraint, round(report.headroom, 4)
('b', 1.3333)
>>> x = report.chains["x"]  # takt 40 / 10 = 4 h; lead 2 + 3 + 8 = 13 h
>>> x.takt_hours, x.process_time_hours, x.lead_time_hours, x.constraint
(4.0, 5.0, 13.0, 'b')
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from clientchain.analysis.quality import handoff_quality, rolled_quality
from clientchain.analysis.queueing import ggc_wait
from clientchain.model import Chain, Organization, Step

__all__ = [
    "WAIT_SOURCES",
    "ChainFlow",
    "DepartmentFlow",
    "FlowReport",
    "StepFlow",
    "analyze_flow",
    "department_loads",
    "inventory_wait_hours",
    "safe_ratio",
]

WAIT_SOURCES = ("wait", "inventory", "predicted", "none")
"""Where a step's wait comes from: the file's ``wait``, its ``inventory`` by Little's
law, the Erlang C prediction, or nowhere (0)."""


@dataclass(frozen=True, slots=True)
class DepartmentFlow:
    """Load against capacity of one department, hours per period.

    ``utilization`` is ``math.inf`` when capacity is 0 and load > 0, 0.0 when both
    are 0. ``chains`` lists the chains with a step at the department (file order).
    ``chain_load_hours`` is the part of the load the chains bring (without
    ``other_load_hours``).

    ``load_hours``, ``chain_load_hours`` and ``utilization`` are ``None`` when a
    chain step at the department has an unknown effort (``unknown_steps`` > 0).
    """

    id: str
    name: str
    load_hours: float | None
    capacity_hours: float
    utilization: float | None
    chains: tuple[str, ...]
    headcount: float = 1.0
    chain_load_hours: float | None = 0.0
    other_load_hours: float = 0.0
    unknown_steps: int = 0


@dataclass(frozen=True, slots=True)
class StepFlow:
    """One step of a chain: cycle time against takt, and the wait before it (hours).

    ``cycle_time_hours`` = effort / headcount (``inf`` when the headcount is 0 and
    the effort is not). ``wait_hours`` is 0.0 when unknown (``wait_source`` is
    ``"none"``) and ``inf`` when predicted at a utilization ≥ 1 or derived from
    inventory at zero demand. With an unknown effort, ``effort_hours``,
    ``cycle_time_hours`` and ``over_takt`` are ``None``, and so is a predicted
    ``wait_hours``. ``effort_cv`` is the step's ``cv:`` (1 when not given), the service
    variability a predicted wait is computed with.
    """

    department: str
    effort_hours: float | None
    cycle_time_hours: float | None
    wait_hours: float | None
    wait_source: str
    over_takt: bool | None
    effort_cv: float = 1.0


@dataclass(frozen=True, slots=True)
class ChainFlow:
    """Takt, process and lead time, quality and constraint of one chain.

    Durations are hours; ``lead_time_days`` is the lead time in working days
    (hours ÷ ``hours_per_day``). ``finished_wait_hours`` is the wait of the
    ``finished_inventory`` (included in the lead time). ``unknown_steps`` counts
    the steps with an unknown effort; with any, the process time, lead time (hours
    and days) and value-added ratio are ``None``. ``over_takt`` lists the steps
    known to be over takt; ``constraint`` is chosen among known utilizations.
    """

    id: str
    name: str
    demand: float
    takt_hours: float
    process_time_hours: float | None
    lead_time_hours: float | None
    value_added_ratio: float | None
    rolled_quality: float
    unknown_quality: tuple[tuple[str, str], ...]
    constraint: str | None
    over_takt: tuple[str, ...]
    steps: tuple[StepFlow, ...]
    lead_time_days: float | None = 0.0
    finished_wait_hours: float = 0.0
    unknown_steps: int = 0


@dataclass(frozen=True, slots=True)
class FlowReport:
    """The flow analysis of a whole organization (:func:`analyze_flow`).

    ``departments`` and ``chains`` are in file order. ``constraint`` is the
    department with the highest utilization (the first in file order on a tie;
    ``None`` with no departments); ``headroom`` = 1 / its utilization (``inf``
    when nothing is loaded, 0 when a department has infinite utilization).
    ``chain_constraint`` is the busiest department with chain load (``None``
    when no department has any); ``demand_limit`` the factor on every chain's
    demand, ``other_load`` fixed, at which ``limit_department`` reaches 100%
    first (``inf`` and ``None`` without chain load, 0 when a department with
    chain load is already full with its other work). Departments with an unknown
    utilization (``unknown_utilization``, file order) are never the constraint;
    while there is any, ``headroom`` and ``demand_limit`` are ``None``.
    """

    departments: dict[str, DepartmentFlow]
    chains: dict[str, ChainFlow]
    constraint: str | None
    headroom: float | None
    period_hours: float
    period: str = "week"
    hours_per_day: float = 8.0
    predict_waits: bool = False
    demand_limit: float | None = math.inf
    limit_department: str | None = None
    chain_constraint: str | None = None
    unknown_utilization: tuple[str, ...] = ()

    def by_utilization(self) -> list[DepartmentFlow]:
        """Departments by utilization, highest first (ties: file order; unknown last)."""
        return sorted(
            self.departments.values(),
            key=lambda d: (d.utilization is None, -(d.utilization or 0.0)),
        )

    @property
    def max_utilization(self) -> float:
        """The constraint's utilization (0.0 with no known one)."""
        if self.constraint is None:
            return 0.0
        return self.departments[self.constraint].utilization or 0.0


def safe_ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator`` for non-negative numbers, never raising.

    ``inf`` when only the denominator is 0, ``0.0`` when both are.

    >>> safe_ratio(3, 4), safe_ratio(3, 0), safe_ratio(0, 0)
    (0.75, inf, 0.0)
    """
    if denominator == 0:
        return math.inf if numerator > 0 else 0.0
    return numerator / denominator


def inventory_wait_hours(org: Organization, inventory: float, demand: float) -> float:
    """Little's law: ``inventory`` units ahead wait inventory ÷ (demand per working day) days.

    Returned in hours (days × ``hours_per_day``); ``inf`` when inventory > 0 and
    demand is 0 (nothing pulls the queue), 0.0 for no inventory.

    >>> from clientchain.model import Organization
    >>> org = Organization("X", {})  # week of 5 days × 8 h
    >>> inventory_wait_hours(org, 2, 10)  # 2 / (10 / 5) = 1 day = 8 h
    8.0
    """
    per_day = demand / org.calendar.days_per_period(org.period)
    return safe_ratio(inventory, per_day) * org.calendar.hours_per_day


def department_loads(org: Organization) -> dict[str, float | None]:
    """Σ chain demand × step effort per department, hours per period (without other_load).

    ``None`` for a department with a step of unknown effort.
    """
    loads: dict[str, float | None] = dict.fromkeys(org.departments, 0.0)
    for chain in org.chains.values():
        for step in chain.steps:
            load = loads.get(step.department, 0.0)
            if load is None or step.effort is None:
                loads[step.department] = None
            else:
                loads[step.department] = load + chain.demand * step.effort
    return loads


def analyze_flow(org: Organization, *, predict_waits: bool = False) -> FlowReport:
    """Load, utilization, constraint, headroom, takt and lead time of every chain.

    Parameters
    ----------
    org : Organization
        A loaded organization (every step names an existing department).
    predict_waits : bool, optional
        Estimate the wait of steps that give neither ``wait`` nor ``inventory``
        with Erlang C (``wait_source == "predicted"``); otherwise
        such waits are 0 (``"none"``).

    Returns
    -------
    FlowReport

    Notes
    -----
    Nothing is remembered between calls: a use case computes the analysis once and
    passes it along (to the rules through :mod:`clientchain.checks.facts`).
    """
    return _analyze(org, predict_waits)


def _analyze(org: Organization, predict_waits: bool) -> FlowReport:
    departments = _departments(org)
    known = handoff_quality(org)
    chains = {c.id: _chain(org, c, departments, predict_waits, known) for c in org.chains.values()}
    constraint = _highest(departments, departments)
    top = departments[constraint].utilization if constraint is not None else None
    unknown = tuple(d.id for d in departments.values() if d.utilization is None)
    working = [d.id for d in departments.values() if (d.chain_load_hours or 0.0) > 0]
    limit: float | None
    limit, first = _demand_limit(departments[d] for d in working)
    headroom: float | None = 1.0 / top if top else math.inf
    if unknown:
        headroom, limit, first = None, None, None
    return FlowReport(
        departments=departments,
        chains=chains,
        constraint=constraint,
        headroom=headroom,
        period_hours=org.period_hours,
        period=org.period,
        hours_per_day=org.calendar.hours_per_day,
        predict_waits=predict_waits,
        demand_limit=limit,
        limit_department=first,
        chain_constraint=_highest(working, departments),
        unknown_utilization=unknown,
    )


def _demand_limit(departments: Iterable[DepartmentFlow]) -> tuple[float, str | None]:
    """The smallest ``max(capacity − other_load, 0) ÷ chain load`` and its department."""
    best, first = math.inf, None
    for dept in departments:
        if not dept.chain_load_hours:
            continue  # unknown (the caller then reports no limit)
        spare = max(dept.capacity_hours - dept.other_load_hours, 0.0)
        factor = spare / dept.chain_load_hours
        if factor < best:
            best, first = factor, dept.id
    return best, first


def _departments(org: Organization) -> dict[str, DepartmentFlow]:
    loads = department_loads(org)
    passing: dict[str, dict[str, None]] = {d: {} for d in org.departments}
    unknown = dict.fromkeys(org.departments, 0)
    for chain in org.chains.values():
        for step in chain.steps:
            passing.setdefault(step.department, {})[chain.id] = None
            unknown[step.department] += step.effort is None
    result: dict[str, DepartmentFlow] = {}
    for dept in org.departments.values():
        chain_load = loads[dept.id]
        load = None if chain_load is None else chain_load + dept.other_load
        capacity = org.capacity_hours(dept.id)
        result[dept.id] = DepartmentFlow(
            id=dept.id,
            name=dept.name,
            load_hours=load,
            capacity_hours=capacity,
            utilization=None if load is None else safe_ratio(load, capacity),
            chains=tuple(passing[dept.id]),
            headcount=dept.headcount,
            chain_load_hours=chain_load,
            other_load_hours=dept.other_load,
            unknown_steps=unknown[dept.id],
        )
    return result


def _highest(candidates: Iterable[str], departments: dict[str, DepartmentFlow]) -> str | None:
    """The candidate with the highest known utilization; the first one on a tie."""
    best: str | None = None
    top = -1.0
    for dept in candidates:
        utilization = departments[dept].utilization
        if utilization is not None and utilization > top:
            best, top = dept, utilization
    return best


def _chain(
    org: Organization,
    chain: Chain,
    departments: dict[str, DepartmentFlow],
    predict: bool,
    known: dict[tuple[str, str], float],
) -> ChainFlow:
    takt = safe_ratio(org.period_hours, chain.demand)
    steps = tuple(_step(org, chain, step, departments, takt, predict) for step in chain.steps)
    finished = inventory_wait_hours(org, chain.finished_inventory, chain.demand)
    process = _total(step.effort_hours for step in steps)
    waits = _total(step.wait_hours for step in steps)
    lead = None if process is None or waits is None else process + waits + finished
    quality = rolled_quality(org, chain, known)
    over = tuple(dict.fromkeys(step.department for step in steps if step.over_takt))
    return ChainFlow(
        id=chain.id,
        name=chain.name,
        demand=chain.demand,
        takt_hours=takt,
        process_time_hours=process,
        lead_time_hours=lead,
        value_added_ratio=None if process is None or lead is None else _value_added(process, lead),
        rolled_quality=quality.value,
        unknown_quality=quality.unknown,
        constraint=_highest((step.department for step in chain.steps), departments),
        over_takt=over,
        steps=steps,
        lead_time_days=None if lead is None else lead / org.calendar.hours_per_day,
        finished_wait_hours=finished,
        unknown_steps=sum(step.effort is None for step in chain.steps),
    )


def _total(hours: Iterable[float | None]) -> float | None:
    """The sum, or ``None`` when any term is unknown."""
    total = 0.0
    for value in hours:
        if value is None:
            return None
        total += value
    return total


def _value_added(process: float, lead: float) -> float:
    if lead == 0:
        return 1.0
    if math.isinf(lead):
        return 0.0
    return process / lead


def _step(
    org: Organization,
    chain: Chain,
    step: Step,
    departments: dict[str, DepartmentFlow],
    takt: float,
    predict: bool,
) -> StepFlow:
    dept = departments[step.department]
    effort = step.effort
    cv = 1.0 if step.cv is None else step.cv
    cycle = None if effort is None else safe_ratio(effort, dept.headcount)
    wait: float | None
    if step.wait is not None:
        wait, source = step.wait, "wait"
    elif step.inventory is not None:
        wait, source = inventory_wait_hours(org, step.inventory, chain.demand), "inventory"
    elif predict:
        u = dept.utilization
        wait = None if effort is None or u is None else ggc_wait(u, dept.headcount, effort, cs=cv)
        source = "predicted"
    else:
        wait, source = 0.0, "none"
    over = None if cycle is None else cycle > takt
    return StepFlow(step.department, effort, cycle, wait, source, over, cv)
