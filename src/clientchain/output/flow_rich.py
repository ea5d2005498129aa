"""Terminal tables for ``bottlenecks``, ``chains`` and ``simulate`` (plain text: :mod:`.flow`).

Numbers come formatted by :mod:`clientchain.output.flow`; this module only lays
them out. Names from the org file go in as :class:`rich.text.Text`, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from clientchain.i18n import _
from clientchain.numbers import (
    duration,
    factor,
    fixed,
    lead_time,
    or_unknown,
    pct,
    per_period,
    plural,
    unknown_text,
)
from clientchain.output.common import none
from clientchain.output.flow import inventory_note
from clientchain.output.limits import (
    carries_no_chain_work,
    constraint_name,
    limits_words,
    no_chain_work,
    no_constraint,
)
from clientchain.output.rich_common import render

if TYPE_CHECKING:
    from clientchain.analysis.flow import ChainFlow, FlowReport
    from clientchain.analysis.impact import Bottlenecks, ChainsReport
    from clientchain.analysis.rework import ReworkReport
    from clientchain.analysis.whatif import Simulation
    from clientchain.model import Organization

__all__ = [
    "bottlenecks_rich",
    "chains_rich",
    "limits_heading",
    "simulate_rich",
    "utilization_style",
]


def utilization_style(utilization: float, threshold: float) -> str:
    """Red above 100%, yellow above the near-capacity threshold, else plain."""
    if utilization > 1:
        return "bold red"  # i18n: rich style
    if utilization > threshold:
        return "yellow"
    return ""


def _none(chain: ChainFlow) -> str:
    """A chain without a constraint: unknown when its utilizations are."""
    return unknown_text() if chain.unknown_steps else no_constraint()


def _utilization(utilization: float | None, threshold: float) -> Text:
    if utilization is None:
        return Text(pct(utilization), style="dim")
    return Text(pct(utilization), style=utilization_style(utilization, threshold))


def _heading(org: Organization, text: str) -> Text:
    return Text.assemble((org.name, "bold"), f"  ·  {text}")


def _names(org: Organization, ids: tuple[str, ...]) -> Text:
    return Text(", ".join(org.label(i) for i in ids) or none())


def _table(
    title: str,
    columns: tuple[str, ...],
    *,
    show_lines: bool = False,
    caption: str | None = None,
) -> Table:
    """A table titled ``title`` (left) with ``columns`` that fold long text."""
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_lines=show_lines,
        caption=caption,
        caption_justify="left",
    )
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def bottlenecks_rich(org: Organization, result: Bottlenecks, width: int) -> str:
    """``clientchain bottlenecks`` as a table by utilization."""
    flow = result.flow
    heading = _heading(org, limits_heading(org, flow))
    columns = (
        _("department"),
        _("load"),
        _("capacity"),
        _("utilization"),
        _("betweenness"),
        _("if it stalls"),
    )
    table = _table(_("Departments by utilization"), columns)
    for impact in result.departments:
        dept = flow.departments[impact.id]
        count = len(impact.chains)
        if count:
            chains = plural(count, "{n} chain", "{n} chains")
            stall = Text(_("{chains}; hits ").format(chains=chains))
            stall.append_text(_names(org, impact.clients_hit))
        else:
            stall = Text(_("no chain work: no chain stops"))
        if impact.clients_cut_off:
            stall.append(_("; cuts off "), style="bold")
            stall.append_text(_names(org, impact.clients_cut_off))
        table.add_row(
            Text.assemble((dept.name, "bold"), ("\n" + dept.id, "dim")),
            duration(dept.load_hours),
            duration(dept.capacity_hours),
            _utilization(dept.utilization, result.near_capacity),
            f"{fixed(impact.betweenness)}",
            stall,
        )
    parts: list[Table | Text] = [heading, table]
    if result.over_takt:
        step_columns = _("chain"), _("department"), _("cycle time"), _("takt")
        steps = _table(_("Steps over takt"), step_columns)
        for step in result.over_takt:
            steps.add_row(
                Text(org.chains[step.chain].name),
                Text(org.label(step.department)),
                duration(step.cycle_time_hours),
                duration(step.takt_hours),
            )
        parts.append(steps)
    else:
        parts.append(Text(_("Steps over takt") + f": {none()}", style="green"))
    if result.rework is not None:
        parts += [_rework_table(org, result.rework, result.near_capacity)]
        parts += [_handoffs_table(org, result.rework)]
    return render(parts, width)


def _rework_table(org: Organization, rework: ReworkReport, threshold: float) -> Table:
    """Each department's rework, load and utilization with it, busiest first."""
    columns = (_("department"), _("rework"), _("load"), _("utilization"), _("today"))
    busiest = org.label(rework.constraint) if rework.constraint else no_constraint()
    caption = _("constraint: {name}; headroom: {factor}").format(
        name=busiest, factor=or_unknown(rework.headroom, factor)
    )
    title = _("With rework (returned units done again in full)")
    table = _table(title, columns, caption=caption)
    ranked = sorted(
        rework.departments.values(),
        key=lambda d: (d.utilization is None, -(d.utilization or 0.0)),
    )
    for dept in ranked:
        table.add_row(
            Text(org.label(dept.id)),
            duration(dept.rework_hours),
            duration(dept.load_hours),
            _utilization(dept.utilization, threshold),
            pct(rework.flow.departments[dept.id].utilization),
        )
    return table


def _handoffs_table(org: Organization, rework: ReworkReport) -> Table | Text:
    """What each handoff's rework costs its supplier, most costly first."""
    title = _("Rework per handoff") + f" ({per_period(org.period)})"
    if not rework.handoffs:
        return Text(f"{title}: {none('handoffs')}")
    table = _table(title, (_("from"), _("to"), _("quality"), _("rework")))
    for handoff in rework.handoffs:
        table.add_row(
            Text(org.label(handoff.source)),
            Text(org.label(handoff.target)),
            pct(handoff.quality),
            duration(handoff.hours),
        )
    return table


def chains_rich(org: Organization, result: ChainsReport, width: int) -> str:
    """``clientchain chains``: one row per chain, then the weakest handoffs."""
    flow = result.flow
    columns: tuple[str, ...] = (
        _("chain"),
        _("takt"),
        # TRANSLATORS: a column heading: the chain's process time
        _("process"),
        _("lead time"),
        # TRANSLATORS: a column heading: the value-added ratio
        _("VA ratio"),
        _("quality"),
        _("constraint"),
        _("over takt"),
    )
    rework = result.rework
    if rework is not None:
        columns = (*columns[:4], _("lead time with rework"), *columns[4:])
    table = _table(_("Chains"), columns, show_lines=True)
    for chain in flow.chains.values():
        low = chain.rolled_quality < result.min_rolled_quality
        lead = [lead_time(chain.lead_time_hours, flow.hours_per_day)]
        if rework is not None:
            lead.append(lead_time(rework.chains[chain.id].lead_time_hours, flow.hours_per_day))
        table.add_row(
            Text.assemble((chain.name, "bold"), ("\n" + chain.id, "dim")),
            duration(chain.takt_hours),
            duration(chain.process_time_hours),
            *lead,
            pct(chain.value_added_ratio),
            Text(pct(chain.rolled_quality), style="yellow" if low else ""),
            Text(org.label(chain.constraint) if chain.constraint else _none(chain)),
            _names(org, chain.over_takt),
        )
    weak = _table(_("Weakest handoffs (%C&A)"), (_("from"), _("to"), _("quality")))
    for handoff in result.weakest:
        weak.add_row(
            Text(org.label(handoff.source)), Text(org.label(handoff.target)), pct(handoff.quality)
        )
    parts: list[Table | Text] = [_heading(org, per_period(org.period)), table, weak]
    if rework is not None:
        parts.append(_handoffs_table(org, rework))
    return render(parts, width)


def simulate_rich(org: Organization, result: Simulation, width: int) -> str:
    """``clientchain simulate``: before → after table, lead times and hires."""
    before, after = result.before, result.after
    changes = ", ".join(str(c) for c in result.changes) or none()
    columns = (
        _("department"),
        _("before"),
        _("after"),
        _("load after"),
        _("capacity after"),
    )
    table = _table(_("Utilization"), columns)
    for dept in after.by_utilization():
        was = before.departments[dept.id].utilization
        table.add_row(
            Text(dept.name, style="bold"),
            pct(was),
            _utilization(dept.utilization, result.threshold),
            duration(dept.load_hours),
            duration(dept.capacity_hours),
        )
    chains = _table(
        _("Lead time"),
        (_("chain"), _("before"), _("after")),
        caption=inventory_note(org, result),
    )
    for chain_id, chain in before.chains.items():
        new = after.chains[chain_id].lead_time_hours
        chains.add_row(
            Text(chain.name),
            lead_time(chain.lead_time_hours, before.hours_per_day),
            lead_time(new, after.hours_per_day),
        )
    hire_columns = _("department"), _("utilization"), _("extra people"), _("then")
    hires = _table(_("People needed"), hire_columns)
    for hire in result.hires:
        extra = _("no number helps") if hire.extra_people is None else f"+{hire.extra_people}"
        then = pct(hire.utilization_after_hiring) if hire.utilization_after_hiring else "—"
        hires.add_row(Text(hire.name), pct(hire.utilization), extra, then)
    constraint = f"{constraint_name(before, org.label)} → {constraint_name(after, org.label)}"
    shift = _("constraint {constraint}").format(constraint=constraint)
    heading = _heading(org, f"{changes}  ·  {shift}")
    return render([heading, table, chains, hires, Text(limits_heading(org, after))], width)


def limits_heading(org: Organization, flow: FlowReport) -> str:
    """``constraint X  ·  headroom ×1.25 (all work)  ·  demand limit ×1.25 (chain demand only)``."""
    parts = [_("constraint {constraint}").format(constraint=constraint_name(flow, org.label))]
    if carries_no_chain_work(flow, flow.constraint):
        busiest = org.label(flow.constraint) if flow.constraint else none()
        parts = [_("busiest {name} ({why})").format(name=busiest, why=no_chain_work())]
        if flow.chain_constraint is not None:
            parts.append(
                _("chains' constraint {name}").format(name=org.label(flow.chain_constraint))
            )
    parts.append(limits_words(flow))
    return "  ·  ".join(parts)
