"""JSON formatters: pure functions from a result to a JSON document (a string).

Field names are part of the contract (SPEC §3, docs/commands.md). Ids and
names are written as they are (``ensure_ascii=False``: Unicode stays readable),
lists keep the library's order, and ``null`` stands for "not known / none".
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from clientchain.numbers import finite

if TYPE_CHECKING:
    from clientchain.analysis.diff import FindingChange
    from clientchain.analysis.flow import FlowReport
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.checks import Finding
    from clientchain.model import Chain, ExternalParty, Organization
    from clientchain.output.reports import CheckRun, Overview

__all__ = [
    "check_json",
    "dumps",
    "finding_dict",
    "map_json",
    "schema_json",
    "who_dict",
    "who_json",
]


def dumps(document: Mapping[str, Any]) -> str:
    """The project's JSON style: two-space indent, Unicode kept, no trailing newline.

    Every JSON output leaves through here. An infinity that slipped past
    :func:`clientchain.numbers.finite` is refused (``Infinity`` is not JSON).
    """
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False)


def finding_dict(finding: Finding | FindingChange) -> dict[str, Any]:
    """``{"rule", "severity", "message", "file", "line", "column", "subject"}``: a finding of
    ``check``, or one that ``diff`` says appeared or was resolved."""
    return {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "subject": finding.subject,
    }


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


def check_json(run: CheckRun) -> str:
    """``clientchain check --format json``: findings of every file, then the summary."""
    return dumps(
        {
            "findings": [finding_dict(f) for f in run.reported()],
            "summary": run.counts(),
        }
    )


def schema_json(schema: Mapping[str, Any]) -> str:
    """``clientchain schema``."""
    return dumps(schema)


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
