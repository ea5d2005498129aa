"""Speaker notes: the numbers behind a slide, as plain lines.

>>> from clientchain.analysis.flow import analyze_flow
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "Equis", "z", 10.0, (Step("a", 2.0),))},
... )
>>> print(overview_notes(org, analyze_flow(org)))  # 10 × 2 h = 20 h of 40 h
Constraint: Alfa at 50% utilization; headroom ×2.
Alfa: 20 h of 40 h per week (50%)
"""

from __future__ import annotations

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.model import Organization
from clientchain.render.chain_view import finished_text, wait_text
from clientchain.render.numbers import amount, factor, hours, percent

__all__ = ["chain_notes", "overview_notes"]


def overview_notes(org: Organization, flow: FlowReport) -> str:
    """Constraint and headroom, then load against capacity for every department."""
    lines = []
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        lines.append(
            f"Constraint: {org.label(flow.constraint)} at {percent(utilization)} utilization; "
            f"headroom {factor(flow.headroom)}."
        )
    lines += [
        f"{d.name}: {hours(d.load_hours)} of {hours(d.capacity_hours)} per {org.period} "
        f"({percent(d.utilization)})"
        for d in flow.departments.values()
    ]
    return "\n".join(lines)


def chain_notes(org: Organization, chain: ChainFlow) -> str:
    """Demand, takt, times, quality, constraint, each step's cycle time and wait, finished stock."""
    constraint = org.label(chain.constraint) if chain.constraint else "none"
    lines = [
        f"{chain.name}: demand {amount(chain.demand)} per {org.period}, "
        f"takt {hours(chain.takt_hours)}.",
        f"Process time {hours(chain.process_time_hours)}, lead time "
        f"{hours(chain.lead_time_hours)}, value added {percent(chain.value_added_ratio)}.",
        f"Rolled quality {percent(chain.rolled_quality)}; constraint {constraint}; over takt: "
        f"{', '.join(org.label(d) for d in chain.over_takt) or 'none'}.",
    ]
    model = org.chains[chain.id]
    for step, given in zip(chain.steps, model.steps, strict=True):
        flag = " (over takt)" if step.over_takt else ""
        wait = wait_text(step, given.inventory) or "no wait given"
        lines.append(
            f"{org.label(step.department)}: effort {hours(step.effort_hours)}, cycle "
            f"{hours(step.cycle_time_hours)}{flag}, {wait}"
        )
    finished = finished_text(chain, model)
    if finished is not None:
        lines.append(f"Finished inventory: {finished}")
    return "\n".join(lines)
