"""Every work path to an external client passes through one department.

If that department stops (absence, overload, a system down), nothing reaches
the client: there is no other route for the work. This is information, not
necessarily a defect; small organizations are often lines. Where the client
matters, train a second department or person to take the work over, or add an
alternative route, and keep the department's utilization well below capacity.
Betweenness centrality (``clientchain bottlenecks``) ranks the other chokepoints.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.structure import single_points_of_failure
from clientchain.checks.base import Finding, Severity, finding, join
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "single-point-of-failure"
SEVERITY = Severity.INFO


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per department that is a single point of failure for some client."""
    clients_of: dict[str, list[str]] = {}
    for spof in single_points_of_failure(org, graph):
        clients_of.setdefault(spof.department, []).append(spof.client)
    for dept, clients in clients_of.items():
        yield finding(
            org,
            ID,
            SEVERITY,
            dept,
            _(
                "Department {department} is a single point of failure: every work path to "
                "{clients} passes through it."
            ).format(
                department=org.describe(dept),
                clients=join([org.describe(client) for client in clients]),
            ),
        )
