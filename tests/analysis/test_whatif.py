"""What-if: demand, headcount and capacity changes; hires; the demand limit (SPEC §2)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.whatif import (
    Change,
    apply_changes,
    demand_limit,
    hires_needed,
    simulate,
)
from clientchain.errors import UsageError
from clientchain.loading import load_file, load_text
from hand_orgs import SMALL

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def small():
    return load_text(SMALL)


def test_scaling_all_demand(small) -> None:
    sim = simulate(small, [Change.demand(2)])
    after = sim.after.departments
    # a: 2 × 50 = 100 h of 80 → 1.25; b: 20 of 20 → 1.0
    # c: 2 × 20 + 10 (other_load does not scale) = 50 h of 40 → 1.25
    assert after["a"].utilization == 1.25
    assert after["b"].utilization == 1.0
    assert after["c"].load_hours == 50.0
    assert sim.before.constraint == "c"
    assert sim.after.constraint == "a"  # a and c tie at 1.25: the first in file order


def test_scaling_one_chain(small) -> None:
    sim = simulate(small, [Change.demand(3, "y")])
    after = sim.after.departments
    # y: 5 → 15; a = 10×4 + 15×2 = 70 h → 0.875; c = 15×4 + 10 = 70 of 40 → 1.75; b unchanged
    assert after["a"].load_hours == 70.0
    assert after["c"].utilization == 1.75
    assert after["b"].utilization == 0.5
    assert sim.after.chains["y"].demand == 15


def test_headcount_relative_absolute_and_explicit_capacity(small) -> None:
    changes = [
        Change.headcount("a", add=1),
        Change.headcount("b", to=3),
        Change.headcount("c", add=-1),
    ]
    org = apply_changes(small, changes)
    # a: 2 + 1 = 3 people × 40 h = 120 h; b: explicit 20 h for 1 person → 3 × 20 = 60 h
    assert org.capacity_hours("a") == 120.0
    assert org.departments["b"].headcount == 3
    assert org.capacity_hours("b") == 60.0
    # c: 1 − 1 = 0 people → 0 h: utilization infinite
    assert math.isinf(analyze_flow(org).departments["c"].utilization)
    assert small.capacity_hours("a") == 80.0  # the input is not modified


def test_capacity_set_in_hours(small) -> None:
    org = apply_changes(small, [Change.capacity("c", 40), Change.capacity("b", 12.5)])
    assert org.capacity_hours("c") == 40.0
    assert org.capacity_hours("b") == 12.5


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (Change.demand(2, "zz"), "demand of zz × 2: unknown chain 'zz'"),
        (Change.demand(-1), r"demand × -1: expected a finite number, 0 or more, got -1\.0"),
        (Change.demand(math.inf), "demand × inf: expected a finite number, 0 or more, got inf"),
        (Change.demand(math.nan, "x"), "demand of x × nan: expected a finite number, 0 or more"),
        (
            Change.headcount("aa", add=1),
            r"headcount of aa \+1: unknown department 'aa' \(did you mean 'a'\?\)",
        ),
        (Change.headcount("a", add=-5), r"headcount of a -5: a would have -3 people \(it has 2\)"),
        (
            Change.headcount("a", add=math.nan),
            r"headcount of a \+nan: expected a finite number, got nan",
        ),
        (Change.headcount("a", to=-1), "headcount of a = -1: expected a finite number, 0 or more"),
        (Change.capacity("a", -1), "capacity of a = -1 h: expected a finite number, 0 or more"),
        (Change.capacity("a", math.inf), "capacity of a = inf h: expected a finite number"),
        (Change.capacity("nope", 60), "capacity of nope = 60 h: unknown department 'nope'"),
        (Change("capacity", None, "set", 60), "capacity = 60 h: a capacity change needs a dep"),
        (Change("headcount", None, "add", 1), r"headcount \+1: a headcount change needs a dep"),
    ],
)
def test_bad_changes_are_usage_errors_that_name_no_option(small, change, message: str) -> None:
    """Issue 14 item 6: the library checks values, and its messages name no option."""
    with pytest.raises(UsageError, match=f"^{message}") as caught:
        simulate(small, [change])
    assert "--" not in str(caught.value)


def test_a_change_labelled_by_its_caller_is_named_by_that_label(small) -> None:
    with pytest.raises(UsageError, match=r"^--headcount a=-5: a would have -3 people"):
        simulate(small, [Change.headcount("a", add=-5, label="--headcount a=-5")])
    sim = simulate(small, [Change.demand(1.5, label="growth"), Change.headcount("a", to=3)])
    assert [str(change) for change in sim.changes] == ["growth", "headcount of a = 3"]


def test_command_line_text_is_not_a_change(small) -> None:
    """Issue 14 item 6: ``simulate(org, ["1.5"])`` parsed option text; now it is refused."""
    with pytest.raises(TypeError, match=r"expected a Change .*got '1\.5'"):
        simulate(small, ["1.5"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="exactly one of add= and to="):
        Change.headcount("a")
    with pytest.raises(TypeError, match="exactly one of add= and to="):
        Change.headcount("a", add=1, to=3)
    with pytest.raises(ValueError, match="a 'capacity' change cannot 'add'"):
        Change("capacity", "a", "add", 1.0)


def test_changes_apply_in_the_order_given(small) -> None:
    # a: 2 people, no explicit capacity. Capacity 100 h first, then 3 people: the explicit
    # capacity keeps 100 / 2 = 50 h a person → 3 × 50 = 150 h.
    # 3 people first (3 × 40 = 120 h), then capacity 100 h: the last word, 100 h.
    first = apply_changes(small, [Change.capacity("a", 100), Change.headcount("a", to=3)])
    assert first.capacity_hours("a") == 150.0
    last = apply_changes(small, [Change.headcount("a", to=3), Change.capacity("a", 100)])
    assert last.capacity_hours("a") == 100.0


def test_hires_on_a_hand_computed_case(small) -> None:
    sim = simulate(small, [Change.demand(2)])
    hires = {h.department: h for h in sim.hires}
    # threshold 85%. a: 100 h needs capacity ≥ 100 / 0.85 = 117.6 h → 3 people (120 h), +1 → 0.833
    assert hires["a"].extra_people == 1
    assert hires["a"].utilization_after_hiring == pytest.approx(100 / 120)
    # b: 20 h of 20 h (explicit, 20 h per person) → needs 23.5 h → 2 people: +1 → 0.5
    assert hires["b"].extra_people == 1
    assert hires["b"].utilization_after_hiring == 0.5
    # c: 50 h of 40 → needs 58.8 h → 2 people (80 h): +1 → 0.625
    assert hires["c"].extra_people == 1
    assert [h.department for h in sim.hires] == ["a", "c", "b"]  # by utilization


def test_hires_when_a_department_needs_several(small) -> None:
    org = apply_changes(small, [Change.demand(5, "x")])
    # a: 50×4 + 5×2 = 210 h; 210 / 0.85 = 247.06 h → 7 people (280 h) → +5; with 6: 210/240 = 0.875
    assert hires_needed(org, "a", 0.85) == 5
    assert analyze_flow(org).departments["a"].load_hours == 210


def test_no_number_of_people_helps_a_fixed_zero_capacity() -> None:
    org = load_text(
        "version: 1\ndepartments: {a: {capacity: 0h}}\nclients: {z: {}}\n"
        "chains: {x: {client: z, demand: 1, steps: [{department: a, effort: 1h}]}}\n"
    )
    sim = simulate(org)
    assert [(h.department, h.extra_people, h.utilization_after_hiring) for h in sim.hires] == [
        ("a", None, None)
    ]
    assert math.isinf(sim.hires[0].utilization)
    assert sim.demand_limit == 0.0


@pytest.mark.parametrize("example", ["agencia.yaml", "software-company.yaml"])
@pytest.mark.parametrize("factor", [1, 1.5, 2, 3])
def test_proposed_hires_are_the_smallest_that_work(example: str, factor: float) -> None:
    org = load_file(EXAMPLES / example)
    sim = simulate(org, [Change.demand(factor)])
    threshold = org.checks.near_capacity
    changed = apply_changes(org, [Change.demand(factor)])
    for hire in sim.hires:
        assert hire.extra_people is not None
        assert hire.extra_people >= 1
        with_them = apply_changes(
            changed, [Change.headcount(hire.department, add=hire.extra_people)]
        )
        one_fewer = apply_changes(
            changed, [Change.headcount(hire.department, add=hire.extra_people - 1)]
        )
        assert analyze_flow(with_them).departments[hire.department].utilization <= threshold
        assert analyze_flow(one_fewer).departments[hire.department].utilization > threshold
    over = {d.id for d in sim.after.departments.values() if d.utilization > threshold}
    assert {h.department for h in sim.hires} == over


def test_scaling_agencia_by_its_headroom_puts_the_constraint_at_exactly_100() -> None:
    org = load_file(EXAMPLES / "agencia.yaml")
    headroom = analyze_flow(org).headroom
    assert headroom == 1.25  # 1 / (64 / 80)
    sim = simulate(org, [Change.demand(headroom)])
    # creatividad has no other_load: 1.25 × 64 h = 80 h of 80 h
    assert sim.after.departments["creatividad"].utilization == 1.0
    assert sim.after.constraint == "creatividad"
    assert max(d.utilization for d in sim.after.departments.values()) == 1.0
    # the limit is relative to the simulated demand: at the limit there is no more room
    assert sim.demand_limit == 1.0
    assert sim.limit_department == "creatividad"
    assert simulate(org).demand_limit == headroom  # no other_load at the constraint


def test_demand_limit_leaves_other_load_fixed_on_the_software_company() -> None:
    org = load_file(EXAMPLES / "software-company.yaml")
    report = analyze_flow(org)
    # eng_web: chain load 12 × 70 = 840 h, other_load 220 h, capacity 1176 h
    # limit = (1176 − 220) / 840 = 1.138;
    # headroom 1 / (1060 / 1176) = 1.109 assumes other_load grows too
    limit = demand_limit(org)
    assert limit == pytest.approx((1176 - 220) / 840)
    assert report.headroom == pytest.approx(1176 / 1060)
    assert report.headroom < limit
    at_limit = simulate(org, [Change.demand(limit)]).after
    assert at_limit.departments["eng_web"].utilization == pytest.approx(1.0)
    assert at_limit.constraint == "eng_web"
    just_over = simulate(org, [Change.demand(limit * 1.001)]).after
    assert just_over.departments["eng_web"].utilization > 1


INVENTORY = """\
version: 1
period: week                  # H = 40 h, 5 working days of 8 h
departments:
  redaccion: {name: Redacción, other_load: 4h}
  diseno: {name: Diseño, headcount: 2}
  publicacion: {name: Publicación}
clients:
  lectores: {name: Lectores}
chains:
  post:
    client: lectores
    demand: 8
    steps:
      - {department: redaccion, effort: 3h, wait: 1d}
      - {department: diseno, effort: 6h, inventory: 4}
      - {department: publicacion, effort: 1h}
    finished_inventory: 2
"""
# before (docs/concepts.md's worked example): 8 a week = 1.6 a day.
# process 3 + 6 + 1 = 10 h; wait redaccion 1 d = 8 h; diseno 4 / 1.6 = 2.5 d = 20 h;
# finished 2 / 1.6 = 1.25 d = 10 h → lead time 10 + 8 + 20 + 10 = 48 h


def test_more_demand_never_shortens_a_chain_inventory_is_held_in_days() -> None:
    """Issue 12 item 3: ``--demand 1.3`` cut this chain from 48 h to 41.08 h."""
    org = load_text(INVENTORY)
    sim = simulate(org, [Change.demand(1.3)])
    after = sim.after.chains["post"]
    # 1.3 × 8 = 10.4 a week = 2.08 a day; the queues grow with demand: 4 × 1.3 = 5.2 units
    # before diseno (5.2 / 2.08 = 2.5 d = 20 h), 2 × 1.3 = 2.6 finished (2.6 / 2.08 = 1.25 d = 10 h)
    assert sim.before.chains["post"].lead_time_hours == 48.0
    assert after.lead_time_hours == pytest.approx(48.0)
    assert after.steps[1].wait_hours == pytest.approx(20.0)
    assert after.finished_wait_hours == pytest.approx(10.0)
    assert sim.hold_inventory is False


def test_hold_inventory_keeps_units_and_littles_law_shrinks_the_waits() -> None:
    org = load_text(INVENTORY)
    sim = simulate(org, [Change.demand(1.3)], hold_inventory=True)
    after = sim.after.chains["post"]
    # 4 units at 2.08 a day = 1.923 d = 15.385 h; 2 units = 0.9615 d = 7.692 h
    # lead time 10 + 8 + 15.385 + 7.692 = 41.08 h (the number the issue reported as a bug)
    assert after.steps[1].wait_hours == pytest.approx(4 / 2.08 * 8)
    assert after.finished_wait_hours == pytest.approx(2 / 2.08 * 8)
    assert after.lead_time_hours == pytest.approx(10 + 8 + 4 / 2.08 * 8 + 2 / 2.08 * 8)
    assert after.lead_time_hours == pytest.approx(41.077, abs=1e-3)


def test_the_changed_file_holds_inventory_in_days_of_one_chain() -> None:
    org = load_text(INVENTORY)
    changed = apply_changes(org, [Change.demand(2, "post")])
    post = changed.chains["post"]
    # demand 8 → 16; inventory 4 → 8 units before diseno, finished 2 → 4: the same days
    assert (post.demand, post.steps[1].inventory, post.finished_inventory) == (16, 8, 4)
    assert post.steps[0].wait == 8.0  # a wait given in time stays
    held = apply_changes(org, [Change.demand(2, "post")], hold_inventory=True)
    assert (held.chains["post"].steps[1].inventory, held.chains["post"].finished_inventory) == (
        4,
        2,
    )


def test_predicted_waits_rise_with_demand() -> None:
    org = load_text(INVENTORY)
    sim = simulate(org, [Change.demand(1.5)], predict_waits=True)
    # publicacion has neither wait nor inventory: Kingman at c = 1, effort 1 h
    # before u = 8 / 40 = 0.2 → 0.2 / 0.8 = 0.25 h; after u = 12 / 40 = 0.3 → 0.3 / 0.7 = 0.4286 h
    assert sim.before.chains["post"].steps[2].wait_hours == pytest.approx(0.25)
    assert sim.after.chains["post"].steps[2].wait_hours == pytest.approx(0.3 / 0.7)
    # the inventory waits stay in days: 48.25 h → 48 + 0.4286 h
    assert sim.after.chains["post"].lead_time_hours == pytest.approx(48 + 0.3 / 0.7)


def test_no_chain_work_means_no_limit() -> None:
    org = load_text("version: 1\ndepartments: {a: {other_load: 10h}}\n")
    assert math.isinf(demand_limit(org))


ONE = """\
version: 1
period: week                  # H = 5 days × 8 h = 40 h
departments:
  a: {name: Alfa}
clients:
  z: {name: Zeta}
chains:
  x: {client: z, demand: 10, steps: [{department: a, effort: 1h}]}
"""
# a: 10 × 1 h = 10 h of 40 h → 25%


def test_a_huge_demand_factor_answers_with_the_smallest_hire_count() -> None:
    """Issue 13 item 3: ``--demand 1e22`` stepped the hire count down by one, forever."""
    org = load_text(ONE)
    sim = simulate(org, [Change.demand(1e22)])
    # a: 1e22 × 10 × 1 h = 1e23 h of 40 h. The threshold 0.85 needs (1 + n) × 40 ≥ 1e23 / 0.85:
    # n ≥ 1e23 / 34 − 1 ≈ 2.941e21 people.
    [hire] = sim.hires
    assert hire.extra_people == pytest.approx(1e23 / 34 - 1, rel=1e-12)
    extra = hire.extra_people
    assert extra is not None
    changed = apply_changes(org, [Change.demand(1e22)])
    # checked the way a user would: re-simulate with that many people and with one fewer
    with_them = apply_changes(changed, [Change.headcount("a", add=extra)])
    one_fewer = apply_changes(changed, [Change.headcount("a", add=extra - 1)])
    assert analyze_flow(with_them).departments["a"].utilization <= 0.85
    assert analyze_flow(one_fewer).departments["a"].utilization > 0.85


def test_a_factor_whose_result_is_too_large_to_compute_is_refused() -> None:
    org = load_text(ONE)
    # 10 × 1e308 overflows a float (the largest is about 1.8e308)
    with pytest.raises(
        UsageError, match=r"^demand × 1e\+308: the load of department 'a' .*too large"
    ):
        simulate(org, [Change.demand(1e308)])


def test_an_inventory_too_large_to_compute_is_refused() -> None:
    org = load_text(ONE.replace("effort: 1h}", "effort: 1h, inventory: 1e300}"))
    # demand 10 × 1e10 = 1e11 is fine; the inventory held in days: 1e300 × 1e10 overflows
    with pytest.raises(UsageError, match=r"inventory of chain 'x' would be too large"):
        simulate(org, [Change.demand(1e10)])
    # in units it stays as written: 1e300 / (1e11 / 5 a day) = 5e289 days
    held = simulate(org, [Change.demand(1e10)], hold_inventory=True)
    assert held.after.chains["x"].steps[0].wait_hours == pytest.approx(1e300 / 2e10 * 8)
