"""The G/G/c wait estimate against the formula worked by hand (SPEC §2)."""

from __future__ import annotations

import math

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.queueing import ggc_wait, kingman_wait
from clientchain.loading import load_text


@pytest.mark.parametrize(
    ("u", "effort", "ca", "cs", "expected"),
    [
        # ((ca² + cs²)/2) · u/(1−u) · tₑ
        (0.5, 2.0, 1.0, 1.0, 1.0 * 1.0 * 2.0),  # (1+1)/2 = 1; 0.5/0.5 = 1 → 2 h
        (0.8, 1.0, 0.5, 1.5, 1.25 * 4.0 * 1.0),  # (0.25+2.25)/2 = 1.25; 0.8/0.2 = 4 → 5 h
        (0.2, 3.0, 1.0, 0.0, 0.5 * 0.25 * 3.0),  # (1+0)/2 = 0.5; 0.2/0.8 = 0.25 → 0.375 h
    ],
)
def test_single_server_is_kingman(
    u: float, effort: float, ca: float, cs: float, expected: float
) -> None:
    assert kingman_wait(u, effort, ca=ca, cs=cs) == pytest.approx(expected)
    # c = 1: exponent √(2·2) − 1 = 1, so G/G/c reduces to Kingman exactly
    assert ggc_wait(u, 1, effort, ca=ca, cs=cs) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("u", "c", "effort", "expected"),
    [
        # c = 3: exponent √8 − 1 = 1.828427; 0.9^1.828427 = 0.824776;
        # / (3 · 0.1) = 2.749252; × 2 h = 5.498503 h
        (0.9, 3, 2.0, 5.498503),
        # c = 2: exponent √6 − 1 = 1.449490; 0.5^1.449490 = 0.366151; / (2 · 0.5) = 0.366151
        (0.5, 2, 1.0, 0.366151),
        # c = 4: exponent √10 − 1 = 2.162278; 0.75^2.162278 = 0.536844; / (4 · 0.25) = 0.536844;
        # × 4 h = 2.147374 h
        (0.75, 4, 4.0, 2.147374),
    ],
)
def test_multi_server_matches_sakasegawa(u: float, c: int, effort: float, expected: float) -> None:
    assert ggc_wait(u, c, effort) == pytest.approx(expected, abs=1e-6)


def test_more_servers_at_the_same_utilization_wait_less() -> None:
    waits = [ggc_wait(0.8, c, 1.0) for c in (1, 2, 4, 8)]
    assert waits == sorted(waits, reverse=True)
    assert waits[0] == pytest.approx(4.0)  # Kingman: 0.8 / 0.2


@pytest.mark.parametrize("u", [1.0, 1.5, math.inf])
def test_undefined_at_or_above_full_utilization(u: float) -> None:
    assert math.isinf(ggc_wait(u, 2, 1.0))
    assert math.isinf(kingman_wait(u, 1.0))


def test_edges_of_the_domain() -> None:
    assert ggc_wait(0.0, 2, 5.0) == 0.0  # nobody else in the queue
    assert ggc_wait(0.5, 2, 0.0) == 0.0  # no touch time, no queue
    assert math.isinf(ggc_wait(0.5, 0, 1.0))  # nobody serves
    with pytest.raises(ValueError, match="must be ≥ 0"):
        ggc_wait(-0.1, 1, 1.0)


def test_predicted_waits_in_the_flow_analysis() -> None:
    org = load_text(
        "version: 1\n"
        "departments: {a: {headcount: 2}, b: {}}\nclients: {c: {}}\n"
        "chains:\n  x:\n    client: c\n    demand: 10\n    steps:\n"
        "      - {department: a, effort: 4h}\n"
        "      - {department: b, effort: 2h, wait: 3h}\n"
    )
    plain = analyze_flow(org).chains["x"]
    predicted = analyze_flow(org, predict_waits=True).chains["x"]
    # without --predict-waits the first step's wait is unknown: 0
    assert [s.wait_source for s in plain.steps] == ["none", "wait"]
    assert plain.lead_time_hours == 4 + 2 + 3
    # a: load 10 × 4 = 40 h of 2 × 40 = 80 h → u = 0.5, c = 2:
    # 1 · 0.5^(√6 − 1) / (2 · 0.5) · 4 h = 0.366151 · 4 = 1.464604 h; b keeps its given wait
    assert [s.wait_source for s in predicted.steps] == ["predicted", "wait"]
    assert predicted.steps[0].wait_hours == pytest.approx(1.464604, abs=1e-6)
    assert predicted.lead_time_hours == pytest.approx(9 + 1.464604, abs=1e-6)
