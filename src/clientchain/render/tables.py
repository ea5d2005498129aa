"""The report's tables as rows of plain text, shared by the HTML and Markdown writers.

Cells are unescaped text; each writer escapes them for its language. Numbers
are only formatted here (:mod:`clientchain.numbers`), never computed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clientchain.numbers import duration, factor, num, or_unknown, pct, unknown_text
from clientchain.output.limits import (
    NO_CHAIN_WORK,
    carries_no_chain_work,
    constraint_mark,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
)
from clientchain.render.chain_view import quality_text
from clientchain.render.report_data import ReportData

__all__ = [
    "SECTIONS",
    "Section",
    "Table",
    "bottleneck_table",
    "chain_table",
    "client_table",
    "finding_table",
    "summary_table",
    "who_table",
]


UNKNOWN = "–"
"""A cell whose value is not known (no constraint, no group, no path to a client)."""


@dataclass(frozen=True, slots=True)
class Table:
    """A header row and body rows of text cells."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _names(data: ReportData, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(data.org.label(i) for i in ids) or "none"


def summary_table(data: ReportData) -> Table:
    """Organization, period, counts, constraint, headroom and demand limit as two columns."""
    org, flow = data.org, data.flow
    constraint = unknown_text() if flow.unknown_utilization else UNKNOWN
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        constraint = f"{org.label(flow.constraint)} ({pct(utilization)})"
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            constraint += (
                f", {NO_CHAIN_WORK}; the chains' constraint: {org.label(chains.id)} "
                f"({pct(chains.utilization)})"
            )
    limit = limit_factor(flow, factor)
    rows = [
        ("Organization", org.name),
        ("Period", f"{org.period} ({duration(flow.period_hours)})"),
        *((what.capitalize(), str(n)) for what, n in data.overview.counts.items()),
        ("Constraint", constraint),
        ("Headroom", f"{or_unknown(flow.headroom, factor)} ({headroom_clause(flow, org.label)})"),
        ("Demand limit", f"{limit} ({demand_limit_clause(flow, org.label)})"),
        ("Findings", str(len(data.overview.findings))),
    ]
    return Table(("", ""), tuple(rows))


def who_table(data: ReportData) -> Table:
    """Who serves whom: one row per department."""
    rows = []
    for who in data.overview.departments:
        department = data.org.departments[who.id]
        hops = UNKNOWN if who.hops_to_external is None else str(who.hops_to_external)
        rows.append(
            (
                department.name,
                department.kind,
                department.group or UNKNOWN,
                _names(data, who.suppliers),
                _names(data, who.clients),
                _names(data, who.serves_external),
                hops,
            )
        )
    headers = ("Department", "Kind", "Group", "Suppliers", "Clients", "Serves", "Handoffs")
    return Table(headers, tuple(rows))


def client_table(data: ReportData) -> Table:
    """The external clients in file order: role (intermediary, final) and commercial segment."""
    rows = tuple(
        (party.name, party.client_role or UNKNOWN, party.segment or UNKNOWN)
        for party in data.org.clients.values()
    )
    return Table(("Client", "Role", "Segment"), rows)


def chain_table(data: ReportData) -> Table:
    """Per chain: demand, takt, process and lead time, value added, quality, constraint."""
    rows = []
    for chain in data.flow.chains.values():
        constraint = data.org.label(chain.constraint) if chain.constraint else UNKNOWN
        constraint = unknown_text() if chain.unknown_steps and not chain.constraint else constraint
        rows.append(
            (
                chain.name,
                f"{num(chain.demand)}/{data.org.period}",
                duration(chain.takt_hours),
                duration(chain.process_time_hours),
                duration(chain.lead_time_hours),
                pct(chain.value_added_ratio),
                quality_text(chain, data.org.chains[chain.id]),
                constraint,
                _names(data, list(chain.over_takt)),
            )
        )
    headers = (
        "Chain",
        "Demand",
        "Takt",
        "Process time",
        "Lead time",
        "Value added",
        "Rolled quality",
        "Constraint",
        "Over takt",
    )
    return Table(headers, tuple(rows))


def bottleneck_table(data: ReportData) -> Table:
    """Departments by utilization, highest first (file order on ties), marked as ``bottlenecks``
    marks them: the constraint, or the busiest without chain work and the chains' constraint."""
    ranked = data.flow.by_utilization()  # unknown utilizations last
    rows = tuple(
        (
            d.name,
            duration(d.load_hours),
            duration(d.capacity_hours),
            pct(d.utilization),
            constraint_mark(data.flow, d.id),
        )
        for d in ranked
    )
    return Table(("Department", "Load", "Capacity", "Utilization", ""), rows)


def finding_table(data: ReportData) -> Table:
    """The findings of the rules: severity, rule, place and message."""
    rows = tuple(
        (
            str(f.severity),
            f.rule,
            f"{f.file}:{f.line}:{f.column}" if f.line else f.file,
            f.message,
        )
        for f in data.overview.findings
    )
    return Table(("Severity", "Rule", "Where", "Message"), rows)


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the report after its diagram: anchor, heading, table, right-aligned columns."""

    anchor: str
    heading: str
    table: Callable[[ReportData], Table]
    numeric: frozenset[int] = frozenset()


SECTIONS = (
    Section("who", "Who serves whom", who_table, frozenset({6})),
    Section("clients", "Clients", client_table),
    Section("chains", "Chains", chain_table, frozenset({1, 2, 3, 4, 5, 6})),
    Section("bottlenecks", "Bottlenecks", bottleneck_table, frozenset({1, 2, 3})),
    Section("findings", "Findings", finding_table),
)
"""The sections both report writers (HTML, Markdown) write, in order; the chains' diagrams
follow the ``chains`` table."""
