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
Headroom × 2: if all work grows, other work included, Alfa reaches 100% first.
Demand limit × 2: if only chain demand grows, Alfa reaches 100% first.
Alfa: 20 h of 40 h per week (50%)
"""

from __future__ import annotations

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.model import Organization
from clientchain.numbers import duration, factor, load_of, num, or_unknown, pct, unknown_text
from clientchain.output.limits import (
    NO_CHAIN_WORK,
    carries_no_chain_work,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
)
from clientchain.render.chain_view import finished_text, quality_text, wait_text

__all__ = ["chain_notes", "overview_notes"]


def overview_notes(org: Organization, flow: FlowReport) -> str:
    """Constraint, headroom and demand limit, then load against capacity for every department."""
    lines = []
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        busiest = f"{org.label(flow.constraint)} at {pct(utilization)} utilization"
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            lines.append(
                f"Busiest: {busiest}, {NO_CHAIN_WORK}; the chains' constraint: "
                f"{org.label(chains.id)} at {pct(chains.utilization)}."
            )
        else:
            lines.append(f"Constraint: {busiest}.")
        limit = limit_factor(flow, factor)
        lines += [
            f"Headroom {or_unknown(flow.headroom, factor)}: {headroom_clause(flow, org.label)}.",
            f"Demand limit {limit}: {demand_limit_clause(flow, org.label)}.",
        ]
    lines += [
        f"{d.name}: {load_of(d.load_hours, d.capacity_hours, org.period)} ({pct(d.utilization)})"
        for d in flow.departments.values()
    ]
    return "\n".join(lines)


def chain_notes(org: Organization, chain: ChainFlow) -> str:
    """Demand, takt, times, quality, constraint, each step's cycle time and wait, finished stock."""
    constraint = org.label(chain.constraint) if chain.constraint else "none"
    constraint = unknown_text() if chain.constraint is None and chain.unknown_steps else constraint
    lines = [
        f"{chain.name}: demand {num(chain.demand)} per {org.period}, "
        f"takt {duration(chain.takt_hours)}.",
        f"Process time {duration(chain.process_time_hours)}, lead time "
        f"{duration(chain.lead_time_hours)}, value added {pct(chain.value_added_ratio)}.",
        f"Rolled quality {quality_text(chain, org.chains[chain.id])}; constraint {constraint}; "
        "over takt: "
        f"{', '.join(org.label(d) for d in chain.over_takt) or 'none'}.",
    ]
    model = org.chains[chain.id]
    for step, given in zip(chain.steps, model.steps, strict=True):
        flag = " (over takt)" if step.over_takt else ""
        wait = wait_text(step, given.inventory) or "no wait given"
        lines.append(
            f"{org.label(step.department)}: effort {duration(step.effort_hours)}, cycle "
            f"{duration(step.cycle_time_hours)}{flag}, {wait}"
        )
    finished = finished_text(chain, model)
    if finished is not None:
        lines.append(f"Finished inventory: {finished}")
    return "\n".join(lines)
