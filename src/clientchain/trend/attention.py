"""What deserves attention in a series of versions, as findings CI can act on.

Each rule compares a point with the previous point that was read (and the forecast
looks at the last points), and yields findings located in the later version's file:

* ``capacity-crossing`` [warning]: a department's utilization goes above
  ``near_capacity`` (the later version's ``checks:`` threshold, 85% by default);
* ``satisfaction-drop`` [warning]: a handoff's satisfaction falls by
  ``satisfaction_drop`` (0.5) or more;
* ``lead-time-rise`` [warning]: a chain's lead time grows by ``lead_time_rise`` (20%)
  or more;
* ``constraint-moved`` [info]: the constraint is another department;
* ``forecast-overload`` [warning]: at its recent rate of growth a department's load
  exceeds its capacity within ``forecast_horizon`` periods, fitted over the last
  ``forecast_window`` points (:mod:`clientchain.trend.forecast`).

Each threshold is the later version's ``checks:`` key of the same name (the last
version's for the forecast), unless :class:`Thresholds` gives it (``trend`` options).

Every finding carries the point's label as its ``period`` detail.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from clientchain.checks.base import Finding, Severity, finding
from clientchain.i18n import _, ngettext
from clientchain.numbers import duration, num, pct, per_period, signed_pct
from clientchain.trend.forecast import Forecast, forecast
from clientchain.trend.series import Point

__all__ = ["RULES", "YEAR", "Thresholds", "attention", "transition"]

RULES: dict[str, Severity] = {
    "capacity-crossing": Severity.WARNING,
    "satisfaction-drop": Severity.WARNING,
    "lead-time-rise": Severity.WARNING,
    "constraint-moved": Severity.INFO,
    "forecast-overload": Severity.WARNING,
}
"""The attention rules and their severities."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """The attention rules' thresholds given on the command line (``trend`` options;
    docs/commands.md); ``None`` is the version's ``checks:`` key (``forecast_window``,
    ``forecast_horizon`` for ``window`` and ``horizon``), whose defaults are 0.5, 20%, 6, 6.

    ``window`` points are fitted; ``horizon`` is counted in periods of the series.
    """

    satisfaction_drop: float | None = None
    lead_time_rise: float | None = None
    window: int | None = None
    horizon: int | None = None

    def of(self, point: Point) -> tuple[float, float, int, int]:
        """The thresholds that apply at ``point`` (a version read): these, else its file's."""
        assert point.org is not None
        checks = point.org.checks
        return (
            _given(self.satisfaction_drop, checks.satisfaction_drop),
            _given(self.lead_time_rise, checks.lead_time_rise),
            _given(self.window, checks.forecast_window),
            _given(self.horizon, checks.forecast_horizon),
        )


def _given(value: Any, otherwise: Any) -> Any:
    return otherwise if value is None else value


YEAR = {"month": 12, "week": 52, "quarter": 4}
"""Periods in a year, for the forecast's "keeps it under the threshold for a year"."""


def attention(
    points: Sequence[Point], thresholds: Thresholds | None = None, every: str = "month"
) -> list[Finding]:
    """The findings of every transition between read points, then the forecast at the end.

    ``every`` is the series' period (``month``, ``week`` or ``quarter``): the forecast
    counts in it, and "a year" is 12, 52 or 4 of them.
    """
    limits = thresholds or Thresholds()
    read = [p for p in points if p.org is not None]
    found: list[Finding] = []
    for before, after in itertools.pairwise(read):
        found.extend(transition(before, after, limits))
    if read:
        year = YEAR.get(every, 12)
        _drop, _rise, window, horizon = limits.of(read[-1])
        fits = forecast(read, window=window, horizon=horizon, year=year)
        found.extend(_forecasts(read[-1], fits, every))
    return found


def transition(before: Point, after: Point, limits: Thresholds) -> Iterator[Finding]:
    """The findings of going from ``before`` to ``after`` (both read)."""
    drop, rise, _window, _horizon = limits.of(after)
    yield from _crossings(before, after)
    yield from _drops(before, after, drop)
    yield from _rises(before, after, rise)
    yield from _moved(before, after)


def _make(point: Point, rule: str, subject: str, message: str) -> Finding:
    assert point.org is not None
    org = point.org
    where = None
    if "->" in subject:
        where = next(
            (h.location for h in org.handoffs if f"{h.source}->{h.target}" == subject), None
        )
    elif subject in org.chains:
        where = org.chains[subject].location
    return finding(org, rule, RULES[rule], subject, message, where, (("period", point.label),))


def _crossings(before: Point, after: Point) -> Iterator[Finding]:
    assert after.org is not None
    near = after.org.checks.near_capacity
    for dept_id, dept in after.departments.items():
        old = before.departments.get(dept_id)
        was = old.utilization if old else None
        if (
            dept.utilization is not None
            and dept.utilization > near
            and (was is None or was <= near)
        ):
            # TRANSLATORS: {period} is the label of a point of the series (2026-03)
            message = _(
                "{period}: {department} crossed the near-capacity threshold of {threshold}: "
                "utilization {before} → {after}."
            ).format(
                period=after.label,
                department=after.org.describe(dept_id),
                threshold=pct(near),
                before=pct(was),
                after=pct(dept.utilization),
            )
            yield _make(after, "capacity-crossing", dept_id, message)


def _drops(before: Point, after: Point, limit: float) -> Iterator[Finding]:
    assert after.org is not None
    for key, handoff in after.handoffs.items():
        old = before.handoffs.get(key)
        if old is None or old.satisfaction is None or handoff.satisfaction is None:
            continue
        if old.satisfaction - handoff.satisfaction >= limit - 1e-9:
            message = _(
                "{period}: the satisfaction of {client} with {supplier} dropped from "
                "{before} to {after}."
            ).format(
                period=after.label,
                client=after.org.describe(handoff.target),
                supplier=after.org.describe(handoff.source),
                before=num(old.satisfaction),
                after=num(handoff.satisfaction),
            )
            yield _make(after, "satisfaction-drop", key, message)


def _rises(before: Point, after: Point, limit: float) -> Iterator[Finding]:
    for chain_id, chain in after.chains.items():
        old = before.chains.get(chain_id)
        if old is None or not old.lead_time_hours or chain.lead_time_hours is None:
            continue
        growth = chain.lead_time_hours / old.lead_time_hours - 1
        if growth >= limit - 1e-9:
            message = _(
                "{period}: the lead time of chain {chain} rose {growth}: {before} → {after}."
            ).format(
                period=after.label,
                chain=chain.name if chain.name == chain_id else f"{chain.name} ({chain_id})",
                growth=signed_pct(growth),
                before=duration(old.lead_time_hours),
                after=duration(chain.lead_time_hours),
            )
            yield _make(after, "lead-time-rise", chain_id, message)


def _moved(before: Point, after: Point) -> Iterator[Finding]:
    assert after.org is not None
    assert before.org is not None
    if before.constraint and after.constraint and before.constraint != after.constraint:
        message = _("{period}: the constraint moved from {before} to {after}.").format(
            period=after.label,
            before=before.org.describe(before.constraint),
            after=after.org.describe(after.constraint),
        )
        yield _make(after, "constraint-moved", after.constraint, message)


def _forecasts(last: Point, found: list[Forecast], every: str) -> Iterator[Finding]:
    assert last.org is not None
    for item in found:
        head = _overloads_in(item.periods, every).format(
            period=last.label,
            department=last.org.describe(item.department),
            n=item.periods,
            slope=duration(item.slope_hours),
            per=per_period(every),
            points=item.points,
        )
        if item.people is None:
            tail = _("No number of extra people keeps it under {threshold}.").format(
                threshold=pct(item.threshold)
            )
        else:
            tail = ngettext(
                "{n} more person keeps it under {threshold} for a year.",
                "{n} more people keep it under {threshold} for a year.",
                item.people,
            ).format(n=item.people, threshold=pct(item.threshold))
        details: tuple[tuple[str, int | float | str], ...] = (
            ("period", last.label),
            ("periods", item.periods),
        )
        if item.people is not None:
            details = (*details, ("people", item.people))
        yield finding(
            last.org,
            "forecast-overload",
            RULES["forecast-overload"],
            item.department,
            f"{head} {tail}",
            None,
            details,
        )


def _overloads_in(periods: int, every: str) -> str:
    """The forecast's sentence in the unit of the series."""
    if every == "week":
        # TRANSLATORS: {slope} is a duration (6 h), {per} "per week"
        return ngettext(
            "{period}: at this rate {department} overloads in {n} week "
            "(its load grows {slope} {per}, fitted over the last {points} points).",
            "{period}: at this rate {department} overloads in {n} weeks "
            "(its load grows {slope} {per}, fitted over the last {points} points).",
            periods,
        )
    if every == "quarter":
        return ngettext(
            "{period}: at this rate {department} overloads in {n} quarter "
            "(its load grows {slope} {per}, fitted over the last {points} points).",
            "{period}: at this rate {department} overloads in {n} quarters "
            "(its load grows {slope} {per}, fitted over the last {points} points).",
            periods,
        )
    return ngettext(
        "{period}: at this rate {department} overloads in {n} month "
        "(its load grows {slope} {per}, fitted over the last {points} points).",
        "{period}: at this rate {department} overloads in {n} months "
        "(its load grows {slope} {per}, fitted over the last {points} points).",
        periods,
    )
