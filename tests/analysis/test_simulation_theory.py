"""The simulation against queueing theory (issue 19 item 5): each test prints both numbers.

Every org below has one week of 40 h as its period, so a demand of ``d`` a week arrives at
``λ = d / 40`` an hour; efforts are exponential (gamma with cv 1) and arrivals Poisson. The
theory must lie inside the simulation's 95 % confidence interval over the runs (fixed seeds,
so the outcome is the same on every machine).
"""

from __future__ import annotations

import pytest

from clientchain.analysis.queueing import erlang_c, ggc_wait
from clientchain.analysis.simulation import Settings, simulate_flow
from clientchain.analysis.simulation_stats import Estimate
from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step

pytest.importorskip("simpy")

LONG = Settings(runs=40, seed=19, periods=208)  # 40 runs of four years


def _org(
    departments: dict[str, float],
    chains: dict[str, tuple[float, tuple[Step, ...]]],
    handoffs: tuple[Handoff, ...] = (),
) -> Organization:
    return Organization(
        name="Theory",
        departments={d: Department(d, d.upper(), headcount=c) for d, c in departments.items()},
        clients={"z": ExternalParty("z", "Z", "client")},
        handoffs=handoffs,
        chains={c: Chain(c, c, "z", demand, steps) for c, (demand, steps) in chains.items()},
    )


def _inside(label: str, theory: float, simulated: Estimate) -> None:
    assert simulated.mean is not None
    assert simulated.half_width is not None
    print(
        f"{label}: theory {theory:.4f}, simulation {simulated.mean:.4f} "
        f"± {simulated.half_width:.4f} ({simulated.runs} runs)"
    )
    assert simulated.low is not None
    assert simulated.high is not None
    assert simulated.low <= theory <= simulated.high


def test_one_department_agrees_with_erlang_c() -> None:
    # M/M/3: λ = 8 / 40 = 0.2/h, effort 10 h (μ = 0.1/h), 3 people: a = 2, ρ = 2/3,
    # C(3, 2) = 4/9 and Wq = (4/9) / (3 · 0.1 − 0.2) = 40/9 = 4.444 h (test_queueing.py);
    # Little: Lq = λ · Wq = 0.2 · 40/9 = 0.889 units; lead time W = Wq + 10 h = 14.444 h.
    org = _org({"a": 3}, {"x": (8.0, (Step("a", 10.0),))})
    report = simulate_flow(org, LONG)
    theory = ggc_wait(2 / 3, 3, 10.0)
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)
    assert theory == pytest.approx(40 / 9)
    dept = report.departments["a"]
    _inside("M/M/3 mean wait (h)", theory, dept.wait_hours)
    _inside("M/M/3 mean queue (units)", 0.2 * theory, dept.queue)
    _inside("M/M/3 utilization", 2 / 3, dept.utilization)
    _inside("M/M/3 lead time (h)", theory + 10.0, report.chains["x"].mean)


def test_tandem_line_agrees_with_jackson() -> None:
    # Jackson: each station of a line with Poisson arrivals and exponential service is an
    # M/M/c queue of its own. λ = 8 / 40 = 0.2/h.
    # a: 1 person, effort 2.5 h: ρ = 0.5, Wq = 0.5 · 2.5 / (1 − 0.5) = 2.5 h;
    # b: 2 people, effort 6 h: ρ = 0.2 · 6 / 2 = 0.6, a = 1.2, B(1) = 1.2 / 2.2 = 0.54545,
    #    B(2) = 1.2 · 0.54545 / (2 + 1.2 · 0.54545) = 0.65455 / 2.65455 = 0.24658,
    #    C = 0.24658 / (1 − 0.6 · 0.75342) = 0.45, Wq = 0.45 / (2/6 − 0.2) = 3.375 h;
    # lead time = 2.5 + 2.5 + 3.375 + 6 = 14.375 h.
    org = _org({"a": 1, "b": 2}, {"x": (8.0, (Step("a", 2.5), Step("b", 6.0)))})
    report = simulate_flow(org, LONG)
    assert ggc_wait(0.5, 1, 2.5) == pytest.approx(2.5)
    assert ggc_wait(0.6, 2, 6.0) == pytest.approx(3.375)
    theory = 2.5 + 2.5 + 3.375 + 6.0
    _inside("tandem a wait (h)", 2.5, report.departments["a"].wait_hours)
    _inside("tandem b wait (h)", 3.375, report.departments["b"].wait_hours)
    _inside("tandem lead time (h)", theory, report.chains["x"].mean)


def test_a_department_shared_by_two_chains_queues_their_sum() -> None:
    # Two chains of 4 and 6 a week through one person with the same 2 h effort: one M/M/1
    # queue at λ = 10 / 40 = 0.25/h, ρ = 0.5, Wq = 0.5 · 2 / 0.5 = 2 h for both chains;
    # each alone would wait only 0.2/0.8 · 2 = 0.5 h and 0.3/0.7 · 2 = 0.857 h.
    org = _org({"a": 1}, {"x": (4.0, (Step("a", 2.0),)), "y": (6.0, (Step("a", 2.0),))})
    report = simulate_flow(org, LONG)
    _inside("shared M/M/1 wait (h)", 2.0, report.departments["a"].wait_hours)
    _inside("chain x lead time (h)", 4.0, report.chains["x"].mean)
    _inside("chain y lead time (h)", 4.0, report.chains["y"].mean)


def test_rework_agrees_with_the_m_m_1_queue_with_feedback() -> None:
    # A unit handed over at 80 % %C&A returns with probability 0.2 and queues again: the
    # queue with Bernoulli feedback has the queue length of an M/M/1 at the total rate of
    # passes λ / q (Jackson, with feedback). λ = 4 / 40 = 0.1/h, effort 5 h, q = 0.8:
    # ρ = 0.1 · 5 / 0.8 = 0.625, L = ρ / (1 − ρ) = 5/3 units in the department, and by
    # Little the lead time is L / λ = 16.667 h (1 / q = 1.25 passes of 5 h and their waits).
    org = _org(
        {"a": 1},
        {"x": (4.0, (Step("a", 5.0),))},
        (Handoff("a", "z", quality=0.8),),
    )
    report = simulate_flow(org, Settings(runs=40, seed=19, periods=208, rework=True))
    _inside("M/M/1 with feedback lead time (h)", (0.625 / 0.375) / 0.1, report.chains["x"].mean)
    _inside("M/M/1 with feedback utilization", 0.625, report.departments["a"].utilization)
    without = simulate_flow(org, LONG)  # rework only when asked: ρ = 0.5, W = 5 / 0.5 = 10 h
    _inside("the same without rework (h)", 10.0, without.chains["x"].mean)


def test_a_steps_cv_is_simulated_and_the_cv_setting_serves_the_other_steps() -> None:
    # Two independent single-server departments, each λ = 16 / 40 = 0.4/h, effort 2 h:
    # u = 0.4 · 2 = 0.8 and u / (1 − u) = 4. Department a's step says `cv: 0` (M/D/1):
    # Wq = (1 + 0²)/2 · 4 · 2 h = 4 h. Department b's step gives none, so the settings'
    # service cv 1 applies (M/M/1): Wq = (1 + 1²)/2 · 4 · 2 h = 8 h. Before steps carried a
    # cv into the simulation, a waited 8 h as well.
    org = _org(
        {"a": 1, "b": 1},
        {"x": (16.0, (Step("a", 2.0, cv=0.0),)), "y": (16.0, (Step("b", 2.0),))},
    )
    report = simulate_flow(org, LONG)
    assert ggc_wait(0.8, 1, 2.0, cs=0.0) == pytest.approx(4.0)
    assert ggc_wait(0.8, 1, 2.0) == pytest.approx(8.0)
    _inside("M/D/1 mean wait (h), the step's cv 0", 4.0, report.departments["a"].wait_hours)
    _inside("M/M/1 mean wait (h), the setting's cv 1", 8.0, report.departments["b"].wait_hours)
