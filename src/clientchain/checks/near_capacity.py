"""A department's utilization is above the ``near_capacity`` threshold, though not over 100%.

Queues grow steeply as utilization nears 100%: with variable work, a
department at 90% makes work wait several times longer than one at 70%
(Kingman's formula, see docs/concepts.md). Such a department has no slack for a
busy week, a sick day or a new client. Plan capacity before it overloads;
``clientchain simulate`` tells how many people bring it back under the
threshold. Set the threshold with ``checks: near_capacity`` (default 85%).
Departments above 100% are reported by ``overloaded`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow, FlowReport
from clientchain.checks.base import Finding, Severity, department_findings
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import load_of, pct

__all__ = ["ID", "SEVERITY", "THRESHOLD", "check"]

ID = "near-capacity"
SEVERITY = Severity.WARNING
THRESHOLD = "near_capacity"


def check(org: Organization, graph: nx.DiGraph, *, flow: FlowReport) -> Iterator[Finding]:
    """Yield one finding per department with threshold < utilization ≤ 1."""
    threshold = org.checks.near_capacity

    def message(dept: DepartmentFlow) -> str:
        # TRANSLATORS: load is "36 h of 40 h per week"
        return _(
            "Department {department} is near capacity: utilization {utilization} ({load}), "
            "above the threshold of {threshold}."
        ).format(
            department=org.describe(dept.id),
            utilization=pct(dept.utilization),
            load=load_of(dept.load_hours, dept.capacity_hours, org.period),
            threshold=pct(threshold),
        )

    yield from department_findings(
        org,
        flow,
        ID,
        SEVERITY,
        lambda dept: dept.utilization is not None and threshold < dept.utilization <= 1,
        message,
    )
