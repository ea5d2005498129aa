"""The executive summary's ranking against a hand-computed organization (tests/hand_orgs.py).

SUMMARY, per week (H = 40 h):

* loads: Alfa 5×4 + 2×5 = 30 h of 40 h = 75% (the constraint: headroom 1 ÷ 0.75 = 1.3333);
  Beta 5×6 = 30 h of 80 h = 37.5%; Gamma 5×2 + 2×3 + 10 = 26 h of 40 h = 65%.
  One more person at Alfa: 30 h of 80 h = 37.5%, Gamma becomes the busiest at 65%, headroom
  1 ÷ 0.65 = 1.5385; score 0.75 ÷ 0.65 − 1 = 0.1538.
* waits: x lead 4 + 6 + 2 + 4 + 20 = 36 h, its longest wait 20 h before Beta (step 1):
  36 → 16 h, score 20 ÷ 36 = 0.5556; y lead 5 + 3 + 6 = 14 h, 6 h before Gamma: 14 → 8 h,
  score 6 ÷ 14 = 0.4286.
* handoffs (rolled quality of x = 0.5 × 0.8 × 0.9 = 0.36, of y = 0.95; c → z is 100%: no finding):
  s → a 50%: x 0.36 → 0.72, score 1, no rework (Sigma is external);
  a → b 80%: x 0.36 → 0.45, score 0.25, rework 5 × 4 h × 0.2 ÷ 0.8 = 5 h;
  b → c 90%: x 0.36 → 0.4, score 0.1111, rework 5 × 6 h × 0.1 ÷ 0.9 = 3.3333 h;
  a → c 95%: y 0.95 → 1, score 0.0526, rework 2 × 5 h × 0.05 ÷ 0.95 = 0.5263 h.
* single points: every work path to Zeta passes Alfa (Sigma feeds only it) and Gamma; 2 chains
  through each; score 0.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from clientchain.analysis.summary import (
    Action,
    SummaryItem,
    geometric_rework_hours,
    summarize,
)
from clientchain.graph import build_graph
from clientchain.loading import load_text
from hand_orgs import SUMMARY

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ALL = 9  # 1 constraint + 2 waits + 4 handoffs + 2 single points


def _summary(text: str = SUMMARY, top: int = ALL):
    org = load_text(text)
    return summarize(org, build_graph(org), top=top)


def _found(summary) -> list[tuple[str, tuple[str, ...]]]:
    return [(item.kind, item.subjects) for item in summary.items]


def test_every_candidate_ranked_by_score() -> None:
    summary = _summary()
    assert summary.candidates == ALL
    assert _found(summary) == [
        ("handoff_quality", ("s", "a", "x")),  # 1
        ("wait", ("x", "b")),  # 0.5556
        ("wait", ("y", "c")),  # 0.4286
        ("handoff_quality", ("a", "b", "x")),  # 0.25
        ("constraint", ("a",)),  # 0.1538
        ("handoff_quality", ("b", "c", "x")),  # 0.1111
        ("handoff_quality", ("a", "c", "y")),  # 0.0526
        ("single_point", ("a", "z")),  # 0, then by id
        ("single_point", ("c", "z")),
    ]
    scores = [item.score for item in summary.items]
    assert scores == pytest.approx([1, 20 / 36, 6 / 14, 0.25, 0.75 / 0.65 - 1, 1 / 9, 1 / 19, 0, 0])


def test_the_constraint_and_one_more_person() -> None:
    (item,) = [i for i in _summary().items if i.kind == "constraint"]
    assert item.value == pytest.approx(0.75)
    assert (item.metric, item.before, item.after) == (
        "headroom",
        pytest.approx(1 / 0.75),
        pytest.approx(1 / 0.65),
    )
    assert item.action.kind == "add_person"
    assert item.action.target == ("a",)
    assert str(item.action.change) == "headcount of a +1"


def test_the_headroom_after_is_what_simulate_says() -> None:
    from clientchain.analysis.whatif import simulate

    for text in (SUMMARY, (EXAMPLES / "agencia.yaml").read_text(encoding="utf-8")):
        org = load_text(text)
        (item,) = [i for i in summarize(org, build_graph(org)).items if i.kind == "constraint"]
        assert item.action.change is not None
        assert item.after == simulate(org, [item.action.change]).after.headroom


def test_the_longest_wait_of_each_chain() -> None:
    waits = [i for i in _summary().items if i.kind == "wait"]
    assert [(w.value, w.before, w.after, w.step) for w in waits] == [
        (20.0, 36.0, 16.0, 1),
        (6.0, 14.0, 8.0, 1),
    ]
    assert waits[0].action == Action("remove_wait", ("x", "b"))


def test_handoffs_with_their_rework_and_rolled_quality() -> None:
    handoffs = {i.subjects[:2]: i for i in _summary().items if i.kind == "handoff_quality"}
    assert set(handoffs) == {("s", "a"), ("a", "b"), ("b", "c"), ("a", "c")}  # c → z is 100%
    expected = {
        ("s", "a"): (0.5, 0.36, 0.72, None),
        ("a", "b"): (0.8, 0.36, 0.45, 5.0),
        ("b", "c"): (0.9, 0.36, 0.4, 10 / 3),
        ("a", "c"): (0.95, 0.95, 1.0, 10 * 0.05 / 0.95),
    }
    for edge, (quality, before, after, rework) in expected.items():
        item = handoffs[edge]
        assert item.value == quality
        assert (item.before, item.after) == (pytest.approx(before), pytest.approx(after))
        assert item.rework_hours == (None if rework is None else pytest.approx(rework))
        assert item.action == Action("perfect_handoff", edge)


def test_the_best_of_each_kind_comes_first() -> None:
    # best of each kind by score: s → a (1), wait x (0.56), the constraint (0.15), Alfa (0);
    # then the next best of any kind: wait y (0.43)
    assert _found(_summary(top=5)) == [
        ("handoff_quality", ("s", "a", "x")),
        ("wait", ("x", "b")),
        ("wait", ("y", "c")),
        ("constraint", ("a",)),
        ("single_point", ("a", "z")),
    ]
    assert _found(_summary(top=3)) == [
        ("handoff_quality", ("s", "a", "x")),
        ("wait", ("x", "b")),
        ("constraint", ("a",)),
    ]
    assert _found(_summary(top=1)) == [("handoff_quality", ("s", "a", "x"))]


def test_ties_are_broken_by_kind_then_ids_not_by_file_order() -> None:
    # q is declared before p; both wait 8 h of a 10 h lead time (score 0.8)
    text = """\
version: 1
departments:
  a: {name: Alfa, headcount: 4}
clients:
  z: {name: Zeta}
chains:
  q: {client: z, demand: 1, steps: [{department: a, effort: 2h, wait: 8h}]}
  p: {client: z, demand: 1, steps: [{department: a, effort: 2h, wait: 8h}]}
"""
    waits = [item.subjects for item in _summary(text).items if item.kind == "wait"]
    assert waits == [("p", "a"), ("q", "a")]
    action = Action("add_backup", ("a",))
    same = [
        SummaryItem(kind, ("a",), None, "", None, None, action, 0.5)
        for kind in ("wait", "constraint")
    ]
    assert [item.kind for item in sorted(same, key=SummaryItem.sort_key)] == ["constraint", "wait"]
    # two handoffs as bad as each other: the one that costs more rework first, whatever its ids
    fix = Action("perfect_handoff", ("a", "b"))
    handoffs = [
        SummaryItem("handoff_quality", ids, 0.8, "rolled_quality", 0.8, 1.0, fix, 0.25, hours)
        for ids, hours in ((("a", "b", "x"), 1.0), (("c", "d", "x"), 2.0))
    ]
    ranked = sorted(handoffs, key=SummaryItem.sort_key)
    assert [item.subjects[0] for item in ranked] == ["c", "a"]


def test_the_top_is_at_least_one() -> None:
    with pytest.raises(ValueError, match="top must be 1 or more"):
        _summary(top=0)


def test_nothing_loaded_gives_no_constraint_finding() -> None:
    text = "version: 1\ndepartments:\n  a: {name: Alfa}\n"
    summary = _summary(text)
    assert summary.items == ()  # headroom ∞: no person to add; no chain, handoff or client


def test_geometric_rework_hours() -> None:
    # 10 units × 2 h × (1 − 0.8) ÷ 0.8 = 5 h; perfect or idle: none; never complete: unbounded
    assert geometric_rework_hours(10, 2.0, 0.8) == pytest.approx(5.0)
    assert geometric_rework_hours(10, 2.0, 1.0) == 0.0
    assert geometric_rework_hours(0, 2.0, 0.5) == 0.0
    assert math.isinf(geometric_rework_hours(10, 2.0, 0.0))
