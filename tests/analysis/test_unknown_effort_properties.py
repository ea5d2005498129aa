"""Marking any steps `effort: unknown` never makes a number appear where they contribute,
and never changes a number they do not contribute to (Hypothesis)."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.impact import analyze_bottlenecks, analyze_chains
from clientchain.checks import run_checks
from clientchain.graph import build_graph
from clientchain.model import Chain, Department, ExternalParty, Organization, Step
from clientchain.output.flow import bottlenecks_json, chains_json


@st.composite
def marked(draw: st.DrawFn) -> tuple[Organization, Organization, frozenset[tuple[str, int]]]:
    """An organization, the same with some steps' effort unknown, and those (chain, step)."""
    depts = {
        f"d{i}": Department(
            f"d{i}",
            f"D{i}",
            headcount=draw(st.sampled_from([0.0, 1.0, 2.0])),
            other_load=draw(st.floats(0, 50)),
        )
        for i in range(draw(st.integers(1, 4)))
    }
    chains = {}
    for number in range(draw(st.integers(1, 3))):
        steps = tuple(
            Step(
                draw(st.sampled_from(sorted(depts))),
                draw(st.floats(0, 40)),
                wait=draw(st.none() | st.floats(0, 20)),
            )
            for _ in range(draw(st.integers(1, 4)))
        )
        demand = draw(st.floats(0, 50))
        chains[f"k{number}"] = Chain(f"k{number}", f"K{number}", "z", demand, steps)
    org = Organization("G", depts, {"z": ExternalParty("z", "Z", "client")}, chains=chains)
    places = [(c, i) for c, chain in chains.items() for i in range(len(chain.steps))]
    unknown = frozenset(draw(st.lists(st.sampled_from(places), min_size=1, unique=True)))
    changed = {
        c: replace(
            chain,
            steps=tuple(
                replace(s, effort=None) if (c, i) in unknown else s
                for i, s in enumerate(chain.steps)
            ),
        )
        for c, chain in chains.items()
    }
    return org, replace(org, chains=changed), unknown


def _same(a: float | None, b: float | None) -> bool:
    return a == b or (a is not None and b is not None and math.isnan(a) and math.isnan(b))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=marked())
def test_unknown_reaches_exactly_what_it_feeds(
    case: tuple[Organization, Organization, frozenset[tuple[str, int]]],
) -> None:
    org, marked_org, unknown = case
    before, after = analyze_flow(org), analyze_flow(marked_org)
    hit_chains = {c for c, _ in unknown}
    hit_depts = {org.chains[c].steps[i].department for c, i in unknown}
    for chain_id, flow in after.chains.items():
        was = before.chains[chain_id]
        if chain_id in hit_chains:
            assert flow.process_time_hours is None
            assert flow.lead_time_hours is None
            assert flow.value_added_ratio is None
        else:
            assert _same(flow.lead_time_hours, was.lead_time_hours)
            assert _same(flow.value_added_ratio, was.value_added_ratio)
        assert flow.takt_hours == was.takt_hours
    for dept_id, dept in after.departments.items():
        if dept_id in hit_depts:
            assert (dept.load_hours, dept.utilization) == (None, None)
        else:
            assert _same(dept.utilization, before.departments[dept_id].utilization)
    assert set(after.unknown_utilization) == hit_depts
    assert (after.headroom, after.demand_limit, after.limit_department) == (None, None, None)
    if after.constraint is not None:
        top = after.departments[after.constraint].utilization
        assert top is not None
        assert all(
            d.utilization is None or d.utilization <= top for d in after.departments.values()
        )
    # the rules run, and none of the load rules judges an unknown department
    findings = run_checks(marked_org, build_graph(marked_org))
    loads = {"overloaded", "near-capacity"}
    assert not any(f.rule in loads and f.subject in hit_depts for f in findings)
    assert [f.rule for f in findings].count("unknown-effort") == len(hit_chains)
    # JSON refuses NaN and infinity: unknowns must arrive as null, not as a float
    graph = build_graph(marked_org)
    bottlenecks_json(analyze_bottlenecks(marked_org, graph))
    chains_json(analyze_chains(marked_org, graph))
