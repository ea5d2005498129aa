"""A chain's simulated lead times as a histogram: fixed bins over the units of every run.

The units of all runs are pooled (run after run; sorting makes the order irrelevant). The
bins (docs/concepts.md, "Simulation"):

* the bin width is the smallest "nice" number ``m · 10^k`` (``m`` in 1, 2, 2.5, 5 hours)
  at least ``(P99 − shortest) / 20``, so about :data:`TARGET_BINS` bins cover the shortest
  lead time to the pooled 99th percentile (without spread, when every unit took the same
  time ``t``: at least ``max(t, 1 h) / 20``);
* the first edge is the largest multiple of the width not above the shortest lead time;
  bins are half-open ``[low, high)`` and continue until the P99 is inside the last one;
* the units at or beyond the last edge (the longest 1 % at most) are counted in ``above``,
  so the bins stay readable when the tail is long; ``counts`` and ``above`` add up to
  ``units``.

The percentiles are those of the pooled units (type 7, :func:`.simulation_stats.percentile`):
``P85`` is the time within which 85 % of all simulated units arrived.

>>> h = lead_time_histogram([12.0, 14.0, 16.0, 18.0, 20.0, 22.0, 24.0, 26.0, 28.0, 30.0])
>>> h.width, h.edges[0], h.edges[-1], h.counts[:4], h.above
(1.0, 12.0, 30.0, (1, 0, 1, 0), 1)
>>> nice_width(0.891), nice_width(3.2), nice_width(0.0)
(1.0, 5.0, 0.0)
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from clientchain.analysis.simulation_stats import percentile

__all__ = ["QUANTILES", "TARGET_BINS", "Histogram", "lead_time_histogram", "nice_width"]

TARGET_BINS = 20
"""About this many bins from the shortest lead time to the P99."""
QUANTILES = (0.5, 0.85, 0.95)
_MULTIPLES = (1.0, 2.0, 2.5, 5.0)


@dataclass(frozen=True, slots=True)
class Histogram:
    """The pooled lead times of a chain: ``counts[i]`` units in ``[edges[i], edges[i + 1])``
    hours, ``above`` at or beyond ``edges[-1]``; ``percentiles`` keyed 0.5, 0.85, 0.95."""

    units: int
    width: float
    edges: tuple[float, ...]
    counts: tuple[int, ...]
    above: int
    percentiles: dict[float, float]


def nice_width(raw: float) -> float:
    """The smallest ``m · 10^k`` (``m`` in 1, 2, 2.5, 5) at least ``raw`` (0 for 0)."""
    if raw <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(raw))
    for multiple in (*_MULTIPLES, 10.0):
        width = _tidy(multiple * power)
        if width >= raw:
            return width
    return _tidy(10 * power)  # pragma: no cover - 10 · power ≥ raw always


def _tidy(value: float) -> float:
    """``value`` without binary noise: ``13 × 0.2`` is ``2.6``, not ``2.6000000000000005``."""
    return float(f"{value:.12g}")


def lead_time_histogram(ordered: Sequence[float]) -> Histogram | None:
    """The histogram of the sorted, pooled lead times ``ordered`` (``None`` without units)."""
    if not ordered:
        return None
    shortest, p99 = ordered[0], percentile(ordered, 0.99)
    width = nice_width((p99 - shortest) / TARGET_BINS)
    if width == 0:
        width = nice_width(max(shortest, 1.0) / TARGET_BINS)
    first = math.floor(shortest / width + 1e-9)
    bins = max(1, math.floor((p99 - first * width) / width + 1e-9) + 1)
    edges = tuple(_tidy((first + i) * width) for i in range(bins + 1))
    # sorted: the units below an edge are found by bisection, not counted one by one
    below = [bisect.bisect_left(ordered, edge) for edge in edges]
    below[0] = 0  # a unit a rounding hair under the first edge belongs to the first bin
    counts = tuple(high - low for low, high in pairwise(below))
    return Histogram(
        len(ordered),
        width,
        edges,
        counts,
        len(ordered) - below[-1],
        {q: percentile(ordered, q) for q in QUANTILES},
    )
