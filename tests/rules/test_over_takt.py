"""over-takt [warning]: a chain step's cycle time (effort / headcount) exceeds the chain's takt."""

from __future__ import annotations

from clientchain.checks import CheckOptions

from .support import edit, findings, severities

ORG = """\
version: 1
organization: Reglas
period: week                             # H = 5 days × 8 h = 40 h
departments:
  busy: {name: Ocupado}
  full: {name: Lleno}
  calm: {name: Tranquilo, headcount: 2}
clients:
  z: {name: Cliente}
chains:
  x:
    name: Equis
    client: z
    demand: 5                            # takt 40 h / 5 = 8 h
    steps:
      - {department: busy, effort: 3h}
      - {department: full, effort: 9h}
      - {department: calm, effort: 12h}
"""
# cycle times: busy 3 h, full 9 h > 8 h (over takt), calm 12 h / 2 people = 6 h
FULL = (
    "over-takt",
    17,  # full's step, at its `{`
    9,
    "Step Lleno (full) of chain Equis (x) is over takt: cycle time 9 h per unit against a "
    "takt of 8 h (5 per week).",
)


def test_fires_at_the_step() -> None:
    assert findings(ORG, "over-takt") == [FULL]


def test_a_cycle_equal_to_takt_keeps_up() -> None:
    # demand 4: takt 40 h / 4 = 10 h; full 10 h is not over it
    text = edit(edit(ORG, "demand: 5 ", "demand: 4 "), "effort: 9h", "effort: 10h")
    assert findings(text, "over-takt") == []


def test_headcount_divides_the_cycle_time() -> None:
    # calm alone: 12 h > 8 h; full with two people: 9 h / 2 = 4.5 h ≤ 8 h
    text = edit(
        edit(ORG, "headcount: 2}", "headcount: 1}"), "{name: Lleno}", "{name: Lleno, headcount: 2}"
    )
    assert findings(text, "over-takt") == [
        (
            "over-takt",
            18,
            9,
            "Step Tranquilo (calm) of chain Equis (x) is over takt: cycle time 12 h per unit "
            "against a takt of 8 h (5 per week).",
        )
    ]


def test_each_step_over_takt_is_its_own_finding() -> None:
    text = """\
        version: 1
        departments:
          full: {}
        clients:
          z: {}
        chains:
          x:
            client: z
            demand: 3
            steps:
              - {department: full, effort: 14h}
              - department: full
                effort: 20h
        """
    # takt 40 h / 3 = 13.3 h: 14 h and 20 h are both over it; a chain without a name is
    # named by its id
    assert findings(text, "over-takt") == [
        (
            "over-takt",
            11,
            9,
            "Step full of chain x is over takt: cycle time 14 h per unit against a takt of "
            "13.33 h (3 per week).",
        ),
        (
            "over-takt",
            12,
            9,
            "Step full of chain x is over takt: cycle time 20 h per unit against a takt of "
            "13.33 h (3 per week).",
        ),
    ]


def test_ignored_in_checks_or_on_the_command_line() -> None:
    assert findings(ORG + "checks:\n  ignore: [over-takt]\n", "over-takt") == []
    assert findings(ORG, "over-takt", options=CheckOptions(ignore=("over-takt",))) == []


def test_ignored_by_the_department_of_the_step() -> None:
    # the finding's subject is the step's department: its ignore list drops it
    text = edit(ORG, "{name: Lleno}", "{name: Lleno, ignore: [over-takt]}")
    assert findings(text, "over-takt") == []
    # calm alone (12 h > 8 h) is still reported
    text = edit(text, "headcount: 2}", "headcount: 1}")
    assert [(rule, line) for rule, line, _column, _message in findings(text, "over-takt")] == [
        ("over-takt", 18)
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "over-takt") == ["warning"]
    assert severities(ORG + "checks:\n  severity: {over-takt: info}\n", "over-takt") == ["info"]
