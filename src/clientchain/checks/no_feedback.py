"""A department delivers to an external client but passes no feedback back into the organization.

The department facing the client is the one that hears what the client thinks.
When it has no feedback or information handoff to another department (and the
client has none either), the organization's suppliers upstream never learn how
their work landed, and quality cannot improve from the client's side. Declare
how the client's voice travels inward, for example
``{from: social, to: content, type: feedback, deliverable: Comentarios de clientes}``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding, join
from clientchain.graph import DEPARTMENT, ROLE, TYPE, WORK, departments, is_external_client
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "no-feedback"
SEVERITY = Severity.WARNING


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per client-facing department with no way for feedback to flow back.

    Feedback flows back when the department, or one of the external clients it
    delivers work to, has an information or feedback edge to a department.
    """
    for dept in departments(graph):
        served = [
            client
            for client in graph.successors(dept)
            if is_external_client(graph, client) and graph.edges[dept, client][TYPE] == WORK
        ]
        if not served or any(_feeds_back(graph, node) for node in (dept, *served)):
            continue
        clients = join([org.describe(client) for client in served])
        yield finding(
            org,
            ID,
            SEVERITY,
            dept,
            _(
                "Department {department} delivers to {clients} but has no feedback or "
                "information handoff back to another department."
            ).format(department=org.describe(dept), clients=clients),
        )


def _feeds_back(graph: nx.DiGraph, node: str) -> bool:
    return any(
        data[TYPE] != WORK and graph.nodes[target][ROLE] == DEPARTMENT
        for _node, target, data in graph.out_edges(node, data=True)
    )
