"""Plain-text formatters: stable lines for files, pipes, logs and diffs.

No colour, no box drawing and no alignment that depends on the longest name:
each fact is on its own line, so changing one department changes one line of the
output. Nodes are written ``Name (id)`` (just ``id`` when the name is the id);
findings as ``file:line:col: severity [rule] message``. The terminal variant with
tables and colour is :mod:`clientchain.output.rich_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from clientchain.numbers import UNKNOWN, given, lead_time, load_of, pct, plural
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
    from clientchain.checks import Finding
    from clientchain.errors import Issue
    from clientchain.model import Chain, ExternalParty, Organization
    from clientchain.output.reports import CheckRun, Overview

__all__ = [
    "NONE",
    "chain_path",
    "check_summary",
    "check_text",
    "finding_line",
    "hops_text",
    "issues_text",
    "map_text",
    "nodes",
    "where",
    "who_text",
]

NONE = "none"
"""Written for an empty list."""


def nodes(org: Organization, node_ids: Iterable[str]) -> str:
    """Comma-separated ``Name (id)`` of each node, or ``none``."""
    return ", ".join(org.describe(n) for n in node_ids) or NONE


def chain_path(org: Organization, chain: Chain) -> str:
    """Display names along the chain: ``Banco → Contenido → Redes → Marcas``."""
    return " → ".join(org.label(n) for n in chain.path)


def hops_text(hops: int | None) -> str:
    """``'1 handoff'``, ``'3 handoffs'`` or ``'none'``."""
    if hops is None:
        return NONE
    return f"{hops} handoff" if hops == 1 else f"{hops} handoffs"


def where(file: str, line: int, column: int) -> str:
    """``file:line:col``, or just ``file`` when the position is unknown (line 0)."""
    return f"{file}:{line}:{column}" if line > 0 else file


def finding_line(finding: Finding) -> str:
    """``file:line:col: severity [rule] message``."""
    place = where(finding.file, finding.line, finding.column)
    return f"{place}: {finding.severity} [{finding.rule}] {finding.message}"


def issues_text(issues: Iterable[Issue]) -> str:
    """One input issue per line, as ``file:line:col: key.path: message (hint)``."""
    return "\n".join(str(issue) for issue in issues)


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


def check_text(run: CheckRun) -> str:
    """``clientchain check`` report: one finding per line, input errors included."""
    return "\n".join(finding_line(f) for f in run.reported())


def check_summary(run: CheckRun) -> str:
    """The one-line summary ``check`` writes to stderr."""
    counts = run.counts()
    files = plural(counts["files"], "file")
    found = [
        plural(counts["errors"], "error"),
        plural(counts["warnings"], "warning"),
        plural(counts["infos"], "info", "info"),
    ]
    text = f"checked {files}: {', '.join(found)}"
    if run.unreadable:
        text += f"; {plural(run.unreadable, 'file')} could not be read"
    return text


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
    unknown = f" (effort {UNKNOWN} at {plural(chain.unknown_steps, 'step')})"
    return [
        f"    lead time {lead_time(chain.lead_time_hours, flow.hours_per_day)}"
        f"{unknown if chain.unknown_steps else ''}; constraint {constraint}"
    ]


def _none(unknown_steps: int) -> str:
    """What a chain's missing constraint is: unknown when its utilizations are."""
    return UNKNOWN if unknown_steps else NONE


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
