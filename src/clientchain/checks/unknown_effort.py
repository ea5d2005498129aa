"""A chain step's effort is ``unknown``: what it feeds is unknown too.

A step written ``effort: unknown`` (as ``clientchain discover`` writes a step no case
of the event log measured) is never counted as 0 hours. Its chain's process time,
lead time and value-added ratio are unknown, and so are the load and utilization
of its department; while any utilization is unknown, the headroom and the demand
limit are unknown as well, and ``overloaded``, ``near-capacity`` and ``over-takt``
cannot judge that step or department. Measure or estimate the effort (a time study,
the people who do the work, start and completion times in the log) and write it.
The finding points at the chain's first unknown step and its subject is the chain,
so ``ignore: [unknown-effort]`` on a chain silences it.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.checks.base import Finding, Severity, finding, join
from clientchain.i18n import ngettext
from clientchain.model import Organization
from clientchain.numbers import num

__all__ = ["ID", "SEVERITY", "check"]

ID = "unknown-effort"
SEVERITY = Severity.INFO


def check(org: Organization, graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield one finding per chain with an unknown step effort, at its first such step."""
    for chain in org.chains.values():
        unknown = [step for step in chain.steps if step.effort is None]
        if not unknown:
            continue
        departments = [org.describe(d) for d in dict.fromkeys(s.department for s in unknown)]
        # TRANSLATORS: "at 1 step of 3 (Design (design))": n of the chain's total steps
        message = ngettext(
            "Chain {chain} has an unknown effort at {n} step of {total} ({departments}): its "
            "process time, lead time and value added are unknown, and so are the load and "
            "utilization of {departments}.",
            "Chain {chain} has an unknown effort at {n} steps of {total} ({departments}): its "
            "process time, lead time and value added are unknown, and so are the load and "
            "utilization of {departments}.",
            len(unknown),
        ).format(
            chain=chain.describe(),
            n=num(len(unknown)),
            total=num(len(chain.steps)),
            departments=join(departments),
        )
        yield finding(org, ID, SEVERITY, chain.id, message, unknown[0].location)
