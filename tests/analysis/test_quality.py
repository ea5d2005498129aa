"""Satisfaction of supplier departments (SPEC §2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clientchain.analysis.quality import department_satisfaction, rated_handoffs, weakest_handoff
from clientchain.graph import build_graph
from clientchain.loading import load_file
from clientchain.model import Chain, Department, ExternalParty, Handoff, Organization, Step


def org_with(*handoffs: Handoff, chains: dict[str, Chain] | None = None) -> Organization:
    return Organization(
        name="Q",
        departments={d: Department(d, d.upper()) for d in "abcd"},
        clients={"z": ExternalParty("z", "Z", "client")},
        handoffs=handoffs,
        chains=chains or {},
    )


def test_volume_weighted_mean() -> None:
    org = org_with(
        Handoff("a", "b", volume=30, satisfaction=4.0),
        Handoff("a", "c", volume=10, satisfaction=2.0),
        Handoff("b", "c", volume=5, satisfaction=5.0),
    )
    # a: (30·4 + 10·2) / 40 = 140 / 40 = 3.5 ; b: 5·5 / 5 = 5
    assert department_satisfaction(org, build_graph(org)) == {"a": 3.5, "b": 5.0}


def test_edge_without_volume_weighs_one() -> None:
    org = org_with(
        Handoff("a", "b", volume=3, satisfaction=5.0),
        Handoff("a", "c", satisfaction=1.0),
    )
    # (3·5 + 1·1) / (3 + 1) = 16 / 4 = 4
    assert department_satisfaction(org, build_graph(org)) == {"a": 4.0}


def test_chain_volume_is_the_weight() -> None:
    chains = {"x": Chain("x", "X", "z", 9.0, (Step("a", 1.0), Step("b", 1.0)))}
    org = org_with(
        Handoff("a", "b", satisfaction=2.0),  # volume from chain x: 9
        Handoff("a", "c", satisfaction=5.0),  # no volume: weight 1
        chains=chains,
    )
    # (9·2 + 1·5) / (9 + 1) = 23 / 10 = 2.3
    assert department_satisfaction(org, build_graph(org))["a"] == pytest.approx(2.3)


def test_all_zero_volume_falls_back_to_plain_mean() -> None:
    org = org_with(
        Handoff("a", "b", volume=0, satisfaction=4.0),
        Handoff("a", "c", volume=0, satisfaction=3.0),
    )
    assert department_satisfaction(org, build_graph(org)) == {"a": 3.5}


def test_unrated_departments_are_absent_and_unrated_edges_ignored() -> None:
    org = org_with(Handoff("a", "b", volume=100), Handoff("b", "c", satisfaction=3.0))
    assert department_satisfaction(org, build_graph(org)) == {"b": 3.0}


def test_weakest_and_rated_handoffs() -> None:
    org = org_with(
        Handoff("a", "b", satisfaction=4.0),
        Handoff("a", "c", satisfaction=2.0),
        Handoff("a", "d", satisfaction=2.0),
    )
    g = build_graph(org)
    assert rated_handoffs(g, "a") == [("b", 4.0), ("c", 2.0), ("d", 2.0)]
    assert weakest_handoff(g, "a") == ("c", 2.0)  # ties: the first
    assert weakest_handoff(g, "b") is None


def test_satisfaction_matrix_of_agencia_holds_each_work_handoff() -> None:
    from clientchain.analysis.quality import MatrixCell, satisfaction_matrix

    org = load_file(Path(__file__).resolve().parents[2] / "examples" / "agencia.yaml")
    matrix = satisfaction_matrix(org, build_graph(org))
    # rows: the external suppliers first (stock, locucion), then departments with work out
    assert matrix.suppliers[:2] == ("stock", "locucion")
    assert "administracion" in matrix.suppliers  # its report to direccion is work
    # columns: departments with work in, then the clients
    assert matrix.clients[-2:] == ("marcas", "pymes")
    # contenido → creatividad: "quality: 96%", "satisfaction: 4.2"
    assert matrix.cells[("contenido", "creatividad")] == MatrixCell(4.2, 0.96)
    # direccion → cuentas gives a rating but no %C&A
    assert matrix.cells[("direccion", "cuentas")] == MatrixCell(3.5, None)
    # redes → contenido is feedback: not a cell; cuentas → administracion is information
    assert ("redes", "contenido") not in matrix.cells
    assert ("cuentas", "administracion") not in matrix.cells
    assert matrix.min_satisfaction == 3.0
