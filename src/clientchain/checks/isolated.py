"""A department, external client or external supplier has no handoffs at all.

Nothing reaches it and nothing leaves it: no chain passes through it and no
explicit handoff names it, so the map cannot say whom it serves or who serves
it. It is usually a leftover from an earlier version of the org file, or its
handoffs have not been written yet. Add the chain steps or handoffs that
connect it (``handoffs: - {from: …, to: …}``), or remove it from the file.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding
from clientchain.graph import ROLE
from clientchain.i18n import N_, _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "isolated"
SEVERITY = Severity.WARNING

_MESSAGES = {
    "department": N_(
        "Department {name} has no handoffs at all: nothing reaches it and it hands nothing over."
    ),
    "client": N_(
        "External client {name} has no handoffs at all: nothing reaches it and it hands "
        "nothing over."
    ),
    "supplier": N_(
        "External supplier {name} has no handoffs at all: nothing reaches it and it hands "
        "nothing over."
    ),
}
"""The message for each kind of node (the whole sentence: Spanish agrees with the noun)."""


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per node with no edge of any type."""
    for node in graph:
        if graph.degree(node) == 0:
            message = _(_MESSAGES[str(graph.nodes[node][ROLE])])  # i18n: N_ table
            yield finding(org, ID, SEVERITY, node, message.format(name=org.describe(node)))
