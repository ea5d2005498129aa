"""Headroom (all work grows) against the demand limit (only chain demand grows): issue 12 item 2."""

from __future__ import annotations

import math

import pytest

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.whatif import Change, demand_limit, simulate
from clientchain.loading import load_text

BUSY = """\
version: 1
organization: Agencia
period: week                  # H = 5 × 8 = 40 h
departments:
  admin: {name: Administración, other_load: 31.2h}
  edicion: {name: Edición}
  video: {name: Vídeo, other_load: 2.2h}
clients:
  marcas: {name: Marcas}
chains:
  clip:
    name: Clip
    client: marcas
    demand: 9
    steps:
      - {department: edicion, effort: 1h}
      - {department: video, effort: 3h}
"""
# admin: no chain work, 31.2 h of 40 h = 78%          (the busiest department)
# video: 9 × 3 h = 27 h + 2.2 h = 29.2 h of 40 h = 73% (the chains' constraint)
# edicion: 9 × 1 h = 9 h of 40 h = 22.5%
# headroom = 1 / 0.78 = 1.2821 (all work, other_load too, grows together: admin reaches 100%)
# demand limit = min over departments with chain work of (capacity − other_load) ÷ chain load
#              = min((40 − 2.2) / 27, 40 / 9) = min(1.4, 4.44) = 1.4 at video
# at × 1.2821 only chain demand grows: video (1.2821 × 27 + 2.2) / 40 = 92%, admin stays 78%


@pytest.fixture
def busy():
    return load_text(BUSY)


def test_headroom_and_demand_limit_are_two_numbers(busy) -> None:
    flow = analyze_flow(busy)
    assert flow.constraint == "admin"
    assert flow.departments["admin"].utilization == pytest.approx(0.78)
    assert flow.chain_constraint == "video"
    assert flow.departments["video"].utilization == pytest.approx(0.73)
    assert flow.headroom == pytest.approx(1 / 0.78)
    assert flow.demand_limit == pytest.approx((40 - 2.2) / 27) == 1.4
    assert flow.limit_department == "video"
    assert demand_limit(busy) == flow.demand_limit


def test_scaling_chain_demand_by_each_number(busy) -> None:
    at_headroom = simulate(busy, [Change.demand(1 / 0.78)]).after.departments
    assert at_headroom["admin"].utilization == pytest.approx(0.78)
    assert at_headroom["video"].utilization == pytest.approx((27 / 0.78 + 2.2) / 40)  # 0.9204
    at_limit = simulate(busy, [Change.demand(1.4)]).after.departments
    assert at_limit["video"].utilization == pytest.approx(1.0)  # (1.4 × 27 + 2.2) / 40


def test_overloading_a_department_without_chain_work_leaves_the_limit(busy) -> None:
    """``simulate --capacity admin=20h`` printed a demand limit of × 0."""
    sim = simulate(busy, [Change.capacity("admin", 20)])
    # admin: 31.2 h of 20 h = 156%, still no chain work: chain demand does not move it
    assert sim.after.departments["admin"].utilization == pytest.approx(1.56)
    assert sim.after.constraint == "admin"
    assert sim.demand_limit == pytest.approx(1.4)
    assert sim.limit_department == "video"


def test_a_chain_department_full_of_other_work_has_no_room() -> None:
    org = load_text(BUSY.replace("other_load: 2.2h", "other_load: 45h"))
    # video: (40 − 45) < 0: chain demand cannot grow at all there, limit 0
    flow = analyze_flow(org)
    assert (flow.demand_limit, flow.limit_department) == (0.0, "video")


def test_no_chain_work_no_limit_and_no_chain_constraint() -> None:
    flow = analyze_flow(load_text("version: 1\ndepartments: {a: {other_load: 10h}}\n"))
    assert math.isinf(flow.demand_limit)
    assert flow.limit_department is None
    assert flow.chain_constraint is None
    assert flow.constraint == "a"
