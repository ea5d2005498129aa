"""Betweenness is computed by rustworkx and equals networkx's exact values."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from clientchain.analysis.structure import betweenness
from clientchain.graph import build_graph, work_graph
from clientchain.loading import load_file
from clientchain.model import Chain, Department, ExternalParty, Organization, Step

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


def exact(graph: nx.DiGraph) -> dict[str, float]:
    return nx.betweenness_centrality(nx.DiGraph(work_graph(graph)))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_equals_networkx_on_every_example(path: Path) -> None:
    graph = build_graph(load_file(path))
    fast, reference = betweenness(graph), exact(graph)
    assert list(fast) == list(graph.nodes)  # file order kept
    assert fast == pytest.approx(reference, abs=1e-12)


def test_equals_networkx_on_a_random_org_with_loops_and_parallel_paths() -> None:
    rng = random.Random(3)
    ids = [f"d{i}" for i in range(60)]
    chains = {
        f"c{k}": Chain(
            f"c{k}",
            f"c{k}",
            "end",
            1,
            tuple(Step(d, 1.0) for d in rng.sample(ids, rng.randint(2, 6))),
        )
        for k in range(40)
    }
    org = Organization(
        name="random",
        departments={d: Department(d, d) for d in ids},
        clients={"end": ExternalParty("end", "End", "client")},
        chains=chains,
    )
    graph = build_graph(org)
    assert betweenness(graph) == pytest.approx(exact(graph), abs=1e-12)


def test_a_line_by_hand() -> None:
    # a → b → c → end: b lies on the paths a→c and a→end, c on a→end and b→end.
    # Normalized for a directed graph of n = 4 nodes: divide by (n−1)(n−2) = 6.
    org = Organization(
        name="line",
        departments={d: Department(d, d) for d in "abc"},
        clients={"end": ExternalParty("end", "End", "client")},
        chains={"x": Chain("x", "x", "end", 1, tuple(Step(d, 1.0) for d in "abc"))},
    )
    scores = betweenness(build_graph(org))
    assert scores == pytest.approx({"a": 0.0, "b": 2 / 6, "c": 2 / 6, "end": 0.0})
