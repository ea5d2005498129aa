"""What one version of the org file measures, and the series of those measures.

:func:`measure` turns a loaded organization (and its findings) into a :class:`Point`:
the constraint and its utilization, headroom and demand limit, each department's
load, capacity and utilization, each chain's demand, lead time and rolled quality,
each handoff's satisfaction and answers, and the findings counted by severity. A
version that cannot be read is a :class:`Point` with its ``issues`` and no measures.

>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "A")},
...     clients={"z": ExternalParty("z", "Z", "client")},
...     chains={"x": Chain("x", "X", "z", 8.0, (Step("a", 4.0),))},
... )
>>> point = measure("2026-01", "org.yaml", org, ())
>>> point.constraint, point.departments["a"].utilization, point.chains["x"].lead_time_hours
('a', 0.8, 4.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.checks.base import Finding, Severity
from clientchain.errors import Issue
from clientchain.model import Organization

__all__ = ["ChainPoint", "DepartmentPoint", "HandoffPoint", "Point", "measure"]


@dataclass(frozen=True, slots=True)
class DepartmentPoint:
    """A department at one point: its load and capacity per period (hours) and utilization."""

    id: str
    name: str
    load_hours: float | None
    capacity_hours: float
    utilization: float | None
    headcount: float


@dataclass(frozen=True, slots=True)
class ChainPoint:
    """A chain at one point: demand per period, lead time (hours), rolled quality."""

    id: str
    name: str
    demand: float
    lead_time_hours: float | None
    rolled_quality: float


@dataclass(frozen=True, slots=True)
class HandoffPoint:
    """A handoff at one point: its satisfaction (1–5) and the survey answers behind it."""

    source: str
    target: str
    satisfaction: float | None
    answers: int | None

    @property
    def key(self) -> str:
        """``from->to``, as findings name a handoff."""
        return f"{self.source}->{self.target}"


@dataclass(frozen=True, slots=True)
class Point:
    """One version of the org file in the series.

    ``issues`` is not empty when the version could not be read; then ``org`` is
    ``None`` and the measures are empty.
    """

    label: str
    source: str
    org: Organization | None = None
    issues: tuple[Issue, ...] = ()
    commit: str = ""
    date: str = ""
    constraint: str | None = None
    constraint_utilization: float | None = None
    headroom: float | None = None
    demand_limit: float | None = None
    departments: Mapping[str, DepartmentPoint] = field(default_factory=dict)
    chains: Mapping[str, ChainPoint] = field(default_factory=dict)
    handoffs: Mapping[str, HandoffPoint] = field(default_factory=dict)
    findings: Mapping[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the version was read."""
        return self.org is not None


def measure(
    label: str,
    source: str,
    org: Organization,
    findings: Iterable[Finding],
    flow: FlowReport | None = None,
    *,
    commit: str = "",
    date: str = "",
) -> Point:
    """The measures of ``org`` (with its rules' ``findings``) as the point ``label``."""
    flow = flow or analyze_flow(org)
    departments = {
        d.id: DepartmentPoint(
            d.id, d.name, d.load_hours, d.capacity_hours, d.utilization, d.headcount
        )
        for d in flow.departments.values()
    }
    chains = {
        c.id: ChainPoint(c.id, c.name, c.demand, c.lead_time_hours, c.rolled_quality)
        for c in flow.chains.values()
    }
    handoffs: dict[str, HandoffPoint] = {}
    for h in org.handoffs:
        item = HandoffPoint(h.source, h.target, h.satisfaction, h.answers)
        handoffs.setdefault(item.key, item)
    counts = dict.fromkeys((s.value for s in reversed(Severity)), 0)
    for finding in findings:
        counts[finding.severity.value] += 1
    top = flow.departments[flow.constraint] if flow.constraint else None
    return Point(
        label,
        source,
        org,
        commit=commit,
        date=date,
        constraint=flow.constraint,
        constraint_utilization=top.utilization if top else None,
        headroom=flow.headroom,
        demand_limit=flow.demand_limit,
        departments=departments,
        chains=chains,
        handoffs=handoffs,
        findings=counts,
    )
