"""Who serves whom and structural chokepoints (SPEC §2)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clientchain.analysis.structure import (
    SinglePointOfFailure,
    WhoServesWhom,
    betweenness,
    hops_to_external_clients,
    single_points_of_failure,
    who,
    who_all,
)
from clientchain.errors import UsageError
from clientchain.graph import build_graph, work_graph
from clientchain.loading import load_file
from clientchain.model import (
    Chain,
    Department,
    ExternalParty,
    Handoff,
    HandoffType,
    Organization,
    Step,
)


def org_of(
    depts: str | list[str],
    edges: list[tuple[str, str]] | list[tuple[str, str, HandoffType]],
    clients: tuple[str, ...] = ("z",),
    suppliers: tuple[str, ...] = (),
    chains: dict[str, Chain] | None = None,
) -> Organization:
    """An org from department ids and explicit ``(from, to[, type])`` handoffs."""
    handoffs = tuple(Handoff(e[0], e[1], type=e[2] if len(e) == 3 else "work") for e in edges)
    return Organization(
        name="T",
        departments={d: Department(d, d.upper()) for d in depts},
        clients={c: ExternalParty(c, f"Client {c}", "client") for c in clients},
        suppliers={s: ExternalParty(s, f"Supplier {s}", "supplier") for s in suppliers},
        handoffs=handoffs,
        chains=chains or {},
    )


def agency() -> Organization:
    """stock → content → creative → social → brands, social ⇢ content feedback."""
    steps = (Step("content", 2.0), Step("creative", 4.0), Step("social", 0.5))
    return Organization(
        name="Agencia",
        departments={
            "content": Department("content", "Contenido"),
            "creative": Department("creative", "Creatividad"),
            "social": Department("social", "Redes sociales"),
            "legal": Department("legal", "Legal"),
        },
        clients={"brands": ExternalParty("brands", "Marcas", "client")},
        suppliers={"stock": ExternalParty("stock", "Banco", "supplier")},
        handoffs=(
            Handoff("social", "content", type="feedback"),
            Handoff("legal", "creative", type="information"),
        ),
        chains={"info": Chain("info", "Info", "brands", 10.0, steps, supplier="stock")},
    )


def test_who_middle_department() -> None:
    org = agency()
    assert who(org, build_graph(org), "creative") == WhoServesWhom(
        id="creative",
        name="Creatividad",
        role="department",
        suppliers=("content",),
        clients=("social",),
        upstream=("content", "stock"),
        downstream=("social", "brands"),
        serves_external=("brands",),
        hops_to_external=2,
        information_from=("legal",),
        information_to=(),
    )


def test_who_feedback_edges_are_not_work_and_listed_apart_from_information() -> None:
    org = agency()
    g = build_graph(org)
    content = who(org, g, "content")
    assert content.suppliers == ("stock",)  # the feedback from social is not work
    assert (content.feedback_from, content.information_from) == (("social",), ())
    assert content.upstream == ("stock",)
    assert content.hops_to_external == 3
    social = who(org, g, "social")
    assert (social.feedback_to, social.information_to) == (("content",), ())
    assert social.downstream == ("brands",)
    assert social.hops_to_external == 1


def test_who_without_line_of_sight() -> None:
    org = agency()
    legal = who(org, build_graph(org), "legal")
    assert legal.downstream == ()
    assert legal.serves_external == ()
    assert legal.hops_to_external is None
    assert legal.information_to == ("creative",)


def test_who_on_external_parties() -> None:
    org = agency()
    g = build_graph(org)
    brands = who(org, g, "brands")
    assert brands.role == "client"
    assert brands.upstream == ("social", "creative", "content", "stock")
    assert brands.hops_to_external is None
    stock = who(org, g, "stock")
    assert stock.role == "supplier"
    assert stock.hops_to_external == 4


def test_upstream_sorted_by_hops_then_file_order() -> None:
    # d2 → d1 → t ← d3: d1 and d3 at one hop (file order), d2 at two.
    org = org_of(["d1", "d2", "d3", "t"], [("d3", "t"), ("d1", "t"), ("d2", "d1"), ("t", "z")])
    t = who(org, build_graph(org), "t")
    assert t.upstream == ("d1", "d3", "d2")
    assert t.suppliers == ("d1", "d3")


def test_hops_takes_the_shortest_route_to_any_client() -> None:
    # a → b → c → y and a → z directly
    org = org_of("abc", [("a", "b"), ("b", "c"), ("c", "y"), ("a", "z")], clients=("y", "z"))
    g = build_graph(org)
    a = who(org, g, "a")
    assert a.serves_external == ("y", "z")  # in file order; z is 1 hop away, y 3
    assert a.hops_to_external == 1
    assert hops_to_external_clients(g) == {"y": 0, "z": 0, "c": 1, "a": 1, "b": 2}


def test_who_all_matches_who_for_every_department() -> None:
    org = agency()
    g = build_graph(org)
    assert who_all(org, g) == [who(org, g, d) for d in org.departments]


def test_who_all_without_reach_lists_keeps_line_of_sight_and_hops() -> None:
    # a loop b ⇄ c feeding client y, and a → z; d reaches nothing
    org = org_of(
        "abcd", [("a", "b"), ("b", "c"), ("c", "b"), ("c", "y"), ("a", "z")], clients=("y", "z")
    )
    g = build_graph(org)
    full, light = who_all(org, g), who_all(org, g, reach=False)
    for f, lite in zip(full, light, strict=True):
        assert (lite.upstream, lite.downstream) == ((), ())
        assert (lite.id, lite.serves_external, lite.hops_to_external) == (
            f.id,
            f.serves_external,
            f.hops_to_external,
        )
    assert [w.serves_external for w in light] == [("y", "z"), ("y",), ("y",), ()]
    for path in sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml")):
        example = load_file(path)
        eg = build_graph(example)
        assert [(w.serves_external, w.hops_to_external) for w in who_all(example, eg)] == [
            (w.serves_external, w.hops_to_external) for w in who_all(example, eg, reach=False)
        ]


def test_unknown_id_suggests_close_ids() -> None:
    org = agency()
    with pytest.raises(UsageError, match=r"unknown .* 'creativ' \(did you mean 'creative'\?\)"):
        who(org, build_graph(org), "creativ")


def test_unknown_id_matching_a_display_name_suggests_its_id() -> None:
    org = agency()
    with pytest.raises(UsageError, match="did you mean 'social'"):
        who(org, build_graph(org), "redes sociales")


def test_unknown_id_without_close_match() -> None:
    org = agency()
    with pytest.raises(UsageError) as info:
        who(org, build_graph(org), "qqqqqq")
    assert "did you mean" not in str(info.value)


def test_spof_diamond_has_none() -> None:
    # s → a → z and s → b → z: two routes, no department on all of them
    org = org_of("ab", [("s", "a"), ("s", "b"), ("a", "z"), ("b", "z")], suppliers=("s",))
    assert single_points_of_failure(org, build_graph(org)) == []


def test_spof_funnel() -> None:
    # s1 → a → f → z, s2 → b → f: every route passes f
    edges = [("s1", "a"), ("s2", "b"), ("a", "f"), ("b", "f"), ("f", "z")]
    org = org_of("abf", edges, suppliers=("s1", "s2"))
    assert single_points_of_failure(org, build_graph(org)) == [SinglePointOfFailure("f", "z")]


def test_spof_virtual_root_with_two_department_sources() -> None:
    # a and b have no supplier: both are sources; only c is on every route.
    # Starting from a alone would wrongly report a as well.
    org = org_of("abc", [("a", "c"), ("b", "c"), ("c", "z")])
    assert single_points_of_failure(org, build_graph(org)) == [SinglePointOfFailure("c", "z")]


def test_spof_line_upstream_first_and_per_client() -> None:
    org = org_of("abc", [("a", "b"), ("b", "c"), ("c", "z"), ("b", "y")], clients=("y", "z"))
    assert single_points_of_failure(org, build_graph(org)) == [
        SinglePointOfFailure("a", "y"),
        SinglePointOfFailure("b", "y"),
        SinglePointOfFailure("a", "z"),
        SinglePointOfFailure("b", "z"),
        SinglePointOfFailure("c", "z"),
    ]


def test_spof_ignores_information_edges_and_external_suppliers() -> None:
    # the information edge x ⇢ a is no alternative route; s is a supplier, not reported
    edges = [("s", "a"), ("a", "z"), ("x", "a", "information")]
    org = org_of("ax", edges, suppliers=("s",))
    assert single_points_of_failure(org, build_graph(org)) == [SinglePointOfFailure("a", "z")]


def test_spof_source_loop_without_supplier() -> None:
    # a ⇄ b, b → z: nothing feeds the loop, so its members are the sources
    org = org_of("ab", [("a", "b"), ("b", "a"), ("b", "z")])
    assert single_points_of_failure(org, build_graph(org)) == [SinglePointOfFailure("b", "z")]


def test_spof_unserved_client_has_none() -> None:
    org = org_of("a", [], clients=("z",))
    assert single_points_of_failure(org, build_graph(org)) == []


def test_spof_without_any_source() -> None:
    # the only work comes from the client itself (z → a): no source, no SPOF, no crash
    org = org_of("a", [("z", "a")])
    assert single_points_of_failure(org, build_graph(org)) == []


def test_betweenness_on_work_graph() -> None:
    # a → b → c (+ a feedback edge c ⇢ a that must not count)
    org = org_of("abc", [("a", "b"), ("b", "c"), ("c", "a", "feedback")], clients=())
    scores = betweenness(build_graph(org))
    assert list(scores) == ["a", "b", "c"]
    # b lies on the only a → c path; normalized by (n-1)(n-2) = 2 → 0.5
    assert scores == {"a": 0.0, "b": pytest.approx(0.5), "c": 0.0}


def test_long_line_does_not_recurse() -> None:
    n = 3000
    ids = [f"d{i:04d}" for i in range(n)]
    chain = Chain("line", "Line", "z", 1.0, tuple(Step(d, 0.1) for d in ids))
    org = org_of(ids, [], chains={"line": chain})
    g = build_graph(org)
    everyone = who_all(org, g)
    assert len(everyone) == n
    assert everyone[0].hops_to_external == n
    assert everyone[-1].upstream[:2] == (ids[-2], ids[-3])
    spofs = single_points_of_failure(org, g)
    assert [s.department for s in spofs] == ids


_NODES = "abcdefsz"  # departments a–f, supplier s, client z


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_NODES[:7]), st.sampled_from("abcdefz")).filter(
            lambda e: e[0] != e[1]
        ),
        unique=True,
        max_size=14,
    )
)
def test_spof_agrees_with_removing_each_department(edges: list[tuple[str, str]]) -> None:
    # The definition by brute force: with department d removed, no source (external
    # supplier, or a node of a work component nothing feeds) reaches client z any more.
    org = org_of("abcdef", edges, suppliers=("s",))
    graph = build_graph(org)
    work = nx.DiGraph(work_graph(graph))
    roots = {n for n in work if work.in_degree(n) == 0 and n != "z"} | {"s"}
    for component in nx.strongly_connected_components(work):
        feeds = any(p not in component for n in component for p in work.predecessors(n))
        if not feeds:
            roots |= component - {"z"}

    def reaches_z(without: str | None) -> bool:
        kept = work.subgraph(n for n in work if n != without)
        return any(r in kept and (r == "z" or nx.has_path(kept, r, "z")) for r in roots)

    expected = {d for d in "abcdef" if d in work and not reaches_z(d)} if reaches_z(None) else set()
    found = {s.department for s in single_points_of_failure(org, graph)}
    assert found == expected
