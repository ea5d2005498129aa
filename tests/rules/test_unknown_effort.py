"""unknown-effort [info]: a chain step's effort is `unknown`; what it feeds is unknown too."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
organization: Reglas
period: week
departments:
  ventas: {name: Ventas}
  taller: {name: Taller}
clients:
  z: {name: Cliente}
chains:
  x:
    name: Equis
    client: z
    demand: 5
    steps:
      - {department: ventas, effort: 1h}
      - {department: taller, effort: unknown}
      - {department: ventas, effort: unknown}
  y:
    client: z
    demand: 5
    steps:
      - {department: taller, effort: 2h}
"""
X = (
    "unknown-effort",
    16,  # the first unknown step, at its `{`
    9,
    "Chain Equis (x) has an unknown effort at 2 steps of 3 (Taller (taller) and Ventas "
    "(ventas)): its process time, lead time and value added are unknown, and so are the "
    "load and utilization of Taller (taller) and Ventas (ventas).",
)


def test_fires_once_per_chain_at_its_first_unknown_step() -> None:
    assert findings(ORG, "unknown-effort") == [X]  # y is fully known: nothing


def test_is_info() -> None:
    assert severities(ORG, "unknown-effort") == ["info"]


def test_silent_when_every_effort_is_known() -> None:
    known = edit(edit(ORG, "taller, effort: unknown", "taller, effort: 1h"), "unknown", "2h")
    assert findings(known, "unknown-effort") == []


def test_an_unknown_never_fires_overloaded_near_capacity_or_over_takt() -> None:
    # demand 500: takt 40 / 500 = 0.08 h; ventas 500 × 1 h = 500 h of 40 h would be
    # overloaded, but its other step is unknown, so its load is unknown: no finding.
    busy = edit(
        ORG,
        "demand: 5\n    steps:\n      - {department: ventas",
        "demand: 500\n    steps:\n      - {department: ventas",
    )
    assert findings(busy, "overloaded") == []
    assert findings(busy, "near-capacity") == []
    # ventas' known 1 h step is over takt (1 h > 0.08 h); the unknown steps are not judged.
    assert [(f[1], f[2]) for f in findings(busy, "over-takt")] == [(15, 9)]
