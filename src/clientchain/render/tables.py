"""The report's tables as rows of plain text, shared by the HTML and Markdown writers.

Cells are unescaped text; each writer escapes them for its language. Numbers
are only formatted here (:mod:`clientchain.numbers`), never computed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from clientchain.i18n import N_, _
from clientchain.numbers import duration, factor, num, or_unknown, pct, unknown_text
from clientchain.output.limits import (
    carries_no_chain_work,
    constraint_mark,
    demand_limit_clause,
    headroom_clause,
    limit_factor,
)
from clientchain.render.chain_view import quality_text, rate
from clientchain.render.report_data import ReportData
from clientchain.terms import term

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


COUNTS = {
    "departments": N_("Departments"),
    "clients": N_("Clients"),
    "suppliers": N_("Suppliers"),
    "handoffs": N_("Handoffs"),
    "chains": N_("Chains"),
}
"""The summary's row heading for each of the overview's counts."""


def _names(data: ReportData, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(data.org.label(i) for i in ids) or _("none")


def _headers(*headers: str) -> tuple[str, ...]:
    """``headers`` (marked with ``N_``) in the current language."""
    return tuple(_(header) if header else header for header in headers)  # i18n: N_ table


def summary_table(data: ReportData) -> Table:
    """Organization, period, counts, constraint, headroom and demand limit as two columns."""
    org, flow = data.org, data.flow
    constraint = unknown_text() if flow.unknown_utilization else UNKNOWN
    if flow.constraint is not None:
        utilization = flow.departments[flow.constraint].utilization
        constraint = f"{org.label(flow.constraint)} ({pct(utilization)})"
        if carries_no_chain_work(flow, flow.constraint) and flow.chain_constraint is not None:
            chains = flow.departments[flow.chain_constraint]
            # TRANSLATORS: the busiest department carries no chain work, so another department is
            # the chains' constraint (docs/concepts.md)
            constraint = _(
                "{name} ({value}), no chain work; the chains' constraint: {chain} ({chain_value})"
            ).format(
                name=org.label(flow.constraint),
                value=pct(utilization),
                chain=org.label(chains.id),
                chain_value=pct(chains.utilization),
            )
    limit = limit_factor(flow, factor)
    counts = data.overview.counts.items()
    rows = [
        (_("Organization"), org.name),
        (_("Period"), f"{term('period', org.period)} ({duration(flow.period_hours)})"),
        *((_count_heading(what), num(n)) for what, n in counts),
        (_("Constraint"), constraint),
        (
            _("Headroom"),
            f"{or_unknown(flow.headroom, factor)} ({headroom_clause(flow, org.label)})",
        ),
        (_("Demand limit"), f"{limit} ({demand_limit_clause(flow, org.label)})"),
        (_("Findings"), num(len(data.overview.findings))),
    ]
    return Table(("", ""), tuple(rows))


def _count_heading(what: str) -> str:
    """``Departments``, ``Handoffs``…: the summary row of one of the overview's counts."""
    return _(COUNTS[what]) if what in COUNTS else what.capitalize()  # i18n: N_ table


def who_table(data: ReportData) -> Table:
    """Who serves whom: one row per department."""
    rows = []
    for who in data.overview.departments:
        department = data.org.departments[who.id]
        hops = UNKNOWN if who.hops_to_external is None else num(who.hops_to_external)
        rows.append(
            (
                department.name,
                term("kind", department.kind),
                department.group or UNKNOWN,
                _names(data, who.suppliers),
                _names(data, who.clients),
                _names(data, who.serves_external),
                hops,
            )
        )
    headers = _headers(
        N_("Department"),
        N_("Kind"),
        N_("Group"),
        N_("Suppliers"),
        N_("Clients"),
        # TRANSLATORS: a column of the report: the external clients a department's work reaches
        N_("Serves"),
        # TRANSLATORS: a column of the report: how many handoffs to an external client
        N_("Handoffs"),
    )
    return Table(headers, tuple(rows))


def client_table(data: ReportData) -> Table:
    """The external clients in file order: role (intermediary, final) and commercial segment."""
    rows = tuple(
        (
            party.name,
            term("role", party.client_role) if party.client_role else UNKNOWN,
            party.segment or UNKNOWN,
        )
        for party in data.org.clients.values()
    )
    return Table(_headers(N_("Client"), N_("Role"), N_("Segment")), rows)


def chain_table(data: ReportData) -> Table:
    """Per chain: demand, takt, process and lead time, value added, quality, constraint."""
    rows = []
    for chain in data.flow.chains.values():
        constraint = data.org.label(chain.constraint) if chain.constraint else UNKNOWN
        constraint = unknown_text() if chain.unknown_steps and not chain.constraint else constraint
        rows.append(
            (
                chain.name,
                rate(chain.demand, data.org.period),
                duration(chain.takt_hours),
                duration(chain.process_time_hours),
                duration(chain.lead_time_hours),
                pct(chain.value_added_ratio),
                quality_text(chain, data.org.chains[chain.id]),
                constraint,
                _names(data, list(chain.over_takt)),
            )
        )
    headers = _headers(
        N_("Chain"),
        N_("Demand"),
        N_("Takt"),
        N_("Process time"),
        N_("Lead time"),
        N_("Value added"),
        N_("Rolled quality"),
        N_("Constraint"),
        N_("Over takt"),
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
    headers = _headers(N_("Department"), N_("Load"), N_("Capacity"), N_("Utilization"), "")
    return Table(headers, rows)


def finding_table(data: ReportData) -> Table:
    """The findings of the rules: severity, rule, place and message."""
    rows = tuple(
        (
            term("severity", str(f.severity)),
            f.rule,
            f"{f.file}:{f.line}:{f.column}" if f.line else f.file,
            f.message,
        )
        for f in data.overview.findings
    )
    return Table(_headers(N_("Severity"), N_("Rule"), N_("Where"), N_("Message")), rows)


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the report after its diagram: anchor, heading, table, right-aligned columns.

    ``heading`` is the English message; :attr:`title` is it in the current language.
    """

    anchor: str
    heading: str
    table: Callable[[ReportData], Table]
    numeric: frozenset[int] = frozenset()

    @property
    def title(self) -> str:
        """The heading in the current language."""
        return _(self.heading)  # i18n: N_ table


SECTIONS = (
    Section("who", N_("Who serves whom"), who_table, frozenset({6})),
    Section("clients", N_("Clients"), client_table),
    Section("chains", N_("Chains"), chain_table, frozenset({1, 2, 3, 4, 5, 6})),
    Section("bottlenecks", N_("Bottlenecks"), bottleneck_table, frozenset({1, 2, 3})),
    Section("findings", N_("Findings"), finding_table),
)
"""The sections both report writers (HTML, Markdown) write, in order; the chains' diagrams
follow the ``chains`` table."""
