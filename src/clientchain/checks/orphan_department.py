"""A department has no work path to any external client.

Whatever it produces never reaches a client outside the organization, not even
through other departments: in internal-customer terms it has no line of sight
to the customer. Either a handoff is missing (add the work handoff or chain
step that takes its output onward), the work it does is not needed, or it is a
support function whose output is information (declare those handoffs with
``type: information``; they do not count as work). Departments with no handoffs
at all are reported by ``isolated`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.structure import hops_to_external_clients
from clientchain.checks.base import Finding, Severity, finding
from clientchain.graph import departments
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "orphan-department"
SEVERITY = Severity.WARNING


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per connected department that reaches no external client."""
    reaches_client = hops_to_external_clients(graph)
    for dept in departments(graph):
        if dept not in reaches_client and graph.degree(dept) > 0:
            yield finding(
                org,
                ID,
                SEVERITY,
                dept,
                _("Department {department} has no work path to any external client.").format(
                    department=org.describe(dept)
                ),
            )
