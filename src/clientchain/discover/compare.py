"""Declared versus observed: where the org file and the event log disagree.

Log departments are matched to declared ones by id, then by display name
(case-insensitive), then by the id discover would give the name
(:func:`~clientchain.discover.build.slug`). Declared *work* handoffs between two
departments (explicit or implied by a chain) are expected in the log;
information and feedback edges are not expected, but a handover along one
counts as declared. Findings, each a warning, use these rule ids:

``handoff-not-observed``
    a declared work handoff that no case shows;
``handoff-not-declared``
    handovers the log shows that the org file does not declare;
``volume-mismatch``
    observed handovers per period differ from the declared volume by more than
    the tolerance (``|observed / declared − 1| > tolerance``);
``department-not-declared`` / ``department-not-observed``
    a department in only one of the two.

Quality is compared without a finding: for each declared work pair the log shows that the
org file rates or that some case passed more than once, the declared %C&A beside the
observed one (cases ÷ handovers, :mod:`clientchain.discover.rework`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from clientchain.discover.build import slug
from clientchain.i18n import _, ngettext
from clientchain.model import NOWHERE, Location, Organization
from clientchain.numbers import num, pct, per_period

if TYPE_CHECKING:
    from clientchain.checks.base import Finding
    from clientchain.discover.result import Discovery

# The graph and the findings (networkx, the check registry) are imported by the functions
# that use them, so that discovering without --compare does not pay for them at start-up.

__all__ = ["RULES", "Comparison", "EdgeComparison", "QualityComparison", "compare"]

RULES = (
    "handoff-not-observed",
    "handoff-not-declared",
    "volume-mismatch",
    "department-not-declared",
    "department-not-observed",
)


@dataclass(frozen=True, slots=True)
class EdgeComparison:
    """One supplier → client pair, declared, observed or both.

    ``source`` and ``target`` are declared ids, or the log's names for departments
    the org file lacks. Volumes are per period; ``ratio`` is observed / declared
    (``None`` when the declared volume is unknown).
    """

    source: str
    target: str
    declared_volume: float | None
    observed_volume: float
    handovers: int
    location: Location = NOWHERE

    @property
    def ratio(self) -> float | None:
        """Observed / declared volume; ``inf`` when 0 was declared and some were seen."""
        if self.declared_volume is None:
            return None
        if self.declared_volume == 0:
            return math.inf if self.observed_volume else 1.0
        return self.observed_volume / self.declared_volume


@dataclass(frozen=True, slots=True)
class QualityComparison:
    """A pair both declared and observed: its declared ``quality`` (``None``: not rated) and
    the observed one, ``cases ÷ handovers``
    (:func:`~clientchain.discover.rework.observed_quality`); ``returns`` counts the handovers
    sent straight back (A → B → A)."""

    source: str
    target: str
    declared: float | None
    handovers: int
    cases: int
    returns: int

    @property
    def observed(self) -> float:
        """The observed %C&A: cases ÷ handovers."""
        return self.cases / self.handovers if self.handovers else 1.0


@dataclass(frozen=True, slots=True)
class Comparison:
    """Declared vs observed, with the findings that make ``--compare`` exit 1."""

    declared: Organization
    discovery: Discovery
    tolerance: float
    not_observed: tuple[EdgeComparison, ...]
    not_declared: tuple[EdgeComparison, ...]
    both: tuple[EdgeComparison, ...]
    departments_not_declared: tuple[str, ...]
    departments_not_observed: tuple[str, ...]
    findings: tuple[Finding, ...]
    quality: tuple[QualityComparison, ...] = ()  # rated or passed again; by supplier

    @property
    def agrees(self) -> bool:
        """Whether nothing disagrees (``--compare`` exits 0)."""
        return not self.findings


def compare(declared: Organization, discovery: Discovery, tolerance: float = 0.5) -> Comparison:
    """Compare the ``declared`` organization with what ``discovery`` observed."""
    from clientchain.graph import (
        LOCATION,
        QUALITY,
        TYPE,
        VOLUME,
        WORK,
        build_graph,
        is_department,
    )

    matched = _match_departments(declared, discovery.ids)
    periods = discovery.result.totals.periods
    observed: dict[tuple[str, str], int] = {}
    passes: dict[tuple[str, str], tuple[int, int]] = {}  # pair -> (cases, returns)
    for e in discovery.result.edges:
        pair = (matched.get(e.source, e.source), matched.get(e.target, e.target))
        if pair[0] != pair[1]:
            observed[pair] = observed.get(pair, 0) + e.handovers
            cases, returns = passes.get(pair, (0, 0))
            passes[pair] = (cases + e.cases, returns + e.returns)
    graph = build_graph(declared)
    expected = {
        (s, t): data
        for s, t, data in graph.edges(data=True)
        if data[TYPE] == WORK and is_department(graph, s) and is_department(graph, t)
    }
    not_observed = tuple(
        EdgeComparison(s, t, data[VOLUME], 0.0, 0, data[LOCATION] or NOWHERE)
        for (s, t), data in expected.items()
        if (s, t) not in observed
    )
    not_declared, both = [], []
    for (s, t), count in observed.items():
        volume = count / periods
        if (s, t) in expected:
            data = expected[s, t]
            both.append(EdgeComparison(s, t, data[VOLUME], volume, count, data[LOCATION]))
        elif not graph.has_edge(s, t):
            where = declared.location_of(s)
            not_declared.append(EdgeComparison(s, t, None, volume, count, where))
    seen = set(matched.values())
    rated = [
        pair
        for pair, data in expected.items()
        if pair in observed and (data[QUALITY] is not None or observed[pair] > passes[pair][0])
    ]
    result = Comparison(
        declared,
        discovery,
        tolerance,
        not_observed,
        tuple(not_declared),
        tuple(both),
        tuple(name for name in discovery.ids if name not in matched),
        tuple(d for d in declared.departments if d not in seen),
        (),
        tuple(
            QualityComparison(s, t, expected[s, t][QUALITY], observed[s, t], *passes[s, t])
            for s, t in rated
        ),
    )
    return _with_findings(result)


def _match_departments(declared: Organization, ids: dict[str, str]) -> dict[str, str]:
    """Log department name → declared department id, for the names that match one."""
    by_name = {d.name.casefold(): d.id for d in declared.departments.values()}
    matched: dict[str, str] = {}
    for name in ids:
        if name in declared.departments:
            matched[name] = name
        elif name.casefold() in by_name:
            matched[name] = by_name[name.casefold()]
        elif slug(name) in declared.departments:
            matched[name] = slug(name)
    return matched


def _with_findings(c: Comparison) -> Comparison:
    from clientchain.checks.base import Finding, Severity

    org = c.declared
    unit = per_period(c.discovery.period)
    findings = [
        _finding(
            org,
            "handoff-not-observed",
            e,
            _("declared handoff {handoff} is never seen in the log").format(handoff=_pair(org, e)),
        )
        for e in c.not_observed
    ]
    findings += [
        _finding(
            org,
            "handoff-not-declared",
            e,
            ngettext(
                "{n} handover {handoff} in the log ({volume} {per_period}), not declared",
                "{n} handovers {handoff} in the log ({volume} {per_period}), not declared",
                e.handovers,
            ).format(
                n=num(e.handovers),
                handoff=_pair(org, e),
                volume=num(e.observed_volume),
                per_period=unit,
            ),
        )
        for e in c.not_declared
    ]
    for e in c.both:
        ratio = e.ratio
        if ratio is not None and abs(ratio - 1) > c.tolerance:
            findings.append(
                _finding(
                    org,
                    "volume-mismatch",
                    e,
                    _(
                        "handoff {handoff}: observed {observed} {per_period}, declared "
                        "{declared} (ratio {ratio}, tolerance {tolerance})"
                    ).format(
                        handoff=_pair(org, e),
                        observed=num(e.observed_volume),
                        per_period=unit,
                        declared=num(e.declared_volume or 0.0),
                        ratio=num(ratio),
                        tolerance=pct(c.tolerance),
                    ),
                )
            )
    findings += [
        Finding(
            "department-not-declared",
            Severity.WARNING,
            _("department {name} of the log is not declared").format(name=repr(name)),
            org.source,
            0,
            0,
            name,
        )
        for name in c.departments_not_declared
    ]
    for dept in c.departments_not_observed:
        where = org.location_of(dept)
        findings.append(
            Finding(
                "department-not-observed",
                Severity.WARNING,
                _("declared department {name} does no work in the log").format(
                    name=org.describe(dept)
                ),
                org.source,
                where.line,
                where.column,
                dept,
            )
        )
    ordered = tuple(sorted(findings, key=Finding.sort_key))
    return replace(c, findings=ordered)


def _finding(org: Organization, rule: str, e: EdgeComparison, message: str) -> Finding:
    from clientchain.checks.base import Finding, Severity

    loc = e.location
    return Finding(
        rule, Severity.WARNING, message, org.source, loc.line, loc.column, f"{e.source}->{e.target}"
    )


def _pair(org: Organization, e: EdgeComparison) -> str:
    return f"{org.describe(e.source)} → {org.describe(e.target)}"
