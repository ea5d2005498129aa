"""A chain step's cycle time exceeds the chain's takt time.

Takt is the pace the external client demands: the hours of one period divided by
the chain's demand. A step's cycle time is its effort per unit divided by the
department's headcount. When the cycle time is longer than takt, the step cannot
keep up with demand even if it worked on nothing else: units queue in front of it
(Rother & Shook, *Learning to See*). Split the work, add people or stations at
the step, remove waste from its effort, or level the demand.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from clientchain.analysis.flow import FlowReport
from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import duration, given, per_period

__all__ = ["ID", "SEVERITY", "check"]

ID = "over-takt"
SEVERITY = Severity.WARNING


def check(org: Organization, graph: nx.DiGraph, *, flow: FlowReport) -> Iterator[Finding]:
    """Yield one finding per step over takt, at the step's place in the file."""
    for chain in org.chains.values():
        chain_flow = flow.chains[chain.id]
        for step, step_flow in zip(chain.steps, chain_flow.steps, strict=True):
            if not step_flow.over_takt:
                continue
            # TRANSLATORS: demand per_period is the chain's demand, "4 per week"
            message = _(
                "Step {step} of chain {chain} is over takt: cycle time {cycle_time} per unit "
                "against a takt of {takt} ({demand} {per_period})."
            ).format(
                step=org.describe(step.department),
                chain=chain.describe(),
                cycle_time=duration(step_flow.cycle_time_hours),
                takt=duration(chain_flow.takt_hours),
                demand=given(chain.demand),
                per_period=per_period(org.period),
            )
            yield finding(org, ID, SEVERITY, step.department, message, step.location)
