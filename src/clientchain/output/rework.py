"""The ``--with-rework`` parts of ``bottlenecks`` and ``chains``: plain text and JSON.

Shown beside today's figures, never instead of them (:mod:`clientchain.analysis.rework`
states the model). JSON writes infinity as ``null`` like the rest of :mod:`.flow`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from clientchain.i18n import _
from clientchain.numbers import (
    duration,
    factor,
    finite,
    lead_time,
    load_of,
    or_unknown,
    pct,
    per_period,
    signed_duration,
    unknown_text,
)
from clientchain.output.common import none
from clientchain.output.limits import no_constraint

if TYPE_CHECKING:
    from clientchain.analysis.rework import ChainRework, HandoffRework, ReworkReport
    from clientchain.model import Organization

__all__ = [
    "chain_rework_dict",
    "chain_rework_line",
    "department_rework_dict",
    "department_rework_lines",
    "handoff_lines",
    "rework_dict",
]


def department_rework_dict(rework: ReworkReport, department: str) -> dict[str, Any]:
    """The fields a ``bottlenecks`` JSON department gains with ``--with-rework``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    dept = rework.departments[department]
    return {
        "rework_hours": finite(dept.rework_hours),
        "load_with_rework_hours": finite(dept.load_hours),
        "utilization_with_rework": finite(dept.utilization),
    }


def chain_rework_dict(chain: ChainRework) -> dict[str, Any]:
    """The fields a ``chains`` JSON chain gains with ``--with-rework``."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "lead_time_with_rework_hours": finite(chain.lead_time_hours),
        "lead_time_with_rework_days": finite(chain.lead_time_days),
        "rework_lead_time_hours": finite(chain.extra_hours),
    }


def rework_dict(rework: ReworkReport) -> dict[str, Any]:
    """The top-level ``rework`` object: constraint and headroom with rework, each handoff."""
    # i18n: JSON keys and enum values are the machine contract, the same in every language
    return {
        "constraint": rework.constraint,
        "headroom": finite(rework.headroom),
        "handoffs": [
            {
                "from": h.source,
                "to": h.target,
                "quality": h.quality,
                "chains": list(h.chains),
                "rework_hours": finite(h.hours),
            }
            for h in rework.handoffs
        ],
    }


def department_rework_lines(org: Organization, rework: ReworkReport) -> list[str]:
    """``bottlenecks``: the constraint, headroom and each department with rework."""
    if rework.constraint is None:
        constraint = unknown_text() if rework.headroom is None else no_constraint()
    else:
        constraint = _("{name} at {utilization}").format(
            name=org.describe(rework.constraint),
            utilization=pct(rework.departments[rework.constraint].utilization),
        )
    lines = [
        # TRANSLATORS: heading of the figures that count the units sent back for another pass
        _("with rework (returned units done again in full)") + ":",
        "  " + _("constraint") + f": {constraint}",
        "  " + _("headroom") + f": {or_unknown(rework.headroom, factor)}",
    ]
    ranked = sorted(
        rework.departments.values(),
        key=lambda d: (d.utilization is None, -(d.utilization or 0.0)),
    )
    for dept in ranked:
        before = rework.flow.departments[dept.id]
        text = _("{utilization} (today {today}), {load}, rework {rework}").format(
            utilization=pct(dept.utilization),
            today=pct(before.utilization),
            load=load_of(dept.load_hours, before.capacity_hours, org.period),
            rework=duration(dept.rework_hours),
        )
        lines.append(f"  {org.describe(dept.id)}: {text}")
    return lines


def chain_rework_line(chain: ChainRework, hours_per_day: float) -> str:
    """``  lead time with rework: 2.1 working days (17 h), +2 h``."""
    text = lead_time(chain.lead_time_hours, hours_per_day)
    if chain.extra_hours is not None:
        text = f"{text}, {signed_duration(chain.extra_hours)}"
    return "  " + _("lead time with rework") + f": {text}"


def handoff_lines(org: Organization, handoffs: tuple[HandoffRework, ...]) -> list[str]:
    """``rework per handoff`` and one line per handoff below 100 %, most costly first."""
    lines = [_("rework per handoff (hours its supplier spends redoing)") + ":"]
    for handoff in handoffs:
        text = _("{supplier} → {client} at {quality}: {hours} {per_period}").format(
            supplier=org.describe(handoff.source),
            client=org.describe(handoff.target),
            quality=pct(handoff.quality),
            hours=duration(handoff.hours),
            per_period=per_period(org.period),
        )
        lines.append(f"  {text}")
    if not handoffs:
        lines.append(f"  {none('handoffs')}")
    return lines
