"""The flow rules: overloaded, near-capacity, over-takt, low-quality (SPEC §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.checks import CheckOptions, Finding, Severity, run_checks
from clientchain.graph import build_graph
from clientchain.loading import load_file, load_text

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FLOW_RULES = ("overloaded", "near-capacity", "over-takt", "low-quality")

ORG = """\
version: 1
organization: Reglas
period: week                       # H = 40 h
departments:
  busy: {name: Ocupado, other_load: 30h}
  full: {name: Lleno}
  calm: {name: Tranquilo, headcount: 2}
  zero: {name: Cero, capacity: 0h}
clients:
  z: {name: Cliente}
handoffs:
  - {from: busy, to: full, quality: 90%}
  - {from: full, to: calm, quality: 80%}
chains:
  x:
    name: Equis
    client: z
    demand: 4                      # takt 40 / 4 = 10 h
    steps:
      - {department: busy, effort: 3h}
      - {department: full, effort: 9h}
      - {department: calm, effort: 12h}
checks:
  near_capacity: 85%
  min_rolled_quality: 75%
"""
# busy: 4 × 3 + 30 = 42 h of 40 → 105 %      → overloaded
# full: 4 × 9 = 36 h of 40 → 90 %            → near-capacity (85 % < 90 % ≤ 100 %)
# calm: 4 × 12 = 48 h of 80 → 60 %           → nothing; cycle 12 / 2 = 6 h ≤ takt 10 h
# zero: 0 h of 0 h → 0 (no load)             → nothing
# steps: busy 3 h, full 9 h, calm 6 h ≤ 10 h → no over-takt
# rolled quality 0.9 × 0.8 = 72 % (calm → z unknown, counts 100 %) < 75 % → low-quality


def flow_findings(text: str, **options: object) -> list[Finding]:
    org = load_text(text, "org.yaml")
    found = run_checks(org, build_graph(org), CheckOptions(**options))  # type: ignore[arg-type]
    return [f for f in found if f.rule in FLOW_RULES]


def test_each_flow_rule_fires_on_the_hand_computed_org() -> None:
    found = {(f.rule, f.subject): f for f in flow_findings(ORG)}
    assert set(found) == {("overloaded", "busy"), ("near-capacity", "full"), ("low-quality", "x")}
    overloaded = found["overloaded", "busy"]
    assert overloaded.severity is Severity.ERROR
    assert "42 h of work per week against a capacity of 40 h (utilization 105 %)" in (
        overloaded.message
    )
    assert (overloaded.line, overloaded.column) == (5, 3)  # the department's key
    near = found["near-capacity", "full"]
    assert near.severity is Severity.WARNING
    assert "utilization 90 %" in near.message
    assert "threshold of 85 %" in near.message
    low = found["low-quality", "x"]
    assert "rolled quality of 72 %, below the minimum of 75 %" in low.message
    assert "weakest handoff is Lleno (full) → Tranquilo (calm) at 80 %" in low.message
    assert (low.line, low.column) == (15, 3)


def test_zero_capacity_with_load_is_overloaded_not_a_crash() -> None:
    text = ORG.replace(
        "      - {department: calm, effort: 12h}\n", "      - {department: zero, effort: 1h}\n"
    )
    found = [f for f in flow_findings(text) if f.subject == "zero"]
    assert [(f.rule, f.severity) for f in found] == [("overloaded", Severity.ERROR)]
    # 4 × 1 h = 4 h against 0 h: infinite utilization
    assert "4 h of work per week against a capacity of 0 h (utilization ∞ %)" in found[0].message


def test_over_takt_points_at_the_step() -> None:
    text = ORG.replace("demand: 4   ", "demand: 5   ")
    # takt 40 / 5 = 8 h: full's cycle 9 h / 1 person > 8 h; calm 12 / 2 = 6 h is fine
    found = [f for f in flow_findings(text) if f.rule == "over-takt"]
    assert [(f.subject, f.line, f.severity) for f in found] == [("full", 21, Severity.WARNING)]
    assert "cycle time 9 h per unit against a takt of 8 h (5 per week)" in found[0].message


def test_thresholds_come_from_the_checks_section() -> None:
    text = ORG.replace("near_capacity: 85%", "near_capacity: 95%").replace(
        "min_rolled_quality: 75%", "min_rolled_quality: 70%"
    )
    rules = {f.rule for f in flow_findings(text)}
    assert rules == {"overloaded"}  # 90 % ≤ 95 %; 72 % ≥ 70 %


def test_flow_rules_can_be_selected_ignored_and_re_graded() -> None:
    found = flow_findings(ORG, ignore=("overloaded",), severity={"near-capacity": "error"})
    assert {(f.rule, str(f.severity)) for f in found} == {
        ("near-capacity", "error"),
        ("low-quality", "warning"),
    }


@pytest.mark.parametrize(
    ("example", "expected"),
    [
        ("agencia.yaml", set()),  # creatividad 80 % ≤ 85 %; rolled quality ≥ 82 % ≥ 80 %
        # eng_web 1060 / 1176 = 90.1 % > 85 %; nothing over 100 %
        ("software-company.yaml", {("near-capacity", "eng_web")}),
    ],
)
def test_examples(example: str, expected: set[tuple[str, str]]) -> None:
    org = load_file(EXAMPLES / example)
    found = run_checks(org, build_graph(org))
    flow = {(f.rule, f.subject) for f in found if f.rule in FLOW_RULES}
    assert {pair for pair in flow if pair[0] != "low-quality"} == expected
