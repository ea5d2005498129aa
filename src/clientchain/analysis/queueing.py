"""The G/G/c queueing estimate of the wait before a step (SPEC §2, ``--predict-waits``).

Hopp & Spearman, *Factory Physics* (3rd ed., §8.4), approximate the expected time
a unit waits in the queue of a station with ``c`` parallel servers, utilization
``u``, and coefficients of variation ``ca`` (arrivals) and ``cs`` (service) as

.. math::

    W_q = \\frac{c_a^2 + c_s^2}{2} \\cdot \\frac{u^{\\sqrt{2(c+1)} - 1}}{c\\,(1 - u)} \\cdot t_e

(Sakasegawa's approximation). At ``c = 1`` the exponent is ``√4 − 1 = 1`` and the
formula is Kingman's: ``((ca² + cs²)/2) · (u / (1 − u)) · tₑ``. Here ``tₑ`` is the
step's effort (touch time per unit, hours), so the wait is in hours too.

The estimate is undefined when ``u ≥ 1`` (the queue grows without bound): it is
reported as ``math.inf``. It is also infinite when ``c`` is 0 (nobody serves).

Examples
--------
>>> kingman_wait(0.5, 2.0)  # (1+1)/2 · 0.5/0.5 · 2h
2.0
>>> ggc_wait(0.5, 1, 2.0) == kingman_wait(0.5, 2.0)
True
>>> ggc_wait(1.0, 2, 3.0)
inf
"""

from __future__ import annotations

import math

__all__ = ["ggc_wait", "kingman_wait"]


def ggc_wait(
    utilization: float, servers: float, effort: float, *, ca: float = 1.0, cs: float = 1.0
) -> float:
    """Expected queue time before a step, in the unit of ``effort`` (hours).

    Parameters
    ----------
    utilization : float
        The department's utilization ``u`` (load / capacity), ``u ≥ 0``.
    servers : float
        ``c``: the department's headcount (parallel people or stations).
    effort : float
        ``tₑ``: touch time per unit at the step, hours.
    ca, cs : float, optional
        Coefficients of variation of arrivals and of service; 1 (exponential) unless given.

    Returns
    -------
    float
        The waiting time; ``math.inf`` when ``u ≥ 1`` or ``c ≤ 0``; 0 when ``u`` or
        ``effort`` is 0.
    """
    if utilization < 0 or effort < 0 or ca < 0 or cs < 0:
        raise ValueError(  # i18n: a programmer's error (the loader refuses such values)
            "utilization, effort and the coefficients of variation must be ≥ 0"
        )
    if effort == 0 or utilization == 0:
        return 0.0
    if utilization >= 1 or servers <= 0:
        return math.inf
    variability = (ca * ca + cs * cs) / 2
    exponent = math.sqrt(2 * (servers + 1)) - 1
    growth: float = utilization**exponent
    return variability * (growth / (servers * (1 - utilization))) * effort


def kingman_wait(utilization: float, effort: float, *, ca: float = 1.0, cs: float = 1.0) -> float:
    """Kingman's G/G/1 queue time: ``((ca² + cs²)/2) · (u / (1 − u)) · effort``.

    The single-server case of :func:`ggc_wait`, written out on its own so the two
    can be checked against each other.
    """
    if utilization >= 1:
        return math.inf
    return (ca * ca + cs * cs) / 2 * (utilization / (1 - utilization)) * effort
