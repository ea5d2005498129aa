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

from clientchain.numbers import finite, given, lead_time, load_of, pct, plural, unknown_text
from clientchain.output.common import (
    NONE,
    chain_path,
    dumps,
    finding_dict,
    finding_line,
    hops_text,
    nodes,
)
from clientchain.output.limits import (
    carries_no_chain_work,
    constraint_line,
    constraint_mark,
    demand_limit_line,
    headroom_line,
)

if TYPE_CHECKING:
    from clientchain.analysis.flow import FlowReport
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.model import Chain, ExternalParty, Organization
    from clientchain.output.reports import Overview

__all__ = ["map_json", "map_text", "who_dict", "who_json", "who_text"]


def who_text(org: Organization, who: WhoServesWhom) -> str:
    """``clientchain who`` as ``label: value`` lines."""
    lines = [
        f"{org.describe(who.id)}: {_role(org, who)}",
        f"suppliers: {nodes(org, who.suppliers)}",
        f"clients: {nodes(org, who.clients)}",
        f"upstream: {nodes(org, who.upstream)}",
        f"downstream: {nodes(org, who.downstream)}",
        f"serves external: {nodes(org, who.serves_external)}",
        f"nearest external client: {hops_text(who.hops_to_external)}",
        f"information from: {nodes(org, who.information_from)}",
        f"information to: {nodes(org, who.information_to)}",
        f"feedback from: {nodes(org, who.feedback_from)}",
        f"feedback to: {nodes(org, who.feedback_to)}",
    ]
    return "\n".join(lines)


def map_text(overview: Overview) -> str:
    """``clientchain map``: summary, departments, external parties, chains, findings."""
    org = overview.org
    counts = ", ".join(plural(n, what[:-1]) for what, n in overview.counts.items())
    lines = [f"organization: {org.name}", f"period: {org.period}", f"counts: {counts}"]
    lines += ["", "departments:"]
    for who in overview.departments:
        lines += _department_lines(org, who)
        lines += _utilization_lines(org, overview.flow, who.id)
    lines += ["", "clients:"]
    lines += [f"  {org.describe(c.id)}{_party_detail(c)}" for c in org.clients.values()] or [
        f"  {NONE}"
    ]
    lines += ["", "suppliers:"]
    lines += [f"  {org.describe(s.id)}{_party_detail(s)}" for s in org.suppliers.values()] or [
        f"  {NONE}"
    ]
    lines += ["", "chains:"]
    for chain in org.chains.values():
        demand = f"{given(chain.demand)} per {org.period}"
        lines += [f"  {chain.describe()}: demand {demand}", f"    {chain_path(org, chain)}"]
        lines += _chain_flow_lines(org, overview.flow, chain.id)
    if not org.chains:
        lines.append(f"  {NONE}")
    lines += _bottleneck_lines(overview)
    lines += ["", "findings:"]
    lines += [f"  {finding_line(f)}" for f in overview.findings] or [f"  {NONE}"]
    return "\n".join(lines)


def _department_lines(org: Organization, who: WhoServesWhom) -> list[str]:
    dept = org.departments[who.id]
    group = f", group {dept.group}" if dept.group else ""
    serves = nodes(org, who.serves_external)
    if who.serves_external:
        serves += f"; nearest in {hops_text(who.hops_to_external)}"
    return [
        f"  {org.describe(who.id)}: {dept.kind}{group}",
        f"    suppliers: {nodes(org, who.suppliers)}",
        f"    clients: {nodes(org, who.clients)}",
        f"    serves external: {serves}",
    ]


def _utilization_lines(org: Organization, flow: FlowReport | None, dept_id: str) -> list[str]:
    if flow is None:
        return []
    dept = flow.departments[dept_id]
    mark = _mark(flow, dept_id)
    return [
        f"    utilization: {pct(dept.utilization)} "
        f"({load_of(dept.load_hours, dept.capacity_hours, org.period)}){mark}"
    ]


def _chain_flow_lines(org: Organization, flow: FlowReport | None, chain_id: str) -> list[str]:
    if flow is None:
        return []
    chain = flow.chains[chain_id]
    constraint = org.describe(chain.constraint) if chain.constraint else _none(chain.unknown_steps)
    unknown = f" (effort {unknown_text()} at {plural(chain.unknown_steps, 'step')})"
    return [
        f"    lead time {lead_time(chain.lead_time_hours, flow.hours_per_day)}"
        f"{unknown if chain.unknown_steps else ''}; constraint {constraint}"
    ]


def _none(unknown_steps: int) -> str:
    """What a chain's missing constraint is: unknown when its utilizations are."""
    return unknown_text() if unknown_steps else NONE


def _bottleneck_lines(overview: Overview) -> list[str]:
    flow = overview.flow
    if flow is None:
        return []
    lines = ["", "bottlenecks:"]
    for dept_id in overview.top_bottlenecks():
        dept = flow.departments[dept_id]
        mark = _mark(flow, dept_id)
        lines.append(f"  {overview.org.describe(dept_id)}: {pct(dept.utilization)}{mark}")
    if flow.constraint is None and not flow.unknown_utilization:
        lines.append(f"  {NONE}")
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
    return party.role_words if party else str(who.role)


def _party_detail(party: ExternalParty) -> str:
    """``: final client, loyal`` — a client's role and the segment, where given."""
    parts = [party.role_words if party.client_role else "", party.segment or ""]
    shown = ", ".join(part for part in parts if part)
    return f": {shown}" if shown else ""


def who_dict(who: WhoServesWhom) -> dict[str, Any]:
    """SPEC §3 ``who`` fields plus ``name``, ``role``, ``information_from``/``_to`` and
    ``feedback_from``/``_to``."""
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
    department or a supplier)."""
    party = org.clients.get(who.id) if who.role == "client" else None
    entry = who_dict(who)
    document = {key: entry[key] for key in ("id", "name", "role")}
    document["client_role"] = party.client_role if party else None
    return dumps(document | entry)


def map_json(overview: Overview) -> str:
    """``clientchain map --format json`` (infinite values are ``null``)."""
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
    return {"id": party.id, "name": party.name, "segment": party.segment}


def _client(party: ExternalParty) -> dict[str, Any]:
    """A client with its ``role`` (intermediary, final or ``null``) and ``segment``."""
    return {"id": party.id, "name": party.name, "role": party.client_role, "segment": party.segment}


def _chain(chain: Chain, flow: FlowReport | None) -> dict[str, Any]:
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
