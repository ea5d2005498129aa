"""Figures over independent simulation runs: percentiles of a run, a mean with its interval.

A run's percentile interpolates linearly between order statistics (Hyndman & Fan,
"Sample quantiles in statistical packages", *The American Statistician* 50(4), 1996,
type 7, numpy's default). Over ``n`` runs the estimate is the mean ``x̄`` with the 95 %
confidence half-width ``t(0.975, n − 1) · s / √n``, ``s`` the runs' sample standard
deviation: the runs are independent replications, so their figures are independent and
identically distributed (Law, *Simulation Modeling and Analysis*, 5th ed., 2015, §9.4).

>>> percentile([1.0, 2.0, 3.0, 4.0], 0.5)
2.5
>>> e = estimate([4.0, 6.0])  # mean 5, s = √2, t(0.975, 1) = 12.706
>>> e.mean, round(e.half_width or 0, 3)
(5.0, 12.706)
>>> estimate([3.0]).half_width is None
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from clientchain.analysis.student import t_quantile

__all__ = ["Estimate", "estimate", "percentile"]


@dataclass(frozen=True, slots=True)
class Estimate:
    """A mean over runs and its 95 % confidence half-width.

    ``mean`` is ``None`` when no run had a value; ``half_width`` is ``None`` with fewer
    than two runs.
    """

    mean: float | None
    half_width: float | None
    runs: int

    @property
    def low(self) -> float | None:
        """The interval's lower end (``None`` without an interval)."""
        if self.mean is None or self.half_width is None:
            return None
        return self.mean - self.half_width

    @property
    def high(self) -> float | None:
        """The interval's upper end (``None`` without an interval)."""
        if self.mean is None or self.half_width is None:
            return None
        return self.mean + self.half_width


def percentile(ordered: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0 ≤ q ≤ 1) of the sorted, non-empty ``ordered`` (type 7)."""
    position = q * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def estimate(values: Sequence[float]) -> Estimate:
    """The mean of ``values`` (one per run) and its 95 % confidence half-width."""
    n = len(values)
    if n == 0:
        return Estimate(None, None, 0)
    mean = math.fsum(values) / n
    if n == 1:
        return Estimate(mean, None, 1)
    variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return Estimate(mean, t_quantile(0.975, n - 1) * math.sqrt(variance / n), n)
