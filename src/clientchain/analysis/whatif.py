"""What-if: change demand, headcount or capacity and recompute the flow (SPEC §2 "What-if").

A :class:`Change` is built from values, not from command-line text (``clientchain
simulate`` reads its options into changes in :mod:`clientchain.cli.changes`):

* ``Change.demand(1.5)`` multiplies the demand of every chain by 1.5;
  ``Change.demand(2, "CHAIN")`` multiplies one chain's demand by 2 (``other_load`` is
  work outside the chains and does not scale). Inventory is held in **days of
  demand**: a chain's ``inventory`` and ``finished_inventory`` units scale with its
  demand, so the waits they stand for stay the same and more demand never shortens a
  chain; ``hold_inventory`` keeps the units instead (Little's law then shrinks those
  waits);
* ``Change.headcount("DEPT", add=1)`` (or ``add=-1``) adds people,
  ``Change.headcount("DEPT", to=3)`` sets the headcount. A department with an explicit
  ``capacity`` keeps its capacity per person: its capacity is scaled by new / old
  headcount (with an old headcount of 0 each new person brings ``H`` hours);
* ``Change.capacity("DEPT", 60.0)`` sets a department's capacity per period, in hours.

Changes apply in the order given; repeated changes to the same target apply one
after the other (two ``Change.demand(2)`` multiply by 4). A change naming an unknown
chain or department, or whose value is negative (a headcount delta may be) or not
finite, is refused with a :class:`~clientchain.errors.UsageError`
(:func:`~clientchain.analysis.change.check_changes`; :class:`Change` lives in
:mod:`clientchain.analysis.change` and is re-exported here).

For every department above the ``near_capacity`` threshold after the change,
:func:`hires_needed` finds the smallest whole number of extra people that brings
its utilization to the threshold or below, checked by re-simulating with that
number and with one fewer. :func:`demand_limit` is the largest factor by which
all chain demand can grow before the first department exceeds 100%.

Examples
--------
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "A")},
...     clients={"z": ExternalParty("z", "Z", "client")},
...     chains={"x": Chain("x", "X", "z", 8.0, (Step("a", 4.0),))},
... )
>>> sim = simulate(org, [Change.demand(1.5)])  # a: 8 × 4 = 32 h → 48 h of 40 h
>>> sim.before.departments["a"].utilization, sim.after.departments["a"].utilization
(0.8, 1.2)
>>> [(h.department, h.extra_people) for h in sim.hires]  # 48 / (2 × 40) = 0.6 ≤ 0.85
[('a', 1)]
>>> simulate(org, [Change.headcount("a", add=1)]).after.departments["a"].utilization
0.4
>>> demand_limit(org)  # (40 − 0) / 32
1.25
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from clientchain.analysis.change import Change, check_changes
from clientchain.analysis.flow import (
    DepartmentFlow,
    FlowReport,
    analyze_flow,
    department_loads,
    safe_ratio,
)
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Chain, Department, Organization
from clientchain.numbers import given, num

__all__ = [
    "Change",
    "Hire",
    "Simulation",
    "apply_changes",
    "check_changes",
    "demand_limit",
    "hires_needed",
    "simulate",
]

_MAX_HIRES = int(sys.float_info.max)
"""Give up beyond this many people: more is no longer a floating-point number."""


@dataclass(frozen=True, slots=True)
class Hire:
    """Extra people a department above the near-capacity threshold needs.

    ``extra_people`` is ``None`` when no number of people helps (its capacity is
    fixed at 0, or the threshold is 0); then ``utilization_after_hiring`` is ``None``.
    """

    department: str
    name: str
    headcount: float
    utilization: float
    extra_people: int | None
    utilization_after_hiring: float | None


@dataclass(frozen=True, slots=True)
class Simulation:
    """Before and after a set of changes (:func:`simulate`).

    ``demand_limit`` is :func:`demand_limit` of the changed organization, and
    ``limit_department`` the department that reaches 100% first at that factor.
    ``future`` is the changed organization itself (the future state).
    ``demand_limit`` is ``None`` when a department's utilization is unknown (a step's
    ``effort: unknown``); such a department is never given hires.
    """

    changes: tuple[Change, ...]
    before: FlowReport
    after: FlowReport
    hires: tuple[Hire, ...]
    threshold: float
    demand_limit: float | None
    limit_department: str | None
    future: Organization
    hold_inventory: bool = False

    def lead_time_change(self) -> dict[str, float | None]:
        """Chain id → lead time after − before, hours (``nan`` never: inf − inf is 0;
        ``None`` when either lead time is unknown)."""
        changes: dict[str, float | None] = {}
        for chain_id, before in self.before.chains.items():
            after, was = self.after.chains[chain_id].lead_time_hours, before.lead_time_hours
            if after is None or was is None:
                changes[chain_id] = None
            else:
                changes[chain_id] = 0.0 if after == was else after - was
        return changes


def simulate(
    org: Organization,
    changes: Iterable[Change] = (),
    *,
    predict_waits: bool = False,
    hold_inventory: bool = False,
) -> Simulation:
    """Apply ``changes`` in order and compare before with after.

    With no change the organization is compared with itself (the demand limit is
    still computed). ``hold_inventory`` keeps inventory in units when demand
    changes (by default it is held in days of demand, see :func:`apply_changes`).

    Raises
    ------
    UsageError
        A change names an unknown chain or department, its value is negative or not
        finite (:func:`check_changes`), it would leave a negative headcount, or it
        makes a load or inventory too large for a floating-point number.
    TypeError
        An item of ``changes`` is not a :class:`Change`.
    """
    changes = tuple(changes)
    changed = apply_changes(org, changes, hold_inventory=hold_inventory)
    after = analyze_flow(changed, predict_waits=predict_waits)
    threshold = org.checks.near_capacity
    hires = tuple(_hire(changed, threshold, *over) for over in _over(after, threshold))
    return Simulation(
        changes=changes,
        before=analyze_flow(org, predict_waits=predict_waits),
        after=after,
        hires=hires,
        threshold=threshold,
        demand_limit=after.demand_limit,
        limit_department=after.limit_department,
        future=changed,
        hold_inventory=hold_inventory,
    )


def apply_changes(
    org: Organization, changes: Iterable[Change], *, hold_inventory: bool = False
) -> Organization:
    """A copy of ``org`` with ``changes`` applied in order (the input is not modified).

    A demand factor also scales the chain's ``inventory`` and ``finished_inventory``
    (inventory held in days of demand) unless ``hold_inventory`` is true. The
    changes are checked first (:func:`check_changes`).
    """
    changes = tuple(changes)
    check_changes(org, changes)
    chains = dict(org.chains)
    departments = dict(org.departments)
    for change in changes:
        if change.kind == "demand":
            targets = [change.target] if change.target is not None else list(chains)
            for chain_id in targets:
                chains[chain_id] = _scaled(chains[chain_id], change.value, hold_inventory)
        elif change.target is not None:
            departments[change.target] = _staffed(org, departments[change.target], change)
    changed = replace(org, chains=chains, departments=departments)
    _check_finite(changed, changes)
    return changed


def _check_finite(org: Organization, changes: Iterable[Change]) -> None:
    """Refuse changes whose demand or load no longer fits a floating-point number."""
    scaled = [change for change in changes if change.kind == "demand"]
    if not scaled:
        return
    what = ", ".join(str(c) for c in scaled)
    loads = department_loads(org)
    for dept, load in loads.items():
        if load is not None and not math.isfinite(load + org.departments[dept].other_load):
            message = _(
                "{changes}: the load of department '{department}' would be too large to "
                "compute with (more than {limit} hours)"
            )
            raise UsageError(
                message.format(changes=what, department=dept, limit=num(sys.float_info.max))
            )
    for chain in org.chains.values():
        units = [step.inventory or 0.0 for step in chain.steps]
        if not all(math.isfinite(n) for n in (*units, chain.finished_inventory)):
            message = _(
                "{changes}: the inventory of chain '{chain}' would be too large to "
                "compute with (more than {limit} units)"
            )
            raise UsageError(
                message.format(changes=what, chain=chain.id, limit=num(sys.float_info.max))
            )


def hires_needed(
    org: Organization, department: str, threshold: float, *, load: float | None = None
) -> int | None:
    """The smallest whole number of extra people that brings ``department`` to ``threshold``.

    Returns 0 when it is already at or below the threshold and ``None`` when no
    number of people helps or its load is unknown (a step's ``effort: unknown``). The
    answer is checked by re-simulating: with it the utilization is at or below
    ``threshold``, with one fewer it is above.

    The search takes bounded time whatever the numbers: the closed form
    ``⌈load ÷ (threshold × capacity per person)⌉ − headcount`` is a first guess,
    doubled until it fits, then a bisection finds the smallest whole number that
    fits (utilization only falls as people are added, also in floating point).
    At most about 2 × 1,100 re-simulations, even for ``1e22`` times the demand.
    """

    if load is None:
        load = _load(org, department)
    if load is None:
        return None
    known: float = load

    def fits(extra: int) -> bool:
        return _utilization_with(org, department, extra, known) <= threshold

    if fits(0):
        return 0
    per_person = _capacity_per_person(org, org.departments[department])
    if per_person <= 0 or threshold <= 0 or not math.isfinite(load):
        return None
    guess = load / (threshold * per_person) - org.departments[department].headcount
    if not math.isfinite(guess):
        return None
    low, high = 0, max(1, math.ceil(guess))  # fits(low) is false
    while not fits(high):
        low, high = high, high * 2
        if high > _MAX_HIRES:
            return None
    while high - low > 1:  # fits(high), not fits(low)
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle
    return high


def demand_limit(org: Organization) -> float | None:
    """The largest factor for every chain's demand before a department exceeds 100%.

    ``min`` over departments with chain load of ``max(capacity − other_load, 0) ÷
    chain load`` (``other_load`` does not grow with demand); 0 when such a
    department is already full with its other work, ``inf`` when no department
    carries chain work. A department without chain work never limits it, even
    overloaded: no demand factor changes its load. It equals the headroom
    ``1 / max utilization`` when the constraint carries chain work and has no
    ``other_load``; ``None`` while a department's utilization is unknown. See
    :attr:`FlowReport.demand_limit`.
    """
    return analyze_flow(org).demand_limit


def _over(after: FlowReport, threshold: float) -> Iterator[tuple[DepartmentFlow, float, float]]:
    """Departments above ``threshold``, busiest first, with their known load and utilization."""
    for flow in after.by_utilization():
        load, now = flow.load_hours, flow.utilization
        if load is not None and now is not None and now > threshold:
            yield flow, load, now


def _hire(
    org: Organization, threshold: float, flow: DepartmentFlow, load: float, now: float
) -> Hire:
    extra = hires_needed(org, flow.id, threshold, load=load)
    utilization = None
    if extra is not None:
        utilization = _utilization_with(org, flow.id, extra, load)
    return Hire(flow.id, flow.name, flow.headcount, now, extra, utilization)


def _load(org: Organization, department: str) -> float | None:
    """The department's load (chain steps + other_load), as :func:`analyze_flow` sums it;
    ``None`` when a step's effort at it is unknown."""
    dept = org.departments[department]
    chain_load = 0.0
    for chain in org.chains.values():
        for step in chain.steps:
            if step.department == department:
                if step.effort is None:
                    return None
                chain_load += chain.demand * step.effort
    return chain_load + dept.other_load


def _utilization_with(org: Organization, department: str, extra: int, load: float) -> float:
    """Utilization of ``department`` with ``extra`` more people.

    Only the department's capacity changes with its headcount (loads do not depend
    on headcount), so re-simulating the department alone is exact;
    tests/analysis/test_whatif.py re-runs the whole analysis to prove it.
    """
    dept = org.departments[department]
    staffed = _staffed(org, dept, Change.headcount(department, add=extra)) if extra else dept
    capacity = staffed.capacity
    if capacity is None:
        capacity = staffed.headcount * org.period_hours
    return safe_ratio(load, capacity)


def _capacity_per_person(org: Organization, dept: Department) -> float:
    if dept.capacity is None or dept.headcount <= 0:
        return org.period_hours
    return dept.capacity / dept.headcount


def _scaled(chain: Chain, factor: float, hold_inventory: bool) -> Chain:
    demand = _tidy(chain.demand * factor)
    if hold_inventory:
        return replace(chain, demand=demand)
    steps = tuple(
        step if step.inventory is None else replace(step, inventory=_tidy(step.inventory * factor))
        for step in chain.steps
    )
    finished = _tidy(chain.finished_inventory * factor)
    return replace(chain, demand=demand, steps=steps, finished_inventory=finished)


def _tidy(value: float) -> float:
    """``value`` to 12 significant digits: the future-state file reads 3.9, not 3.9000000000000004.

    Rounding is monotone, so it never turns more demand into less.
    """
    return float(f"{value:.12g}") if math.isfinite(value) else value


def _staffed(org: Organization, dept: Department, change: Change) -> Department:
    if change.kind == "capacity":
        return replace(dept, capacity=change.value)
    new = dept.headcount + change.value if change.operation == "add" else change.value
    if new < 0:
        # the new headcount is negative: never 1, so "people" is the only form
        message = _("{change}: {department} would have {people} people (it has {headcount})")
        raise UsageError(
            message.format(
                change=change,
                department=dept.id,
                people=given(new),
                headcount=given(dept.headcount),
            )
        )
    capacity = dept.capacity
    if capacity is not None:
        old = dept.headcount
        capacity = capacity * new / old if old > 0 else capacity + (new - old) * org.period_hours
        capacity = _tidy(capacity)
    return replace(dept, headcount=new, capacity=capacity)
