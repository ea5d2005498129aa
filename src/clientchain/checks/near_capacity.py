"""A department's utilization is above the ``near_capacity`` threshold, though not over 100 %.

Queues grow steeply as utilization nears 100 %: with variable work, a
department at 90 % makes work wait several times longer than one at 70 %
(Kingman's formula, see docs/concepts.md). Such a department has no slack for a
busy week, a sick day or a new client. Plan capacity before it overloads;
``clientchain simulate`` tells how many people bring it back under the
threshold. Set the threshold with ``checks: near_capacity`` (default 85 %).
Departments above 100 % are reported by ``overloaded`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.flow import DepartmentFlow
from clientchain.checks.base import Finding, Severity, department_findings
from clientchain.model import Organization
from clientchain.numbers import load_of, pct

__all__ = ["ID", "SEVERITY", "THRESHOLD", "check"]

ID = "near-capacity"
SEVERITY = Severity.WARNING
THRESHOLD = "near_capacity"


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per department with threshold < utilization ≤ 1."""
    threshold = org.checks.near_capacity

    def message(flow: DepartmentFlow) -> str:
        load = load_of(flow.load_hours, flow.capacity_hours, org.period)
        return (
            f"Department {org.describe(flow.id)} is near capacity: utilization "
            f"{pct(flow.utilization)} ({load}), above the threshold of {pct(threshold)}."
        )

    yield from department_findings(
        org,
        ID,
        SEVERITY,
        lambda flow: flow.utilization is not None and threshold < flow.utilization <= 1,
        message,
    )
