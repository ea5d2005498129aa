"""A department's load exceeds its capacity (utilization above 100%).

Load is the work the chains bring (demand × effort of every step at the
department) plus its ``other_load``; capacity is its ``capacity``, else headcount
× the hours of one period. Above 100% work piles up in front of the department
without bound: lead times grow week after week, and every chain through it misses
its dates. A department with no capacity at all (``capacity: 0h`` or headcount 0)
and any load is overloaded (its utilization is infinite). Add people or
capacity, move work elsewhere, or reduce demand; ``clientchain simulate --headcount
DEPT=+1`` shows the effect and the number of people needed.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow, FlowReport
from clientchain.checks.base import Finding, Severity, department_findings
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import hours, pct, per_period

__all__ = ["ID", "SEVERITY", "check"]

ID = "overloaded"
SEVERITY = Severity.ERROR


def check(org: Organization, graph: nx.DiGraph, *, flow: FlowReport) -> Iterator[Finding]:
    """Yield one finding per department with a utilization above 1."""

    def message(dept: DepartmentFlow) -> str:
        # TRANSLATORS: per_period is "per week" (or day, month, quarter)
        return _(
            "Department {department} is overloaded: {load} of work {per_period} against a "
            "capacity of {capacity} (utilization {utilization})."
        ).format(
            department=org.describe(dept.id),
            load=hours(dept.load_hours),
            per_period=per_period(org.period),
            capacity=hours(dept.capacity_hours),
            utilization=pct(dept.utilization),
        )

    # unknown (a step's effort is unknown) is never reported as overloaded
    yield from department_findings(
        org,
        flow,
        ID,
        SEVERITY,
        lambda dept: dept.utilization is not None and dept.utilization > 1,
        message,
    )
