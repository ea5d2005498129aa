"""The queueing wait (Erlang C, Allen–Cunneen) against the formula worked by hand (SPEC §2)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.queueing import (
    erlang_b,
    erlang_c,
    ggc_wait,
    kingman_wait,
    sakasegawa_wait,
)
from clientchain.loading import load_text


def test_mm3_by_hand() -> None:
    # Issue 19: arrivals λ = 0.2/h, effort 10 h (μ = 0.1/h), 3 people, cv 1.
    # a = λ/μ = 2, ρ = a/c = 2/3.
    # Erlang B: B0 = 1; B1 = 2·1/(1 + 2·1) = 2/3; B2 = 2·(2/3)/(2 + 4/3) = (4/3)/(10/3) = 0.4;
    #           B3 = 2·0.4/(3 + 0.8) = 0.8/3.8 = 4/19.
    # P_wait = C = B3 / (1 − ρ(1 − B3)) = (4/19) / (1 − (2/3)(15/19)) = (4/19)/(9/19) = 4/9.
    # Wq = P_wait / (cμ − λ) = (4/9) / (0.3 − 0.2) = 40/9 = 4.444 h.
    assert erlang_b(3, 2.0) == pytest.approx(4 / 19)
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)
    assert ggc_wait(2 / 3, 3, 10.0) == pytest.approx(40 / 9)
    assert round(ggc_wait(2 / 3, 3, 10.0), 2) == 4.44


def test_sakasegawa_was_seven_percent_high_on_mm3() -> None:
    # Sakasegawa: (2/3)^(√8 − 1) / (3 · 1/3) · 10 h; √8 − 1 = 1.828427, ln(2/3) = −0.405465,
    # (2/3)^1.828427 = e^(−0.741363) = 0.476464 → 4.76464 h
    old = sakasegawa_wait(2 / 3, 3, 10.0)
    assert old == pytest.approx(4.764639, abs=1e-6)
    # 4.764639 / 4.444444 = 1.0720: 7.2 % above the exact wait (docs/concepts.md)
    assert old / ggc_wait(2 / 3, 3, 10.0) == pytest.approx(1.0720, abs=1e-4)


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
    # c = 1: Erlang C is ρ (B1 = a/(1+a), C = B1/(1 − a(1 − B1)) = a), so Allen–Cunneen is Kingman
    assert ggc_wait(u, 1, effort, ca=ca, cs=cs) == pytest.approx(expected)


def test_allen_cunneen_scales_erlang_c() -> None:
    # M/M/2 at u = 0.5: a = 1; B1 = 1/2, B2 = 1·(1/2)/(2 + 1/2) = 1/5;
    # C = (1/5)/(1 − 0.5·(4/5)) = (1/5)/(3/5) = 1/3; Wq = (1/3)·4 h/(2·0.5) = 4/3 h.
    assert ggc_wait(0.5, 2, 4.0) == pytest.approx(4 / 3)
    # ca = 0.5, cs = 1.5: × (0.25 + 2.25)/2 = 1.25 → 5/3 h
    assert ggc_wait(0.5, 2, 4.0, ca=0.5, cs=1.5) == pytest.approx(5 / 3)


def test_fractional_headcount() -> None:
    # half a person: one server at half speed, Wq = u·tₑ/(c(1 − u)) = 0.5·2/(0.5·0.5) = 4 h
    assert ggc_wait(0.5, 0.5, 2.0) == pytest.approx(4.0)
    # 1.5 people at u = 0.5, tₑ = 4 h: halfway between c = 1 (0.5·4/0.5 = 4 h) and c = 2 (4/3 h)
    assert ggc_wait(0.5, 1.5, 4.0) == pytest.approx((4 + 4 / 3) / 2)


def test_large_headcount_does_not_overflow() -> None:
    # 1,000 people at 95 %: a = 950; factorials and powers of 950 would overflow a float
    probability = erlang_c(1000, 950.0)
    assert 0.0 < probability < 1.0
    wait = ggc_wait(0.95, 1000, 8.0)
    assert math.isfinite(wait)
    assert 0.0 < wait < 8.0  # pooled: far less than one effort


def test_more_servers_at_the_same_utilization_wait_less() -> None:
    waits = [ggc_wait(0.8, c, 1.0) for c in (1, 2, 4, 8, 100)]
    assert waits == sorted(waits, reverse=True)
    assert waits[0] == pytest.approx(4.0)  # M/M/1: 0.8 / 0.2


@pytest.mark.parametrize("u", [1.0, 1.5, math.inf])
def test_undefined_at_or_above_full_utilization(u: float) -> None:
    assert math.isinf(ggc_wait(u, 2, 1.0))
    assert math.isinf(kingman_wait(u, 1.0))
    assert math.isinf(sakasegawa_wait(u, 2, 1.0))


def test_edges_of_the_domain() -> None:
    assert ggc_wait(0.0, 2, 5.0) == 0.0  # nobody else in the queue
    assert ggc_wait(0.5, 2, 0.0) == 0.0  # no touch time, no queue
    assert math.isinf(ggc_wait(0.5, 0, 1.0))  # nobody serves
    assert erlang_c(2, 2.0) == 1.0  # a = c: every arrival waits
    assert erlang_b(0, 3.0) == 1.0  # no server: every arrival is blocked
    with pytest.raises(ValueError, match="must be ≥ 0"):
        ggc_wait(-0.1, 1, 1.0)
    with pytest.raises(ValueError, match="must be ≥ 0"):
        erlang_b(2, -1.0)


utilizations = st.floats(min_value=0.01, max_value=0.99)
headcounts = st.integers(min_value=1, max_value=1000)
efforts = st.floats(min_value=0.01, max_value=100.0)


@given(utilizations, headcounts, efforts)
def test_wait_is_never_negative(u: float, c: int, effort: float) -> None:
    wait = ggc_wait(u, c, effort)
    assert wait >= 0.0
    assert math.isfinite(wait)


@given(utilizations, utilizations, headcounts, efforts)
def test_wait_grows_with_arrivals(u1: float, u2: float, c: int, effort: float) -> None:
    # with c and tₑ fixed, λ = u·c/tₑ: more arrivals is a higher utilization
    low, high = sorted((u1, u2))
    assert ggc_wait(low, c, effort) <= ggc_wait(high, c, effort) * (1 + 1e-12)


@given(utilizations, efforts)
def test_one_server_is_mm1(u: float, effort: float) -> None:
    # M/M/1: Wq = ρ/(μ − λ) with μ = 1/tₑ and λ = ρμ
    mu = 1 / effort
    lam = u * mu
    assert ggc_wait(u, 1, effort) == pytest.approx(u / (mu - lam))


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
    # a: load 10 × 4 = 40 h of 2 × 40 = 80 h → u = 0.5, c = 2, a = 1:
    # C = 1/3 (test_allen_cunneen_scales_erlang_c); Wq = (1/3) · 4 h / (2 · 0.5) = 4/3 h;
    # b keeps its given wait
    assert [s.wait_source for s in predicted.steps] == ["predicted", "wait"]
    assert predicted.steps[0].wait_hours == pytest.approx(4 / 3)
    assert predicted.lead_time_hours == pytest.approx(9 + 4 / 3)


@pytest.mark.parametrize(
    ("u", "exact", "error"),
    [(0.5, 0.2550, 0.961), (0.7, 0.8762, 0.332), (0.9, 4.1787, 0.077)],
)
def test_allen_cunneen_error_on_d_m_1(u: float, exact: float, error: float) -> None:
    """The known error documented in docs/concepts.md: D/M/1 (ca = 0, cs = 1), exact wait
    σ/(1 − σ) · tₑ with σ = e^(−(1 − σ)/u) (GI/M/1, Kleinrock vol. 1 ch. 6)."""
    sigma = 0.5
    for _ in range(10_000):  # the fixed point iteration converges for u < 1
        sigma = math.exp(-(1 - sigma) / u)
    assert sigma / (1 - sigma) == pytest.approx(exact, abs=1e-4)
    approximate = ggc_wait(u, 1, 1.0, ca=0.0, cs=1.0)  # ½ · u/(1 − u)
    assert approximate == pytest.approx(0.5 * u / (1 - u))
    assert approximate / exact - 1 == pytest.approx(error, abs=1e-3)
