"""Terminal formatters: rich tables and colour, rendered to a string.

Used only when a person is at a terminal (see :func:`clientchain.console.wants_rich`);
pipes, files and ``--no-color`` get :mod:`clientchain.output.text`. Every piece
of text from the org file goes in as :class:`rich.text.Text`, never as markup, so a
name like ``[bold]`` is shown as written.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from clientchain.console import Styled, visible
from clientchain.numbers import UNKNOWN, given, lead_time, num, pct, plural
from clientchain.output.limits import NO_CHAIN_WORK, carries_no_chain_work, limits_words
from clientchain.output.text import NONE, chain_path, hops_text, nodes, where

if TYPE_CHECKING:
    from clientchain.analysis.structure import WhoServesWhom
    from clientchain.checks import Finding
    from clientchain.model import Organization
    from clientchain.output.reports import CheckRun, Overview

__all__ = ["check_rich", "map_rich", "render", "who_rich"]

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(renderables: Iterable[RenderableType], width: int) -> Styled:
    """Render to a string with ANSI styles, ``width`` columns wide.

    Control characters in the data are shown as escapes (:func:`~clientchain.console.visible`)
    before rich wraps the text; the only escape sequences in the result are rich's styles.
    """
    console = _VisibleConsole(
        file=io.StringIO(), width=width, force_terminal=True, highlight=False, emoji=False
    )
    for renderable in renderables:
        console.print(renderable)
    buffer = console.file
    assert isinstance(buffer, io.StringIO)
    return Styled(buffer.getvalue())


class _VisibleConsole(Console):
    """A console that writes the data's control characters as visible escapes.

    Left to itself, rich drops carriage return, backspace, bell and form feed when a
    :class:`~rich.text.Text` is made, but writes escape and the C1 controls raw; here
    every text is escaped before it is wrapped, and any segment that still holds a
    control character after rendering is escaped too.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        if isinstance(renderable, str):
            renderable = visible(renderable)
        elif isinstance(renderable, Text):
            renderable = _visible_text(renderable)
        for segment in super().render(renderable, options):
            if segment.control or visible(segment.text) == segment.text:
                yield segment
            else:  # data that came as neither text nor a string
                yield Segment(visible(segment.text), segment.style)


def _visible_text(text: Text) -> Text:
    """``text`` with its control characters as escapes, its styled spans moved along."""
    plain = text.plain
    if visible(plain) == plain:
        return text
    starts = [0]
    for character in plain:
        starts.append(starts[-1] + len(visible(character)))
    shown = Text(
        "".join(visible(character) for character in plain),
        style=text.style,
        justify=text.justify,
        overflow=text.overflow,
        no_wrap=text.no_wrap,
        end=text.end,
        tab_size=text.tab_size,
    )
    for span in text.spans:
        shown.stylize(span.style, starts[span.start], starts[span.end])
    return shown


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


def check_rich(run: CheckRun, width: int) -> str:
    """``clientchain check``: the finding lines, severities in colour."""
    lines = [_finding_text(f) for f in run.reported()]
    return render(lines, width) if lines else ""


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
                UNKNOWN if chain_flow.unknown_steps and not chain_flow.constraint else constraint
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
            Text(str(f.severity), style=_STYLE.get(str(f.severity), "")),
            f.rule,
            Text(f.message),
        )
    return table


def _finding_text(finding: Finding) -> Text:
    return Text.assemble(
        f"{where(finding.file, finding.line, finding.column)}: ",
        (str(finding.severity), _STYLE.get(str(finding.severity), "")),
        f" [{finding.rule}] ",
        finding.message,
    )
