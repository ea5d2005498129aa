"""low-quality [warning]: a chain's rolled %C&A is below ``checks: min_rolled_quality`` (80%)."""

from __future__ import annotations

from clientchain.checks import CheckOptions

from .support import edit, findings, severities

ORG = """\
version: 1
organization: Reglas
departments:
  busy: {name: Ocupado}
  full: {name: Lleno}
  calm: {name: Tranquilo}
clients:
  z: {name: Cliente}
handoffs:
  - {from: busy, to: full, quality: 90%}
  - {from: full, to: calm, quality: 80%}
chains:
  x:
    name: Equis
    client: z
    demand: 4
    steps:
      - {department: busy, effort: 1h}
      - {department: full, effort: 1h}
      - {department: calm, effort: 1h}
"""
# rolled quality 90% × 80% = 72% (calm → z is not rated: it counts as 100%) < 80%
X = (
    "low-quality",
    13,  # the chain's key
    3,
    "Chain Equis (x) has a rolled quality of 72%, below the minimum of 80%; its weakest "
    "handoff is Lleno (full) → Tranquilo (calm) at 80%.",
)


def test_fires_at_the_chain_below_the_default_minimum() -> None:
    assert findings(ORG, "low-quality") == [X]


def test_at_the_minimum_is_not_below_it() -> None:
    # 100% × 80% = 80%, not below 80%
    assert findings(edit(ORG, "quality: 90%", "quality: 100%"), "low-quality") == []


def test_unrated_handoffs_count_as_complete_and_accurate() -> None:
    text = edit(edit(ORG, ", quality: 90%", ""), ", quality: 80%", "")
    assert findings(text + "checks:\n  min_rolled_quality: 100%\n", "low-quality") == []


def test_the_edge_to_the_client_counts_and_can_be_the_weakest() -> None:
    text = edit(
        ORG,
        "  - {from: full, to: calm, quality: 80%}\n",
        "  - {from: full, to: calm, quality: 80%}\n  - {from: calm, to: z, quality: 0.5}\n",
    )
    # 90% × 80% × 50% = 36%; the chain's key moves down one line
    assert findings(text, "low-quality") == [
        (
            "low-quality",
            14,
            3,
            "Chain Equis (x) has a rolled quality of 36%, below the minimum of 80%; its "
            "weakest handoff is Tranquilo (calm) → Cliente (z) at 50%.",
        )
    ]


def test_minimum_from_the_checks_section() -> None:
    # 72% < 75%
    assert findings(ORG + "checks:\n  min_rolled_quality: 75%\n", "low-quality") == [
        (
            "low-quality",
            13,
            3,
            "Chain Equis (x) has a rolled quality of 72%, below the minimum of 75%; its "
            "weakest handoff is Lleno (full) → Tranquilo (calm) at 80%.",
        )
    ]
    # 72% ≥ 70%
    assert findings(ORG + "checks:\n  min_rolled_quality: 0.7\n", "low-quality") == []


def test_ignored_in_checks_or_on_the_command_line() -> None:
    assert findings(ORG + "checks:\n  ignore: [low-quality]\n", "low-quality") == []
    assert findings(ORG, "low-quality", options=CheckOptions(ignore=("low-quality",))) == []


def test_ignored_by_the_chain_only() -> None:
    text = """\
        version: 1
        departments:
          busy: {name: Ocupado}
          full: {name: Lleno}
          calm: {name: Tranquilo}
        clients:
          z: {name: Cliente}
        handoffs:
          - {from: busy, to: full, quality: 90%}
          - {from: full, to: calm, quality: 80%}
        chains:
          x:
            client: z
            demand: 4
            ignore: [low-quality]
            steps:
              - {department: busy, effort: 1h}
              - {department: full, effort: 1h}
              - {department: calm, effort: 1h}
          y:
            client: z
            demand: 1
            steps: [{department: full, effort: 1h}, {department: calm, effort: 1h}]
        checks:
          min_rolled_quality: 85%
        """
    # x: 90% × 80% = 72% < 85%, dropped by its own list; y: 80% < 85%, reported
    assert findings(text, "low-quality") == [
        (
            "low-quality",
            20,  # y's key
            3,
            "Chain y has a rolled quality of 80%, below the minimum of 85%; its weakest "
            "handoff is Lleno (full) → Tranquilo (calm) at 80%.",
        )
    ]
    # without the list both are reported
    unignored = edit(text, "ignore: [low-quality]", "ignore: []")
    assert [line for _rule, line, _column, _message in findings(unignored, "low-quality")] == [
        12,
        20,
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "low-quality") == ["warning"]
    text = ORG + "checks:\n  severity: {low-quality: error}\n"
    assert severities(text, "low-quality") == ["error"]
    # re-grading another rule on the command line leaves this one alone
    options = CheckOptions(severity={"near-capacity": "error"})
    assert severities(ORG, "low-quality", options) == ["warning"]
