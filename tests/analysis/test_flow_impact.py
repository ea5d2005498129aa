"""Bottlenecks next to centrality, stall impact, rolled quality and the weakest handoffs."""

from __future__ import annotations

import pytest

from clientchain.analysis.impact import analyze_bottlenecks, analyze_chains
from clientchain.analysis.quality import rolled_quality, weakest_handoffs
from clientchain.graph import build_graph
from clientchain.loading import load_text

ORG = """\
version: 1
departments:
  intake: {name: Entrada}
  core: {name: Núcleo, headcount: 2}
  left: {name: Izquierda}
  right: {name: Derecha}
clients:
  p: {name: P}
  q: {name: Q}
handoffs:
  - {from: intake, to: core, quality: 90%, volume: 10, satisfaction: 4}
  - {from: core, to: left, quality: 95%}
  - {from: core, to: right, quality: 70%}
  - {from: left, to: p, quality: 99%}
chains:
  a:
    client: p
    demand: 6
    steps:
      - {department: intake, effort: 2h}
      - {department: core, effort: 5h}
      - {department: left, effort: 1h}
  b:
    client: q
    demand: 4
    steps:
      - {department: intake, effort: 1h}
      - {department: core, effort: 5h}
      - {department: right, effort: 9h}
"""
# loads (H 40): intake 6×2 + 4×1 = 16 → 40%; core 10×5 = 50 of 80 → 62.5%;
# left 6 → 15%; right 36 → 90%


@pytest.fixture
def org():
    return load_text(ORG)


def test_departments_by_utilization_with_betweenness_and_stall_impact(org) -> None:
    result = analyze_bottlenecks(org, build_graph(org))
    assert [d.id for d in result.departments] == ["right", "core", "intake", "left"]
    assert [d.utilization for d in result.departments] == [0.9, 0.625, 0.4, 0.15]
    by_id = {d.id: d for d in result.departments}
    # work graph intake → core → {left → p, right → q}: 6 nodes, normalized by (n−1)(n−2) = 20.
    # core lies on intake→left, intake→right, intake→p, intake→q: 4 / 20 = 0.2
    # left on core→p and intake→p: 2 / 20 = 0.1; intake lies on no shortest path: 0
    assert by_id["core"].betweenness == pytest.approx(4 / 20)
    assert by_id["left"].betweenness == pytest.approx(2 / 20)
    assert by_id["intake"].betweenness == 0.0
    # a stall at core stops both chains and cuts both clients off; right only chain b and q
    assert by_id["core"].chains == ("a", "b")
    assert by_id["core"].clients_hit == ("p", "q")
    assert by_id["core"].clients_cut_off == ("p", "q")
    assert by_id["right"].chains == ("b",)
    assert by_id["right"].clients_hit == ("q",)
    assert by_id["right"].clients_cut_off == ("q",)
    assert result.constraint == "right"
    assert result.headroom == pytest.approx(1 / 0.9)
    assert result.over_takt == ()


def test_over_takt_steps_are_listed(org) -> None:
    text = ORG.replace("demand: 4", "demand: 5")
    org = load_text(text)
    # b: takt 40 / 5 = 8 h; right 9 h / 1 person > 8 h
    result = analyze_bottlenecks(org, build_graph(org))
    assert [
        (s.chain, s.department, s.cycle_time_hours, s.takt_hours) for s in result.over_takt
    ] == [("b", "right", 9.0, 8.0)]


def test_rolled_quality_and_unknown_edges(org) -> None:
    a = rolled_quality(org, org.chains["a"])
    # intake→core 0.9 × core→left 0.95 × left→p 0.99 = 0.84645
    assert a.value == pytest.approx(0.9 * 0.95 * 0.99)
    assert a.unknown == ()
    b = rolled_quality(org, org.chains["b"])
    # 0.9 × 0.7 = 0.63; right → q has no quality
    assert b.value == pytest.approx(0.63)
    assert b.unknown == (("right", "q"),)


def test_weakest_handoffs_lowest_first(org) -> None:
    weakest = weakest_handoffs(build_graph(org), limit=2)
    assert [(w.source, w.target, w.quality) for w in weakest] == [
        ("core", "right", 0.7),
        ("intake", "core", 0.9),
    ]
    assert weakest[0].chains == ("b",)
    assert weakest_handoffs(build_graph(org), limit=0) == []


def test_chains_report(org) -> None:
    report = analyze_chains(org, build_graph(org))
    assert list(report.flow.chains) == ["a", "b"]
    assert report.satisfaction == {"intake": 4.0}
    assert report.weakest[0].target == "right"
    assert report.min_rolled_quality == 0.8
