"""An explicit handoff does not say what is handed over.

A handoff is a supplier → client agreement about a deliverable; without naming
it, the two departments cannot agree on what "complete and accurate" means and
the quality and satisfaction ratings have nothing to refer to. Add
``deliverable: …`` to the handoff (for example ``deliverable: Textos``).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _
from clientchain.model import Organization

__all__ = ["ID", "SEVERITY", "check"]

ID = "missing-deliverable"
SEVERITY = Severity.INFO


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per explicit handoff whose deliverable is missing or blank."""
    for handoff in org.handoffs:
        if handoff.deliverable is None or not handoff.deliverable.strip():
            yield finding(
                org,
                ID,
                SEVERITY,
                f"{handoff.source}->{handoff.target}",
                _(
                    "The handoff from {source} to {target} does not say what is handed over "
                    "(no deliverable)."
                ).format(source=org.describe(handoff.source), target=org.describe(handoff.target)),
                handoff.location,
            )
