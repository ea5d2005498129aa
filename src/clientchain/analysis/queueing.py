"""The queueing estimate of the wait before a step (SPEC §2, ``--predict-waits``).

A department with ``c`` people is a station with ``c`` parallel servers; a step of
effort ``tₑ`` hours is served at rate ``μ = 1/tₑ`` per person, and units arrive at
``λ = u·c/tₑ`` an hour, so that the utilization is ``u = λ/(cμ)``. The wait in the
queue (hours) is

* **exact** for exponential arrivals and service (``ca = cs = 1``, the M/M/c queue):
  Erlang's C formula ``C(c, a)``, the probability that an arrival waits, with the
  offered load ``a = λ/μ = u·c``, and ``W_q = C(c, a) / (cμ − λ) = C(c, a) · tₑ / (c (1 − u))``
  (A. K. Erlang, 1917; any queueing text, e.g. Gross, Shortle, Thompson & Harris,
  *Fundamentals of Queueing Theory*, 4th ed., 2008, §2.3);
* **approximate** otherwise (G/G/c): the **Allen–Cunneen** correction
  ``W_q ≈ ((ca² + cs²) / 2) · C(c, a) · tₑ / (c (1 − u))`` (A. O. Allen, *Probability,
  Statistics and Queueing Theory*, 2nd ed., 1990, §6.4), which at ``c = 1`` is Kingman's
  formula ``((ca² + cs²)/2) · (u/(1 − u)) · tₑ``.

``C(c, a)`` is computed from Erlang's B formula by the recursion
``B(0) = 1``, ``B(k) = a·B(k−1) / (k + a·B(k−1))`` and ``C = B / (1 − u (1 − B))``:
every term lies in [0, 1], so there is no factorial or power to overflow, even at
``c = 1,000``.

A **fractional headcount** ``c`` (people shared with other work) is not a number of
servers: below one person, the station is one server working at speed ``c``
(``W_q = u·tₑ / (c (1 − u))``); above one, the wait is interpolated linearly between
``⌊c⌋`` and ``⌈c⌉`` servers at the same utilization. Both are exact at whole numbers.

The estimate is undefined when ``u ≥ 1`` (the queue grows without bound): it is
reported as ``math.inf``. It is also infinite when ``c`` is 0 (nobody serves).

Examples
--------
>>> round(erlang_c(3, 2.0), 6)  # 4/9: see the tests for the arithmetic
0.444444
>>> round(ggc_wait(2 / 3, 3, 10.0), 4)  # M/M/3, λ = 0.2/h, tₑ = 10 h: (4/9) / (0.3 − 0.2)
4.4444
>>> kingman_wait(0.5, 2.0)  # (1+1)/2 · 0.5/0.5 · 2h
2.0
>>> ggc_wait(0.5, 1, 2.0) == kingman_wait(0.5, 2.0)
True
>>> ggc_wait(1.0, 2, 3.0)
inf
"""

from __future__ import annotations

import math

__all__ = ["erlang_b", "erlang_c", "ggc_wait", "kingman_wait", "sakasegawa_wait"]


def erlang_b(servers: int, offered: float) -> float:
    """Erlang's B formula: the blocking probability of ``servers`` servers at load ``offered``.

    Computed by the recursion ``B(k) = a·B(k−1) / (k + a·B(k−1))`` from ``B(0) = 1``,
    which stays in [0, 1] at every step (no overflow for large ``servers``).

    >>> erlang_b(1, 1.0)  # a / (1 + a)
    0.5
    """
    if servers < 0 or offered < 0:
        raise ValueError("servers and offered load must be ≥ 0")  # i18n: a programmer's error
    blocking = 1.0
    for k in range(1, servers + 1):
        blocking = offered * blocking / (k + offered * blocking)
    return blocking


def erlang_c(servers: int, offered: float) -> float:
    """Erlang's C formula: the probability that an arrival waits in an M/M/c queue.

    ``C = B / (1 − ρ (1 − B))`` with ``B`` = :func:`erlang_b` and ``ρ = offered / servers``;
    1.0 when ``offered ≥ servers`` (every arrival waits, the queue is unstable).

    >>> erlang_c(1, 0.25)  # one server: C = ρ
    0.25
    """
    if servers <= 0 or offered >= servers:
        return 1.0
    blocking = erlang_b(servers, offered)
    rho = offered / servers
    return blocking / (1 - rho * (1 - blocking))


def ggc_wait(
    utilization: float, servers: float, effort: float, *, ca: float = 1.0, cs: float = 1.0
) -> float:
    """Expected queue time before a step, in the unit of ``effort`` (hours).

    Erlang C (exact) when ``ca = cs = 1``, the Allen–Cunneen approximation otherwise.

    Parameters
    ----------
    utilization : float
        The department's utilization ``u`` (load / capacity), ``u ≥ 0``.
    servers : float
        ``c``: the department's headcount (parallel people or stations); fractional
        values are handled as the module says.
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
    return variability * _mmc_wait(utilization, servers, effort)


def _mmc_wait(utilization: float, servers: float, effort: float) -> float:
    """The M/M/c wait for ``0 < u < 1`` and ``c > 0``, fractional ``c`` as the module says."""
    if servers < 1:
        return utilization * effort / (servers * (1 - utilization))
    low = math.floor(servers)
    below = _whole_servers_wait(utilization, low, effort)
    share = servers - low
    if share == 0:
        return below
    above = _whole_servers_wait(utilization, low + 1, effort)
    return below + share * (above - below)


def _whole_servers_wait(utilization: float, servers: int, effort: float) -> float:
    """``C(c, u·c) · tₑ / (c (1 − u))``: Erlang C's wait with ``c`` whole servers."""
    return erlang_c(servers, utilization * servers) * effort / (servers * (1 - utilization))


def kingman_wait(utilization: float, effort: float, *, ca: float = 1.0, cs: float = 1.0) -> float:
    """Kingman's G/G/1 queue time: ``((ca² + cs²)/2) · (u / (1 − u)) · effort``.

    The single-server case of :func:`ggc_wait`, written out on its own so the two
    can be checked against each other.
    """
    if utilization >= 1:
        return math.inf
    return (ca * ca + cs * cs) / 2 * (utilization / (1 - utilization)) * effort


def sakasegawa_wait(
    utilization: float, servers: float, effort: float, *, ca: float = 1.0, cs: float = 1.0
) -> float:
    """Sakasegawa's G/G/c approximation, the estimate clientchain used before Erlang C.

    ``((ca² + cs²)/2) · u^(√(2(c+1)) − 1) / (c (1 − u)) · tₑ`` (Hopp & Spearman,
    *Factory Physics*, 3rd ed., §8.4). Kept to compare with: 7.2 % above the exact
    wait on the M/M/3 queue at ``u = 2/3`` (docs/concepts.md).

    >>> round(sakasegawa_wait(2 / 3, 3, 10.0), 4)
    4.7646
    """
    if utilization >= 1 or servers <= 0:
        return math.inf
    variability = (ca * ca + cs * cs) / 2
    growth: float = utilization ** (math.sqrt(2 * (servers + 1)) - 1)
    return variability * growth / (servers * (1 - utilization)) * effort
