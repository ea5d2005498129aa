"""The derived supplier → client graph (SPEC §1 "Derived graph")."""

from __future__ import annotations

import networkx as nx
import pytest

from clientchain.graph import (
    CHAINS,
    CLIENT,
    DELIVERABLE,
    DEPARTMENT,
    EXPLICIT,
    FEEDBACK,
    GROUP,
    INFORMATION,
    KIND,
    LEAD_TIME,
    LOCATION,
    NAME,
    QUALITY,
    ROLE,
    SATISFACTION,
    SEGMENT,
    SUPPLIER,
    TYPE,
    VOLUME,
    WORK,
    build_graph,
    departments,
    derived,
    external_clients,
    external_suppliers,
    is_department,
    is_external_client,
    is_external_supplier,
    is_work_edge,
    work_graph,
)
from clientchain.model import (
    Chain,
    Department,
    ExternalParty,
    Handoff,
    Location,
    Organization,
    Step,
)


def agency() -> Organization:
    """Four departments, one client, one supplier, two chains, three explicit handoffs."""
    return Organization(
        name="Agencia",
        departments={
            "content": Department(
                "content", "Contenido", group="Marketing", location=Location(3, 3)
            ),
            "creative": Department("creative", "Creatividad", kind="commercial"),
            "social": Department("social", "Redes sociales"),
            "review": Department("review", "Revisión"),
        },
        clients={"brands": ExternalParty("brands", "Marcas", "client", segment="loyal")},
        suppliers={"stock": ExternalParty("stock", "Banco de imágenes", "supplier")},
        handoffs=(
            Handoff(
                "content",
                "creative",
                deliverable="Textos",
                volume=20,
                lead_time=8.0,
                quality=0.9,
                satisfaction=4.2,
                location=Location(20, 5),
            ),
            Handoff("social", "content", type="feedback", location=Location(27, 5)),
            Handoff("review", "social", location=Location(28, 5)),
        ),
        chains={
            "info": Chain(
                "info",
                "Infografía",
                "brands",
                10.0,
                (Step("content", 2.0), Step("creative", 4.0), Step("social", 0.5)),
                supplier="stock",
                location=Location(31, 3),
            ),
            "post": Chain(
                "post",
                "Post",
                "brands",
                5.0,
                # creative twice in a row: no self-loop creative → creative
                (Step("content", 1), Step("creative", 1), Step("creative", 1), Step("social", 1)),
                location=Location(40, 3),
            ),
        },
    )


def test_nodes_in_file_order_with_roles_and_attributes() -> None:
    g = build_graph(agency())
    assert list(g) == ["content", "creative", "social", "review", "brands", "stock"]
    assert g.nodes["content"] == {
        ROLE: DEPARTMENT,
        NAME: "Contenido",
        KIND: "operative",
        GROUP: "Marketing",
        SEGMENT: None,
    }
    assert g.nodes["creative"][KIND] == "commercial"
    assert g.nodes["brands"][ROLE] == CLIENT
    assert g.nodes["brands"][SEGMENT] == "loyal"
    assert g.nodes["stock"][ROLE] == SUPPLIER
    assert g.nodes["stock"][KIND] is None
    assert g.graph["name"] == "Agencia"


def test_edges_by_source_then_explicit_first_without_self_loops() -> None:
    g = build_graph(agency())
    assert list(g.edges) == [
        ("content", "creative"),
        ("creative", "social"),
        ("social", "content"),  # explicit, inserted before the chain's social → brands
        ("social", "brands"),
        ("review", "social"),
        ("stock", "content"),
    ]
    assert not g.has_edge("creative", "creative")


def test_volumes_explicit_else_sum_of_chain_demand() -> None:
    g = build_graph(agency())
    # explicit 20 wins over the chains' 10 (info) + 5 (post) = 15
    assert g.edges["content", "creative"][VOLUME] == 20
    # only "info" starts at the supplier: 10
    assert g.edges["stock", "content"][VOLUME] == 10
    # info 10 + post 5 = 15 (post's creative → creative step adds nothing)
    assert g.edges["creative", "social"][VOLUME] == 15
    assert g.edges["social", "brands"][VOLUME] == 15
    # explicit handoffs on no chain, without volume: unknown
    assert g.edges["social", "content"][VOLUME] is None
    assert g.edges["review", "social"][VOLUME] is None


def test_chain_membership_in_chain_order() -> None:
    g = build_graph(agency())
    assert g.edges["content", "creative"][CHAINS] == ("info", "post")
    assert g.edges["creative", "social"][CHAINS] == ("info", "post")
    assert g.edges["stock", "content"][CHAINS] == ("info",)
    assert g.edges["social", "content"][CHAINS] == ()


def test_explicit_attributes_and_locations() -> None:
    g = build_graph(agency())
    edge = g.edges["content", "creative"]
    assert edge[EXPLICIT] is True
    assert edge[TYPE] == WORK
    assert (edge[DELIVERABLE], edge[LEAD_TIME], edge[QUALITY], edge[SATISFACTION]) == (
        "Textos",
        8.0,
        0.9,
        4.2,
    )
    assert edge[LOCATION] == Location(20, 5)
    implied = g.edges["creative", "social"]
    assert implied[EXPLICIT] is False
    assert implied[TYPE] == WORK
    assert implied[DELIVERABLE] is None
    assert implied[QUALITY] is None
    assert implied[LOCATION] == Location(31, 3)  # the first chain passing it: info
    assert g.edges["social", "content"][TYPE] == FEEDBACK


def test_explicit_type_wins_over_chain() -> None:
    org = agency()
    org = Organization(
        name=org.name,
        departments=org.departments,
        clients=org.clients,
        suppliers=org.suppliers,
        chains=org.chains,
        handoffs=(Handoff("creative", "social", type="information"),),
    )
    g = build_graph(org)
    assert g.edges["creative", "social"][TYPE] == INFORMATION
    assert g.edges["creative", "social"][CHAINS] == ("info", "post")
    assert g.edges["creative", "social"][VOLUME] == 15  # 10 + 5, no explicit volume
    assert not is_work_edge(g, "creative", "social")


def test_chain_passing_an_edge_twice_counts_once() -> None:
    org = Organization(
        name="Loop",
        departments={d: Department(d, d) for d in ("a", "b")},
        clients={"z": ExternalParty("z", "Z", "client")},
        chains={
            "rework": Chain("rework", "R", "z", 7.0, tuple(Step(d, 1.0) for d in "abab")),
        },
    )
    g = build_graph(org)
    assert g.edges["a", "b"][CHAINS] == ("rework",)
    assert g.edges["a", "b"][VOLUME] == 7
    assert g.edges["b", "a"][VOLUME] == 7


def test_explicit_self_loop_is_ignored() -> None:
    org = Organization(
        name="Self",
        departments={"a": Department("a", "A")},
        handoffs=(Handoff("a", "a", deliverable="Notes"),),
    )
    assert build_graph(org).number_of_edges() == 0


def test_work_graph_keeps_nodes_drops_non_work_edges() -> None:
    g = build_graph(agency())
    work = work_graph(g)
    assert list(work) == list(g)
    assert ("social", "content") not in work.edges
    assert set(work.edges) == set(g.edges) - {("social", "content")}


def test_role_helpers() -> None:
    g = build_graph(agency())
    assert departments(g) == ["content", "creative", "social", "review"]
    assert external_clients(g) == ["brands"]
    assert external_suppliers(g) == ["stock"]
    assert is_department(g, "content")
    assert not is_department(g, "brands")
    assert is_external_client(g, "brands")
    assert not is_external_client(g, "nowhere")
    assert is_external_supplier(g, "stock")
    assert is_work_edge(g, "content", "creative")
    assert not is_work_edge(g, "social", "content")
    assert not is_work_edge(g, "brands", "content")


@pytest.mark.parametrize("demand", [0.0, 2.5])
def test_zero_and_fractional_demand(demand: float) -> None:
    org = Organization(
        name="One",
        departments={"a": Department("a", "A")},
        clients={"z": ExternalParty("z", "Z", "client")},
        chains={"c": Chain("c", "C", "z", demand, (Step("a", 1.0),))},
    )
    assert build_graph(org).edges["a", "z"][VOLUME] == demand


def test_build_graph_is_frozen_and_derived_results_are_shared() -> None:
    g = build_graph(agency())
    assert nx.is_frozen(g)
    with pytest.raises(nx.NetworkXError):
        g.add_edge("content", "review")
    calls: list[int] = []

    def count(graph: nx.DiGraph) -> int:
        calls.append(1)
        return graph.number_of_edges()

    assert derived(g, "edges", count) == derived(g, "edges", count) == g.number_of_edges()
    assert len(calls) == 1  # computed once for a frozen graph
    assert work_graph(g) is work_graph(g)
    mutable = g.copy()
    assert not nx.is_frozen(mutable)
    derived(mutable, "edges", count)
    derived(mutable, "edges", count)
    assert len(calls) == 3  # a graph that can change is computed afresh
