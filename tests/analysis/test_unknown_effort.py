"""Issue 12 item 15: a step's ``effort: unknown`` makes what it feeds unknown, never 0."""

from __future__ import annotations

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.impact import analyze_bottlenecks
from clientchain.analysis.whatif import Change, demand_limit, hires_needed, simulate
from clientchain.checks import run_checks
from clientchain.graph import build_graph
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.model import Organization
from clientchain.numbers import duration, lead_time, pct
from hand_orgs import UNKNOWN_EFFORT as ORG

BUSY = ("overloaded", "near-capacity", "over-takt")


@pytest.fixture
def org() -> Organization:
    return load_text(ORG, "org.yaml")


def test_the_file_says_unknown_and_the_step_keeps_it(org: Organization) -> None:
    assert [s.effort for s in org.chains["x"].steps] == [2.0, None]
    assert "        effort: unknown" in dump_org(org).splitlines()
    again = load_text(dump_org(org), "again.yaml")
    assert [s.effort for s in again.chains["x"].steps] == [2.0, None]


def test_departments_with_an_unknown_step_have_unknown_load(org: Organization) -> None:
    flow = analyze_flow(org)
    a, b, c = (flow.departments[d] for d in "abc")
    assert (a.load_hours, a.utilization) == (25.0, 0.625)  # 10 × 2 + 5 × 1 = 25 h of 40
    assert (c.load_hours, c.utilization) == (20.0, 0.5)  # 5 × 4 = 20 h of 40
    assert (b.load_hours, b.chain_load_hours, b.utilization) == (None, None, None)
    assert b.unknown_steps == 1
    assert flow.unknown_utilization == ("b",)
    assert [d.id for d in flow.by_utilization()] == ["a", "c", "b"]  # unknown last


def test_the_constraint_is_among_known_and_the_factors_are_unknown(org: Organization) -> None:
    flow = analyze_flow(org)
    assert flow.constraint == "a"  # 62.5% > 50%; Beta is not known
    assert flow.chain_constraint == "a"
    assert flow.headroom is None  # not 1 / 0.625 = 1.6: Beta's share is not known
    assert flow.demand_limit is None
    assert flow.limit_department is None
    assert demand_limit(org) is None


def test_a_chain_with_an_unknown_step_has_unknown_times(org: Organization) -> None:
    x, y = analyze_flow(org).chains.values()
    assert x.takt_hours == 4.0  # 40 / 10: takt does not depend on effort
    assert (x.process_time_hours, x.lead_time_hours, x.lead_time_days) == (None, None, None)
    assert x.value_added_ratio is None
    assert x.unknown_steps == 1
    assert x.constraint == "a"
    known, unknown = x.steps
    assert (known.effort_hours, known.cycle_time_hours, known.over_takt) == (2.0, 2.0, False)
    assert (unknown.effort_hours, unknown.cycle_time_hours, unknown.over_takt) == (
        None,
        None,
        None,
    )
    assert unknown.wait_hours == 8.0  # the given wait is still known
    # y has no unknown step: 5 h process, 10 h lead, 10 / 8 = 1.25 days, 50% value added.
    assert (y.process_time_hours, y.lead_time_hours, y.lead_time_days) == (5.0, 10.0, 1.25)
    assert y.value_added_ratio == 0.5
    assert y.unknown_steps == 0


def test_a_predicted_wait_needs_a_known_effort() -> None:
    org = load_text(ORG.replace("effort: unknown, wait: 8h", "effort: unknown"), "org.yaml")
    x, y = analyze_flow(org, predict_waits=True).chains.values()
    assert x.steps[1].wait_source == "predicted"
    assert x.steps[1].wait_hours is None  # Beta: neither u nor tₑ is known
    # Alfa, Kingman with u = 0.625, tₑ = 2 h: (1 + 1) / 2 × 0.625 / 0.375 × 2 = 3.33 h.
    assert x.steps[0].wait_hours == pytest.approx(10 / 3)
    assert x.lead_time_hours is None
    assert y.steps[1].wait_hours == 5.0  # given, not predicted


def test_bottlenecks_and_simulate_carry_the_unknown(org: Organization) -> None:
    report = analyze_bottlenecks(org, build_graph(org))
    assert [(d.id, d.utilization) for d in report.departments] == [
        ("a", 0.625),
        ("c", 0.5),
        ("b", None),
    ]
    assert report.headroom is None
    sim = simulate(org, [Change.demand(2)])
    # Alfa doubles to 50 h of 40 h = 125%: 1 more person → 50 / 80 = 62.5% ≤ 85%;
    # Gamma to 2 × 5 × 4 = 40 h of 40 h = 100%: 1 more → 50%. Beta: no hire, unknown.
    assert sim.after.departments["a"].utilization == 1.25
    assert [(h.department, h.extra_people) for h in sim.hires] == [("a", 1), ("c", 1)]
    assert sim.after.departments["b"].utilization is None
    assert sim.demand_limit is None
    assert sim.lead_time_change() == {"x": None, "y": 0.0}
    assert hires_needed(org, "b", 0.85) is None  # its load is unknown


def test_numbers_write_unknown_not_zero() -> None:
    assert (pct(None), duration(None), lead_time(None, 8)) == ("unknown", "unknown", "unknown")


def test_rules_never_fire_on_an_unknown() -> None:
    # x at demand 1000: Beta would be overloaded at any effort above 0.04 h (1000 × 0.04 = 40 h),
    # and over takt (40 / 1000 = 0.04 h) too; unknown, it is never reported.
    org = load_text(ORG.replace("demand: 10", "demand: 1000"), "org.yaml")
    findings = run_checks(org, build_graph(org))
    assert analyze_flow(org).departments["a"].load_hours == 2005.0  # 1000 × 2 + 5 × 1
    assert [(f.rule, f.subject) for f in findings if f.rule in BUSY] == [
        ("overloaded", "a"),  # 2005 h of 40 h
        ("over-takt", "a"),  # Alfa 2 h per unit against x's takt of 0.04 h
    ]


def test_json_text_says_unknown_too() -> None:
    text = (
        '{"version": 1, "departments": {"a": {}}, "clients": {"z": {}}, "chains": {"x": '
        '{"client": "z", "demand": 1, "steps": [{"department": "a", "effort": "unknown"}]}}}'
    )
    org = load_text(text, "org.json")
    assert [s.effort for s in org.chains["x"].steps] == [None]
