"""What changed between two versions of an org file: structure, metrics, constraint.

* **Structure**: departments, external clients and suppliers, handoffs (keyed by
  ``from->to``) and chains added, removed, or changed field by field (a chain's
  steps step by step); organization settings (name, period, calendar, checks).
  Ids are the identity: a renamed id is one removal plus one addition, and so
  are the handoffs that name it.
* **Metrics** (from :func:`clientchain.analysis.flow.analyze_flow`, never
  recomputed here): department utilization, chain lead time and rolled quality,
  for every entity in either version whose value differs.
* **Constraint shift**: the organization's constraint, and each chain's.
* **Findings** (when ``diff_orgs`` is given ``check``, as ``clientchain diff`` does):
  the rules' findings that appear in the new version and those resolved since the
  old one. A finding is the same in both versions when its rule, subject and
  message are; a finding whose message changed (an overload from 110% to 120%)
  is paired by rule and subject and is neither new nor resolved.
* **Regressions** (what ``diff --fail-on-regression`` refuses): a department
  whose utilization crosses the new version's ``near_capacity`` threshold or the
  100% overload line upwards (a new department above it counts), and a chain
  whose lead time grows by more than ``lead_time_tolerance`` (a share of the
  old lead time).

>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> def org(effort):
...     return Organization(
...         "Tiny",
...         {"a": Department("a", "Alfa")},
...         clients={"z": ExternalParty("z", "Zeta", "client")},
...         chains={"x": Chain("x", "X", "z", 10.0, (Step("a", effort),))},
...     )
>>> change = diff_orgs(org(2.0), org(3.6))  # H = 40 h: a at 10×2/40 = 50%, then 90%
>>> [(c.field, c.old, c.new) for c in change.entities[0].fields]
[('steps[0].effort', 2.0, 3.6)]
>>> [(m.id, m.metric, m.old, m.new) for m in change.metrics]
[('a', 'utilization', 0.5, 0.9), ('x', 'lead_time_hours', 2.0, 3.6)]
>>> [r.message for r in change.regressions]  # doctest: +NORMALIZE_WHITESPACE
['Alfa (a) crosses the near-capacity threshold of 85%: utilization 50% → 90%.',
 'X (x): lead time grows by 80% (2 h → 3.6 h), more than the tolerance of 10%.']
>>> diff_orgs(org(2.0), org(2.0)).empty
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, Protocol

from clientchain.analysis.flow import FlowReport, analyze_flow
from clientchain.i18n import _, pgettext
from clientchain.model import Chain, Organization
from clientchain.numbers import duration, pct

__all__ = [
    "DEFAULT_LEAD_TIME_TOLERANCE",
    "ConstraintShift",
    "EntityChange",
    "FieldChange",
    "FindingChange",
    "FindingLike",
    "MetricDelta",
    "OrgDiff",
    "Regression",
    "diff_orgs",
]

DEFAULT_LEAD_TIME_TOLERANCE = 0.10
"""A chain's lead time may grow by this share before ``--fail-on-regression`` fails."""

Status = Literal["added", "removed", "changed"]
_IGNORED_FIELDS = frozenset({"location", "id", "given", "places"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field whose value differs: ``steps[1].effort``, ``capacity``, ``calendar.period``."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class EntityChange:
    """A department, client, supplier, handoff, chain (or the organization) that changed.

    ``kind`` is ``department``, ``client``, ``supplier``, ``handoff``, ``chain`` or
    ``organization``; ``id`` is the entity id, ``from->to`` for a handoff and ``''``
    for the organization. ``fields`` lists the differences of a changed entity.
    """

    kind: str
    id: str
    status: Status
    name: str = ""
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class MetricDelta:
    """A metric of a department or chain in both versions (``None``: not in that version,
    or unknown in it — ``old_present`` / ``new_present`` tell which: an entity present with
    a ``None`` metric has an unknown one, from a step's ``effort: unknown``)."""

    kind: Literal["department", "chain"]
    id: str
    metric: Literal["utilization", "lead_time_hours", "rolled_quality"]
    old: float | None
    new: float | None
    old_present: bool = True
    new_present: bool = True

    @property
    def delta(self) -> float | None:
        """``new - old`` when both exist (``inf`` and ``nan`` follow float rules)."""
        if self.old is None or self.new is None:
            return None
        if math.isinf(self.old) and self.old == self.new:
            return 0.0
        return self.new - self.old


@dataclass(frozen=True, slots=True)
class ConstraintShift:
    """The constraint before and after: of the organization (``chain`` is ``None``) or a chain."""

    old: str | None
    new: str | None
    chain: str | None = None


class FindingLike(Protocol):
    """What ``diff_orgs`` reads of a finding (a :class:`clientchain.checks.Finding`)."""

    @property
    def rule(self) -> str: ...
    @property
    def severity(self) -> object: ...
    @property
    def message(self) -> str: ...
    @property
    def file(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def subject(self) -> str: ...


@dataclass(frozen=True, slots=True)
class FindingChange:
    """A finding that appears in the new version, or is resolved since the old one
    (then ``file``, ``line`` and ``column`` are its place in the old version)."""

    rule: str
    severity: str
    message: str
    file: str
    line: int
    column: int
    subject: str


@dataclass(frozen=True, slots=True)
class Regression:
    """A change ``--fail-on-regression`` refuses; :attr:`message` says why.

    ``reason`` is ``overloaded`` (the utilization crosses 100%), ``near_capacity`` (it
    crosses ``limit``, the near-capacity threshold) or ``lead_time`` (the lead time grows
    by more than ``limit``, the tolerance); ``old`` and ``new`` are the utilizations
    (``old`` is ``None`` for a new department) or the lead times in hours; ``label`` is
    the department or chain as ``Name (id)``.
    """

    kind: Literal["department", "chain"]
    id: str
    reason: Literal["overloaded", "near_capacity", "lead_time"]
    label: str
    old: float | None
    new: float
    limit: float = 0.0

    @property
    def message(self) -> str:
        """The sentence, in the current language (the values are written as it writes them)."""
        if self.reason == "lead_time":
            old = self.old or 0.0
            growth = math.inf if old == 0 else (self.new - old) / old
            return _(
                "{chain}: lead time grows by {growth} ({old} → {new}), "
                "more than the tolerance of {tolerance}."
            ).format(
                chain=self.label,
                growth=pct(growth),
                old=duration(old),
                new=duration(self.new),
                tolerance=pct(self.limit),
            )
        # TRANSLATORS: the utilization of a department new in this version ("utilization new → 90%")
        was = pgettext("utilization", "new") if self.old is None else pct(self.old)
        if self.reason == "overloaded":
            message = _("{department} becomes overloaded: utilization {old} → {new}.")
            return message.format(department=self.label, old=was, new=pct(self.new))
        message = _(
            "{department} crosses the near-capacity threshold of {threshold}: "
            "utilization {old} → {new}."
        )
        return message.format(
            department=self.label, threshold=pct(self.limit), old=was, new=pct(self.new)
        )


@dataclass(frozen=True, slots=True)
class OrgDiff:
    """Everything :func:`diff_orgs` found; empty when the versions are equivalent."""

    old: Organization
    new: Organization
    entities: tuple[EntityChange, ...]
    metrics: tuple[MetricDelta, ...]
    constraint: ConstraintShift
    chain_constraints: tuple[ConstraintShift, ...]
    regressions: tuple[Regression, ...]
    lead_time_tolerance: float = DEFAULT_LEAD_TIME_TOLERANCE
    findings_checked: bool = False
    """Whether the rules ran on both versions (``check`` given to :func:`diff_orgs`)."""
    findings_appeared: tuple[FindingChange, ...] = ()
    findings_resolved: tuple[FindingChange, ...] = ()

    @property
    def shifted(self) -> bool:
        """Whether the organization's constraint moved."""
        return self.constraint.old != self.constraint.new

    @property
    def empty(self) -> bool:
        """No structural change, no metric delta, no constraint shift, no finding changed."""
        return not (
            self.entities
            or self.metrics
            or self.shifted
            or self.chain_constraints
            or self.findings_appeared
            or self.findings_resolved
        )

    def by_status(self, status: Status) -> tuple[EntityChange, ...]:
        """The entity changes with ``status``, in report order."""
        return tuple(change for change in self.entities if change.status == status)


def diff_orgs(
    old: Organization,
    new: Organization,
    *,
    lead_time_tolerance: float = DEFAULT_LEAD_TIME_TOLERANCE,
    check: Callable[[Organization, FlowReport], Sequence[FindingLike]] | None = None,
) -> OrgDiff:
    """Compare two versions of an organization.

    Parameters
    ----------
    old, new : Organization
        The two versions (typically the base branch's and the pull request's).
    lead_time_tolerance : float, optional
        Share of growth of a chain's lead time that is not yet a regression
        (0.1: 10%). Must be 0 or more.
    check : callable, optional
        The findings of one version, given the version and its flow analysis
        (:func:`clientchain.checks.check_org`); when given, the findings that appear
        and those resolved are compared.

    Returns
    -------
    OrgDiff
        Changes in file order: organization, departments, clients, suppliers,
        handoffs, chains; within each kind the new file's order, removed
        entities last.

    Raises
    ------
    ValueError
        ``lead_time_tolerance`` is negative or not a number.
    """
    if not lead_time_tolerance >= 0:
        raise ValueError(  # i18n: a programmer's error (the command line checks it first)
            f"the lead-time tolerance must be 0 or more, got {lead_time_tolerance}"
        )
    before, after = analyze_flow(old), analyze_flow(new)
    metrics = tuple(_metric_deltas(before, after))
    appeared: tuple[FindingChange, ...] = ()
    resolved: tuple[FindingChange, ...] = ()
    if check is not None:
        was, now = _plain_findings(check(old, before)), _plain_findings(check(new, after))
        appeared, resolved = _unmatched(now, was), _unmatched(was, now)
    return OrgDiff(
        old=old,
        new=new,
        entities=tuple(_entity_changes(old, new)),
        metrics=metrics,
        constraint=ConstraintShift(before.constraint, after.constraint),
        chain_constraints=tuple(_constraint_shifts(before, after)),
        regressions=tuple(_regressions(new, metrics, lead_time_tolerance)),
        lead_time_tolerance=lead_time_tolerance,
        findings_checked=check is not None,
        findings_appeared=appeared,
        findings_resolved=resolved,
    )


# -- structure -----------------------------------------------------------------------------


def _entity_changes(old: Organization, new: Organization) -> Iterator[EntityChange]:
    settings = list(_settings(old, new))
    if settings:
        yield EntityChange("organization", "", "changed", new.name, tuple(settings))
    tables: tuple[tuple[str, Mapping[str, Any], Mapping[str, Any]], ...] = (
        ("department", old.departments, new.departments),
        ("client", old.clients, new.clients),
        ("supplier", old.suppliers, new.suppliers),
        ("handoff", _handoffs(old), _handoffs(new)),
        ("chain", old.chains, new.chains),
    )
    for kind, before, after in tables:
        yield from _table_changes(kind, before, after)


def _handoffs(org: Organization) -> dict[str, Any]:
    return {f"{h.source}->{h.target}": h for h in org.handoffs}


def _table_changes(
    kind: str, before: Mapping[str, Any], after: Mapping[str, Any]
) -> Iterator[EntityChange]:
    for key, entity in after.items():
        name = getattr(entity, "name", key)
        if key not in before:
            yield EntityChange(kind, key, "added", name)
            continue
        changed = tuple(_field_changes(before[key], entity))
        if changed:
            yield EntityChange(kind, key, "changed", name, changed)
    for key, entity in before.items():
        if key not in after:
            yield EntityChange(kind, key, "removed", getattr(entity, "name", key))


def _field_changes(old: Any, new: Any, prefix: str = "") -> Iterator[FieldChange]:
    """Differences of two dataclass values, field by field (a chain's steps one by one)."""
    for item in fields(old):
        if item.name in _IGNORED_FIELDS:
            continue
        before, after = getattr(old, item.name), getattr(new, item.name)
        if isinstance(old, Chain) and item.name == "steps":
            yield from _step_changes(before, after, prefix)
        elif before != after:
            yield FieldChange(prefix + item.name, _plain(before), _plain(after))


def _step_changes(old: tuple[Any, ...], new: tuple[Any, ...], prefix: str) -> Iterator[FieldChange]:
    if [s.department for s in old] != [s.department for s in new]:
        yield FieldChange(
            prefix + "steps", [s.department for s in old], [s.department for s in new]
        )
        return
    for index, (before, after) in enumerate(zip(old, new, strict=True)):
        yield from _field_changes(before, after, f"{prefix}steps[{index}].")


def _settings(old: Organization, new: Organization) -> Iterator[FieldChange]:
    for key in ("name", "period", "version"):
        if getattr(old, key) != getattr(new, key):
            yield FieldChange(key, getattr(old, key), getattr(new, key))
    yield from _field_changes(old.calendar, new.calendar, "calendar.")
    yield from _field_changes(old.checks, new.checks, "checks.")


def _plain(value: Any) -> Any:
    """Tuples and mappings as lists and dicts (for JSON and for reading)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


# -- metrics -------------------------------------------------------------------------------


def _metric_deltas(before: FlowReport, after: FlowReport) -> Iterator[MetricDelta]:
    for dept in _union(before.departments, after.departments):
        old = before.departments.get(dept)
        new = after.departments.get(dept)
        yield from _delta(
            "department",
            dept,
            "utilization",
            None if old is None else old.utilization,
            None if new is None else new.utilization,
            old is not None,
            new is not None,
        )
    for chain in _union(before.chains, after.chains):
        was, now = before.chains.get(chain), after.chains.get(chain)
        for metric in ("lead_time_hours", "rolled_quality"):
            yield from _delta(
                "chain",
                chain,
                metric,
                None if was is None else getattr(was, metric),
                None if now is None else getattr(now, metric),
                was is not None,
                now is not None,
            )


def _delta(
    kind: Any,
    key: str,
    metric: Any,
    old: float | None,
    new: float | None,
    old_present: bool,
    new_present: bool,
) -> Iterator[MetricDelta]:
    if not _same(old, new):
        yield MetricDelta(kind, key, metric, old, new, old_present, new_present)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or (math.isnan(a) and math.isnan(b))


def _union(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    """Keys of ``second`` in its order, then those only in ``first``."""
    return [*second, *(key for key in first if key not in second)]


def _constraint_shifts(before: FlowReport, after: FlowReport) -> Iterator[ConstraintShift]:
    """The chains present in both versions whose constraint moved."""
    for chain in after.chains:
        if chain in before.chains:
            was, now = before.chains[chain].constraint, after.chains[chain].constraint
            if was != now:
                yield ConstraintShift(was, now, chain)


# -- findings ------------------------------------------------------------------------------


def _plain_findings(found: Iterable[FindingLike]) -> list[FindingChange]:
    return [
        FindingChange(f.rule, str(f.severity), f.message, f.file, f.line, f.column, f.subject)
        for f in found
    ]


def _unmatched(mine: list[FindingChange], theirs: list[FindingChange]) -> tuple[FindingChange, ...]:
    """The findings of ``mine`` with no counterpart in ``theirs``: the same rule, subject
    and message first, then the same rule and subject (a message whose numbers changed)."""
    exact = Counter((f.rule, f.subject, f.message) for f in theirs)
    left: list[FindingChange] = []
    for item in mine:
        key = (item.rule, item.subject, item.message)
        if exact[key]:
            exact[key] -= 1
        else:
            left.append(item)
    loose = Counter((rule, subject) for (rule, subject, _m), n in exact.items() for _k in range(n))
    unmatched: list[FindingChange] = []
    for item in left:
        if loose[item.rule, item.subject]:
            loose[item.rule, item.subject] -= 1
        else:
            unmatched.append(item)
    return tuple(unmatched)


# -- regressions -----------------------------------------------------------------------------


def _regressions(
    new: Organization, metrics: tuple[MetricDelta, ...], tolerance: float
) -> Iterator[Regression]:
    near = new.checks.near_capacity
    for delta in metrics:
        if delta.new is None:
            continue
        if delta.metric == "utilization" and delta.old is None and delta.old_present:
            continue  # it was unknown: no comparison says it got worse
        if delta.metric == "utilization":
            yield from _capacity_regression(new, delta.id, delta.old, delta.new, near)
        elif delta.metric == "lead_time_hours" and delta.old is not None:
            yield from _lead_time_regression(new, delta.id, delta.old, delta.new, tolerance)


def _capacity_regression(
    org: Organization, dept: str, old: float | None, new: float, near: float
) -> Iterator[Regression]:
    before = 0.0 if old is None else old
    label = org.describe(dept)
    if before <= 1.0 < new:
        yield Regression("department", dept, "overloaded", label, old, new, 1.0)
    elif before <= near < new:
        yield Regression("department", dept, "near_capacity", label, old, new, near)


def _lead_time_regression(
    org: Organization, chain: str, old: float, new: float, tolerance: float
) -> Iterator[Regression]:
    if math.isinf(old) or not new > old:
        return
    growth = math.inf if old == 0 else (new - old) / old
    if growth > tolerance:
        label = org.chains[chain].describe()
        yield Regression("chain", chain, "lead_time", label, old, new, tolerance)
