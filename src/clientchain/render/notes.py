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
Constraint: Alfa at 50% utilization.
Headroom ×2: if all work grows (other work too), Alfa reaches 100% first.
Demand limit ×2: if only chain demand grows, Alfa reaches 100% first.
Alfa: 20 h of 40 h per week (50%)
"""

from __future__ import annotations

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.model import Organization
from clientchain.numbers import UNKNOWN, or_unknown
from clientchain.output.limits import (
    NO_CHAIN_WORK,
    carries_no_chain_work,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
)
from clientchain.render.chain_view import finished_text, wait_text
from clientchain.render.numbers import amount, factor, hours, percent

__all__ = ["chain_notes", "overview_notes"]


def overview_notes(org: Organization, flow: FlowReport) -> str:
    """Constraint, headroom and demand limit, then load against capacity for every department."""
    lines = []
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        busiest = f"{org.label(flow.constraint)} at {or_unknown(utilization, percent)} utilization"
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            lines.append(
                f"Busiest: {busiest}, {NO_CHAIN_WORK}; the chains' constraint: "
                f"{org.label(chains.id)} at {or_unknown(chains.utilization, percent)}."
            )
        else:
            lines.append(f"Constraint: {busiest}.")
        limit = limit_factor(flow, factor)
        lines += [
            f"Headroom {or_unknown(flow.headroom, factor)}: "
            f"{headroom_clause(flow, org.label, '100%')}.",
            f"Demand limit {limit}: {demand_limit_clause(flow, org.label, '100%')}.",
        ]
    lines += [
        f"{d.name}: {or_unknown(d.load_hours, hours)} of {hours(d.capacity_hours)} "
        f"per {org.period} "
        f"({or_unknown(d.utilization, percent)})"
        for d in flow.departments.values()
    ]
    return "\n".join(lines)


def chain_notes(org: Organization, chain: ChainFlow) -> str:
    """Demand, takt, times, quality, constraint, each step's cycle time and wait, finished stock."""
    constraint = org.label(chain.constraint) if chain.constraint else "none"
    constraint = UNKNOWN if chain.constraint is None and chain.unknown_steps else constraint
    lines = [
        f"{chain.name}: demand {amount(chain.demand)} per {org.period}, "
        f"takt {hours(chain.takt_hours)}.",
        f"Process time {or_unknown(chain.process_time_hours, hours)}, lead time "
        f"{or_unknown(chain.lead_time_hours, hours)}, value added "
        f"{or_unknown(chain.value_added_ratio, percent)}.",
        f"Rolled quality {percent(chain.rolled_quality)}; constraint {constraint}; over takt: "
        f"{', '.join(org.label(d) for d in chain.over_takt) or 'none'}.",
    ]
    model = org.chains[chain.id]
    for step, given in zip(chain.steps, model.steps, strict=True):
        flag = " (over takt)" if step.over_takt else ""
        wait = wait_text(step, given.inventory) or "no wait given"
        lines.append(
            f"{org.label(step.department)}: effort {or_unknown(step.effort_hours, hours)}, cycle "
            f"{or_unknown(step.cycle_time_hours, hours)}{flag}, {wait}"
        )
    finished = finished_text(chain, model)
    if finished is not None:
        lines.append(f"Finished inventory: {finished}")
    return "\n".join(lines)
