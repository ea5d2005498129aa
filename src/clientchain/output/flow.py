"""Formatters for ``bottlenecks``, ``chains`` and ``simulate``: plain text and JSON.

JSON field names are the contract of SPEC §3 (docs/commands.md lists the extra
ones). Durations are hours, fractions are fractions (0.8, not 80). **Infinity is
written as** ``null``: a utilization with zero capacity, the headroom when nothing is
loaded, a lead time behind an unbounded queue (``json.dumps`` of ``inf`` would not
be valid JSON). Plain text writes infinity as ``∞``. The terminal tables are in
:mod:`clientchain.output.flow_rich`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from clientchain.i18n import N_, _
from clientchain.numbers import (
    duration,
    factor,
    finite,
    fixed,
    given,
    hours,
    lead_time,
    load_of,
    or_unknown,
    pct,
    per_period,
    plural,
    rating,
    signed_duration,
    unknown_text,
)
from clientchain.output.common import dumps, nodes, none
from clientchain.output.limits import (
    carries_no_chain_work,
    constraint_line,
    demand_limit_line,
    headroom_clause,
    headroom_line,
    no_constraint,
)
from clientchain.output.rework import (
    chain_rework_dict,
    chain_rework_line,
    department_rework_dict,
    department_rework_lines,
    handoff_lines,
    rework_dict,
)
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.flow import ChainFlow, DepartmentFlow, FlowReport
    from clientchain.analysis.impact import Bottlenecks, ChainsReport, DepartmentImpact
    from clientchain.analysis.whatif import Hire, Simulation
    from clientchain.model import Organization

__all__ = [
    "bottlenecks_json",
    "bottlenecks_text",
    "chain_dict",
    "chains_json",
    "chains_text",
    "department_dict",
    "duration",
    "finite",
    "future_yaml",
    "inventory_note",
    "lead_time",
    "limit_json",
    "limit_text",
    "limits_dict",
    "pct",
    "simulate_json",
    "simulate_text",
]


def department_dict(flow: DepartmentFlow) -> dict[str, Any]:
    """SPEC §3 ``bottlenecks`` department fields, plus headcount and the load's parts."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "id": flow.id,
        "name": flow.name,
        "load_hours": flow.load_hours,
        "capacity_hours": flow.capacity_hours,
        "utilization": finite(flow.utilization),
        "headcount": flow.headcount,
        "chain_load_hours": flow.chain_load_hours,
        "other_load_hours": flow.other_load_hours,
        "chains": list(flow.chains),
        "unknown_effort_steps": flow.unknown_steps,
    }


def limits_dict(report: FlowReport) -> dict[str, Any]:
    """``headroom``, ``demand_limit``, ``limit_department``, ``chain_constraint`` (JSON),
    and ``unknown_utilization``: the departments whose utilization is unknown (while there
    is one, ``headroom`` and ``demand_limit`` are ``null`` for that reason)."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "headroom": finite(report.headroom),
        "demand_limit": finite(report.demand_limit),
        "limit_department": report.limit_department,
        "chain_constraint": report.chain_constraint,
        "unknown_utilization": list(report.unknown_utilization),
    }


def _flow_document(report: FlowReport) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "constraint": report.constraint,
        **limits_dict(report),
        "departments": [department_dict(d) for d in report.by_utilization()],
    }


def bottlenecks_json(result: Bottlenecks) -> str:
    """``clientchain bottlenecks --format json``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    document = _flow_document(result.flow)
    impacts = {d.id: d for d in result.departments}
    for entry in document["departments"]:
        impact = impacts[entry["id"]]
        entry["betweenness"] = impact.betweenness
        entry["clients_hit"] = list(impact.clients_hit)
        entry["clients_cut_off"] = list(impact.clients_cut_off)
        if result.rework is not None:
            entry.update(department_rework_dict(result.rework, entry["id"]))
    document["over_takt"] = [
        {
            "chain": step.chain,
            "department": step.department,
            "cycle_time_hours": finite(step.cycle_time_hours),
            "takt_hours": finite(step.takt_hours),
        }
        for step in result.over_takt
    ]
    document["near_capacity"] = result.near_capacity
    document["period_hours"] = result.flow.period_hours
    if result.rework is not None:
        document["rework"] = rework_dict(result.rework)
    return dumps(document)


def chain_dict(chain: ChainFlow) -> dict[str, Any]:
    """SPEC §3 ``chains`` fields, plus lead time in days, unknown-quality edges and steps."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "id": chain.id,
        "name": chain.name,
        "demand": chain.demand,
        "takt_hours": finite(chain.takt_hours),
        "process_time_hours": chain.process_time_hours,
        "lead_time_hours": finite(chain.lead_time_hours),
        "value_added_ratio": chain.value_added_ratio,
        "rolled_quality": chain.rolled_quality,
        "constraint": chain.constraint,
        "over_takt": list(chain.over_takt),
        "lead_time_days": finite(chain.lead_time_days),
        "finished_wait_hours": finite(chain.finished_wait_hours),
        "unknown_quality": [list(edge) for edge in chain.unknown_quality],
        "unknown_effort_steps": chain.unknown_steps,
        "steps": [
            {
                "department": step.department,
                "effort_hours": step.effort_hours,
                "cycle_time_hours": finite(step.cycle_time_hours),
                "wait_hours": finite(step.wait_hours),
                "wait_source": step.wait_source,
                "over_takt": step.over_takt,
            }
            for step in chain.steps
        ],
    }


def chains_json(result: ChainsReport) -> str:
    """``clientchain chains --format json``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    rework = result.rework
    chains = [chain_dict(c) for c in result.flow.chains.values()]
    if rework is not None:
        for entry in chains:
            entry.update(chain_rework_dict(rework.chains[entry["id"]]))
    return dumps(
        {
            "chains": chains,
            "weakest_handoffs": [
                {"from": w.source, "to": w.target, "quality": w.quality, "chains": list(w.chains)}
                for w in result.weakest
            ],
            "satisfaction": dict(result.satisfaction),
        }
        | ({"satisfaction_answers": dict(result.answers)} if result.answers else {})
        | ({"rework": rework_dict(rework)} if rework is not None else {})
    )


def simulate_json(result: Simulation) -> str:
    """``clientchain simulate --format json``: before and after, shifts, hires, the limit."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    changes = result.lead_time_change()
    return dumps(
        {
            "changes": [str(change) for change in result.changes],
            "before": _flow_document(result.before),
            "after": _flow_document(result.after),
            "constraint": {"before": result.before.constraint, "after": result.after.constraint},
            "chains": [
                {
                    "id": chain_id,
                    "name": before.name,
                    "lead_time_hours_before": finite(before.lead_time_hours),
                    "lead_time_hours_after": finite(result.after.chains[chain_id].lead_time_hours),
                    "lead_time_change_hours": finite(changes[chain_id]),
                }
                for chain_id, before in result.before.chains.items()
            ],
            "near_capacity": result.threshold,
            "hires": [
                {
                    "id": hire.department,
                    "name": hire.name,
                    "headcount": hire.headcount,
                    "utilization": finite(hire.utilization),
                    "extra_people": hire.extra_people,
                    "utilization_after_hiring": (
                        None
                        if hire.utilization_after_hiring is None
                        else finite(hire.utilization_after_hiring)
                    ),
                }
                for hire in result.hires
            ],
            "demand_limit": finite(result.demand_limit),
            "limit_department": result.limit_department,
            "hold_inventory": result.hold_inventory,
        }
    )


def future_yaml(result: Simulation) -> str:
    """``simulate -o``: the changed org file (the future state), with a header comment.

    The body is :func:`~clientchain.loading.dump.dump_org` of ``result.future``, so
    ``check``, ``diff``, ``render`` and ``simulate`` read it back like any org file.
    """
    from clientchain.loading.dump import comment_text, dump_org

    changes = _changes(result)
    if result.hold_inventory:
        inventory = _("inventory held in units")
    else:
        inventory = _("inventory held in days of demand")
    future = _("Future state of {organization}: clientchain simulate {changes}").format(
        organization=comment_text(result.future.name), changes=comment_text(changes)
    )
    header = [f"# {future}", f"# {comment_text(inventory)}"]
    return "\n".join(header) + "\n" + dump_org(result.future)


def _changes(result: Simulation) -> str:
    """The changes as typed (``--demand 1.5, --headcount creatividad=+1``), or ``none``."""
    return ", ".join(str(c) for c in result.changes) or none()


def limit_json(result: Simulation) -> str:
    """``clientchain simulate --find-limit --format json``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return dumps(
        {
            "changes": [str(change) for change in result.changes],
            "demand_limit": finite(result.demand_limit),
            "limit_department": result.limit_department,
            "constraint": result.after.constraint,
            "headroom": finite(result.after.headroom),
        }
    )


def limit_text(org: Organization, result: Simulation) -> str:
    """``clientchain simulate --find-limit``: the demand factor before the first overload."""
    lines = [_("changes") + f": {_changes(result)}"]
    lines.append(demand_limit_line(result.after, org.describe))
    lines.append(headroom_line(result.after, org.describe))
    return "\n".join(lines)


def _impact_lines(org: Organization, impact: DepartmentImpact, flow: DepartmentFlow) -> list[str]:
    chains = ", ".join(org.chains[c].describe() for c in impact.chains) or none("chains")
    if impact.chains:
        stall = _("hits {clients}").format(clients=nodes(org, impact.clients_hit))
    else:
        stall = _("no chain stops (it carries no chain work)")
    if impact.clients_cut_off:
        stall = _("{effect}; cuts off {clients}").format(
            effect=stall, clients=nodes(org, impact.clients_cut_off)
        )
    elif impact.chains:
        # TRANSLATORS: no external client loses its last supplier if the department stalls
        stall = _("{effect}; cuts off none").format(effect=stall)
    summary = _("{utilization}, {load}, betweenness {betweenness}").format(
        utilization=pct(impact.utilization),
        load=load_of(flow.load_hours, flow.capacity_hours, org.period),
        betweenness=fixed(impact.betweenness),
    )
    return [
        f"  {org.describe(impact.id)}: {summary}",
        "    " + _("chains through it") + f": {chains}",
        "    " + _("if it stalls") + f": {stall}",
    ]


def bottlenecks_text(org: Organization, result: Bottlenecks) -> str:
    """``clientchain bottlenecks`` as plain lines."""
    flow = result.flow
    lines = [
        _("organization") + f": {org.name}",
        _("period") + f": {term('period', org.period)} ({hours(flow.period_hours)})",
        constraint_line(flow, org.describe),
        headroom_line(flow, org.describe),
        demand_limit_line(flow, org.describe),
        _("near-capacity threshold") + f": {pct(result.near_capacity)}",
        "",
        _("departments by utilization") + ":",
    ]
    for impact in result.departments:
        lines += _impact_lines(org, impact, flow.departments[impact.id])
    if not result.departments:
        lines.append(f"  {none()}")
    lines += ["", _("steps over takt") + ":"]
    lines += [
        "  "
        + _("{chain} at {department}: cycle time {cycle_time} > takt {takt}").format(
            chain=org.chains[s.chain].describe(),
            department=org.describe(s.department),
            cycle_time=duration(s.cycle_time_hours),
            takt=duration(s.takt_hours),
        )
        for s in result.over_takt
    ] or [f"  {none()}"]
    if result.rework is not None:
        lines += ["", *department_rework_lines(org, result.rework)]
        lines += ["", *handoff_lines(org, result.rework.handoffs)]
    return "\n".join(lines)


def chains_text(org: Organization, result: ChainsReport) -> str:
    """``clientchain chains`` as plain lines: one block per chain, then handoff quality."""
    lines: list[str] = []
    rework = result.rework
    for chain in result.flow.chains.values():
        hours_per_day = result.flow.hours_per_day
        extra = (
            [] if rework is None else [chain_rework_line(rework.chains[chain.id], hours_per_day)]
        )
        lines += _chain_lines(org, chain, hours_per_day, extra)
        lines.append("")
    if not result.flow.chains:
        lines += [_("chains") + f": {none('chains')}", ""]
    lines.append(_("weakest handoffs (%C&A)") + ":")
    lines += [
        f"  {org.describe(w.source)} → {org.describe(w.target)}: {pct(w.quality)}"
        for w in result.weakest
    ] or [f"  {none('handoffs')}"]
    lines += ["", _("satisfaction of supplier departments (volume-weighted, 1–5)") + ":"]
    lines += [
        f"  {org.describe(dept)}: {rating(score, result.answers.get(dept))}"
        for dept, score in result.satisfaction.items()
    ] or [f"  {none()}"]
    if rework is not None:
        lines += ["", *handoff_lines(org, rework.handoffs)]
    return "\n".join(lines)


def _chain_lines(
    org: Organization, chain: ChainFlow, hours_per_day: float, after_lead: list[str]
) -> list[str]:
    """One chain's block; ``after_lead`` goes under its lead time (the one with rework)."""
    unknown = ", ".join(f"{org.label(a)} → {org.label(b)}" for a, b in chain.unknown_quality)
    constraint = org.describe(chain.constraint) if chain.constraint else no_constraint()
    constraint = unknown_text() if chain.constraint is None and chain.unknown_steps else constraint
    quality = pct(chain.rolled_quality)
    if unknown:
        quality = _("{quality} (unknown: {handoffs})").format(quality=quality, handoffs=unknown)
    demand = _("demand {demand} {per_period}").format(
        demand=given(chain.demand), per_period=per_period(org.period)
    )
    lines = [
        f"{org.chains[chain.id].describe()}: {demand}",
        "  " + _("takt") + f": {duration(chain.takt_hours)}",
        "  " + _("process time") + f": {duration(chain.process_time_hours)}",
        "  " + _("lead time") + f": {lead_time(chain.lead_time_hours, hours_per_day)}",
        *after_lead,
        "  " + _("value-added ratio") + f": {pct(chain.value_added_ratio)}",
        "  " + _("rolled quality") + f": {quality}",
        "  " + _("constraint") + f": {constraint}",
        "  " + _("over takt") + f": {nodes(org, chain.over_takt)}",
        *_unknown_effort(org, chain),
        "  " + _("steps") + ":",
    ]
    for step in chain.steps:
        parts = [
            _("effort {effort}").format(effort=duration(step.effort_hours)),
            _("cycle time {cycle_time}").format(cycle_time=duration(step.cycle_time_hours)),
        ]
        if step.wait_source != "none":
            source = _(_WAIT_WORDS[step.wait_source])  # i18n: N_ table
            parts.append(
                _("wait {wait} ({source})").format(wait=duration(step.wait_hours), source=source)
            )
        if step.over_takt:
            parts.append(_("over takt"))
        lines.append(f"    {org.describe(step.department)}: {', '.join(parts)}")
    if chain.finished_wait_hours:
        wait = _("wait {wait}").format(wait=duration(chain.finished_wait_hours))
        lines.append("    " + _("finished inventory") + f": {wait}")
    return lines


def _unknown_effort(org: Organization, chain: ChainFlow) -> list[str]:
    """``  effort unknown at: Beta (b)`` when a step's effort is unknown."""
    unknown = tuple(dict.fromkeys(s.department for s in chain.steps if s.effort_hours is None))
    if not unknown:
        return []
    return ["  " + _("effort unknown at: {departments}").format(departments=nodes(org, unknown))]


_WAIT_WORDS = {
    # TRANSLATORS: where a step's wait comes from: given in the file ("wait 4 h (given)")
    "wait": N_("given"),
    "inventory": N_("from inventory"),
    "predicted": N_("predicted"),
}


def simulate_text(org: Organization, result: Simulation) -> str:
    """``clientchain simulate`` as plain lines: changes, before → after, hires, limit."""
    before, after = result.before, result.after
    lines = [_("changes") + f": {_changes(result)}"]
    lines.append(_("constraint") + f": {_constraint(org, before)} → {_constraint(org, after)}")
    if carries_no_chain_work(after, after.constraint):
        lines.append(f"  {constraint_line(after, org.describe)}")
    lines.append(
        _("headroom: {before} → {after} ({meaning})").format(
            before=or_unknown(before.headroom, factor),
            after=or_unknown(after.headroom, factor),
            meaning=headroom_clause(after, org.describe),
        )
    )
    lines += ["", _("utilization (before → after)") + ":"]
    for flow in after.by_utilization():
        was = before.departments[flow.id]
        lines.append(
            f"  {org.describe(flow.id)}: {pct(was.utilization)} → {pct(flow.utilization)} "
            f"({load_of(flow.load_hours, flow.capacity_hours)})"
        )
    lines += ["", _("lead time (before → after)") + ":"]
    note = inventory_note(org, result)
    lines += [f"  {note}"] if note else []
    changes = result.lead_time_change()
    for chain_id, chain in before.chains.items():
        old = lead_time(chain.lead_time_hours, before.hours_per_day)
        new = lead_time(after.chains[chain_id].lead_time_hours, after.hours_per_day)
        change = _signed(changes[chain_id])
        lines.append(f"  {org.chains[chain_id].describe()}: {old} → {new} ({change})")
    if not before.chains:
        lines.append(f"  {none('chains')}")
    needed = _("people needed to bring each department to {threshold} or below:")
    lines += ["", needed.format(threshold=pct(result.threshold))]
    lines += [_hire_line(org, hire) for hire in result.hires] or [f"  {none('people')}"]
    lines += ["", demand_limit_line(after, org.describe)]
    return "\n".join(lines)


def inventory_note(org: Organization, result: Simulation) -> str | None:
    """How inventory was treated, when a chain has some and demand changed (else ``None``)."""
    stocked = any(
        chain.finished_inventory or any(step.inventory for step in chain.steps)
        for chain in org.chains.values()
    )
    if not stocked or not any(change.kind == "demand" for change in result.changes):
        return None
    if result.hold_inventory:
        return _("inventory: held in units (--hold-inventory): its waits shrink as demand grows")
    return _("inventory: held in days of demand (units grow with demand), its waits unchanged")


def _hire_line(org: Organization, hire: Hire) -> str:
    if hire.extra_people is None:
        need = _("{utilization}; more people do not help").format(utilization=pct(hire.utilization))
    else:
        need = _("{utilization} with {headcount}; +{people} → {after}").format(
            utilization=pct(hire.utilization),
            headcount=given(hire.headcount),
            people=plural(hire.extra_people, "{n} person", "{n} people"),
            after=pct(hire.utilization_after_hiring or 0.0),
        )
    return f"  {org.describe(hire.department)}: {need}"


def _signed(hours: float | None) -> str:
    if hours is None:
        return _("change unknown")
    if math.isnan(hours) or math.isinf(hours):
        return "∞" if hours > 0 else "−∞"
    return signed_duration(hours)


def _constraint(org: Organization, flow: FlowReport) -> str:
    if flow.constraint is None:
        return unknown_text() if flow.unknown_utilization else no_constraint()
    return _("{name} at {utilization}").format(
        name=org.describe(flow.constraint), utilization=pct(flow.max_utilization)
    )
