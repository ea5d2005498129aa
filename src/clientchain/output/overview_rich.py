"""``map`` and ``who`` on a terminal: rich tables and colour (plain: :mod:`.overview`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from clientchain.numbers import given, lead_time, num, pct, plural, unknown_text
from clientchain.output.common import NONE, chain_path, hops_text, nodes, where
from clientchain.output.limits import NO_CHAIN_WORK, carries_no_chain_work, limits_words
from clientchain.output.rich_common import SEVERITY_STYLE, render

if TYPE_CHECKING:
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.checks import Finding
    from clientchain.model import Organization
    from clientchain.output.reports import Overview

__all__ = ["map_rich", "who_rich"]


def who_rich(org: Organization, who: WhoServesWhom, width: int) -> str:
    """``clientchain who`` as a two-column table."""
    title = Text(f"{org.describe(who.id)}: {who.role}", style="bold")
    table = Table(title=title, title_justify="left", show_header=False, box=box.SIMPLE)
    table.add_column(style="bold")
    table.add_column()
    for label, ids in (
        ("suppliers", who.suppliers),
        ("clients", who.clients),
        ("upstream", who.upstream),
        ("downstream", who.downstream),
        ("serves external", who.serves_external),
    ):
        table.add_row(label, Text(nodes(org, ids)))
    table.add_row("nearest external client", hops_text(who.hops_to_external))
    table.add_row("information from", Text(nodes(org, who.information_from)))
    table.add_row("information to", Text(nodes(org, who.information_to)))
    table.add_row("feedback from", Text(nodes(org, who.feedback_from)))
    table.add_row("feedback to", Text(nodes(org, who.feedback_to)))
    return render([table], width)


def map_rich(overview: Overview, width: int) -> str:
    """``clientchain map``: heading, departments, external parties, chains, findings."""
    org = overview.org
    counts = ", ".join(plural(n, what[:-1]) for what, n in overview.counts.items())
    heading = Text.assemble((org.name, "bold"), f"  per {org.period}  ·  {counts}")
    return render(
        [
            heading,
            _departments(overview),
            _parties(org),
            _chains(overview),
            _bottlenecks(overview),
            _findings(overview.findings),
        ],
        width,
    )


def _departments(overview: Overview) -> Table:
    """One row per department; neighbours by name, one per line, ids under the name."""
    org = overview.org
    table = Table(title="Departments", title_justify="left", box=box.SIMPLE_HEAD, show_lines=True)
    for column in ("department", "kind", "group", "suppliers", "clients", "serves", "load"):
        table.add_column(column, overflow="fold")
    for who in overview.departments:
        dept = org.departments[who.id]
        serves = _names(org, who.serves_external)
        if who.serves_external:
            serves.append(f"\nin {hops_text(who.hops_to_external)}", style="dim")
        table.add_row(
            Text.assemble((dept.name, "bold"), ("\n" + who.id, "dim")),
            dept.kind,
            Text(dept.group or ""),
            _names(org, who.suppliers),
            _names(org, who.clients),
            serves,
            _load(overview, who.id),
        )
    return table


def _load(overview: Overview, dept_id: str) -> Text:
    """Utilization, with the constraint marked and overloads in red."""
    if overview.flow is None:
        return Text("")
    flow = overview.flow.departments[dept_id]
    utilization = -1.0 if flow.utilization is None else flow.utilization  # unknown: no style
    style = "bold red" if utilization > 1 else ""
    if utilization > overview.org.checks.near_capacity and not style:
        style = "yellow"
    text = Text(pct(flow.utilization), style=style)
    text.append(f"\n{num(flow.load_hours)}/{num(flow.capacity_hours)} h", style="dim")
    if dept_id == overview.flow.constraint:
        busiest = carries_no_chain_work(overview.flow, dept_id)
        text.append(f"\nbusiest, {NO_CHAIN_WORK}" if busiest else "\nconstraint", style="bold")
    elif dept_id == overview.flow.chain_constraint and carries_no_chain_work(
        overview.flow, overview.flow.constraint
    ):
        text.append("\nchains' constraint", style="bold")
    return text


def _bottlenecks(overview: Overview) -> RenderableType:
    flow = overview.flow
    if flow is None or (flow.constraint is None and not flow.unknown_utilization):
        return Text("")
    top = ", ".join(
        f"{overview.org.label(d)} {pct(flow.departments[d].utilization)}"
        for d in overview.top_bottlenecks()
    )
    limits = limits_words(flow)
    return Text.assemble(("Bottlenecks: ", "bold"), top, f"  ·  {limits}")


def _names(org: Organization, node_ids: Iterable[str]) -> Text:
    """Display names, one per line (``none`` when empty)."""
    return Text("\n".join(org.label(n) for n in node_ids) or NONE)


def _parties(org: Organization) -> Table:
    table = Table(title="External clients and suppliers", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("id", "name", "role", "segment"):
        table.add_column(column, overflow="fold")
    for party in (*org.clients.values(), *org.suppliers.values()):
        table.add_row(Text(party.id), Text(party.name), party.role_words, Text(party.segment or ""))
    return table


def _chains(overview: Overview) -> Table:
    org, flow = overview.org, overview.flow
    table = Table(title="Chains", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("chain", "demand", "path", "lead time", "constraint"):
        table.add_column(column, overflow="fold")
    for chain in org.chains.values():
        demand = f"{given(chain.demand)} per {org.period}"
        lead, constraint = "", ""
        if flow is not None:
            chain_flow = flow.chains[chain.id]
            lead = lead_time(chain_flow.lead_time_hours, flow.hours_per_day)
            constraint = org.label(chain_flow.constraint) if chain_flow.constraint else NONE
            constraint = (
                unknown_text()
                if chain_flow.unknown_steps and not chain_flow.constraint
                else constraint
            )
        table.add_row(
            Text(chain.describe(), style="bold"),
            demand,
            Text(chain_path(org, chain)),
            lead,
            Text(constraint),
        )
    return table


def _findings(findings: Iterable[Finding]) -> RenderableType:
    rows = list(findings)
    if not rows:
        return Text(f"Findings: {NONE}", style="green")
    table = Table(title="Findings", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("where", "severity", "rule", "message"):
        table.add_column(column, overflow="fold")
    for f in rows:
        table.add_row(
            Text(where(f.file, f.line, f.column)),
            Text(str(f.severity), style=SEVERITY_STYLE.get(str(f.severity), "")),
            f.rule,
            Text(f.message),
        )
    return table
