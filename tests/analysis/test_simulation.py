"""The simulation's model by hand: speeds, servers, statistics (issue 19 item 4)."""

from __future__ import annotations

import math
import random
import statistics

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.simulation import Settings, _draw, simulate_flow
from clientchain.analysis.simulation_stats import estimate, percentile
from clientchain.errors import UsageError
from clientchain.model import Chain, Department, ExternalParty, Organization, Step

pytest.importorskip("simpy")

CONSTANT = Settings(runs=2, periods=10, arrival_cv=0.0, service_cv=0.0)


def _org(department: Department, demand: float = 4.0, effort: float | None = 4.0) -> Organization:
    return Organization(
        name="Hand",
        departments={department.id: department},
        clients={"z": ExternalParty("z", "Z", "client")},
        chains={"x": Chain("x", "X", "z", demand, (Step(department.id, effort),))},
    )


def test_other_load_slows_the_servers_and_utilization_matches_the_flow() -> None:
    # 1 person, 40 h a week, other_load 8 h: 32 h for the chains, speed 32 / 40 = 0.8.
    # 4 units a week of 4 h → each takes 4 / 0.8 = 5 h, one every 10 h: busy half the time.
    # Utilization = 0.5 × 32/40 + 8/40 = 0.4 + 0.2 = 0.6 = (4 × 4 + 8) / 40 as `bottlenecks`.
    org = _org(Department("a", "A", other_load=8.0))
    report = simulate_flow(org, CONSTANT)
    assert analyze_flow(org).departments["a"].utilization == pytest.approx(0.6)
    assert report.departments["a"].utilization.mean == pytest.approx(0.6)
    assert report.chains["x"].mean.mean == pytest.approx(5.0)  # no wait, 5 h of service
    assert report.departments["a"].servers == 1


def test_a_fractional_headcount_is_rounded_up_to_slower_servers() -> None:
    # 1.5 people: 2 servers sharing 1.5 × 40 = 60 h a week, speed 60 / (2 × 40) = 0.75;
    # a 3 h effort takes 4 h.
    report = simulate_flow(_org(Department("a", "A", headcount=1.5), effort=3.0), CONSTANT)
    assert report.departments["a"].servers == 2
    assert report.chains["x"].percentiles[0.95].mean == pytest.approx(4.0)


def test_a_department_without_time_for_the_chains_is_refused() -> None:
    with pytest.raises(UsageError, match="a has no time left for chain work"):
        simulate_flow(_org(Department("a", "A", other_load=40.0)), CONSTANT)


def test_out_of_range_settings() -> None:
    org = _org(Department("a", "A"))
    with pytest.raises(UsageError, match="--periods must be a positive number"):
        simulate_flow(org, Settings(periods=0))
    with pytest.raises(UsageError, match="a coefficient of variation"):
        simulate_flow(org, Settings(service_cv=math.inf))
    with pytest.raises(UsageError, match="--runs must be at least 1"):
        simulate_flow(org, Settings(runs=0))
    with pytest.raises(ValueError, match="warmup"):
        simulate_flow(org, Settings(warmup=1.0))


def test_the_default_horizon_is_a_year() -> None:
    report = simulate_flow(_org(Department("a", "A")), Settings(runs=1))
    assert report.periods == 52  # weeks
    assert report.horizon_hours == 52 * 40
    assert report.warmup_hours == pytest.approx(208)
    assert report.chains["x"].mean.half_width is None  # one run: no interval


def test_percentile_type_7_by_hand() -> None:
    # positions q · (n − 1) in 1, 2, 3, 4, 10: P50 → 2 → 3; P85 → 3.4 → 4 + 0.4 × 6 = 6.4;
    # P95 → 3.8 → 4 + 0.8 × 6 = 8.8
    data = [1.0, 2.0, 3.0, 4.0, 10.0]
    assert percentile(data, 0.5) == 3.0
    assert percentile(data, 0.85) == pytest.approx(6.4)
    assert percentile(data, 0.95) == pytest.approx(8.8)
    assert percentile([7.0], 0.95) == 7.0


def test_interval_by_hand() -> None:
    # 10, 12, 14: mean 12, s = 2, t(0.975, 2) = 4.303 → 4.302653 · 2 / √3 = 4.968275
    value = estimate([10.0, 12.0, 14.0])
    assert value.mean == 12.0
    assert value.half_width == pytest.approx(4.302653 * 2 / math.sqrt(3), rel=1e-6)
    assert value.low == pytest.approx(12 - 4.968275, rel=1e-6)
    assert estimate([]).mean is None


@pytest.mark.parametrize("distribution", ["gamma", "lognormal"])
def test_draws_have_the_asked_mean_and_cv(distribution: str) -> None:
    # 40,000 draws of mean 5 and cv 0.5: the sample mean's standard error is
    # 5 · 0.5 / 200 = 0.0125 h, so 5 ± 0.05 is four of them.
    rng = random.Random(1)
    draws = [_draw(rng, 5.0, 0.5, distribution) for _ in range(40_000)]  # type: ignore[arg-type]
    mean = statistics.fmean(draws)
    assert mean == pytest.approx(5.0, abs=0.05)
    assert statistics.stdev(draws) / mean == pytest.approx(0.5, abs=0.02)
    assert _draw(rng, 5.0, 0.0, distribution) == 5.0  # type: ignore[arg-type]
