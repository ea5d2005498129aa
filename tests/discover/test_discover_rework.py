"""Rework observed in a hand-made log: repeated passes, ping-pong, departments and activities
seen again in a case, counted by hand below; the quality written and ``--compare``'s report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clientchain.discover import DiscoverOptions, compare_log, discover_log
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.output.discover import comparison_json, comparison_text, org_yaml, summary_text

from .support import write_csv

HEADER = ["case", "activity", "department", "timestamp"]

# Five cases, one event an hour; their department walks (consecutive events of one department
# are one step):
#   r1  Sales Design Sales Design Print   design sent back to Sales once, then done again
#   r2  Sales Design Print Design Print   print sent back to Design once
#   r3  Sales Design Print                straight through
#   r4  Sales Legal Sales Design Print    Sales consults Legal: a ping-pong, no pass repeated
#   r5  Sales(2 events) Design Print      the brief written twice in one step
WALKS = {
    "r1": [("brief", "Sales"), ("design", "Design"), ("review", "Sales"), ("design", "Design"),
           ("print", "Print")],
    "r2": [("brief", "Sales"), ("design", "Design"), ("print", "Print"), ("fix", "Design"),
           ("print", "Print")],
    "r3": [("brief", "Sales"), ("design", "Design"), ("print", "Print")],
    "r4": [("brief", "Sales"), ("consult", "Legal"), ("decide", "Sales"), ("design", "Design"),
           ("print", "Print")],
    "r5": [("brief", "Sales"), ("brief", "Sales"), ("design", "Design"), ("print", "Print")],
}  # fmt: skip
ROWS = [
    [case, activity, department, f"2024-01-0{day} {hour:02d}:00:00"]
    for day, (case, walk) in enumerate(WALKS.items(), start=1)
    for hour, (activity, department) in enumerate(walk, start=8)
]

# Counted by hand, per pair: (handovers, cases with it, handovers sent straight back).
#   Sales → Design: r1 2, r2 1, r3 1, r4 1, r5 1 = 6 in 5 cases; r1's first came back (D → S).
#   Design → Print: r1 1, r2 2, r3 1, r4 1, r5 1 = 6 in 5 cases; r2's first came back (P → D).
#   Design → Sales (r1), Print → Design (r2): 1 in 1 case, each answered straight back
#     (r1: D → S → D, r2: P → D → P), so each counts 1 return.
#   Sales → Legal (r4): 1 in 1 case, came back (L → S); Legal → Sales: 1, went on to Design.
PAIRS = {
    ("Sales", "Design"): (6, 5, 1),
    ("Design", "Print"): (6, 5, 1),
    ("Design", "Sales"): (1, 1, 1),
    ("Print", "Design"): (1, 1, 1),
    ("Sales", "Legal"): (1, 1, 1),
    ("Legal", "Sales"): (1, 1, 0),
}
# Per department: (cases, cases with more than one step there, steps).
#   Design: r1 2, r2 2, r3-r5 1 → 5 cases, 2 came back, 7 steps; Print: r2 2 → 5, 1, 6;
#   Sales: r1 2, r4 2 → 5, 2, 7; Legal: r4 1 → 1, 0, 1.
DEPARTMENTS = [
    ("Design", 5, 2, 7),
    ("Legal", 1, 0, 1),
    ("Print", 5, 1, 6),
    ("Sales", 5, 2, 7),
]
# Activities done more than once in a case: (cases, cases repeating it, times done).
#   brief: in all 5, twice in r5 → 6; design: all 5, twice in r1 → 6; print: all 5, twice in
#   r2 → 6. Most repeated first, then by name.
REPEATS = [("brief", 5, 1, 6), ("design", 5, 1, 6), ("print", 5, 1, 6)]

DECLARED = """\
version: 1
organization: Imprenta
period: week
departments:
  sales: {name: Sales}
  design: {name: Design}
  print: {name: Print}
  legal: {name: Legal}
clients:
  buyer: {name: Buyer}
handoffs:
  - {from: sales, to: design, quality: 95%}
  - {from: design, to: print}
  - {from: sales, to: legal, quality: 90%}
"""


@pytest.fixture
def log(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "rework.csv", HEADER, ROWS)


def test_repeated_passes_and_ping_pong_are_counted_per_pair(log: Path) -> None:
    found = discover_log(log).result
    counted = {(e.source, e.target): (e.handovers, e.cases, e.returns) for e in found.edges}
    assert counted == PAIRS
    assert sum(e.handovers for e in found.edges) == 16


def test_departments_and_activities_seen_again(log: Path) -> None:
    found = discover_log(log).result
    assert [(r.department, r.cases, r.returned, r.visits) for r in found.reentries] == DEPARTMENTS
    assert [(r.activity, r.cases, r.repeated, r.done) for r in found.repeats] == REPEATS


def test_observed_quality_is_cases_over_handovers_where_a_pass_repeats(log: Path) -> None:
    d = discover_log(log)
    quality = {(h.source, h.target): h.quality for h in d.org.handoffs}
    # 5 cases in 6 handovers: q = 5 / 6 = 83.33 %, 1 / q = 1.2 passes a case. A ping-pong with
    # no repeated pass (Sales → Legal → Sales) leaves the pair unrated, as 100 % would.
    assert quality == {
        ("sales", "design"): 0.8333,
        ("design", "print"): 0.8333,
        ("design", "sales"): None,
        ("print", "design"): None,
        ("sales", "legal"): None,
        ("legal", "sales"): None,
    }
    text = org_yaml(d)
    assert "    quality: 0.8333  # observed: 5 cases in 6 handovers, 1 sent straight back\n" in text
    assert "  # 2 of 5 cases came back to it (2 steps beyond the first)\n" in text
    # the comments do not change what is read
    assert dump_org(load_text(text, "rework.yaml")) == dump_org(d.org)


def test_the_summary_states_the_rework(log: Path) -> None:
    summary = summary_text(discover_log(log))
    # 1 extra pass on Sales → Design and 1 on Design → Print; 5 handovers answered straight back.
    assert (
        "  rework: 2 handovers on 2 pairs beyond each case's first (quality observed on them); "
        "5 sent straight back (A → B → A)"
    ) in summary.splitlines()
    assert (
        "  cases that came back to a department: Design 2 of 5, Sales 2 of 5, Print 1 of 5"
    ) in summary.splitlines()
    assert "activities done again in a case: 3, most: 'brief' in 1 of 5" in summary


def test_a_log_without_repeats_says_nothing_of_rework(tmp_path: Path) -> None:
    clean = [row for row in ROWS if row[0] in ("r3",)]
    d = discover_log(write_csv(tmp_path / "clean.csv", HEADER, clean))
    text = org_yaml(d)
    assert "quality" not in text.split("\nversion: 1\n")[1]
    assert "came back" not in text
    assert "rework" not in text
    assert "# - Headcount, capacity, quality and satisfaction are not in a log" in text
    assert "rework" not in summary_text(d)


def test_compare_reports_declared_vs_observed_quality(log: Path, tmp_path: Path) -> None:
    declared = load_text(DECLARED, str(tmp_path / "declared.yaml"))
    c = compare_log(log, declared, DiscoverOptions())
    # Rated or passed again, by supplier as declared: sales → design (95 % vs 5/6), sales →
    # legal (90 % vs 1/1: its ping-pong is no repeated pass), design → print (unrated, 5/6).
    rows = [(q.source, q.target, q.declared, q.handovers, q.cases, q.returns) for q in c.quality]
    assert rows == [
        ("sales", "design", 0.95, 6, 5, 1),
        ("sales", "legal", 0.9, 1, 1, 1),
        ("design", "print", None, 6, 5, 1),
    ]
    assert [q.observed for q in c.quality] == pytest.approx([5 / 6, 1.0, 5 / 6])
    lines = comparison_text(c).splitlines()
    start = lines.index("quality (%C&A), declared vs observed (cases ÷ handovers):")
    assert lines[start + 1 : start + 4] == [
        "  Sales (sales) → Design (design): declared 95%, observed 83.3% (5 of 6)",
        "  Sales (sales) → Legal (legal): declared 90%, observed 100% (1 of 1)",
        "  Design (design) → Print (print): not rated, observed 83.3% (5 of 6)",
    ]
    document = json.loads(comparison_json(c))
    assert document["quality"][0] == {
        "from": "sales",
        "to": "design",
        "declared_quality": 0.95,
        "observed_quality": pytest.approx(5 / 6),
        "handovers": 6,
        "cases": 5,
        "returns": 1,
    }
    assert document["quality"][2]["declared_quality"] is None


def test_the_cli_writes_the_observed_quality(cli, log: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("discover", str(log))
    assert result.exit_code == 0, result
    assert "quality: 0.8333  # observed: 5 cases in 6 handovers" in result.stdout
    assert "rework: 2 handovers on 2 pairs" in result.stderr


def test_the_rework_in_spanish(cli, log: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "es", "discover", str(log))
    assert result.exit_code == 0, result
    # 5 casos en 6 traspasos: 5 ÷ 6 = 0,8333 (el archivo escribe la fracción con punto)
    assert "quality: 0.8333  # observado: 5 casos en 6 traspasos, devoluciones inmediatas: 1" in (
        result.stdout
    )
    assert "  # casos que volvieron a él: 2 de 5 (2 pasos además del primero)" in result.stdout
    assert (
        "  retrabajo: 2 traspasos en 2 pares además del primero de cada caso (calidad observada "
        "en ellos); devoluciones inmediatas (A → B → A): 5"
    ) in result.stderr.splitlines()
    assert "  casos que volvieron a un departamento: Design 2 de 5, Sales 2 de 5, Print 1 de 5" in (
        result.stderr.splitlines()
    )
