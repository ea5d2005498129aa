"""The executive summary: the few findings that matter most, each with the action that
moves it most and that action's computed effect (docs/concepts.md "Executive summary").

Four kinds of candidate finding are computed, each with a **score**, the relative
improvement its action brings (so that kinds measured in different units compare):

* ``constraint``: the constraint (the busiest department) and one more person there
  (``Change.headcount(dept, add=1)`` applied by :func:`~clientchain.analysis.whatif.apply_changes`);
  ``before``/``after`` are the headroom; score = after ÷ before − 1;
* ``wait``: per chain, its longest wait before a step and removing it; ``before``/``after``
  are the chain's lead time (``after`` = lead time − the wait: the lead time is a sum);
  score = wait ÷ lead time;
* ``handoff_quality``: per work handoff with a known %C&A below 100% that chains pass,
  bringing it to 100%; ``before``/``after`` are the rolled quality of the chain it hurts
  most (the first in file order on a tie); score = after ÷ before − 1. ``rework_hours`` is
  :func:`geometric_rework_hours` summed over the chains that pass it;
* ``single_point``: a department every work path to some external client passes
  (:func:`~clientchain.analysis.structure.single_points_of_failure`); the action is a
  back-up for its steps. Nothing is computed for it: its score is 0, so it ranks after
  every finding whose action has an effect.

:func:`summarize` keeps the best candidate of each kind first, then fills up to ``top``
with the next best, and ranks what it keeps by score (ties: the kind's order above, the
larger rework, then the subject ids): a summary of four items names four different things,
not the four longest waits. Items hold ids and numbers only; the sentences are written by
:mod:`clientchain.output.summary`.

Examples
--------
>>> from clientchain.graph import build_graph
>>> from clientchain.model import Chain, Department, ExternalParty, Organization, Step
>>> org = Organization(
...     name="Tiny",
...     departments={"a": Department("a", "A"), "b": Department("b", "B", headcount=2)},
...     clients={"z": ExternalParty("z", "Z", "client")},
...     chains={"x": Chain("x", "X", "z", 8.0, (Step("a", 4.0), Step("b", 2.0, wait=6.0)))},
... )
>>> summary = summarize(org, build_graph(org))  # a: 32 h of 40 h = 80%; b: 16 h of 80 h = 20%
>>> [(item.kind, item.subjects) for item in summary.items[:3]]
[('constraint', ('a',)), ('wait', ('x', 'b')), ('single_point', ('a', 'z'))]
>>> constraint = summary.items[0]  # a with 2 people: 40%, b 20% → headroom 1.25 → 2.5
>>> constraint.before, constraint.after, constraint.score
(1.25, 2.5, 1.0)
>>> wait = summary.items[1]  # lead 4 + 2 + 6 = 12 h → 6 h; score 6 / 12
>>> wait.before, wait.after, wait.score
(12.0, 6.0, 0.5)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Literal

from clientchain.analysis.change import Change
from clientchain.analysis.flow import FlowReport, analyze_flow, safe_ratio
from clientchain.analysis.quality import handoff_quality, rolled_quality
from clientchain.analysis.rework import geometric_rework_hours
from clientchain.analysis.structure import single_points_of_failure
from clientchain.analysis.whatif import apply_changes
from clientchain.model import Chain, Organization

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_TOP",
    "KINDS",
    "Action",
    "Kind",
    "Summary",
    "SummaryItem",
    "geometric_rework_hours",
    "summarize",
]

Kind = Literal["constraint", "wait", "handoff_quality", "single_point"]
KINDS: tuple[Kind, ...] = ("constraint", "wait", "handoff_quality", "single_point")
"""The kinds of finding, in the order that breaks a tie of scores."""
DEFAULT_TOP = 5
"""How many findings a summary keeps unless told otherwise."""


@dataclass(frozen=True, slots=True)
class Action:
    """What to do: ``kind`` is ``add_person`` (``target`` a department), ``remove_wait``
    (chain, department), ``perfect_handoff`` (from, to) or ``add_backup`` (a department).
    ``change`` is the what-if change simulated for ``add_person``."""

    kind: Literal["add_person", "remove_wait", "perfect_handoff", "add_backup"]
    target: tuple[str, ...]
    change: Change | None = None


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One finding of the summary, as ids and numbers.

    Attributes
    ----------
    kind : str
        One of :data:`KINDS`.
    subjects : tuple of str
        ``constraint``: (department,); ``wait``: (chain, department);
        ``handoff_quality``: (from, to, chain it hurts most, other chains passing it…);
        ``single_point``: (department, external client, …).
    value : float or None
        The state found: the constraint's utilization, the wait in hours, the handoff's
        %C&A, the number of chains that pass the single point.
    metric : str
        What ``before`` and ``after`` measure: ``headroom``, ``lead_time_hours``,
        ``rolled_quality``, or ``""`` (``single_point``: nothing computed).
    before, after : float or None
        ``metric`` now and with the action taken.
    action : Action
    score : float
        The relative improvement used for ranking (0 for ``single_point``).
    rework_hours : float or None
        ``handoff_quality`` only: rework per period by :func:`geometric_rework_hours`,
        summed over the chains that pass the handoff; ``None`` when its supplier is
        external (its rework is not done in the organization) or a supplier step's effort
        is unknown.
    step : int or None
        ``wait`` only: the step's position in the chain (0-based; a department may appear
        twice).
    """

    kind: Kind
    subjects: tuple[str, ...]
    value: float | None
    metric: str
    before: float | None
    after: float | None
    action: Action
    score: float
    rework_hours: float | None = None
    step: int | None = None

    def sort_key(self) -> tuple[float, int, float, tuple[str, ...], int]:
        """Highest score first; ties by kind (:data:`KINDS`), the larger rework, the subject
        ids, then the step."""
        rework = self.rework_hours or 0.0
        return (-self.score, KINDS.index(self.kind), -rework, self.subjects, self.step or 0)


@dataclass(frozen=True, slots=True)
class Summary:
    """The ranked findings (``items``, best first) and every candidate considered."""

    items: tuple[SummaryItem, ...]
    candidates: int
    period: str
    hours_per_day: float
    flow: FlowReport


def summarize(
    org: Organization,
    graph: nx.DiGraph,
    *,
    top: int = DEFAULT_TOP,
    flow: FlowReport | None = None,
) -> Summary:
    """The ``top`` findings that matter most, ranked (see the module's docstring).

    Parameters
    ----------
    org, graph : Organization, networkx.DiGraph
        A loaded organization and its :func:`~clientchain.graph.build_graph`.
    top : int
        At most this many items (at least 1).
    flow : FlowReport, optional
        ``analyze_flow(org)`` when the caller has it already.
    """
    if top < 1:
        raise ValueError(f"top must be 1 or more, got {top}")  # i18n: a programmer's error
    flow = flow or analyze_flow(org)
    candidates = sorted(
        (
            *_constraint(org, flow),
            *_waits(flow),
            *_handoffs(org, flow),
            *_single_points(org, graph),
        ),
        key=SummaryItem.sort_key,
    )
    return Summary(
        items=_pick(candidates, top),
        candidates=len(candidates),
        period=org.period,
        hours_per_day=org.calendar.hours_per_day,
        flow=flow,
    )


def _pick(ranked: list[SummaryItem], top: int) -> tuple[SummaryItem, ...]:
    """The best of each kind first, then the next best, up to ``top``; ranked by score."""
    chosen: list[SummaryItem] = []
    seen: set[str] = set()
    for item in ranked:
        if item.kind not in seen:
            seen.add(item.kind)
            chosen.append(item)
    chosen = chosen[:top]
    for item in ranked:
        if len(chosen) >= top:
            break
        if item not in chosen:
            chosen.append(item)
    return tuple(sorted(chosen, key=SummaryItem.sort_key))


def _constraint(org: Organization, flow: FlowReport) -> Iterator[SummaryItem]:
    """The constraint and one more person there, when the headroom is a finite number > 0."""
    dept, before = flow.constraint, flow.headroom
    if dept is None or before is None or not math.isfinite(before) or before <= 0:
        return
    change = Change.headcount(dept, add=1)
    after = _headroom_with(org, flow, change)
    yield SummaryItem(
        kind="constraint",
        subjects=(dept,),
        value=flow.departments[dept].utilization,
        metric="headroom",
        before=before,
        after=after,
        action=Action("add_person", (dept,), change),
        score=after / before - 1 if math.isfinite(after) else math.inf,
    )


def _headroom_with(org: Organization, flow: FlowReport, change: Change) -> float:
    """The headroom after a headcount ``change``: only that department's capacity changes
    (:func:`~clientchain.analysis.whatif.apply_changes`), so the flow is not recomputed;
    tests/analysis/test_summary.py checks it against :func:`~clientchain.analysis.whatif.simulate`.
    """
    assert change.target is not None
    changed = apply_changes(org, [change])
    busiest = 0.0
    for dept in flow.departments.values():
        load = dept.load_hours or 0.0  # every utilization is known (the headroom is)
        capacity = (
            changed.capacity_hours(dept.id) if dept.id == change.target else dept.capacity_hours
        )
        busiest = max(busiest, safe_ratio(load, capacity))
    return 1.0 / busiest if busiest else math.inf


def _waits(flow: FlowReport) -> Iterator[SummaryItem]:
    """Per chain, its longest finite wait before a step (the first on a tie)."""
    for chain in flow.chains.values():
        lead = chain.lead_time_hours
        if lead is None or not math.isfinite(lead) or lead <= 0:
            continue
        best: tuple[int, float] | None = None
        for index, step in enumerate(chain.steps):
            wait = step.wait_hours
            if wait and math.isfinite(wait) and (best is None or wait > best[1]):
                best = (index, wait)
        if best is None:
            continue
        index, wait = best
        department = chain.steps[index].department
        yield SummaryItem(
            kind="wait",
            subjects=(chain.id, department),
            value=wait,
            metric="lead_time_hours",
            before=lead,
            after=lead - wait,
            action=Action("remove_wait", (chain.id, department)),
            score=wait / lead,
            step=index,
        )


def _handoffs(org: Organization, flow: FlowReport) -> Iterator[SummaryItem]:
    """Every handoff below 100% %C&A that chains pass, with its rework and the best gain."""
    known = handoff_quality(org)
    passing: dict[tuple[str, str], list[Chain]] = {}
    for chain in org.chains.values():
        for edge in dict.fromkeys(_edges(chain)):
            if known.get(edge, 1.0) < 1.0:
                passing.setdefault(edge, []).append(chain)
    for edge, chains in passing.items():
        perfect = {**known, edge: 1.0}
        gains = []
        for chain in chains:
            before = flow.chains[chain.id].rolled_quality
            after = rolled_quality(org, chain, perfect).value
            gain = math.inf if before == 0 else after / before - 1
            gains.append((gain, chain.id, before, after))
        gain, worst, before, after = max(gains, key=lambda g: g[0])  # the first on a tie
        others = tuple(chain.id for chain in chains if chain.id != worst)
        yield SummaryItem(
            kind="handoff_quality",
            subjects=(*edge, worst, *others),
            value=known[edge],
            metric="rolled_quality",
            before=before,
            after=after,
            action=Action("perfect_handoff", edge),
            score=gain,
            rework_hours=_rework(org, chains, edge, known[edge]),
        )


def _edges(chain: Chain) -> Iterator[tuple[str, str]]:
    """The handoffs the chain passes, in order (a repeated one repeatedly)."""
    for edge in pairwise(chain.path):
        if edge[0] != edge[1]:
            yield edge


def _rework(
    org: Organization, chains: Iterable[Chain], edge: tuple[str, str], quality: float
) -> float | None:
    """:func:`geometric_rework_hours` of each pass of ``edge``: the supplier step's effort
    is the step before the handoff; ``None`` when the supplier is not a department or an
    effort is unknown."""
    if edge[0] not in org.departments:
        return None
    total = 0.0
    for chain in chains:
        for index, step in enumerate(chain.steps):
            following = chain.steps[index + 1].department if index + 1 < len(chain.steps) else None
            target = following if following is not None else chain.client
            if step.department != edge[0] or target != edge[1]:
                continue
            if step.effort is None:
                return None
            total += geometric_rework_hours(chain.demand, step.effort, quality)
    return total


def _single_points(org: Organization, graph: nx.DiGraph) -> Iterator[SummaryItem]:
    """One item per department that alone connects some external client."""
    clients: dict[str, list[str]] = {}
    for point in single_points_of_failure(org, graph):
        clients.setdefault(point.department, []).append(point.client)
    for dept, served in clients.items():
        chains = sum(
            any(step.department == dept for step in chain.steps) and chain.client in served
            for chain in org.chains.values()
        )
        yield SummaryItem(
            kind="single_point",
            subjects=(dept, *served),
            value=float(chains),
            metric="",
            before=None,
            after=None,
            action=Action("add_backup", (dept,)),
            score=0.0,
        )
