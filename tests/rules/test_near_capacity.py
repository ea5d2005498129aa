"""near-capacity [warning]: utilization above ``checks: near_capacity`` (85%), not over 100%."""

from __future__ import annotations

from clientchain.checks import CheckOptions
from clientchain.i18n import use

from .support import edit, example_findings, findings, severities

ORG = """\
version: 1
organization: Reglas
period: week                             # H = 5 days × 8 h = 40 h
departments:
  busy: {name: Ocupado, other_load: 30h}
  full: {name: Lleno}
  calm: {name: Tranquilo, headcount: 2}
clients:
  z: {name: Cliente}
chains:
  x:
    client: z
    demand: 4
    steps:
      - {department: busy, effort: 3h}
      - {department: full, effort: 9h}
      - {department: calm, effort: 12h}
"""
# busy: 4 × 3 h + 30 h = 42 h of 40 h → 105%   → overloaded, not near capacity
# full: 4 × 9 h = 36 h of 40 h → 90%           → 85% < 90% ≤ 100%: near capacity
# calm: 4 × 12 h = 48 h of 2 × 40 h = 80 h → 60%
FULL = (
    "near-capacity",
    6,  # full's key
    3,
    "Department Lleno (full) is near capacity: utilization 90% (36 h of 40 h per week), "
    "above the threshold of 85%.",
)


def test_fires_above_the_default_threshold_of_85_percent() -> None:
    assert findings(ORG, "near-capacity") == [FULL]


def test_the_threshold_itself_is_not_above_it() -> None:
    # full: 4 × 8.5 h = 34 h of 40 h → 85%, not above 85%
    assert findings(edit(ORG, "effort: 9h", "effort: 8.5h"), "near-capacity") == []


def test_no_capacity_is_never_near_it() -> None:
    text = """\
        version: 1
        departments:
          zero: {name: Cero, capacity: 0h}
          idle: {name: Parado, capacity: 0h}
        clients:
          z: {}
        chains:
          x:
            client: z
            demand: 4
            steps: [{department: zero, effort: 1h}]
        handoffs:
          - {from: idle, to: z, type: information}
        """
    # zero: 4 × 1 h = 4 h against 0 h, infinite utilization: overloaded's, not near capacity;
    # idle: no load against no capacity is neither (and 1 h per unit is within takt 10 h)
    assert findings(text, "near-capacity", "overloaded", "over-takt") == [
        (
            "overloaded",
            3,
            3,
            "Department Cero (zero) is overloaded: 4 h of work per week against a capacity "
            "of 0 h (utilization ∞%).",
        )
    ]


def test_threshold_from_the_checks_section() -> None:
    # 90% ≤ 95%: quiet
    assert findings(ORG + "checks:\n  near_capacity: 95%\n", "near-capacity") == []
    # threshold 55%: full (90%) and calm (60%) are above it; busy (105%) is overloaded's
    assert findings(ORG + "checks:\n  near_capacity: 0.55\n", "near-capacity") == [
        (
            "near-capacity",
            6,
            3,
            "Department Lleno (full) is near capacity: utilization 90% (36 h of 40 h per "
            "week), above the threshold of 55%.",
        ),
        (
            "near-capacity",
            7,
            3,
            "Department Tranquilo (calm) is near capacity: utilization 60% (48 h of 80 h per "
            "week), above the threshold of 55%.",
        ),
    ]


def test_on_the_shipped_example() -> None:
    # eng_web: 12 × 70 h + 220 h = 1060 h of 7 people × 21 days × 8 h = 1176 h
    # → 90.14% > 85%, written 90.1% as map writes it
    # (the file's checks: keep near_capacity at 85%)
    assert example_findings("software-company.yaml", "near-capacity") == [
        (
            "near-capacity",
            129,
            3,
            "Department Web app team (eng_web) is near capacity: utilization 90.1% "
            "(1,060 h of 1,176 h per month), above the threshold of 85%.",
        )
    ]


def test_ignored_in_checks_or_on_the_command_line() -> None:
    assert findings(ORG + "checks:\n  ignore: [near-capacity]\n", "near-capacity") == []
    assert findings(ORG, "near-capacity", options=CheckOptions(ignore=("near-capacity",))) == []


def test_ignored_by_the_department_only() -> None:
    text = edit(ORG, "{name: Lleno}", "{name: Lleno, ignore: [near-capacity]}")
    assert findings(text, "near-capacity") == []
    # another department near capacity is still reported: calm with 12 h × 4 = 48 h of 50 h
    text = edit(text, "headcount: 2}", "capacity: 50h}")
    assert findings(text, "near-capacity") == [
        (
            "near-capacity",
            7,
            3,
            "Department Tranquilo (calm) is near capacity: utilization 96% (48 h of 50 h per "
            "week), above the threshold of 85%.",
        )
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "near-capacity") == ["warning"]
    text = ORG + "checks:\n  severity: {near-capacity: error}\n"
    assert severities(text, "near-capacity") == ["error"]
    options = CheckOptions(severity={"near-capacity": "error"})
    assert severities(ORG, "near-capacity", options) == ["error"]


def test_in_spanish() -> None:
    # full: 4 × 9 h = 36 h of 40 h → 90 %, above 85 %: Spanish numbers (a no-break space
    # before %), "por semana", the whole sentence from the catalog
    with use("es"):
        assert findings(ORG, "near-capacity") == [
            (
                "near-capacity",
                6,
                3,
                "El departamento Lleno (full) está cerca de su capacidad: utilización del "
                "90\u00a0% (36 h de 40 h por semana), por encima del umbral del 85\u00a0%.",
            )
        ]


def test_in_spanish_on_the_shipped_example() -> None:
    # eng_web: 12 × 70 h + 220 h = 1060 h of 7 × 21 × 8 h = 1176 h → 90.14 %: "90,1 %",
    # thousands with a point, "por mes"
    with use("es"):
        assert example_findings("software-company.yaml", "near-capacity") == [
            (
                "near-capacity",
                129,
                3,
                "El departamento Web app team (eng_web) está cerca de su capacidad: utilización "
                "del 90,1\u00a0% (1.060 h de 1.176 h por mes), por encima del umbral del "
                "85\u00a0%.",
            )
        ]
