"""When a department's load, growing at its recent rate, reaches its capacity.

The method (docs/concepts.md "Forecast"): take a department's load per period at
the last ``window`` points that were read, numbered ``t = 0 … n − 1``, and fit the
least-squares line ``load(t) = a + b·t``::

    b = Σ (t − t̄)(load − l̄) / Σ (t − t̄)²        a = l̄ − b·t̄

With ``b > 0``, the load ``k`` periods after the last point is ``a + b·(n − 1 + k)``;
the department **overloads in k periods** for the smallest whole ``k ≥ 1`` at which
that exceeds its capacity at the last point. It is forecast only when ``k`` is within
``horizon`` periods. Then :func:`clientchain.analysis.whatif.apply_changes` adds
people one at a time (``Change.headcount(dept, add=n)``, so a department with an
explicit capacity keeps its capacity per person) until the load forecast
``year`` periods ahead is at most ``near_capacity`` of the new capacity.

>>> fit_line([10.0, 12.0, 14.0, 16.0])  # exactly 10 + 2t
(10.0, 2.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from clientchain.analysis.change import Change
from clientchain.analysis.whatif import apply_changes
from clientchain.model import Organization
from clientchain.trend.series import Point

__all__ = ["MAX_PEOPLE", "Forecast", "fit_line", "forecast"]

MAX_PEOPLE = 1000
"""The most extra people :func:`forecast` tries before saying none is enough."""


@dataclass(frozen=True, slots=True)
class Forecast:
    """A department that overloads within the horizon at its recent rate of growth.

    ``periods`` until its load exceeds ``capacity_hours``; ``slope_hours`` the fitted
    growth of load per period; ``people`` the fewest extra people that keep the load
    forecast ``year`` periods ahead at or under ``threshold`` of capacity (``None``
    when even :data:`MAX_PEOPLE` do not, or the department has no capacity per person).
    """

    department: str
    periods: int
    slope_hours: float
    intercept_hours: float
    points: int
    load_hours: float
    capacity_hours: float
    people: int | None
    year: int
    threshold: float


def fit_line(values: Sequence[float]) -> tuple[float, float]:
    """``(a, b)`` of the least-squares line ``a + b·t`` through ``values`` at ``t = 0, 1, …``."""
    n = len(values)
    mean_t = (n - 1) / 2
    mean_v = sum(values) / n
    spread = sum((t - mean_t) ** 2 for t in range(n))
    if spread == 0:
        return mean_v, 0.0
    slope = sum((t - mean_t) * (v - mean_v) for t, v in enumerate(values)) / spread
    return mean_v - slope * mean_t, slope


def forecast(
    points: Sequence[Point],
    *,
    window: int = 6,
    horizon: int = 6,
    year: int = 12,
) -> list[Forecast]:
    """The departments of the last read point that overload within ``horizon`` periods.

    Only departments present, with a known load, at each of the last ``window`` read
    points (at least 3) are fitted. Departments come in the order of the file.
    """
    read = [p for p in points if p.org is not None][-window:]
    if len(read) < 3:
        return []
    last = read[-1]
    assert last.org is not None
    found: list[Forecast] = []
    for dept_id, dept in last.departments.items():
        loads = [
            p.departments[dept_id].load_hours if dept_id in p.departments else None for p in read
        ]
        known = [v for v in loads if v is not None]
        if len(known) < len(loads) or not 0 < known[-1] <= dept.capacity_hours:
            continue  # an overloaded department is the `overloaded` rule's
        a, b = fit_line(known)
        if b <= 0:
            continue
        n = len(known)
        periods = math.floor((dept.capacity_hours - a) / b) - (n - 1) + 1
        periods = max(periods, 1)
        if periods > horizon:
            continue
        future = a + b * (n - 1 + year)
        people = _people(last.org, dept_id, future, last.org.checks.near_capacity)
        found.append(
            Forecast(
                dept_id,
                periods,
                b,
                a,
                n,
                known[-1],
                dept.capacity_hours,
                people,
                year,
                last.org.checks.near_capacity,
            )
        )
    return found


def _people(org: Organization, dept_id: str, load: float, threshold: float) -> int | None:
    """The fewest extra people at ``dept_id`` that keep ``load`` at or under ``threshold``."""
    for extra in range(1, MAX_PEOPLE + 1):
        changed = apply_changes(org, [Change.headcount(dept_id, add=extra)])
        if load <= threshold * changed.capacity_hours(dept_id):
            return extra
        if extra == 1 and changed.capacity_hours(dept_id) <= org.capacity_hours(dept_id):
            return None  # a person adds no capacity (a capacity of 0 per person)
    return None
