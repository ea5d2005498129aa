"""Rework from quality (issue 19 item 1): loads, lead times and handoff costs worked by hand."""

from __future__ import annotations

import math

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.rework import analyze_rework
from clientchain.loading import load_text

# a (1 person) → b (2 people) → client z; a week of 40 h; 8 units a week.
TWO_STEPS = """\
version: 1
departments: {a: {}, b: {headcount: 2}}
clients: {z: {}}
handoffs:
  - {from: a, to: b, quality: 80%}
  - {from: b, to: z, quality: 90%}
chains:
  x:
    client: z
    demand: 8
    steps:
      - {department: a, effort: 2h, wait: 4h}
      - {department: b, effort: 5h}
"""


def test_loads_with_rework_by_hand() -> None:
    report = analyze_rework(load_text(TWO_STEPS))
    a, b = report.departments["a"], report.departments["b"]
    # a: 8 × 2 h = 16 h; a → b at 80 %: passes 1/0.8, rework 8 × 2 × 0.2 ÷ 0.8 = 4 h → 20 h of 40 h
    assert a.rework_hours == pytest.approx(4.0)
    assert a.load_hours == pytest.approx(20.0)
    assert a.utilization == pytest.approx(0.5)
    # b: 8 × 5 h = 40 h; b → z at 90 %: rework 8 × 5 × 0.1 ÷ 0.9 = 4.444 h → 44.444 h of 80 h
    assert b.rework_hours == pytest.approx(40 / 9)
    assert b.load_hours == pytest.approx(400 / 9)
    assert b.utilization == pytest.approx(5 / 9)
    # with rework b (55.6 %) is busier than a (50 %): the constraint, headroom 1 ÷ (5/9) = 1.8
    assert report.constraint == "b"
    assert report.headroom == pytest.approx(1.8)


def test_todays_figures_do_not_change() -> None:
    org = load_text(TWO_STEPS)
    report = analyze_rework(org)
    assert report.flow == analyze_flow(org)
    assert report.flow.departments["a"].load_hours == 16.0  # 8 × 2 h, no rework


def test_handoff_costs_most_costly_first() -> None:
    report = analyze_rework(load_text(TWO_STEPS))
    # b → z: 8 × 5 × 0.1 ÷ 0.9 = 4.444 h a week; a → b: 8 × 2 × 0.2 ÷ 0.8 = 4 h a week
    assert [(h.source, h.target, h.quality, h.chains) for h in report.handoffs] == [
        ("b", "z", 0.9, ("x",)),
        ("a", "b", 0.8, ("x",)),
    ]
    assert [h.hours for h in report.handoffs] == pytest.approx([40 / 9, 4.0])


def test_lead_time_with_rework_by_hand() -> None:
    chain = analyze_rework(load_text(TWO_STEPS)).chains["x"]
    # today: 4 h wait + 2 h + 5 h = 11 h (b's wait is unknown: 0)
    # with rework: a's wait and effort ÷ 0.8 = (4 + 2) ÷ 0.8 = 7.5 h; b's 5 h ÷ 0.9 = 5.556 h
    assert chain.lead_time_hours == pytest.approx(7.5 + 50 / 9)  # 13.056 h
    assert chain.extra_hours == pytest.approx(7.5 + 50 / 9 - 11)  # + 2.056 h
    assert chain.lead_time_days == pytest.approx((7.5 + 50 / 9) / 8)


def test_predicted_wait_at_the_utilization_with_rework() -> None:
    org = load_text(TWO_STEPS)
    flow = analyze_flow(org, predict_waits=True)
    # today b: u = 40/80 = 0.5, c = 2, M/M/2: P_wait = 2u²/(1 + u) = 0.5/1.5 = 1/3;
    # Wq = (1/3) · 5 h / (2 · 0.5) = 5/3 h → lead 11 + 5/3 = 12.667 h
    assert flow.chains["x"].lead_time_hours == pytest.approx(11 + 5 / 3)
    chain = analyze_rework(org, predict_waits=True).chains["x"]
    # with rework b: u = 5/9, P_wait = 2(25/81)/(14/9) = 25/63;
    # Wq = (25/63) · 5 h / (2 · 4/9) = 1125/504 = 2.232 h; each pass waits it:
    # (2.232 + 5) ÷ 0.9 = 8.036 h; a: 7.5 h → 15.536 h
    wait = 1125 / 504
    assert chain.lead_time_hours == pytest.approx(7.5 + (wait + 5) / 0.9)
    assert chain.lead_time_hours == pytest.approx(15.5357, abs=1e-4)


def test_no_rework_without_quality_from_outside_or_within_one_department() -> None:
    org = load_text(
        "version: 1\n"
        "departments: {a: {}, b: {}}\nclients: {z: {}}\nsuppliers: {s: {}}\n"
        "handoffs:\n  - {from: s, to: a, quality: 50%}\n"
        "chains:\n  x:\n    client: z\n    supplier: s\n    demand: 4\n    steps:\n"
        "      - {department: a, effort: 1h}\n"
        "      - {department: a, effort: 2h}\n"
        "      - {department: b, effort: 3h}\n"
    )
    report = analyze_rework(org)
    # s → a is the external supplier's rework; a → a is no handoff; a → b and b → z say no quality
    assert report.handoffs == ()
    assert report.departments["a"].rework_hours == 0.0
    assert report.departments["a"].load_hours == 12.0  # 4 × (1 + 2) h
    assert report.chains["x"].lead_time_hours == 6.0  # 1 + 2 + 3 h, unchanged


def test_zero_quality_never_passes() -> None:
    org = load_text(TWO_STEPS.replace("quality: 80%", "quality: 0%"))
    report = analyze_rework(org)
    assert math.isinf(report.departments["a"].load_hours or 0.0)
    assert math.isinf(report.departments["a"].utilization or 0.0)
    assert math.isinf(report.chains["x"].lead_time_hours or 0.0)
    assert report.headroom == 0.0


def test_unknown_effort_stays_unknown() -> None:
    org = load_text(TWO_STEPS.replace("effort: 2h", "effort: unknown"))
    report = analyze_rework(org)
    assert report.departments["a"].load_hours is None
    assert report.departments["a"].rework_hours is None
    assert report.chains["x"].lead_time_hours is None
    assert report.headroom is None
    assert report.handoffs[-1].hours is None  # a → b: unknown, listed last
