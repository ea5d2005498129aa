"""Headroom and demand limit in words that say which one they are (docs/concepts.md).

Two factors answer "how much can demand grow?" differently, and every output names
the one it shows:

* the **headroom** (1 ÷ max utilization) lets *all* work grow together, the
  departments' ``other_load`` included: the busiest department reaches 100% first;
* the **demand limit** lets only *chain demand* grow, ``other_load`` fixed: the
  first department with chain work to reach 100% may be another one.

The clauses are shared by the text outputs and by the diagrams, report and slides.
While a department's utilization is unknown (a step's ``effort: unknown``), both
factors are ``unknown`` and the clause names those departments.

>>> from clientchain.analysis.flow import analyze_flow
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "Alfa", other_load=30.0), "b": Department("b", "Beta")},
...     clients={"z": ExternalParty("z", "Zeta", "client")},
...     chains={"x": Chain("x", "X", "z", 10.0, (Step("b", 2.0),))},
... )
>>> flow = analyze_flow(org)  # a: 30 h of 40 h = 75%, no chain work; b: 20 h of 40 h = 50%
>>> headroom_clause(flow, org.label)
'if all work grows, other work included, Alfa reaches 100% first'
>>> demand_limit_clause(flow, org.label)  # (40 − 0) ÷ 20 = × 2
'if only chain demand grows, Beta reaches 100% first'
>>> carries_no_chain_work(flow, flow.constraint)
True
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING

from clientchain.i18n import N_, _, pgettext
from clientchain.numbers import factor, or_unknown, pct, unknown_text

if TYPE_CHECKING:
    from clientchain.analysis.flow import FlowReport

__all__ = [
    "NO_CHAIN_WORK",
    "carries_no_chain_work",
    "constraint_line",
    "constraint_mark",
    "constraint_name",
    "demand_limit_clause",
    "demand_limit_line",
    "headroom_clause",
    "headroom_line",
    "limit_factor",
    "limits_words",
    "marked_constraint",
    "no_chain_work",
    "no_constraint",
    "unknown_clause",
]

Label = Callable[[str], str]

NO_CHAIN_WORK = N_("no chain work")
"""Said of a department whose load is all other work (chain demand does not move it); the
English message id, :func:`no_chain_work` gives it in the current language."""


def no_chain_work() -> str:
    """``no chain work`` in the current language."""
    return _(NO_CHAIN_WORK)  # i18n: N_ table


def no_constraint() -> str:
    """``none`` said of a constraint (``ninguna`` in Spanish: the word agrees with it)."""
    # TRANSLATORS: there is no constraint (no department limits the flow)
    return pgettext("constraint", "none")


def carries_no_chain_work(flow: FlowReport, department: str | None) -> bool:
    """Whether ``department`` has no chain load (``False`` for ``None``)."""
    return department is not None and flow.departments[department].chain_load_hours == 0


def constraint_name(flow: FlowReport, label: Label, none: str | None = None) -> str:
    """The constraint's label; ``unknown`` when there is none because utilizations are;
    ``none`` (or :func:`no_constraint`) when there is none at all."""
    if flow.constraint is not None:
        return label(flow.constraint)
    if flow.unknown_utilization:
        return unknown_text()
    return no_constraint() if none is None else none


def unknown_clause(flow: FlowReport, label: Label) -> str:
    """``utilization unknown at Beta, Gamma: effort unknown``, or ``''`` when all are known."""
    if not flow.unknown_utilization:
        return ""
    names = ", ".join(label(d) for d in flow.unknown_utilization)
    return _("utilization unknown at {names}: effort unknown").format(names=names)


def marked_constraint(flow: FlowReport) -> str | None:
    """The department outlined or set in bold as the constraint: the busiest one, or the
    chains' constraint when the busiest carries no chain work (``None`` without chains)."""
    if carries_no_chain_work(flow, flow.constraint):
        return flow.chain_constraint
    return flow.constraint


def constraint_mark(flow: FlowReport, department: str) -> str:
    """``the constraint``, ``the busiest, no chain work``, ``the chains' constraint`` or ``''``.

    What ``bottlenecks`` and the report's bottleneck table say after a department.
    """
    apart = carries_no_chain_work(flow, flow.constraint)
    if department == flow.constraint:
        return _("the busiest, no chain work") if apart else _("the constraint")
    if apart and department == flow.chain_constraint:
        return _("the chains' constraint")
    return ""


def headroom_clause(flow: FlowReport, label: Label) -> str:
    """What the headroom means for this organization, as a clause after the factor."""
    if flow.headroom is None:
        return unknown_clause(flow, label)
    department, value = flow.constraint, flow.headroom
    if department is None or math.isinf(value):
        return _("nothing is loaded")
    name = label(department)
    if value == 0:
        return _("{name} has work but no capacity").format(name=name)
    if value < 1:
        return _over(name)
    return _("if all work grows, other work included, {name} reaches {full} first").format(
        name=name, full=pct(1.0)
    )


def demand_limit_clause(flow: FlowReport, label: Label) -> str:
    """What the demand limit means for this organization, as a clause after the factor."""
    if flow.demand_limit is None:
        return unknown_clause(flow, label)
    department, value = flow.limit_department, flow.demand_limit
    if department is None or math.isinf(value):
        return _("no department carries chain work")
    name = label(department)
    if value == 0:
        return _("{name} has no capacity left for chain work").format(name=name)
    if value < 1:
        return _over(name)
    return _("if only chain demand grows, {name} reaches {full} first").format(
        name=name, full=pct(1.0)
    )


def _over(name: str) -> str:
    return _("{name} is over {full} already").format(name=name, full=pct(1.0))


def limit_factor(flow: FlowReport, write: Callable[[float], str]) -> str:
    """The demand limit written by ``write``; ``none`` without chain work, ``unknown``."""
    if flow.demand_limit is None:
        return unknown_text()
    if flow.limit_department is None or math.isinf(flow.demand_limit):
        return _limit_none()
    return write(flow.demand_limit)


def _limit_none() -> str:
    # TRANSLATORS: there is no demand limit (no department carries chain work)
    return pgettext("demand limit", "none")


def constraint_line(flow: FlowReport, label: Label) -> str:
    """``constraint: X at 80%``, or the busiest department without chain work and the chains'.

    ``busiest: X, 78%, no chain work; the chains' constraint: Y, 73%``. While some
    utilizations are unknown, the line ends ``; utilization unknown at …``.
    """
    unknown = unknown_clause(flow, label)
    line = _constraint_line(flow, label)
    if not unknown:
        return line
    if flow.constraint is None:
        return _("constraint: unknown ({why})").format(why=unknown)
    return f"{line}; {unknown}"


def _constraint_line(flow: FlowReport, label: Label) -> str:
    if flow.constraint is None:
        return _("constraint: {none}").format(none=no_constraint())
    name, value = label(flow.constraint), pct(flow.max_utilization)
    if not carries_no_chain_work(flow, flow.constraint):
        return _("constraint: {name} at {utilization}").format(name=name, utilization=value)
    if flow.chain_constraint is None:
        return _("constraint: {name} at {utilization}, no chain work").format(
            name=name, utilization=value
        )
    chains = flow.departments[flow.chain_constraint]
    return _(
        "busiest: {name}, {utilization}, no chain work; "
        "the chains' constraint: {chains}, {chains_utilization}"
    ).format(
        name=name,
        utilization=value,
        chains=label(chains.id),
        chains_utilization=pct(chains.utilization),
    )


def headroom_line(flow: FlowReport, label: Label) -> str:
    """``headroom: × 1.25 (if all work grows, …)``: 1 ÷ max utilization, in words."""
    return _("headroom: {factor} ({meaning})").format(
        factor=or_unknown(flow.headroom, factor), meaning=headroom_clause(flow, label)
    )


def demand_limit_line(flow: FlowReport, label: Label) -> str:
    """``demand limit: × 1.4 (if only chain demand grows, …)``, or ``none (…)``."""
    clause = demand_limit_clause(flow, label)
    if flow.demand_limit is not None and math.isinf(flow.demand_limit):
        value = _limit_none()
    else:
        value = or_unknown(flow.demand_limit, factor)
    return _("demand limit: {factor} ({meaning})").format(factor=value, meaning=clause)


def limits_words(flow: FlowReport) -> str:
    """Both factors, short, for a heading: ``headroom ×1.28 (all work)  ·  demand limit …``."""
    limit = _short(flow.demand_limit)
    if flow.demand_limit is not None and math.isinf(flow.demand_limit):
        limit = _limit_none()
    return _(
        "headroom {headroom} (all work)  ·  demand limit {demand_limit} (chain demand only)"
    ).format(headroom=_short(flow.headroom), demand_limit=limit)


def _short(value: float | None) -> str:
    return or_unknown(value, factor).replace("× ", "×")
