"""An external client receives no work: no chain and no work handoff delivers to it.

A client in the file that nothing delivers to is either a client the
organization has stopped serving, or a chain is missing. Add the chain that
delivers to it (``chains: …: client: …``) or a work handoff to it, or remove
the client. Information or feedback handoffs to a client do not count: they
carry no work. Clients with no handoffs at all are reported by ``isolated``
instead.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding
from clientchain.graph import external_clients, work_graph
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "unserved-client"
SEVERITY = Severity.WARNING


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per connected external client with no incoming work edge."""
    work = work_graph(graph)
    for client in external_clients(graph):
        if work.in_degree(client) == 0 and graph.degree(client) > 0:
            yield finding(
                org,
                ID,
                SEVERITY,
                client,
                _(
                    "External client {client} receives no work: no chain or work handoff "
                    "delivers to it."
                ).format(client=org.describe(client)),
            )
