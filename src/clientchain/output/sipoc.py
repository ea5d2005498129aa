"""``clientchain sipoc``: one department's Suppliers, Inputs, Process, Outputs, Customers.

Text (``label: value`` lines, as ``who``), Markdown (one table per part) and JSON (the
fields of docs/commands.md "sipoc"; numbers are hours, fractions and 1–5 ratings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientchain.i18n import _
from clientchain.numbers import (
    duration,
    finite,
    hours,
    num,
    or_unknown,
    pct,
    per_period,
    rating,
    unknown_text,
)
from clientchain.output.common import dumps
from clientchain.output.overview import requirement_text
from clientchain.terms import term

if TYPE_CHECKING:
    from clientchain.analysis.sipoc import Exchange, Sipoc, SipocStep
    from clientchain.model import Organization

__all__ = ["sipoc_columns", "sipoc_headers", "sipoc_json", "sipoc_markdown", "sipoc_text"]


def _what(org: Organization, exchange: Exchange) -> str:
    deliverable = exchange.deliverable or _("(no deliverable)")
    if exchange.type != "work":
        deliverable += f" ({term('type', exchange.type)})"
    return deliverable


def _measures(org: Organization, exchange: Exchange) -> str:
    volume = (
        unknown_text()
        if exchange.volume is None
        else f"{num(exchange.volume)} {per_period(org.period)}"
    )
    return _("volume {volume}, %C&A {quality}, satisfaction {satisfaction}").format(
        volume=volume,
        quality=or_unknown(exchange.quality, pct),
        satisfaction=_satisfaction(exchange),
    )


def _step(org: Organization, step: SipocStep) -> str:
    chain = org.chains[step.chain].describe()
    text = _("{chain}, step {position}: effort {effort}, cycle time {cycle}").format(
        chain=chain,
        position=step.position,
        effort=duration(step.effort_hours),
        cycle=duration(step.cycle_time_hours),
    )
    return text + (" " + _("(over takt)") if step.over_takt else "")


def _load(org: Organization, result: Sipoc) -> str:
    return _("utilization {utilization} ({load} of {capacity} {per_period})").format(
        utilization=or_unknown(result.utilization, pct),
        load=hours(result.load_hours),
        capacity=hours(result.capacity_hours),
        per_period=per_period(org.period),
    )


def sipoc_headers() -> tuple[str, str, str, str, str]:
    """The five parts' names, as the columns of a SIPOC table."""
    return (_("Suppliers"), _("Inputs"), _("Process"), _("Outputs"), _("Customers"))


def sipoc_columns(org: Organization, result: Sipoc) -> tuple[tuple[str, ...], ...]:
    """The five parts as lines of text, one tuple a part (the report's and the slide's
    SIPOC table): names, deliverables with their numbers, steps and load, customers with
    what they require."""
    inputs = tuple(
        f"{_what(org, e)} ← {org.label(e.party)}: {_measures(org, e)}" for e in result.inputs
    )
    process = (*(_step(org, step) for step in result.process), _load(org, result))
    outputs = tuple(
        f"{_what(org, e)} → {org.label(e.party)}: {_measures(org, e)}" for e in result.outputs
    )
    customers = []
    for e in result.outputs:
        required = requirement_text_of(e)
        suffix = " — " + _("requires: {requirements}").format(requirements=required)
        customers.append(org.label(e.party) + (suffix if required else ""))
    return (
        tuple(org.label(s) for s in result.suppliers),
        inputs,
        process,
        outputs,
        tuple(dict.fromkeys(customers)),
    )


def sipoc_text(org: Organization, result: Sipoc) -> str:
    """The five parts as indented lines."""
    none = "  " + _("none")
    lines = [org.describe(result.id) + ": SIPOC", _("suppliers") + ":"]  # i18n: SIPOC, a name
    lines += [f"  {org.describe(s)}" for s in result.suppliers] or [none]
    lines.append(_("inputs") + ":")
    lines += [
        f"  {_what(org, e)} ← {org.describe(e.party)}: {_measures(org, e)}" for e in result.inputs
    ] or [none]
    lines.append(_("process") + ":")
    lines += [f"  {_step(org, step)}" for step in result.process] or [none]
    lines.append(f"  {_load(org, result)}")
    lines.append(_("outputs") + ":")
    lines += [
        f"  {_what(org, e)} → {org.describe(e.party)}: {_measures(org, e)}" for e in result.outputs
    ] or [none]
    lines.append(_("customers") + ":")
    for e in result.outputs:
        required = requirement_text_of(e)
        suffix = " — " + _("requires: {requirements}").format(requirements=required)
        lines.append(f"  {org.describe(e.party)}{suffix if required else ''}")
    if not result.outputs:
        lines.append(none)
    return "\n".join(lines)


def sipoc_markdown(org: Organization, result: Sipoc) -> str:
    """A heading and one table per part (``|`` and line breaks in names escaped)."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    def table(header: list[str], rows: list[list[str]]) -> list[str]:
        out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
        return out if rows else [_("none")]

    exchange_header = [_("Deliverable"), _("Volume"), "%C&A", _("Satisfaction")]
    lines = [f"# SIPOC — {cell(org.describe(result.id))}", ""]  # i18n: Markdown syntax
    lines += ["## " + _("Suppliers"), ""]
    lines += [f"- {cell(org.describe(s))}" for s in result.suppliers] or [_("none")]
    lines += ["", "## " + _("Inputs"), ""]
    lines += table(
        [_("Supplier"), *exchange_header],
        [[org.describe(e.party), *_columns(org, e)] for e in result.inputs],
    )
    lines += ["", "## " + _("Process"), ""]
    lines += table(
        [_("Chain"), _("Step"), _("Effort"), _("Cycle time")],
        [
            [
                org.chains[s.chain].describe(),
                str(s.position),
                duration(s.effort_hours),
                duration(s.cycle_time_hours),
            ]
            for s in result.process
        ],
    )
    lines += ["", _load(org, result)]
    lines += ["", "## " + _("Outputs"), ""]
    lines += table(
        [_("Customer"), *exchange_header],
        [[org.describe(e.party), *_columns(org, e)] for e in result.outputs],
    )
    lines += ["", "## " + _("Customers"), ""]
    for e in result.outputs:
        needs = requirement_text_of(e)
        lines.append(f"- {cell(org.describe(e.party))}" + (f": {cell(needs)}" if needs else ""))
    if not result.outputs:
        lines.append(_("none"))
    return "\n".join(lines) + "\n"


def requirement_text_of(exchange: Exchange) -> str:
    """What the customer of an output requires, as :func:`requirement_text` writes it."""
    from clientchain.model import Handoff

    if exchange.requires is None and exchange.needs is None:
        return ""
    probe = Handoff("", exchange.party, requires=exchange.requires, needs=exchange.needs)
    return requirement_text(probe)


def _columns(org: Organization, e: Exchange) -> list[str]:
    volume = unknown_text() if e.volume is None else f"{num(e.volume)} {per_period(org.period)}"
    return [_what(org, e), volume, or_unknown(e.quality, pct), _satisfaction(e)]


def _satisfaction(e: Exchange) -> str:
    """``'4.2'``, ``'2.9 (12 answers)'`` when it rests on a survey, or unknown."""
    return unknown_text() if e.satisfaction is None else rating(e.satisfaction, e.answers)


def _exchange_dict(e: Exchange) -> dict[str, Any]:
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    required = e.requires
    return {
        "id": e.party,
        "deliverable": e.deliverable,
        "type": e.type,
        "volume": e.volume,
        "quality": e.quality,
        "satisfaction": e.satisfaction,
        "requires": None
        if required is None
        else {
            "lead_time": required.lead_time,
            "quality": required.quality,
            "satisfaction": required.satisfaction,
        },
        "needs": e.needs,
    } | ({} if e.answers is None else {"answers": e.answers})


def sipoc_json(result: Sipoc) -> str:
    """``clientchain sipoc --format json``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return dumps(
        {
            "department": result.id,
            "suppliers": list(result.suppliers),
            "inputs": [_exchange_dict(e) for e in result.inputs],
            "process": [
                {
                    "chain": s.chain,
                    "step": s.position,
                    "effort": s.effort_hours,
                    "cycle_time": finite(s.cycle_time_hours),
                    "over_takt": s.over_takt,
                }
                for s in result.process
            ],
            "load": result.load_hours,
            "capacity": result.capacity_hours,
            "utilization": finite(result.utilization),
            "outputs": [_exchange_dict(e) for e in result.outputs],
            "customers": list(result.customers),
        }
    )
