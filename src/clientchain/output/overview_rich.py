"""``map`` and ``who`` on a terminal: rich tables and colour (plain: :mod:`.overview`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from clientchain.i18n import _
from clientchain.numbers import given, hours, lead_time, num, pct, per_period, unknown_text
from clientchain.output.common import (
    chain_path,
    hops_text,
    node_role,
    nodes,
    none,
    party_role,
    severity_word,
    where,
)
from clientchain.output.limits import carries_no_chain_work, limits_words, no_constraint
from clientchain.output.overview import counts_text
from clientchain.output.rich_common import SEVERITY_STYLE, render
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.checks import Finding
    from clientchain.model import Organization
    from clientchain.output.reports import Overview

__all__ = ["map_rich", "who_rich"]


def who_rich(org: Organization, who: WhoServesWhom, width: int) -> str:
    """``clientchain who`` as a two-column table."""
    party = org.clients.get(who.id) if who.role == "client" else None
    role = party_role(party) if party else node_role(str(who.role))
    title = Text(f"{org.describe(who.id)}: {role}", style="bold")
    table = Table(title=title, title_justify="left", show_header=False, box=box.SIMPLE)
    table.add_column(style="bold")
    table.add_column()
    for label, ids in (
        (_("suppliers"), who.suppliers),
        (_("clients"), who.clients),
        (_("upstream"), who.upstream),
        (_("downstream"), who.downstream),
        (_("serves external"), who.serves_external),
    ):
        table.add_row(label, Text(nodes(org, ids)))
    table.add_row(_("nearest external client"), hops_text(who.hops_to_external))
    table.add_row(_("information from"), Text(nodes(org, who.information_from)))
    table.add_row(_("information to"), Text(nodes(org, who.information_to)))
    table.add_row(_("feedback from"), Text(nodes(org, who.feedback_from)))
    table.add_row(_("feedback to"), Text(nodes(org, who.feedback_to)))
    return render([table], width)


def map_rich(overview: Overview, width: int) -> str:
    """``clientchain map``: heading, departments, external parties, chains, findings."""
    org = overview.org
    counts = counts_text(overview.counts)
    heading = Text.assemble((org.name, "bold"), f"  {per_period(org.period)}  ·  {counts}")
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
    table = Table(
        title=_("Departments"), title_justify="left", box=box.SIMPLE_HEAD, show_lines=True
    )
    columns = (
        _("department"),
        _("kind"),
        _("group"),
        _("suppliers"),
        _("clients"),
        _("serves"),
        _("load"),
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    for who in overview.departments:
        dept = org.departments[who.id]
        serves = _names(org, who.serves_external)
        if who.serves_external:
            nearest = _("in {handoffs}").format(handoffs=hops_text(who.hops_to_external))
            serves.append(f"\n{nearest}", style="dim")
        table.add_row(
            Text.assemble((dept.name, "bold"), ("\n" + who.id, "dim")),
            term("kind", dept.kind),
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
    style = "bold red" if utilization > 1 else ""  # i18n: rich style
    if utilization > overview.org.checks.near_capacity and not style:
        style = "yellow"
    text = Text(pct(flow.utilization), style=style)
    text.append(f"\n{num(flow.load_hours)}/{hours(flow.capacity_hours)}", style="dim")
    if dept_id == overview.flow.constraint:
        busiest = carries_no_chain_work(overview.flow, dept_id)
        mark = _("busiest, no chain work") if busiest else _("constraint")
        text.append(f"\n{mark}", style="bold")
    elif dept_id == overview.flow.chain_constraint and carries_no_chain_work(
        overview.flow, overview.flow.constraint
    ):
        text.append("\n" + _("chains' constraint"), style="bold")
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
    return Text.assemble((_("Bottlenecks") + ": ", "bold"), top, f"  ·  {limits}")


def _names(org: Organization, node_ids: Iterable[str]) -> Text:
    """Display names, one per line (``none`` when empty)."""
    return Text("\n".join(org.label(n) for n in node_ids) or none())


def _parties(org: Organization) -> Table:
    table = Table(
        title=_("External clients and suppliers"), title_justify="left", box=box.SIMPLE_HEAD
    )
    for column in _("id"), _("name"), _("role"), _("segment"):
        table.add_column(column, overflow="fold")
    for party in (*org.clients.values(), *org.suppliers.values()):
        table.add_row(
            Text(party.id), Text(party.name), party_role(party), Text(party.segment or "")
        )
    return table


def _chains(overview: Overview) -> Table:
    org, flow = overview.org, overview.flow
    table = Table(title=_("Chains"), title_justify="left", box=box.SIMPLE_HEAD)
    columns = _("chain"), _("demand"), _("path"), _("lead time"), _("constraint")
    for column in columns:
        table.add_column(column, overflow="fold")
    for chain in org.chains.values():
        demand = _("{demand} {per_period}").format(
            demand=given(chain.demand), per_period=per_period(org.period)
        )
        lead, constraint = "", ""
        if flow is not None:
            chain_flow = flow.chains[chain.id]
            lead = lead_time(chain_flow.lead_time_hours, flow.hours_per_day)
            constraint = (
                org.label(chain_flow.constraint) if chain_flow.constraint else no_constraint()
            )
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
        return Text(_("Findings") + f": {none()}", style="green")
    table = Table(title=_("Findings"), title_justify="left", box=box.SIMPLE_HEAD)
    for column in _("where"), _("severity"), _("rule"), _("message"):
        table.add_column(column, overflow="fold")
    for f in rows:
        table.add_row(
            Text(where(f.file, f.line, f.column)),
            Text(severity_word(f.severity), style=SEVERITY_STYLE.get(str(f.severity), "")),
            f.rule,
            Text(f.message),
        )
    return table
