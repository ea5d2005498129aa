"""A discrete-event simulation of the whole organization (``clientchain montecarlo``).

The model (docs/concepts.md, "Simulation"):

* the clock runs in **working hours** (as every lead time of :mod:`.flow`); a period is
  ``H`` hours; the horizon is ``periods × H`` (a year of the file's period unless given);
* each chain's units **arrive** at its demand rate, ``demand / H`` an hour, with gaps of
  mean ``H / demand`` and coefficient of variation ``arrival_cv`` (1: Poisson arrivals);
* each **department** is one station of ``⌈headcount⌉`` parallel servers (at least 1)
  **shared by every chain** that has a step there, first come first served; each server
  works at the speed ``(capacity − other_load) / (servers × H)`` (1 with the default
  capacity and no other load), so a department's time outside the chains is taken from
  its speed, not simulated as work;
* a step's **service time** is drawn with mean ``effort / speed`` and coefficient of
  variation the step's ``cv:`` (``service_cv`` for a step without one), from a **gamma**
  distribution (``cv = 1`` is the exponential; ``cv = 0`` is constant) or a **lognormal**
  one;
* with **rework** (:mod:`.rework`'s model), a unit handed over at %C&A ``q`` goes back
  with probability ``1 − q`` and is served again in full, queueing again.

Given ``wait``, ``inventory`` and ``finished_inventory`` are not used: the waits are what
the simulation finds. Units arriving in the first ``warmup`` share of the horizon are not
counted; arrivals stop at the horizon and the units already in the organization are
finished (their lead times count). Departments are measured over ``[warmup, horizon]``:
time-average number waiting, mean wait of the passes that joined the queue then, and
utilization ``busy share × (capacity − other_load) / capacity + other_load / capacity``
(the utilization of :mod:`.flow` when the simulation keeps up).

Each of the ``runs`` independent replications has its own random stream
(``random.Random`` seeded with ``"seed:run"``): the same seed gives the same output, and
the runs may run in parallel processes (:mod:`.simulation_pool`) without changing it.
Each chain's units of every run are pooled into a histogram
(:mod:`.simulation_distribution`).
Percentiles of a run interpolate between order statistics (Hyndman & Fan's type 7);
the figure reported is the mean over the runs with a 95 % confidence interval
``mean ± t(0.975, runs − 1) · s / √runs`` (Law, *Simulation Modeling and Analysis*,
5th ed., 2015, §9.4), :mod:`.simulation_stats`.

SimPy (the ``simulation`` extra) is the engine; it is imported only here, when a
simulation runs.
"""

from __future__ import annotations

import math
import random
from array import array
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.rework import step_quality
from clientchain.analysis.simulation_distribution import QUANTILES
from clientchain.analysis.simulation_pool import replications
from clientchain.analysis.simulation_result import (
    ChainSimulation,
    DepartmentSimulation,
    Distribution,
    RunSample,
    Settings,
    SimulationReport,
    chain_results,
    department_results,
)
from clientchain.analysis.simulation_stats import percentile
from clientchain.errors import UsageError
from clientchain.i18n import _
from clientchain.model import Chain, Organization

if TYPE_CHECKING:
    import simpy

__all__ = [
    "PERIODS_A_YEAR",
    "ChainSimulation",
    "DepartmentSimulation",
    "Distribution",
    "Settings",
    "SimulationReport",
    "simulate_flow",
]

PERIODS_A_YEAR = {"day": None, "week": 52.0, "month": 12.0, "quarter": 4.0}
"""Periods in a year; a year of days is ``52 × days_per_week``."""


def _engine() -> Any:
    try:
        import simpy
    except ImportError as exc:
        raise UsageError(
            _("the simulation needs SimPy: pip install 'clientchain[simulation]'")
        ) from exc
    return simpy


def simulate_flow(
    org: Organization,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> SimulationReport:
    """Run ``settings.runs`` replications of the organization over ``jobs`` processes
    (:mod:`.simulation_pool`: the result is the same for any ``jobs``);
    ``progress(done, runs)`` is called after each run.

    Raises
    ------
    UsageError
        SimPy is missing, a step's effort is unknown, a department with chain work has
        no time for it, or a setting is out of range.
    """
    _check(org, settings)
    _engine()
    periods = settings.periods if settings.periods is not None else _year(org)
    horizon = periods * org.period_hours
    plan = _Plan(org, settings, horizon)
    samples = replications(_replicate, plan, settings.runs, jobs, progress)
    return SimulationReport(
        settings,
        periods,
        horizon,
        plan.warmup,
        org.calendar.hours_per_day,
        chain_results(org, samples),
        department_results(org, plan.servers, plan.share, samples),
        _unstable(org, settings.rework),
    )


def _year(org: Organization) -> float:
    per_year = PERIODS_A_YEAR[org.period]
    return 52.0 * org.calendar.days_per_week if per_year is None else per_year


def _check(org: Organization, settings: Settings) -> None:
    if not 0 <= settings.warmup < 1:
        raise ValueError("warmup is a share of the horizon, in [0, 1)")  # i18n: programmer's
    if settings.runs < 1:
        raise UsageError(_("--runs must be at least 1"))
    if settings.periods is not None and not 0 < settings.periods < math.inf:
        raise UsageError(_("--periods must be a positive number"))
    if not (0 <= settings.arrival_cv < math.inf and 0 <= settings.service_cv < math.inf):
        raise UsageError(_("a coefficient of variation must be a number ≥ 0"))
    for chain in org.chains.values():
        for step in chain.steps:
            if step.effort is None:
                raise UsageError(
                    _("cannot simulate {chain}: the effort at {department} is unknown").format(
                        chain=chain.id, department=step.department
                    )
                )


def _unstable(org: Organization, rework: bool) -> tuple[str, ...]:
    if rework:
        from clientchain.analysis.rework import analyze_rework

        report = analyze_rework(org)
        values = {d.id: d.utilization for d in report.departments.values()}
    else:
        values = {d.id: d.utilization for d in analyze_flow(org).departments.values()}
    return tuple(d for d, u in values.items() if u is not None and u >= 1)


class _Plan:
    """What every run shares: stations' servers and speeds, each chain's route."""

    def __init__(self, org: Organization, settings: Settings, horizon: float) -> None:
        self.settings = settings
        self.horizon = horizon
        self.warmup = settings.warmup * horizon
        self.gap = {c.id: org.period_hours / c.demand for c in org.chains.values() if c.demand > 0}
        busy = {s.department for c in org.chains.values() for s in c.steps}
        self.servers: dict[str, int] = {}
        self.speed: dict[str, float] = {}
        self.share: dict[str, tuple[float, float]] = {}  # (chain share, other share) of capacity
        for dept in org.departments.values():
            capacity = (
                dept.capacity if dept.capacity is not None else (dept.headcount * org.period_hours)
            )
            servers = max(1, math.ceil(dept.headcount))
            free = capacity - dept.other_load
            if dept.id in busy and (free <= 0 or dept.headcount <= 0):
                raise UsageError(
                    _("cannot simulate: {department} has no time left for chain work").format(
                        department=dept.id
                    )
                )
            self.servers[dept.id] = servers
            self.speed[dept.id] = max(free, 0.0) / (servers * org.period_hours)
            self.share[dept.id] = (
                (max(free, 0.0) / capacity, dept.other_load / capacity) if capacity else (0, 0)
            )
        self.routes = {c.id: _route(org, c, settings) for c in org.chains.values()}


def _route(
    org: Organization, chain: Chain, settings: Settings
) -> tuple[tuple[str, float, float, float], ...]:
    """(department, effort, %C&A, cv) of each step; %C&A 1 without rework.

    The cv is the step's own ``cv:`` when the file gives one, else ``settings.service_cv``.
    """
    return tuple(
        (
            step.department,
            step.effort or 0.0,
            quality if settings.rework else 1.0,
            settings.service_cv if step.cv is None else step.cv,
        )
        for step, (_edge, quality) in zip(chain.steps, step_quality(org, chain), strict=True)
    )


def _draw(rng: random.Random, mean: float, cv: float, distribution: Distribution) -> float:
    """A random time of mean ``mean`` and coefficient of variation ``cv``."""
    if cv == 0 or mean == 0:
        return mean
    if distribution == "lognormal":
        sigma2 = math.log1p(cv * cv)
        return rng.lognormvariate(math.log(mean) - sigma2 / 2, math.sqrt(sigma2))
    shape = 1 / (cv * cv)
    return rng.gammavariate(shape, mean / shape)


class _Station:
    """A department in one run: SimPy's resource and the areas under its queue and busy
    servers within the measured window."""

    def __init__(self, env: simpy.Environment, simpy: Any, servers: int, plan: _Plan) -> None:
        self.resource = simpy.Resource(env, capacity=servers)
        self.start, self.end = plan.warmup, plan.horizon
        self.waiting = self.busy = 0
        self.queue_area = self.busy_area = 0.0
        self.last = 0.0
        self.waits: list[float] = []

    def advance(self, now: float) -> None:
        low, high = max(self.last, self.start), min(now, self.end)
        if high > low:
            self.queue_area += self.waiting * (high - low)
            self.busy_area += self.busy * (high - low)
        self.last = now


def _summary(
    plan: _Plan, lead_times: dict[str, list[float]], stations: dict[str, _Station]
) -> RunSample:
    chains: dict[str, tuple[int, float, float, float, float] | None] = {}
    for chain, times in lead_times.items():
        times.sort()
        low, middle, high = (percentile(times, q) for q in QUANTILES) if times else (0, 0, 0)
        mean = math.fsum(times) / len(times) if times else 0.0
        chains[chain] = (len(times), mean, low, middle, high) if times else None
    window = plan.horizon - plan.warmup
    departments = {
        dept: (
            station.queue_area / window,
            math.fsum(station.waits) / len(station.waits) if station.waits else None,
            station.busy_area / (window * plan.servers[dept]),
        )
        for dept, station in stations.items()
    }
    kept = {chain: array("d", times) for chain, times in lead_times.items()}
    return RunSample(chains, kept, departments)


def _replicate(plan: _Plan, run: int) -> RunSample:
    """Run ``run`` of ``plan``, on its own random stream seeded by ``(seed, run)``."""
    simpy, settings = _engine(), plan.settings
    rng = random.Random(f"{settings.seed}:{run}")
    env = simpy.Environment()
    stations = {d: _Station(env, simpy, n, plan) for d, n in plan.servers.items()}
    lead_times: dict[str, list[float]] = {chain: [] for chain in plan.routes}

    def unit(chain: str) -> Generator[Any, Any, None]:
        born = env.now
        for department, effort, quality, cv in plan.routes[chain]:
            station, speed = stations[department], plan.speed[department]
            while True:
                yield from _serve(env, rng, station, (effort / speed, cv), settings)
                if quality >= 1 or rng.random() < quality:
                    break
        if born >= plan.warmup:
            lead_times[chain].append(env.now - born)

    def source(chain: str, gap: float) -> Generator[Any, Any, None]:
        while True:
            wait = _draw(rng, gap, settings.arrival_cv, settings.distribution)
            if env.now + wait > plan.horizon:
                return
            yield env.timeout(wait)
            env.process(unit(chain))

    for chain, gap in plan.gap.items():
        env.process(source(chain, gap))
    env.run()
    for station in stations.values():
        station.advance(env.now)
    return _summary(plan, lead_times, stations)


def _serve(
    env: simpy.Environment,
    rng: random.Random,
    station: _Station,
    time: tuple[float, float],
    settings: Settings,
) -> Generator[Any, Any, None]:
    """One pass through ``station``: queue, be served (``time``: mean and cv), leave."""
    joined = env.now
    station.advance(joined)
    station.waiting += 1
    with station.resource.request() as request:
        yield request
        station.advance(env.now)
        station.waiting -= 1
        station.busy += 1
        if station.start <= joined <= station.end:
            station.waits.append(env.now - joined)
        yield env.timeout(_draw(rng, *time, settings.distribution))
        station.advance(env.now)
        station.busy -= 1
