"""The report's tables as rows of plain text, shared by the HTML and Markdown writers.

Cells are unescaped text; each writer escapes them for its language. Numbers
are only formatted here (:mod:`clientchain.render.numbers`), never computed.
"""

from __future__ import annotations

from dataclasses import dataclass

from clientchain.numbers import UNKNOWN as UNKNOWN_VALUE
from clientchain.numbers import or_unknown
from clientchain.output.limits import (
    NO_CHAIN_WORK,
    carries_no_chain_work,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
)
from clientchain.render.numbers import UNKNOWN, amount, factor, hours, percent
from clientchain.render.report_data import ReportData

__all__ = [
    "Table",
    "bottleneck_table",
    "chain_table",
    "finding_table",
    "summary_table",
    "who_table",
]


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
    constraint = UNKNOWN_VALUE if flow.unknown_utilization else UNKNOWN
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        constraint = f"{org.label(flow.constraint)} ({or_unknown(utilization, percent)})"
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            constraint += (
                f", {NO_CHAIN_WORK}; the chains' constraint: {org.label(chains.id)} "
                f"({or_unknown(chains.utilization, percent)})"
            )
    limit = limit_factor(flow, factor)
    rows = [
        ("Organization", org.name),
        ("Period", f"{org.period} ({hours(flow.period_hours)})"),
        *((what.capitalize(), str(n)) for what, n in data.overview.counts.items()),
        ("Constraint", constraint),
        (
            "Headroom",
            f"{or_unknown(flow.headroom, factor)} ({headroom_clause(flow, org.label, '100%')})",
        ),
        ("Demand limit", f"{limit} ({demand_limit_clause(flow, org.label, '100%')})"),
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


def chain_table(data: ReportData) -> Table:
    """Per chain: demand, takt, process and lead time, value added, quality, constraint."""
    rows = []
    for chain in data.flow.chains.values():
        constraint = data.org.label(chain.constraint) if chain.constraint else UNKNOWN
        constraint = UNKNOWN_VALUE if chain.unknown_steps and not chain.constraint else constraint
        rows.append(
            (
                chain.name,
                f"{amount(chain.demand)}/{data.org.period}",
                hours(chain.takt_hours),
                or_unknown(chain.process_time_hours, hours),
                or_unknown(chain.lead_time_hours, hours),
                or_unknown(chain.value_added_ratio, percent),
                percent(chain.rolled_quality),
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
    """Departments by utilization, highest first (file order on ties)."""
    ranked = data.flow.by_utilization()  # unknown utilizations last
    rows = tuple(
        (
            d.name,
            or_unknown(d.load_hours, hours),
            hours(d.capacity_hours),
            or_unknown(d.utilization, percent),
            "constraint" if d.id == data.flow.constraint else "",
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
