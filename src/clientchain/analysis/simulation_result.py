"""What ``clientchain montecarlo`` finds, and how the runs' figures are put together.

:func:`~clientchain.analysis.simulation.simulate_flow` runs the replications; each ends as
a :class:`RunSample` (its figures and its units' lead times); :func:`chain_results` and
:func:`department_results` turn the samples of every run into the report's estimates
(mean over runs ± 95 %, :mod:`.simulation_stats`) and each chain's pooled histogram
(:mod:`.simulation_distribution`).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Literal

from clientchain.analysis.simulation_distribution import QUANTILES, Histogram, lead_time_histogram
from clientchain.analysis.simulation_stats import Estimate, estimate
from clientchain.model import Organization

__all__ = [
    "ChainSimulation",
    "DepartmentSimulation",
    "Distribution",
    "RunSample",
    "Settings",
    "SimulationReport",
    "chain_results",
    "department_results",
]

Distribution = Literal["gamma", "lognormal"]


@dataclass(frozen=True, slots=True)
class Settings:
    """How to simulate: runs, seed, horizon, variability and rework.

    ``service_cv`` applies to the effort of every step whose ``cv:`` the org file does not
    give; a step's own ``cv:`` wins (``simulation._route``).
    """

    runs: int = 20
    seed: int = 0
    periods: float | None = None  # None: a year
    warmup: float = 0.1  # share of the horizon not counted
    arrival_cv: float = 1.0
    service_cv: float = 1.0
    distribution: Distribution = "gamma"
    rework: bool = False


@dataclass(frozen=True, slots=True)
class ChainSimulation:
    """A chain's lead time in hours over the runs: mean and percentiles (key 0.5, 0.85,
    0.95), and the histogram of the units of every run pooled (``None`` without units)."""

    id: str
    name: str
    units: float  # mean units counted per run
    mean: Estimate
    percentiles: dict[float, Estimate]
    distribution: Histogram | None = None


@dataclass(frozen=True, slots=True)
class DepartmentSimulation:
    """A department's time-average queue (units), mean wait (hours) and utilization."""

    id: str
    name: str
    servers: int
    queue: Estimate
    wait_hours: Estimate
    utilization: Estimate


@dataclass(frozen=True, slots=True)
class SimulationReport:
    """What :func:`~clientchain.analysis.simulation.simulate_flow` found; ``unstable`` lists
    departments whose expected utilization (with rework when simulated) is 100 % or more:
    their queues grow with the horizon and no steady state exists."""

    settings: Settings
    periods: float
    horizon_hours: float
    warmup_hours: float
    hours_per_day: float
    chains: dict[str, ChainSimulation]
    departments: dict[str, DepartmentSimulation]
    unstable: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RunSample:
    """One run's figures, summarized as soon as the run ends.

    ``chains``: chain → (units counted, mean, P50, P85, P95), ``None`` without units;
    ``lead_times``: chain → its units' lead times, sorted (8 bytes a unit);
    ``departments``: department → (time-average queue, mean wait or ``None``, busy share).
    """

    chains: dict[str, tuple[int, float, float, float, float] | None]
    lead_times: dict[str, array[float]]
    departments: dict[str, tuple[float, float | None, float]]


def chain_results(org: Organization, samples: list[RunSample]) -> dict[str, ChainSimulation]:
    """Each chain's estimates over the runs and its pooled histogram."""
    result: dict[str, ChainSimulation] = {}
    for chain in org.chains.values():
        runs = [s.chains[chain.id] for s in samples]
        counted = [figures for figures in runs if figures is not None]
        pooled = sorted(value for s in samples for value in s.lead_times[chain.id])
        result[chain.id] = ChainSimulation(
            chain.id,
            chain.name,
            sum(figures[0] for figures in counted) / len(runs),
            estimate([figures[1] for figures in counted]),
            {q: estimate([f[2 + i] for f in counted]) for i, q in enumerate(QUANTILES)},
            lead_time_histogram(pooled),
        )
    return result


def department_results(
    org: Organization,
    servers: dict[str, int],
    shares: dict[str, tuple[float, float]],
    samples: list[RunSample],
) -> dict[str, DepartmentSimulation]:
    """Each department's queue, wait and utilization over the runs; ``shares`` is its
    (chain share, other share) of capacity."""
    result: dict[str, DepartmentSimulation] = {}
    for dept in org.departments.values():
        runs = [s.departments[dept.id] for s in samples]
        chain_share, other_share = shares[dept.id]
        result[dept.id] = DepartmentSimulation(
            dept.id,
            dept.name,
            servers[dept.id],
            estimate([queue for queue, _wait, _busy in runs]),
            estimate([wait for _queue, wait, _busy in runs if wait is not None]),
            estimate([busy * chain_share + other_share for _queue, _wait, busy in runs]),
        )
    return result
