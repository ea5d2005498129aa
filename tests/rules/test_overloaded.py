"""overloaded [error]: a department's load exceeds its capacity (utilization > 100%)."""

from __future__ import annotations

from clientchain.checks import CheckOptions

from .support import edit, findings, severities

ORG = """\
version: 1
organization: Reglas
period: week                             # H = 5 days × 8 h = 40 h
departments:
  busy: {name: Ocupado, other_load: 30h}
  calm: {name: Tranquilo, headcount: 2}
clients:
  z: {name: Cliente}
chains:
  x:
    client: z
    demand: 4
    steps:
      - {department: busy, effort: 3h}
      - {department: calm, effort: 12h}
"""
# busy: 4 × 3 h + 30 h = 42 h of 40 h → 105%  → overloaded
# calm: 4 × 12 h = 48 h of 2 × 40 h = 80 h → 60%
BUSY = (
    "overloaded",
    5,  # busy's key
    3,
    "Department Ocupado (busy) is overloaded: 42 h of work per week against a capacity "
    "of 40 h (utilization 105%).",
)


def test_fires_at_the_department_key() -> None:
    assert findings(ORG, "overloaded") == [BUSY]


def test_exactly_full_is_not_overloaded() -> None:
    # busy: 4 × 3 h + 28 h = 40 h of 40 h → 100%, not above
    assert findings(edit(ORG, "other_load: 30h", "other_load: 28h"), "overloaded") == []


def test_capacity_and_headcount_set_the_limit() -> None:
    # capacity 45 h: 42 / 45 = 93.3%; two people: 42 / 80 = 52.5%
    assert findings(edit(ORG, "30h}", "30h, capacity: 45h}"), "overloaded") == []
    assert findings(edit(ORG, "30h}", "30h, headcount: 2}"), "overloaded") == []
    # capacity 35 h: 42 / 35 = 120%
    assert findings(edit(ORG, "30h}", "30h, capacity: 35h}"), "overloaded") == [
        (
            "overloaded",
            5,
            3,
            "Department Ocupado (busy) is overloaded: 42 h of work per week against a "
            "capacity of 35 h (utilization 120%).",
        )
    ]


def test_the_period_counts_the_hours() -> None:
    # per day H = 8 h: busy 4 × 3 h + 30 h = 42 h of 8 h → 525%; calm 48 h of 16 h → 300%
    text = edit(ORG, "period: week", "period: day ")
    assert findings(text, "overloaded") == [
        (
            "overloaded",
            5,
            3,
            "Department Ocupado (busy) is overloaded: 42 h of work per day against a "
            "capacity of 8 h (utilization 525%).",
        ),
        (
            "overloaded",
            6,
            3,
            "Department Tranquilo (calm) is overloaded: 48 h of work per day against a "
            "capacity of 16 h (utilization 300%).",
        ),
    ]


def test_zero_capacity_with_load_is_overloaded_not_a_crash() -> None:
    text = """\
        version: 1
        departments:
          zero: {name: Cero, capacity: 0h}
          idle: {name: Parado, capacity: 0h}
          none: {headcount: 0}
        clients:
          z: {}
        chains:
          x:
            client: z
            demand: 4
            steps:
              - {department: zero, effort: 1h}
              - {department: none, effort: 2h}
        handoffs:
          - {from: idle, to: z, type: information}
        """
    # zero: 4 × 1 h = 4 h against 0 h; none: 4 × 2 h = 8 h against 0 × 40 h; infinite
    # utilization. idle: no load against no capacity is not overloaded.
    assert findings(text, "overloaded") == [
        (
            "overloaded",
            3,
            3,
            "Department Cero (zero) is overloaded: 4 h of work per week against a capacity "
            "of 0 h (utilization ∞%).",
        ),
        (
            "overloaded",
            5,
            3,
            "Department none is overloaded: 8 h of work per week against a capacity of 0 h "
            "(utilization ∞%).",
        ),
    ]


def test_ignored_in_checks_or_on_the_command_line() -> None:
    assert findings(ORG + "checks:\n  ignore: [overloaded]\n", "overloaded") == []
    assert findings(ORG, "overloaded", options=CheckOptions(ignore=("overloaded",))) == []


def test_ignored_by_the_department_only() -> None:
    text = edit(
        edit(ORG, "other_load: 30h}", "other_load: 30h, ignore: [overloaded]}"),
        "headcount: 2}",
        "headcount: 1}",
    )
    # calm with one person: 48 h of 40 h → 120%, still reported
    assert findings(text, "overloaded") == [
        (
            "overloaded",
            6,
            3,
            "Department Tranquilo (calm) is overloaded: 48 h of work per week against a "
            "capacity of 40 h (utilization 120%).",
        )
    ]


def test_severity_is_error_unless_configured() -> None:
    assert severities(ORG, "overloaded") == ["error"]
    assert severities(ORG + "checks:\n  severity: {overloaded: warning}\n", "overloaded") == [
        "warning"
    ]
    options = CheckOptions(severity={"overloaded": "info"})
    assert severities(ORG, "overloaded", options) == ["info"]
