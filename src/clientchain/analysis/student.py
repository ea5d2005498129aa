"""Quantiles of Student's t distribution, for confidence intervals of a mean.

No statistics library is needed for one function. For ``df`` up to :data:`EXACT_UP_TO` the
two-sided probability ``P(|T| ≤ t)`` has a closed form for whole degrees of freedom
(Abramowitz & Stegun 26.7.3 and 26.7.4, with ``θ = atan(t / √df)``):

* ``df`` odd: ``2/π · (θ + sin θ · (cos θ + 2/3 cos³θ + …
  + 2·4…(df−3) / (1·3…(df−2)) cos^(df−2) θ))``
* ``df`` even: ``sin θ · (1 + 1/2 cos²θ + 1·3/(2·4) cos⁴θ + …
  + 1·3…(df−3) / (2·4…(df−2)) cos^(df−2) θ)``

and :func:`t_quantile` solves it for ``t`` by bisection to 1e-12. Beyond, the Cornish–Fisher
expansion of the quantile around the normal one (A&S 26.7.5, four terms) is used; at
``df = 100`` it agrees with the exact form to better than 1e-8.

>>> round(t_quantile(0.975, 1), 3), round(t_quantile(0.975, 9), 3), round(t_quantile(0.975, 30), 3)
(12.706, 2.262, 2.042)
>>> round(t_quantile(0.975, 120), 3), round(t_quantile(0.975, 10**6), 3)
(1.98, 1.96)
"""

from __future__ import annotations

import math
from functools import cache

__all__ = ["EXACT_UP_TO", "t_quantile", "two_sided"]

EXACT_UP_TO = 100
"""Degrees of freedom up to which the closed form is solved; the expansion beyond."""

_NORMAL_975 = 1.959963984540054
_NORMAL = {0.975: _NORMAL_975}


def two_sided(t: float, df: int) -> float:
    """``P(|T| ≤ t)`` for Student's T with ``df`` (whole, ≥ 1) degrees of freedom, ``t ≥ 0``.

    >>> round(two_sided(12.706204736, 1), 6), round(two_sided(2.776445105, 4), 6)
    (0.95, 0.95)
    """
    theta = math.atan(t / math.sqrt(df))
    cos2 = math.cos(theta) ** 2
    term, total = 1.0, 1.0
    if df % 2:
        if df == 1:
            return 2 * theta / math.pi
        for k in range(3, df - 1, 2):  # the coefficients 2·4…(k−1) / (1·3…k)
            term *= (k - 1) / k * cos2
            total += term
        return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)
    for k in range(2, df - 1, 2):  # the coefficients 1·3…(k−1) / (2·4…k)
        term *= (k - 1) / k * cos2
        total += term
    return math.sin(theta) * total


@cache
def t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile (``p`` = 0.975 for a two-sided 95 % interval) of Student's t.

    Raises
    ------
    ValueError
        ``df`` below 1, or ``p`` other than 0.975 beyond :data:`EXACT_UP_TO` (the expansion
        needs the normal quantile, kept only for 0.975) or outside (0.5, 1).
    """
    if df < 1 or not 0.5 < p < 1:
        raise ValueError(f"t_quantile({p}, {df})")  # i18n: a programmer error
    if df > EXACT_UP_TO:
        if p not in _NORMAL:
            raise ValueError(f"t_quantile({p}, {df})")  # i18n: a programmer error
        return _cornish_fisher(_NORMAL[p], df)
    wanted = 2 * p - 1  # P(|T| ≤ t)
    low, high = 0.0, 1.0
    while two_sided(high, df) < wanted:
        high *= 2
    while high - low > 1e-12:
        middle = (low + high) / 2
        if two_sided(middle, df) < wanted:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _cornish_fisher(z: float, df: int) -> float:
    """A&S 26.7.5: the t quantile from the normal quantile ``z``, to the fourth order in 1/df."""
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4
