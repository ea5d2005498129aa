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

from itertools import pairwise

from clientchain.analysis.flow import ChainFlow, FlowReport
from clientchain.i18n import _
from clientchain.model import Organization
from clientchain.numbers import (
    duration,
    factor,
    load_of,
    num,
    or_unknown,
    pct,
    per_period,
    unknown_text,
)
from clientchain.output.limits import (
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
        name, value = org.label(flow.constraint), pct(utilization)
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            # TRANSLATORS: the busiest department carries no chain work, so another department is
            # the chains' constraint (docs/concepts.md)
            busiest = _(
                "Busiest: {name} at {value} utilization, no chain work; "
                "the chains' constraint: {chain} at {chain_value}."
            )
            lines.append(
                busiest.format(
                    name=name,
                    value=value,
                    chain=org.label(chains.id),
                    chain_value=pct(chains.utilization),
                )
            )
        else:
            lines.append(
                _("Constraint: {name} at {value} utilization.").format(name=name, value=value)
            )
        lines += [
            _("Headroom {factor}: {clause}.").format(
                factor=or_unknown(flow.headroom, factor), clause=headroom_clause(flow, org.label)
            ),
            _("Demand limit {factor}: {clause}.").format(
                factor=limit_factor(flow, factor), clause=demand_limit_clause(flow, org.label)
            ),
        ]
    lines += [
        f"{d.name}: {load_of(d.load_hours, d.capacity_hours, org.period)} ({pct(d.utilization)})"
        for d in flow.departments.values()
    ]
    return "\n".join(lines)


def chain_notes(org: Organization, chain: ChainFlow) -> str:
    """Demand, takt, times, quality, constraint, each step's cycle time and wait, finished stock."""
    constraint = org.label(chain.constraint) if chain.constraint else _("none")
    constraint = unknown_text() if chain.constraint is None and chain.unknown_steps else constraint
    over = ", ".join(org.label(d) for d in chain.over_takt) or _("none")
    lines = [
        # TRANSLATORS: {per_period} is "per week", "per day"…
        _("{chain}: demand {demand} {per_period}, takt {takt}.").format(
            chain=chain.name,
            demand=num(chain.demand),
            per_period=per_period(org.period),
            takt=duration(chain.takt_hours),
        ),
        _("Process time {process}, lead time {lead}, value added {value_added}.").format(
            process=duration(chain.process_time_hours),
            lead=duration(chain.lead_time_hours),
            value_added=pct(chain.value_added_ratio),
        ),
        _("Rolled quality {quality}; constraint {constraint}; over takt: {over}.").format(
            quality=quality_text(chain, org.chains[chain.id]), constraint=constraint, over=over
        ),
    ]
    model = org.chains[chain.id]
    for step, given in zip(chain.steps, model.steps, strict=True):
        wait = wait_text(step, given.inventory) or _("no wait given")
        if step.over_takt:
            line = _("{department}: effort {effort}, cycle {cycle} (over takt), {wait}")
        else:
            line = _("{department}: effort {effort}, cycle {cycle}, {wait}")
        values = {
            "department": org.label(step.department),
            "effort": duration(step.effort_hours),
            "cycle": duration(step.cycle_time_hours),
            "wait": wait,
        }
        lines.append(line.format(**values))
    finished = finished_text(chain, model)
    if finished is not None:
        lines.append(_("Finished inventory: {wait}").format(wait=finished))
    return "\n".join([*lines, *_deliverables(org, chain.id)])


def _deliverables(org: Organization, chain_id: str) -> list[str]:
    """What each handoff of the chain carries (the value-stream map on the slide leaves it
    out): ``Contenido → Creatividad: Textos``."""
    given = {(h.source, h.target): h.deliverable for h in org.handoffs if h.deliverable}
    path = org.chains[chain_id].path
    # TRANSLATORS: a line of a chain slide's speaker notes: what one handoff carries
    line = _("{source} → {target}: {deliverable}")
    return [
        line.format(source=org.label(a), target=org.label(b), deliverable=given[a, b])
        for a, b in pairwise(path)
        if (a, b) in given
    ]
