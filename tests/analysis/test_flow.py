"""Load, utilization, constraint, takt and lead time (SPEC §2), computed by hand.

Every expected number is derived in a comment next to its assertion; the org
files are read with the real loader so durations and percentages go through
the calendar exactly as a user's file does.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from clientchain.analysis.flow import analyze_flow, inventory_wait_hours, safe_ratio
from clientchain.loading import load_file, load_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

SHARED = """\
version: 1
organization: Compartido
period: week                  # H = 5 days × 8 h = 40 h
departments:
  intake: {name: Entrada}
  design: {name: Diseño, headcount: 2, other_load: 6h}
  ship: {name: Envío}
clients:
  c: {name: Cliente}
chains:
  a:
    client: c
    demand: 4
    steps:
      - {department: intake, effort: 30m}
      - {department: design, effort: 3h}
      - {department: ship, effort: 15m}
  b:
    client: c
    demand: 6
    steps:
      - {department: design, effort: 2h}
      - {department: ship, effort: 30m}
  e:
    client: c
    demand: 2
    steps:
      - {department: intake, effort: 1h}
      - {department: design, effort: 5h}
"""


def test_shared_department_loaded_by_three_chains() -> None:
    report = analyze_flow(load_text(SHARED))
    design = report.departments["design"]
    # design: a 4 × 3h = 12, b 6 × 2h = 12, e 2 × 5h = 10 → 34 h, + other_load 6 h = 40 h
    # capacity: headcount 2 × H 40 h = 80 h → utilization 40 / 80 = 0.5
    assert design.chain_load_hours == 4 * 3 + 6 * 2 + 2 * 5 == 34
    assert design.load_hours == 34 + 6 == 40
    assert design.capacity_hours == 2 * 40 == 80
    assert design.utilization == 0.5
    assert design.chains == ("a", "b", "e")
    # intake: 4 × 0.5h + 2 × 1h = 4 h of 40 h → 0.1; ship: 4 × 0.25 + 6 × 0.5 = 4 h → 0.1
    assert report.departments["intake"].utilization == pytest.approx(4 / 40)
    assert report.departments["ship"].utilization == pytest.approx(4 / 40)
    assert report.departments["ship"].chains == ("a", "b")
    # constraint design (0.5); headroom 1 / 0.5 = 2
    assert report.constraint == "design"
    assert report.headroom == 2.0
    assert [d.id for d in report.by_utilization()] == ["design", "intake", "ship"]


def test_headcount_divides_cycle_time_and_multiplies_capacity() -> None:
    report = analyze_flow(load_text(SHARED))
    step = report.chains["e"].steps[1]
    # design has 2 people: cycle time 5h / 2 = 2.5 h; takt of e = 40 h / 2 = 20 h
    assert step.cycle_time_hours == 2.5
    assert report.chains["e"].takt_hours == 20.0
    assert not step.over_takt


MANUFACTURING = """\
version: 1
organization: Fábrica
period: day                   # H = 8 h a day
departments:
  stamping: {name: Estampado}
  welding: {name: Soldadura, headcount: 2}
  assembly: {name: Montaje}
clients:
  oem: {name: Fabricante}
suppliers:
  steel: {name: Acería}
chains:
  bracket:
    client: oem
    supplier: steel
    demand: 16                # units a day → takt 8 h / 16 = 0.5 h = 30 min
    steps:
      - {department: stamping, effort: 20m, inventory: 32}
      - {department: welding, effort: 50m, inventory: 8}
      - {department: assembly, effort: 40m, inventory: 4}
    finished_inventory: 24
"""


def test_value_stream_with_inventories_and_a_step_over_takt() -> None:
    chain = analyze_flow(load_text(MANUFACTURING)).chains["bracket"]
    assert chain.takt_hours == 0.5  # 8 h / 16 units
    stamping, welding, assembly = chain.steps
    # cycle times: 20 min / 1 = 1/3 h ≤ 0.5; 50 min / 2 people = 25 min ≤ 30; 40 min / 1 > 30
    assert stamping.cycle_time_hours == pytest.approx(20 / 60)
    assert welding.cycle_time_hours == pytest.approx(25 / 60)
    assert assembly.cycle_time_hours == pytest.approx(40 / 60)
    assert [s.over_takt for s in chain.steps] == [False, False, True]
    assert chain.over_takt == ("assembly",)
    # Little's law, demand 16 a day: 32 units → 2 days = 16 h; 8 → 0.5 d = 4 h; 4 → 0.25 d = 2 h
    assert [s.wait_hours for s in chain.steps] == [16.0, 4.0, 2.0]
    assert {s.wait_source for s in chain.steps} == {"inventory"}
    # finished 24 → 1.5 days = 12 h
    assert chain.finished_wait_hours == 12.0
    # process 20 + 50 + 40 min = 110 min = 11/6 h; lead = 11/6 + 16 + 4 + 2 + 12 = 35.8333 h
    assert chain.process_time_hours == pytest.approx(110 / 60)
    assert chain.lead_time_hours == pytest.approx(110 / 60 + 34)
    assert chain.lead_time_days == pytest.approx((110 / 60 + 34) / 8)
    assert chain.value_added_ratio == pytest.approx((110 / 60) / (110 / 60 + 34))
    # assembly 16 × 40 min = 10.67 h of 8 h → 1.333; the chain's constraint
    assert chain.constraint == "assembly"


KNOWLEDGE = """\
version: 1
organization: Consultora
period: month
calendar: {hours_per_day: 7.5, days_per_month: 20}   # H = 150 h
departments:
  sales: {name: Ventas, other_load: 90h}
  analysts: {name: Análisis, headcount: 3}
  partner: {name: Socio, capacity: 60h}
clients:
  firm: {name: Empresa}
handoffs:
  - {from: sales, to: analysts, quality: 90%}
  - {from: analysts, to: partner, quality: 0.8}
chains:
  study:
    name: Estudio de mercado
    client: firm
    demand: 5
    steps:
      - {department: sales, effort: 4h}
      - {department: analysts, effort: 3d, wait: 2d}
      - {department: partner, effort: 6h, wait: 1.5d}
"""


def test_knowledge_work_chain_with_waits_in_days() -> None:
    report = analyze_flow(load_text(KNOWLEDGE))
    chain = report.chains["study"]
    # days are 7.5 h: effort 3d = 22.5 h, waits 2d = 15 h and 1.5d = 11.25 h
    assert [s.wait_hours for s in chain.steps] == [0.0, 15.0, 11.25]
    assert [s.wait_source for s in chain.steps] == ["none", "wait", "wait"]
    # process 4 + 22.5 + 6 = 32.5 h; lead 32.5 + 15 + 11.25 = 58.75 h = 7.8333 days of 7.5 h
    assert chain.process_time_hours == 32.5
    assert chain.lead_time_hours == 58.75
    assert chain.lead_time_days == pytest.approx(58.75 / 7.5)
    assert chain.value_added_ratio == pytest.approx(32.5 / 58.75)
    # takt 150 h / 5 = 30 h; analysts cycle 22.5 / 3 = 7.5 h; nothing over takt
    assert chain.takt_hours == 30.0
    assert chain.over_takt == ()
    # rolled quality 0.9 × 0.8 = 0.72; partner → firm has no quality: unknown
    assert chain.rolled_quality == pytest.approx(0.72)
    assert chain.unknown_quality == (("partner", "firm"),)
    # loads: sales 5 × 4 + 90 = 110 of 150 → 0.7333; analysts 5 × 22.5 = 112.5 of 3 × 150 = 0.25;
    # partner 5 × 6 = 30 of its explicit 60 h → 0.5
    assert report.departments["sales"].utilization == pytest.approx(110 / 150)
    assert report.departments["analysts"].utilization == 0.25
    assert report.departments["partner"].utilization == 0.5
    assert report.constraint == chain.constraint == "sales"
    assert report.headroom == pytest.approx(150 / 110)


ZERO = """\
version: 1
organization: Vacío
departments:
  ghost: {name: Fantasma, headcount: 0}
  frozen: {name: Congelado, capacity: 0h}
  idle: {name: Ocioso, capacity: 0h}
clients:
  c: {name: Cliente}
chains:
  x:
    client: c
    demand: 2
    steps:
      - {department: ghost, effort: 1h}
      - {department: frozen, effort: 1h}
"""


def test_zero_capacity_gives_infinite_utilization_never_a_division_error() -> None:
    report = analyze_flow(load_text(ZERO), predict_waits=True)
    # ghost: load 2 h, capacity 0 × 40 = 0 → inf; frozen: explicit 0 h → inf; idle: 0 / 0 → 0
    assert report.departments["ghost"].capacity_hours == 0
    assert math.isinf(report.departments["ghost"].utilization)
    assert math.isinf(report.departments["frozen"].utilization)
    assert report.departments["idle"].utilization == 0.0
    assert report.constraint == "ghost"  # first of the two infinite ones in file order
    assert report.headroom == 0.0
    chain = report.chains["x"]
    # nobody at ghost: cycle time 1 h / 0 people is unbounded, over takt (40 / 2 = 20 h)
    assert math.isinf(chain.steps[0].cycle_time_hours)
    assert chain.over_takt == ("ghost",)
    # predicted waits at u = inf are infinite; so is the lead time; the ratio falls to 0
    assert [s.wait_source for s in chain.steps] == ["predicted", "predicted"]
    assert math.isinf(chain.lead_time_hours)
    assert chain.value_added_ratio == 0.0


def test_zero_demand_chain_has_infinite_takt_and_inventory_wait() -> None:
    org = load_text(
        "version: 1\ndepartments: {a: {}}\nclients: {c: {}}\n"
        "chains:\n  x: {client: c, demand: 0, steps: [{department: a, effort: 1h, inventory: 3}]}\n"
    )
    chain = analyze_flow(org).chains["x"]
    assert math.isinf(chain.takt_hours)
    assert chain.over_takt == ()
    assert math.isinf(chain.steps[0].wait_hours)  # 3 units, nothing pulls them


def test_no_departments_no_constraint_and_infinite_headroom() -> None:
    report = analyze_flow(load_text("version: 1\norganization: Nada\n"))
    assert report.constraint is None
    assert math.isinf(report.headroom)
    assert report.max_utilization == 0.0


def test_unloaded_departments_have_infinite_headroom() -> None:
    report = analyze_flow(load_text("version: 1\ndepartments: {a: {}, b: {}}\n"))
    # nothing is loaded: 0 / 40 everywhere; the constraint is the first department
    assert report.constraint == "a"
    assert math.isinf(report.headroom)


@pytest.mark.parametrize(
    ("period", "calendar", "hours"),
    [
        ("day", "{hours_per_day: 7.5}", 7.5),
        ("week", "{hours_per_day: 7.5, days_per_week: 4}", 30.0),
        ("month", "{hours_per_day: 7.5, days_per_month: 21}", 157.5),
        ("week", "{}", 40.0),
        ("month", "{}", 160.0),
    ],
)
def test_period_hours_and_takt_across_periods_and_calendars(
    period: str, calendar: str, hours: float
) -> None:
    org = load_text(
        f"version: 1\nperiod: {period}\ncalendar: {calendar}\n"
        "departments: {a: {headcount: 3}}\nclients: {c: {}}\n"
        "chains:\n  x: {client: c, demand: 5, steps: [{department: a, effort: 1d}]}\n"
    )
    report = analyze_flow(org)
    assert report.period_hours == hours
    chain = report.chains["x"]
    assert chain.takt_hours == pytest.approx(hours / 5)
    # load 5 × 1 day of 7.5 or 8 h against 3 people × H
    day = 8.0 if calendar == "{}" else 7.5
    assert report.departments["a"].utilization == pytest.approx(5 * day / (3 * hours))
    # hours → days and back: the lead time (one step of one day) is exactly one working day
    assert chain.lead_time_hours == day
    assert chain.lead_time_days == 1.0
    assert chain.lead_time_days * report.hours_per_day == chain.lead_time_hours


@pytest.mark.parametrize(
    ("period", "days_in_period", "expected_hours"),
    [
        # inventory 6, demand 3 per period
        ("day", 1, 6 / 3 * 7.5),  # 3 a day → 2 days = 15 h
        ("week", 4, 6 / (3 / 4) * 7.5),  # 0.75 a day → 8 days = 60 h
        ("month", 20, 6 / (3 / 20) * 7.5),  # 0.15 a day → 40 days = 300 h
    ],
)
def test_littles_law_follows_the_period(
    period: str, days_in_period: int, expected_hours: float
) -> None:
    org = load_text(
        f"version: 1\nperiod: {period}\n"
        f"calendar: {{hours_per_day: 7.5, days_per_week: 4, days_per_month: 20}}\n"
        "departments: {a: {}}\n"
    )
    assert org.calendar.days_per_period(org.period) == days_in_period
    assert inventory_wait_hours(org, 6, 3) == pytest.approx(expected_hours)


def test_agencia_matches_its_documented_utilizations() -> None:
    report = analyze_flow(load_file(EXAMPLES / "agencia.yaml"))
    expected = {  # from the comment block at the top of examples/agencia.yaml
        "direccion": (24, 40),
        "cuentas": (41, 80),
        "contenido": (47, 80),
        "creatividad": (64, 80),
        "audiovisual": (44, 80),
        "medios": (22, 40),
        "redes": (32, 80),
        "administracion": (20, 30),
    }
    for dept, (load, capacity) in expected.items():
        flow = report.departments[dept]
        assert (flow.load_hours, flow.capacity_hours) == (load, capacity), dept
        assert flow.utilization == pytest.approx(load / capacity)
    assert report.constraint == "creatividad"
    assert report.headroom == pytest.approx(1.25)  # 1 / (64 / 80)


def test_software_company_matches_its_documented_utilizations() -> None:
    report = analyze_flow(load_file(EXAMPLES / "software-company.yaml"))
    web = report.departments["eng_web"]
    # 12 × 70 h + 220 h = 1060 h of 7 × 168 h = 1176 h → 90.1%
    assert (web.load_hours, web.capacity_hours) == (12 * 70 + 220, 7 * 168)
    assert report.constraint == "eng_web"
    assert report.headroom == pytest.approx(1176 / 1060)
    qa = report.departments["qa"]
    assert qa.load_hours == 12 * 12 + 40 * 2.5 + 100  # 344 h


def test_safe_ratio_never_divides_by_zero() -> None:
    assert safe_ratio(0.0, 0.0) == 0.0
    assert math.isinf(safe_ratio(1e-9, 0.0))
    assert safe_ratio(3.0, 6.0) == 0.5


def test_a_changed_organization_is_analysed_afresh() -> None:
    from dataclasses import replace

    org = load_file(Path(__file__).resolve().parents[2] / "examples" / "agencia.yaml")
    first = analyze_flow(org)
    # doubling every demand doubles the chain load, other_load stays
    doubled = replace(
        org, chains={k: replace(c, demand=c.demand * 2) for k, c in org.chains.items()}
    )
    before = first.departments["creatividad"]
    after = analyze_flow(doubled).departments["creatividad"]
    assert after.load_hours == pytest.approx(2 * before.chain_load_hours + before.other_load_hours)
    assert after.load_hours > before.load_hours
