"""Small org files with hand-checked numbers, shared by the analysis and CLI tests.

Each comes with its arithmetic; tests import the text and load it themselves.
"""

SMALL = """\
version: 1
period: week                  # H = 40 h
departments:
  a: {name: Alfa, headcount: 2}
  b: {name: Beta, capacity: 20h}
  c: {name: Gamma, other_load: 10h}
clients:
  z: {name: Zeta}
chains:
  x:
    client: z
    demand: 10
    steps:
      - {department: a, effort: 4h}
      - {department: b, effort: 1h}
  y:
    client: z
    demand: 5
    steps:
      - {department: a, effort: 2h}
      - {department: c, effort: 4h}
"""
# before: a = 10×4 + 5×2 = 50 h of 80 → 0.625; b = 10 h of 20 → 0.5; c = 20 + 10 = 30 of 40 → 0.75


# H = 40 h (a week of 5 × 8 h), everyone headcount 1.
# x: demand 10, Alfa 2 h, Beta unknown (wait 8 h): takt 40 / 10 = 4 h.
# y: demand 5, Alfa 1 h, Gamma 4 h (wait 5 h): takt 40 / 5 = 8 h.
# Alfa: 10 × 2 + 5 × 1 = 25 h of 40 h = 62.5%; Gamma: 5 × 4 = 20 h = 50%; Beta: unknown.
# y: process 1 + 4 = 5 h, lead 5 + 5 = 10 h, value added 5 / 10 = 50%; x: all unknown.
UNKNOWN_EFFORT = """\
version: 1
organization: Unknown Co
period: week
departments:
  a: {name: Alfa}
  b: {name: Beta}
  c: {name: Gamma}
clients:
  z: {name: Zeta}
chains:
  x:
    client: z
    demand: 10
    steps:
      - {department: a, effort: 2h}
      - {department: b, effort: unknown, wait: 8h}
  y:
    client: z
    demand: 5
    steps:
      - {department: a, effort: 1h}
      - {department: c, effort: 4h, wait: 5h}
"""


# The executive summary's hand-computed case (tests/analysis/test_summary.py).
# H = 40 h. Loads: a = 5×4 + 2×5 = 30 h of 40 = 75% (the constraint, headroom 1 ÷ 0.75 = 1.3333);
# b = 5×6 = 30 h of 80 = 37.5%; c = 5×2 + 2×3 + 10 = 26 h of 40 = 65%.
SUMMARY = """\
version: 1
organization: Hand
period: week
departments:
  a: {name: Alfa}
  b: {name: Beta, headcount: 2}
  c: {name: Gamma, other_load: 10h}
clients:
  z: {name: Zeta}
suppliers:
  s: {name: Sigma}
handoffs:
  - {from: s, to: a, quality: 50%}
  - {from: a, to: b, quality: 80%}
  - {from: b, to: c, quality: 90%}
  - {from: c, to: z, quality: 100%}
  - {from: a, to: c, quality: 95%}
chains:
  x:
    name: Equis
    client: z
    supplier: s
    demand: 5
    steps:
      - {department: a, effort: 4h, wait: 4h}
      - {department: b, effort: 6h, wait: 20h}
      - {department: c, effort: 2h}
  y:
    name: Ye
    client: z
    demand: 2
    steps:
      - {department: a, effort: 5h}
      - {department: c, effort: 3h, wait: 6h}
"""
