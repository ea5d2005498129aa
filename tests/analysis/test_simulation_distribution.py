"""Each chain's simulated lead-time histogram by hand, and parallel runs that change nothing
(issue 19, items 4 and 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.analysis.simulation import Settings, simulate_flow
from clientchain.analysis.simulation_distribution import lead_time_histogram, nice_width
from clientchain.analysis.simulation_pool import replications
from clientchain.loading import load_file
from clientchain.model import Chain, Department, ExternalParty, Organization, Step

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

pytest.importorskip("simpy")

# Two runs of 2.5 weeks of 40 h (100 h), nothing left out, no variability.
CONSTANT = Settings(runs=2, periods=2.5, warmup=0.0, arrival_cv=0.0, service_cv=0.0)


def _org(effort: float) -> Organization:
    """One person (40 h a week); 4 units a week arrive one every 40 / 4 = 10 h."""
    return Organization(
        name="Hand",
        departments={"a": Department("a", "A")},
        clients={"z": ExternalParty("z", "Z", "client")},
        chains={"x": Chain("x", "X", "z", 4.0, (Step("a", effort),))},
    )


def test_without_a_queue_every_unit_takes_its_effort() -> None:
    # Arrivals at 10, 20 … 100 h: 10 units a run, 20 over the two runs; a 4 h effort
    # ends before the next arrival, so every lead time is 4 h and so is every percentile.
    # Bins: no spread, so the width is the nice number ≥ max(4, 1) / 20 = 0.2 → 0.2 h;
    # the first edge is 0.2 × ⌊4 / 0.2⌋ = 4 h; one bin [4, 4.2) holds the 20 units.
    histogram = simulate_flow(_org(4.0), CONSTANT).chains["x"].distribution
    assert histogram is not None
    assert histogram.units == 20
    assert histogram.width == 0.2
    assert histogram.edges == (4.0, 4.2)
    assert histogram.counts == (20,)
    assert histogram.above == 0
    assert histogram.percentiles == {0.5: 4.0, 0.85: 4.0, 0.95: 4.0}


def test_a_growing_queue_by_hand() -> None:
    # A 12 h effort every 10 h: unit k (k = 1 … 10) arrives at 10k h and ends at
    # 10 + 12k h (each starts when the one before ends), so its lead time is 10 + 2k:
    # 12, 14 … 30 h, in each of the two runs.
    report = simulate_flow(_org(12.0), CONSTANT)
    assert report.unstable == ("a",)  # 12 h of work every 10 h
    chain = report.chains["x"]
    histogram = chain.distribution
    assert histogram is not None
    assert histogram.units == 20
    # Pooled: 12, 12, 14, 14 … 30, 30 (n = 20). Type 7 puts P50 at 0.5 × 19 = 9.5, between
    # the 10th and 11th values, 20 and 22 → 21; P85 at 0.85 × 19 = 16.15, between 28 and
    # 28 → 28; P95 at 18.05, between 30 and 30 → 30; P99 at 18.81 → 30.
    assert histogram.percentiles == {
        0.5: pytest.approx(21.0),
        0.85: pytest.approx(28.0),
        0.95: pytest.approx(30.0),
    }
    # One run alone (n = 10): P85 at 0.85 × 9 = 7.65, 26 + 0.65 × 2 = 27.3 — the runs' mean
    # P85; the pooled P85 (28) is the time within which 85 % of all 20 units arrived.
    assert chain.percentiles[0.85].mean == pytest.approx(27.3)
    # Bins: (P99 − shortest) / 20 = (30 − 12) / 20 = 0.9 → width 1 h; first edge 12;
    # ⌊(30 − 12) / 1⌋ + 1 = 19 bins, [12, 13) … [30, 31): the even hours hold 2 units each.
    assert histogram.width == 1.0
    assert histogram.edges == tuple(float(h) for h in range(12, 32))
    assert histogram.counts == (2, 0) * 9 + (2,)
    assert histogram.above == 0
    assert sum(histogram.counts) + histogram.above == 20


def test_the_tail_beyond_the_p99_is_counted_above() -> None:
    # The same ten lead times once: P99 at position 0.99 × 9 = 8.91,
    # 28 + 0.91 × 2 = 29.82; width ≥ 17.82 / 20 = 0.891 → 1; ⌊17.82⌋ + 1 = 18 bins,
    # [12, 13) … [29, 30); the 30 h unit is at the last edge: counted above.
    histogram = lead_time_histogram([12.0 + 2 * k for k in range(10)])
    assert histogram is not None
    assert histogram.edges[-1] == 30.0
    assert len(histogram.counts) == 18
    assert histogram.above == 1
    assert sum(histogram.counts) == 9
    assert lead_time_histogram([]) is None


@pytest.mark.parametrize(
    ("raw", "width"), [(0.891, 1.0), (1.2, 2.0), (2.1, 2.5), (2.6, 5.0), (27.0, 50.0), (0.13, 0.2)]
)
def test_nice_widths(raw: float, width: float) -> None:
    assert nice_width(raw) == width


def test_the_output_is_the_same_for_any_number_of_workers() -> None:
    # Every run draws from its own stream seeded by (seed, run): which process runs it
    # cannot change it, and the results are gathered in run order.
    org = load_file(EXAMPLES / "software-company.yaml")
    settings = Settings(runs=5, seed=3, periods=2)
    alone = simulate_flow(org, settings, jobs=1)
    assert simulate_flow(org, settings, jobs=2) == alone
    assert simulate_flow(org, settings, jobs=3) == alone
    histogram = alone.chains["incident"].distribution
    assert histogram is not None
    assert sum(histogram.counts) + histogram.above == histogram.units > 0


def _triple(shared: int, run: int) -> int:
    return shared * run


def test_replications_keep_run_order_and_report_progress() -> None:
    seen: list[tuple[int, int]] = []
    assert replications(_triple, 3, 6, 2, lambda done, runs: seen.append((done, runs))) == [
        0, 3, 6, 9, 12, 15
    ]  # fmt: skip
    assert seen[-1] == (6, 6)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_unit_a_rounding_hair_under_the_first_edge_is_in_the_first_bin() -> None:
    # 2.6 − 10⁻¹² h three times: width ≥ 2.6 / 20 = 0.13 → 0.2; 2.6 / 0.2 is 13 less a hair,
    # taken as 13 (edges are tidy multiples of the width), so the first edge is 2.6 h and
    # the three units, a hair under it, are counted in [2.6, 2.8) rather than lost.
    histogram = lead_time_histogram([2.6 - 1e-12] * 3)
    assert histogram is not None
    assert histogram.edges == (2.6, 2.8)
    assert histogram.counts == (3,)
    assert histogram.above == 0
