"""Invariants on random valid organizations, and a long line that must not recurse."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientchain.analysis.structure import single_points_of_failure, who, who_all
from clientchain.checks import Finding, run_checks
from clientchain.graph import EXPLICIT, build_graph
from clientchain.model import (
    HANDOFF_TYPES,
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Organization,
    Step,
)


@st.composite
def organizations(draw: st.DrawFn) -> Organization:
    depts = [f"d{i}" for i in range(draw(st.integers(1, 7)))]
    clients = [f"c{i}" for i in range(draw(st.integers(0, 3)))]
    suppliers = [f"s{i}" for i in range(draw(st.integers(0, 2)))]
    nodes = depts + clients + suppliers
    chains = {}
    if clients:
        for number in range(draw(st.integers(0, 4))):
            steps = draw(st.lists(st.sampled_from(depts), min_size=1, max_size=6))
            chains[f"k{number}"] = Chain(
                f"k{number}",
                f"K{number}",
                draw(st.sampled_from(clients)),
                draw(st.floats(0, 100)),
                tuple(Step(d, 1.0) for d in steps),
                supplier=draw(st.none() | st.sampled_from(suppliers)) if suppliers else None,
            )
    pairs = draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), unique=True))
    handoffs = tuple(
        Handoff(
            source,
            target,
            deliverable=draw(st.none() | st.sampled_from(["x", " "])),
            volume=draw(st.none() | st.floats(0, 50)),
            satisfaction=draw(st.none() | st.floats(1, 5)),
            type=draw(st.sampled_from(HANDOFF_TYPES)),
        )
        for source, target in pairs
    )
    return Organization(
        name="Random",
        departments={d: Department(d, d.upper()) for d in depts},
        clients={c: ExternalParty(c, c.upper(), "client") for c in clients},
        suppliers={s: ExternalParty(s, s.upper(), "supplier") for s in suppliers},
        handoffs=handoffs,
        chains=chains,
        checks=ChecksConfig(min_satisfaction=draw(st.floats(1, 5))),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organizations())
def test_one_edge_per_distinct_pair_and_checks_never_crash(org: Organization) -> None:
    g = build_graph(org)
    implied = {(u, v) for chain in org.chains.values() for u, v in pairwise(chain.path) if u != v}
    explicit = {(h.source, h.target) for h in org.handoffs if h.source != h.target}
    assert set(g.edges) == implied | explicit
    assert g.number_of_edges() == len(implied | explicit)
    assert {e for e, flag in g.edges.items() if flag[EXPLICIT]} == explicit
    findings = run_checks(org, g)
    assert all(isinstance(f, Finding) for f in findings)
    assert findings == sorted(findings, key=Finding.sort_key)


@settings(max_examples=150, deadline=None)
@given(organizations())
def test_who_all_agrees_with_who(org: Organization) -> None:
    g = build_graph(org)
    assert who_all(org, g) == [who(org, g, d) for d in org.departments]


def test_long_line_through_every_analysis_and_check() -> None:
    n = 3000
    ids = [f"d{i:04d}" for i in range(n)]
    org = Organization(
        name="Line",
        departments={d: Department(d, d) for d in ids},
        clients={"z": ExternalParty("z", "Z", "client")},
        chains={"line": Chain("line", "Line", "z", 1.0, tuple(Step(d, 0.1) for d in ids))},
        handoffs=(Handoff(ids[-1], ids[0], type="feedback", deliverable="Voz del cliente"),),
    )
    g = build_graph(org)
    assert who_all(org, g)[0].downstream == (*ids[1:], "z")
    assert len(single_points_of_failure(org, g)) == n
    findings = run_checks(org, g)
    assert {f.rule for f in findings} == {"single-point-of-failure"}
    assert len(findings) == n


def test_long_work_cycle_does_not_recurse() -> None:
    n = 3000
    ids = [f"d{i:04d}" for i in range(n)]
    handoffs = tuple(
        Handoff(a, b, deliverable="x") for a, b in zip(ids, [*ids[1:], ids[0]], strict=True)
    )
    org = Organization("Ring", {d: Department(d, d) for d in ids}, handoffs=handoffs)
    findings = run_checks(org, build_graph(org))
    [cycle] = [f for f in findings if f.rule == "work-cycle"]
    assert cycle.message.startswith("Work handoffs form a loop that no chain walks: d0000 → d0001")
    # the advice names 5 of the 3000 handoffs no chain passes, then the count of the rest
    assert cycle.message.endswith(
        "If d0000 → d0001, d0001 → d0002, d0002 → d0003, d0003 → d0004, d0004 → d0005 or"
        " 2995 more only returns comments or approval, declare it `type: feedback`."
    )
    assert len([f for f in findings if f.rule == "orphan-department"]) == n
