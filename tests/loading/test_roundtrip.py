"""Property: any valid organization survives dump → load unchanged (locations aside)."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clientchain.loading import load_text
from clientchain.loading.dump import dump_org
from clientchain.loading.labels import label_problem
from clientchain.model import (
    NOWHERE,
    Chain,
    ChecksConfig,
    Department,
    ExternalParty,
    Handoff,
    Organization,
    Step,
)
from clientchain.units import Calendar

# Any text a label can be: noncharacters (U+FFFE …) are refused at load (labels.py).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda text: label_problem(text) is None
)
AMOUNT = st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3))
FRACTION = st.floats(min_value=0, max_value=1).map(lambda x: round(x, 4))
# Per-entity `ignore:` lists (the loader keeps any text; the checks validate rule ids).
IGNORE = st.lists(
    st.sampled_from(["isolated", "work-cycle", "no-feedback", "missing-deliverable"]),
    max_size=2,
    unique=True,
).map(tuple)


@st.composite
def organizations(draw: Any) -> Organization:
    ids = draw(st.lists(TEXT, min_size=3, max_size=12, unique=True))
    n_dep = draw(st.integers(1, len(ids) - 2))
    dep_ids, client_ids, supplier_ids = ids[:n_dep], ids[n_dep:-1], ids[-1:]
    departments = {
        d: Department(
            id=d,
            name=draw(TEXT),
            kind=draw(st.sampled_from(["executive", "commercial", "operative"])),
            group=draw(st.none() | TEXT),
            headcount=draw(st.integers(0, 50)),
            capacity=draw(st.none() | AMOUNT),
            other_load=draw(AMOUNT),
            owner=draw(st.none() | TEXT),
            tags=tuple(draw(st.lists(TEXT, max_size=3))),
            ignore=draw(IGNORE),
        )
        for d in dep_ids
    }
    clients = {
        c: ExternalParty(c, draw(TEXT), "client", draw(st.none() | TEXT), ignore=draw(IGNORE))
        for c in client_ids
    }
    suppliers = {
        s: ExternalParty(s, draw(TEXT), "supplier", ignore=draw(IGNORE)) for s in supplier_ids
    }
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=10, unique=True)
    )
    handoffs = tuple(
        Handoff(
            a,
            b,
            deliverable=draw(st.none() | TEXT),
            volume=draw(st.none() | AMOUNT),
            lead_time=draw(st.none() | AMOUNT),
            quality=draw(st.none() | FRACTION),
            satisfaction=draw(st.none() | st.integers(1, 5)),
            type=draw(st.sampled_from(["work", "information", "feedback"])),
            ignore=draw(IGNORE),
        )
        for a, b in pairs
        if a != b
    )
    chains = {
        cid: Chain(
            id=cid,
            name=draw(TEXT),
            client=draw(st.sampled_from(client_ids)),
            supplier=draw(st.none() | st.sampled_from(supplier_ids)),
            demand=draw(AMOUNT),
            steps=tuple(
                Step(department=d, effort=draw(AMOUNT), wait=draw(st.none() | AMOUNT))
                for d in draw(st.lists(st.sampled_from(dep_ids), min_size=1, max_size=5))
            ),
            finished_inventory=draw(AMOUNT),
            ignore=draw(IGNORE),
        )
        for cid in draw(st.lists(TEXT, max_size=3, unique=True))
    }
    return Organization(
        name=draw(TEXT),
        departments=departments,
        clients=clients,
        suppliers=suppliers,
        handoffs=handoffs,
        chains=chains,
        period=draw(st.sampled_from(["day", "week", "month"])),
        calendar=Calendar(draw(st.sampled_from([7.5, 8.0])), 5.0, 21.0),
        checks=ChecksConfig(ignore=("isolated",), severity={"no-feedback": "error"}),
        source="round.yaml",
    )


def without_locations(value: Any) -> Any:
    """The same value with every ``location`` field set to NOWHERE, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: NOWHERE if f.name == "location" else without_locations(getattr(value, f.name))
            for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, dict):
        return {k: without_locations(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(without_locations(v) for v in value)
    return value


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organizations())
def test_dump_then_load_gives_the_same_organization(org: Organization) -> None:
    again = load_text(dump_org(org), "round.yaml")
    assert without_locations(again) == without_locations(org)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(organizations())
def test_any_valid_org_loads_builds_one_edge_per_pair_and_checks(org: Organization) -> None:
    from clientchain.checks import run_checks
    from clientchain.graph import build_graph

    loaded = load_text(dump_org(org), "round.yaml")
    graph = build_graph(loaded)
    pairs = {(h.source, h.target) for h in org.handoffs}
    for chain in org.chains.values():
        pairs |= {(a, b) for a, b in zip(chain.path, chain.path[1:], strict=False) if a != b}
    assert set(graph.edges) == pairs
    assert graph.number_of_edges() == len(pairs)
    for finding in run_checks(loaded, graph):
        assert finding.file == "round.yaml"
        assert finding.line >= 1
