"""``map`` and ``who``: plain text and JSON.

Plain text is stable lines for files, pipes, logs and diffs: no colour, no box drawing
and no alignment that depends on the longest name; each fact is on its own line, so
changing one department changes one line of the output. The terminal variant with
tables and colour is :mod:`clientchain.output.overview_rich`.

JSON field names are part of the contract (SPEC §3, docs/commands.md). Ids and names
are written as they are, lists keep the library's order, and ``null`` stands for "not
known / none".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientchain.i18n import _
from clientchain.numbers import (
    duration,
    finite,
    given,
    lead_time,
    load_of,
    num,
    pct,
    per_period,
    plural,
    unknown_text,
)
from clientchain.output.common import (
    chain_path,
    dumps,
    finding_dict,
    finding_line,
    hops_text,
    node_role,
    nodes,
    none,
    party_role,
)
from clientchain.output.limits import (
    carries_no_chain_work,
    constraint_line,
    constraint_mark,
    demand_limit_line,
    headroom_line,
    no_constraint,
)
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.flow import FlowReport
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.model import Chain, ExternalParty, Handoff, Organization
    from clientchain.output.reports import Overview

__all__ = ["counts_text", "map_json", "map_text", "who_dict", "who_json", "who_text"]


def who_text(org: Organization, who: WhoServesWhom) -> str:
    """``clientchain who`` as ``label: value`` lines."""
    rows = [
        (_("suppliers"), nodes(org, who.suppliers)),
        (_("clients"), nodes(org, who.clients)),
        (_("upstream"), nodes(org, who.upstream)),
        (_("downstream"), nodes(org, who.downstream)),
        (_("serves external"), nodes(org, who.serves_external)),
        (_("nearest external client"), hops_text(who.hops_to_external)),
        (_("information from"), nodes(org, who.information_from)),
        (_("information to"), nodes(org, who.information_to)),
        (_("feedback from"), nodes(org, who.feedback_from)),
        (_("feedback to"), nodes(org, who.feedback_to)),
    ]
    lines = [f"{org.describe(who.id)}: {_role(org, who)}"]
    lines += [f"{label}: {value}" for label, value in rows]
    lines += _requirement_lines(org, who.id)
    return "\n".join(lines)


def _requirement_lines(org: Organization, node: str) -> list[str]:
    """What ``node``'s clients require of it and what it requires of its suppliers."""
    owed = [h for h in org.handoffs if h.source == node and (h.requires or h.needs)]
    asked = [h for h in org.handoffs if h.target == node and (h.requires or h.needs)]
    lines = []
    if owed:
        lines.append(_("its clients require") + ":")
        lines += [f"  {org.describe(h.target)}: {requirement_text(h)}" for h in owed]
    if asked:
        lines.append(_("it requires of its suppliers") + ":")
        lines += [f"  {org.describe(h.source)}: {requirement_text(h)}" for h in asked]
    return lines


def requirement_text(handoff: Handoff) -> str:
    """``'lead time ≤ 16 h, %C&A ≥ 95%, satisfaction ≥ 4; needs: …'`` (``requires:``/``needs:``)."""
    parts = []
    required = handoff.requires
    if required is not None and required.lead_time is not None:
        parts.append(_("lead time ≤ {value}").format(value=duration(required.lead_time)))
    if required is not None and required.quality is not None:
        parts.append(_("%C&A ≥ {value}").format(value=pct(required.quality)))
    if required is not None and required.satisfaction is not None:
        parts.append(_("satisfaction ≥ {value}").format(value=num(required.satisfaction)))
    text = ", ".join(parts)
    if handoff.needs:
        needs = _("needs: {needs}").format(needs=handoff.needs)
        text = f"{text}; {needs}" if text else needs
    return text


def requirements_dict(org: Organization, node: str) -> list[dict[str, Any]]:
    """``who``'s JSON ``requirements``: every handoff to or from ``node`` that states one."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return [
        {
            "from": h.source,
            "to": h.target,
            "lead_time": h.requires.lead_time if h.requires else None,
            "quality": h.requires.quality if h.requires else None,
            "satisfaction": h.requires.satisfaction if h.requires else None,
            "needs": h.needs,
        }
        for h in org.handoffs
        if node in (h.source, h.target) and (h.requires or h.needs)
    ]


def counts_text(counts: dict[str, int]) -> str:
    """``8 departments, 2 clients, 2 suppliers, 16 handoffs, 3 chains`` (``Overview.counts``)."""
    words = {
        "departments": lambda n: plural(n, "{n} department", "{n} departments"),
        "clients": lambda n: plural(n, "{n} client", "{n} clients"),
        "suppliers": lambda n: plural(n, "{n} supplier", "{n} suppliers"),
        "handoffs": lambda n: plural(n, "{n} handoff", "{n} handoffs"),
        "chains": lambda n: plural(n, "{n} chain", "{n} chains"),
    }
    return ", ".join(words[what](n) for what, n in counts.items())


def map_text(overview: Overview) -> str:
    """``clientchain map``: summary, departments, external parties, chains, findings."""
    org = overview.org
    lines = [
        _("organization") + f": {org.name}",
        _("period") + f": {term('period', org.period)}",
        _("counts") + f": {counts_text(overview.counts)}",
    ]
    lines += ["", _("departments") + ":"]
    for who in overview.departments:
        lines += _department_lines(org, who)
        lines += _utilization_lines(org, overview.flow, who.id)
    lines += ["", _("clients") + ":"]
    lines += [f"  {org.describe(c.id)}{_party_detail(c)}" for c in org.clients.values()] or [
        f"  {none()}"
    ]
    lines += ["", _("suppliers") + ":"]
    lines += [f"  {org.describe(s.id)}{_party_detail(s)}" for s in org.suppliers.values()] or [
        f"  {none()}"
    ]
    lines += ["", _("chains") + ":"]
    for chain in org.chains.values():
        demand = _("demand {demand} {per_period}").format(
            demand=given(chain.demand), per_period=per_period(org.period)
        )
        lines += [f"  {chain.describe()}: {demand}", f"    {chain_path(org, chain)}"]
        lines += _chain_flow_lines(org, overview.flow, chain.id)
    if not org.chains:
        lines.append(f"  {none('chains')}")
    lines += _bottleneck_lines(overview)
    lines += ["", _("findings") + ":"]
    lines += [f"  {finding_line(f)}" for f in overview.findings] or [f"  {none()}"]
    return "\n".join(lines)


def _department_lines(org: Organization, who: WhoServesWhom) -> list[str]:
    dept = org.departments[who.id]
    kind = term("kind", dept.kind)
    if dept.group:
        kind = _("{kind}, group {group}").format(kind=kind, group=dept.group)
    serves = nodes(org, who.serves_external)
    if who.serves_external:
        serves = _("{clients}; nearest in {handoffs}").format(
            clients=serves, handoffs=hops_text(who.hops_to_external)
        )
    return [
        f"  {org.describe(who.id)}: {kind}",
        "    " + _("suppliers") + f": {nodes(org, who.suppliers)}",
        "    " + _("clients") + f": {nodes(org, who.clients)}",
        "    " + _("serves external") + f": {serves}",
    ]


def _utilization_lines(org: Organization, flow: FlowReport | None, dept_id: str) -> list[str]:
    if flow is None:
        return []
    dept = flow.departments[dept_id]
    mark = _mark(flow, dept_id)
    load = load_of(dept.load_hours, dept.capacity_hours, org.period)
    return ["    " + _("utilization") + f": {pct(dept.utilization)} ({load}){mark}"]


def _chain_flow_lines(org: Organization, flow: FlowReport | None, chain_id: str) -> list[str]:
    if flow is None:
        return []
    chain = flow.chains[chain_id]
    constraint = org.describe(chain.constraint) if chain.constraint else _none(chain.unknown_steps)
    lead = lead_time(chain.lead_time_hours, flow.hours_per_day)
    if not chain.unknown_steps:
        line = _("lead time {lead_time}; constraint {constraint}").format(
            lead_time=lead, constraint=constraint
        )
    else:
        line = _(
            "lead time {lead_time} (effort unknown at {steps}); constraint {constraint}"
        ).format(
            lead_time=lead,
            steps=plural(chain.unknown_steps, "{n} step", "{n} steps"),
            constraint=constraint,
        )
    return [f"    {line}"]


def _none(unknown_steps: int) -> str:
    """What a chain's missing constraint is: unknown when its utilizations are."""
    return unknown_text() if unknown_steps else no_constraint()


def _bottleneck_lines(overview: Overview) -> list[str]:
    flow = overview.flow
    if flow is None:
        return []
    lines = ["", _("bottlenecks") + ":"]
    for dept_id in overview.top_bottlenecks():
        dept = flow.departments[dept_id]
        mark = _mark(flow, dept_id)
        lines.append(f"  {overview.org.describe(dept_id)}: {pct(dept.utilization)}{mark}")
    if flow.constraint is None and not flow.unknown_utilization:
        lines.append(f"  {none()}")
        return lines
    org = overview.org

    def label(node_id: str) -> str:
        return org.describe(node_id)

    if flow.unknown_utilization or carries_no_chain_work(flow, flow.constraint):
        lines.append(f"  {constraint_line(flow, label)}")
    lines.append(f"  {headroom_line(flow, label)}")
    lines.append(f"  {demand_limit_line(flow, label)}")
    return lines


def _mark(flow: FlowReport, dept_id: str) -> str:
    """``, the constraint``; the busiest without chain work and the chains' constraint apart."""
    mark = constraint_mark(flow, dept_id)
    return f", {mark}" if mark else ""


def _role(org: Organization, who: WhoServesWhom) -> str:
    """``department``, ``supplier``, ``client`` or a client's role: ``final client``."""
    party = org.clients.get(who.id) if who.role == "client" else None
    return party_role(party) if party else node_role(str(who.role))


def _party_detail(party: ExternalParty) -> str:
    """``: final client, loyal`` — a client's role and the segment, where given."""
    parts = [party_role(party) if party.client_role else "", party.segment or ""]
    shown = ", ".join(part for part in parts if part)
    return f": {shown}" if shown else ""


def who_dict(who: WhoServesWhom) -> dict[str, Any]:
    """SPEC §3 ``who`` fields plus ``name``, ``role``, ``information_from``/``_to`` and
    ``feedback_from``/``_to``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "id": who.id,
        "name": who.name,
        "role": who.role,
        "suppliers": list(who.suppliers),
        "clients": list(who.clients),
        "upstream": list(who.upstream),
        "downstream": list(who.downstream),
        "serves_external": list(who.serves_external),
        "hops_to_external": who.hops_to_external,
        "information_from": list(who.information_from),
        "information_to": list(who.information_to),
        "feedback_from": list(who.feedback_from),
        "feedback_to": list(who.feedback_to),
    }


def who_json(org: Organization, who: WhoServesWhom) -> str:
    """``clientchain who --format json``: :func:`who_dict` and, after ``role``, a client's
    ``client_role`` (``intermediary``, ``final``; ``null`` when not given and for a
    department or a supplier); last, ``requirements`` (:func:`requirements_dict`)."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    party = org.clients.get(who.id) if who.role == "client" else None
    entry = who_dict(who)
    document = {key: entry[key] for key in ("id", "name", "role")}
    document["client_role"] = party.client_role if party else None
    return dumps(document | entry | {"requirements": requirements_dict(org, who.id)})


def map_json(overview: Overview) -> str:
    """``clientchain map --format json`` (infinite values are ``null``)."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    org = overview.org
    flow = overview.flow
    document: dict[str, Any] = {
        "organization": org.name,
        "period": org.period,
        "counts": overview.counts,
        "departments": [_department(org, who, flow) for who in overview.departments],
        "clients": [_client(party) for party in org.clients.values()],
        "suppliers": [_party(party) for party in org.suppliers.values()],
        "chains": [_chain(chain, flow) for chain in org.chains.values()],
    }
    if flow is not None:
        document["constraint"] = flow.constraint
        document["headroom"] = finite(flow.headroom)
        document["demand_limit"] = finite(flow.demand_limit)
        document["limit_department"] = flow.limit_department
        document["chain_constraint"] = flow.chain_constraint
        document["unknown_utilization"] = list(flow.unknown_utilization)
        document["bottlenecks"] = overview.top_bottlenecks()
    document["findings"] = [finding_dict(f) for f in overview.findings]
    return dumps(document)


def _department(org: Organization, who: WhoServesWhom, flow: FlowReport | None) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    dept = org.departments[who.id]
    entry = who_dict(who)
    del entry["role"]
    result = {"id": who.id, "name": who.name, "kind": dept.kind, "group": dept.group, **entry}
    if flow is not None:
        load = flow.departments[who.id]
        result["load_hours"] = load.load_hours
        result["capacity_hours"] = load.capacity_hours
        result["utilization"] = finite(load.utilization)
    return result


def _party(party: ExternalParty) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {"id": party.id, "name": party.name, "segment": party.segment}


def _client(party: ExternalParty) -> dict[str, Any]:
    """A client with its ``role`` (intermediary, final or ``null``) and ``segment``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {"id": party.id, "name": party.name, "role": party.client_role, "segment": party.segment}


def _chain(chain: Chain, flow: FlowReport | None) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    result: dict[str, Any] = {
        "id": chain.id,
        "name": chain.name,
        "client": chain.client,
        "supplier": chain.supplier,
        "demand": chain.demand,
        "path": list(chain.path),
    }
    if flow is not None:
        chain_flow = flow.chains[chain.id]
        result["lead_time_hours"] = finite(chain_flow.lead_time_hours)
        result["constraint"] = chain_flow.constraint
    return result
