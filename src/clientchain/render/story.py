"""The order the report tells its story in, and the two tables only the report has.

A consultant tells it in this order (issue 16): the executive summary, the overview (key
figures and the whole diagram), each chain (its table row and its drawing), the charts, who
serves whom, the quality and satisfaction of every handoff, the lead time of every chain in
working days and hours, the bottlenecks, the findings. :data:`BEFORE_CHAINS` and
:data:`AFTER_CHAINS` are the table sections around the chains, in that order; both writers
(:mod:`~clientchain.render.html`, :mod:`~clientchain.render.markdown`) follow them.

Numbers are only formatted here (:mod:`clientchain.numbers`), never computed.
"""

from __future__ import annotations

from clientchain.analysis.quality import requirement_misses
from clientchain.i18n import N_, _, ngettext
from clientchain.numbers import duration, lead_time, num, pct
from clientchain.output.overview import requirement_text
from clientchain.output.sipoc import sipoc_columns, sipoc_headers
from clientchain.render.report_data import ReportData
from clientchain.render.tables import SECTIONS, UNKNOWN, Section, Table

__all__ = ["AFTER_CHAINS", "CHAINS", "lead_time_table", "quality_table", "sipoc_tables"]


def _headers(*headers: str) -> tuple[str, ...]:
    return tuple(_(header) for header in headers)  # i18n: N_ table


def quality_table(data: ReportData) -> Table:
    """Every work handoff in file order: supplier, client, deliverable, %C&A, satisfaction
    (with the survey answers it rests on), and what its client requires when any handoff
    states it (``requires:``, ``needs:``; a missed requirement is marked)."""
    org = data.org
    work = [h for h in org.handoffs if h.type == "work"]
    stated = any(h.requires is not None or h.needs for h in work)
    rows = []
    for h in work:
        satisfaction = UNKNOWN
        if h.satisfaction is not None:
            # TRANSLATORS: a satisfaction rating out of five, "4.5 / 5"
            satisfaction = _("{value} / 5").format(value=num(h.satisfaction))
        if h.satisfaction is not None and h.answers is not None:
            # TRANSLATORS: after a rating: the number of survey answers it rests on
            answers = ngettext("({n} answer)", "({n} answers)", h.answers)
            satisfaction += " " + answers.format(n=num(h.answers))
        row: tuple[str, ...] = (
            org.label(h.source),
            org.label(h.target),
            h.deliverable or UNKNOWN,
            UNKNOWN if h.quality is None else pct(h.quality),
            satisfaction,
        )
        if stated:
            required = requirement_text(h) or UNKNOWN
            if requirement_misses(h):
                # TRANSLATORS: a requirement the handoff misses: "%C&A ≥ 95% (missed)"
                required = _("{requirement} (missed)").format(requirement=required)
            row += (required,)
        rows.append(row)
    names = [
        N_("Supplier"),
        N_("Client"),
        N_("Deliverable"),
        # TRANSLATORS: a column of the report: percent complete and accurate of a handoff
        N_("%C&A"),
        N_("Satisfaction"),
    ]
    if stated:
        # TRANSLATORS: a column of the report: what the client requires of the handoff
        names.append(N_("Client's requirement"))
    return Table(_headers(*names), tuple(rows))


def sipoc_tables(data: ReportData) -> list[tuple[str, Table]]:
    """Each department's name and its SIPOC as a one-row table of five cells, a part's
    lines separated by line breaks (``none`` for an empty part)."""
    org = data.org
    tables = []
    for result in data.sipocs:
        cells = tuple("\n".join(lines) or _("none") for lines in sipoc_columns(org, result))
        tables.append((org.label(result.id), Table(sipoc_headers(), (cells,))))
    return tables


def lead_time_table(data: ReportData) -> Table:
    """Per chain: lead time in working days and hours, process time, value added, longest wait."""
    org = data.org
    rows = []
    for chain in data.flow.chains.values():
        waits = [s for s in chain.steps if s.wait_hours]
        longest = max(waits, key=lambda s: s.wait_hours or 0.0, default=None)
        wait = UNKNOWN
        if longest is not None:
            # TRANSLATORS: the longest wait of a chain: "Creatividad (16 h)"
            wait = _("{name} ({wait})").format(
                name=org.label(longest.department), wait=duration(longest.wait_hours)
            )
        rows.append(
            (
                chain.name,
                lead_time(chain.lead_time_hours, org.calendar.hours_per_day),
                duration(chain.process_time_hours),
                pct(chain.value_added_ratio),
                wait,
            )
        )
    headers = _headers(
        N_("Chain"),
        # TRANSLATORS: a column of the report: the lead time in working days and in hours
        N_("Lead time (working days and hours)"),
        N_("Process time"),
        N_("Value added"),
        # TRANSLATORS: a column of the report: the step that waits longest before it starts
        N_("Longest wait before a step"),
    )
    return Table(headers, tuple(rows))


_BY_ANCHOR = {section.anchor: section for section in SECTIONS}

CHAINS = _BY_ANCHOR["chains"]
"""The chains' table; each chain's drawing follows it."""

AFTER_CHAINS = (
    _BY_ANCHOR["who"],
    _BY_ANCHOR["clients"],
    Section("quality", N_("Quality and satisfaction"), quality_table, frozenset({3, 4})),
    Section("lead-time", N_("Lead time"), lead_time_table, frozenset({1, 2, 3})),
    _BY_ANCHOR["bottlenecks"],
    _BY_ANCHOR["findings"],
)
"""The sections after the chains (and the charts), in the story's order."""
