"""The boxes and arrows of a chain view, one per step, with the words for their waits.

A chain view draws the chain as it is walked, not as the departments it touches:
every step is a box (:class:`Stop`), so a department the chain visits twice (doctors
→ lab → doctors) is two boxes, each with its own cycle time. The arrow into a step
carries that step's wait; the arrow into the client carries the wait of the
``finished_inventory``; so the arrows' waits add up to the lead time minus the
process time (the first step's wait sits on its box when no supplier arrow enters
it). Arrows show the chain's own demand, not the edge's volume over every chain.
Every number comes from :mod:`clientchain.analysis.flow`; this module only writes it.

>>> from clientchain.model import Chain, Step
>>> chain = Chain("x", "X", "z", 4.0, (Step("a", 1.0), Step("b", 1.0), Step("a", 1.0)))
>>> [(s.key, s.step, s.visit, s.visits) for s in chain_stops(chain)]
[('n_a', 0, 1, 2), ('n_b', 1, 1, 1), ('v2_n_a', 2, 2, 2), ('n_z', None, 1, 1)]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from clientchain.analysis.flow import ChainFlow, StepFlow
from clientchain.i18n import N_, _, ngettext
from clientchain.model import Chain, Organization
from clientchain.numbers import duration, num, pct
from clientchain.render.scene import node_key, step_key

__all__ = [
    "Stop",
    "arrow_lines",
    "chain_stops",
    "finished_text",
    "quality_text",
    "rate",
    "step_lines",
    "wait_text",
]


# TRANSLATORS: a rate on an arrow of a diagram or in a table cell: "9/week" is nine a week
RATES = {
    "day": N_("{n}/day"),
    "week": N_("{n}/week"),
    "month": N_("{n}/month"),
    "quarter": N_("{n}/quarter"),
}
"""How many per period, short, for every period a file may count in."""


def rate(value: float | None, period: str) -> str:
    """``'9/week'`` (``'9/semana'`` in Spanish): ``value`` a ``period``.

    >>> rate(9, "week"), rate(2.5, "day")
    ('9/week', '2.5/day')
    """
    return _(RATES[period]).format(n=num(value))  # i18n: N_ table


@dataclass(frozen=True, slots=True)
class Stop:
    """One box of a chain view: the supplier, a step (``step`` = its index) or the client.

    ``visit`` of ``visits``: which of the chain's steps at the same department this is.
    """

    id: str
    key: str
    step: int | None = None
    visit: int = 1
    visits: int = 1


def chain_stops(chain: Chain) -> tuple[Stop, ...]:
    """Supplier (if any), each step in order, the client."""
    visits = Counter(step.department for step in chain.steps)
    seen: Counter[str] = Counter()
    stops = [Stop(chain.supplier, node_key(chain.supplier))] if chain.supplier else []
    for index, step in enumerate(chain.steps):
        seen[step.department] += 1
        visit = seen[step.department]
        key = step_key(step.department, visit)
        stops.append(Stop(step.department, key, index, visit, visits[step.department]))
    stops.append(Stop(chain.client, node_key(chain.client)))
    return tuple(stops)


def wait_text(step: StepFlow, inventory: float | None) -> str | None:
    """``wait 6 h (inventory 12)``; ``None`` when the step gives no wait.

    >>> from clientchain.analysis.flow import StepFlow
    >>> wait_text(StepFlow("a", 1.0, 1.0, 8.0, "wait", False), None)
    'wait 8 h'
    >>> wait_text(StepFlow("a", 1.0, 1.0, 6.0, "inventory", False), 12.0)
    'wait 6 h (inventory 12)'
    """
    if step.wait_source == "none":
        return None
    wait = duration(step.wait_hours)
    if step.wait_source == "predicted":
        # TRANSLATORS: a wait the queueing model predicts (none was given in the file)
        return _("wait {duration} (predicted)").format(duration=wait)
    if step.wait_source == "inventory" and inventory is not None:
        # TRANSLATORS: the wait comes from the units waiting before the step (inventory)
        return _("wait {duration} (inventory {units})").format(duration=wait, units=num(inventory))
    return _("wait {duration}").format(duration=wait)


def quality_text(flow: ChainFlow, chain: Chain) -> str:
    """``100% (unknown: 2 of 2 handoffs)``: the rolled quality, and how many of the chain's
    handoffs have no quality given (their product is over the rated ones only).

    The handoffs are those :func:`~clientchain.analysis.quality.rolled_quality` rates: the
    distinct consecutive pairs of the chain's path, two steps at one department not one.

    >>> from clientchain.analysis.flow import analyze_flow
    >>> from clientchain.model import Department, ExternalParty, Step
    >>> org = Organization(
    ...     name="Q",
    ...     departments={"a": Department("a", "A"), "b": Department("b", "B")},
    ...     clients={"z": ExternalParty("z", "Z", "client")},
    ...     chains={"x": Chain("x", "X", "z", 1.0, (Step("a", 1.0), Step("b", 1.0)))},
    ... )
    >>> quality_text(analyze_flow(org).chains["x"], org.chains["x"])  # a → b, b → z
    '100% (unknown: 2 of 2 handoffs)'
    """
    rolled = pct(flow.rolled_quality)
    if not flow.unknown_quality:
        return rolled
    handoffs = len({(a, b) for a, b in pairwise(chain.path) if a != b})
    unknown = len(flow.unknown_quality)
    # TRANSLATORS: rolled quality, then how many of the chain's handoffs have no quality given
    return ngettext(
        "{rolled} (unknown: {unknown} of {n} handoff)",
        "{rolled} (unknown: {unknown} of {n} handoffs)",
        handoffs,
    ).format(rolled=rolled, unknown=num(unknown), n=num(handoffs))


def finished_text(flow: ChainFlow, chain: Chain) -> str | None:
    """``wait 2 h (finished inventory 4)``; ``None`` without finished inventory."""
    if not chain.finished_inventory:
        return None
    units = num(chain.finished_inventory)
    # TRANSLATORS: the wait of finished units (finished inventory) before the client gets them
    return _("wait {duration} (finished inventory {units})").format(
        duration=duration(flow.finished_wait_hours), units=units
    )


def step_lines(flow: ChainFlow, chain: Chain, stop: Stop) -> list[str]:
    """The detail lines of a step's box: which visit, cycle time, a wait no arrow shows."""
    if stop.step is None:
        return []
    step = flow.steps[stop.step]
    lines = []
    if stop.visits > 1:
        # TRANSLATORS: the second of two steps a chain takes at one department: "visit 2 of 2"
        lines.append(
            _("visit {visit} of {visits}").format(visit=num(stop.visit), visits=num(stop.visits))
        )
    cycle = duration(step.cycle_time_hours)
    if step.over_takt:
        # TRANSLATORS: the step's cycle time is longer than the chain's takt time
        lines.append(_("cycle {duration} · OVER TAKT").format(duration=cycle))
    else:
        lines.append(_("cycle {duration}").format(duration=cycle))
    if stop.step == 0 and chain.supplier is None:  # no arrow enters the first step
        text = wait_text(step, chain.steps[0].inventory)
        if text is not None:
            lines.append(_("before this step: {wait}").format(wait=text))
    return lines


def arrow_lines(
    org: Organization, flow: ChainFlow, chain: Chain, target: Stop, deliverable: str | None
) -> list[str]:
    """Deliverable, the chain's demand per period, and the wait before ``target``."""
    lines = [deliverable] if deliverable else []
    lines.append(rate(flow.demand, org.period))
    if target.step is not None:
        text = wait_text(flow.steps[target.step], chain.steps[target.step].inventory)
    else:
        text = finished_text(flow, chain)
    if text is not None:
        lines.append(text)
    return lines
