"""The formatters in Spanish, called as a library (``with use("es")``): the limit clauses,
counts and plurals, the words of ``map``, ``chains`` and ``diff``, and the same calls in English
unchanged. Numbers are worked out by hand in the comments; Spanish writes ``80\xa0%``."""

from __future__ import annotations

import pytest

from clientchain.analysis.diff import diff_orgs
from clientchain.analysis.flow import analyze_flow
from clientchain.analysis.impact import analyze_chains
from clientchain.graph import build_graph
from clientchain.i18n import use
from clientchain.loading import load_text
from clientchain.model import Chain, Department, ExternalParty, Organization, Step
from clientchain.output.common import hops_text, none, party_role
from clientchain.output.diff import diff_markdown, diff_text, field_value, metric_value
from clientchain.output.flow import chains_text
from clientchain.output.limits import (
    constraint_line,
    constraint_mark,
    demand_limit_clause,
    demand_limit_line,
    headroom_clause,
    headroom_line,
    limits_words,
    unknown_clause,
)
from clientchain.output.overview import counts_text
from hand_orgs import UNKNOWN_EFFORT

NBSP = "\xa0"
CLIENTS = {"z": ExternalParty("z", "Zeta", "client")}


def _busiest_apart() -> Organization:
    """a: 30 h of other work of 40 h = 75 %, no chain work; b: 10 × 2 h = 20 h of 40 h = 50 %."""
    return Organization(
        name="Tiny",
        departments={"a": Department("a", "Alfa", other_load=30.0), "b": Department("b", "Beta")},
        clients=CLIENTS,
        chains={"x": Chain("x", "X", "z", 10.0, (Step("b", 2.0),))},
    )


def _plain(text: str) -> str:
    return text.replace(NBSP, " ")


def test_limit_clauses_in_spanish() -> None:
    org = _busiest_apart()
    flow = analyze_flow(org)
    with use("es"):
        assert _plain(headroom_clause(flow, org.label)) == (
            "si crece todo el trabajo, incluido el otro trabajo, Alfa llega primero al 100 %"
        )
        # (40 − 0) ÷ 20 = × 2: only Beta carries chain work
        assert _plain(demand_limit_clause(flow, org.label)) == (
            "si solo crece la demanda de las cadenas, Beta llega primero al 100 %"
        )
        assert _plain(constraint_line(flow, org.label)) == (
            "más cargado: Alfa, 75 %, sin trabajo de cadena; "
            "la restricción de las cadenas: Beta, 50 %"
        )
        # 1 ÷ 0.75 = × 1.33
        assert _plain(headroom_line(flow, org.label)).startswith("margen: × 1,33 (si crece")
        assert _plain(demand_limit_line(flow, org.label)).startswith("límite de demanda: × 2 (")
        assert constraint_mark(flow, "a") == "el más cargado, sin trabajo de cadena"
        assert constraint_mark(flow, "b") == "la restricción de las cadenas"
        assert limits_words(flow) == (
            "margen ×1,33 (todo el trabajo)  ·  "
            "límite de demanda ×2 (solo la demanda de las cadenas)"
        )
    # and in English, as before
    assert headroom_clause(flow, org.label) == (
        "if all work grows, other work included, Alfa reaches 100% first"
    )
    assert constraint_line(flow, org.label) == (
        "busiest: Alfa, 75%, no chain work; the chains' constraint: Beta, 50%"
    )


@pytest.mark.parametrize(
    ("department", "demand", "headroom", "limit"),
    [
        (Department("a", "Alfa"), 0, "no hay carga", "ningún departamento tiene trabajo de cadena"),
        (
            Department("a", "Alfa", capacity=0.0),
            10,
            "Alfa tiene trabajo pero no capacidad",
            "Alfa no tiene capacidad libre para trabajo de cadena",
        ),
        # 50 h of 40 h: 125 %
        (Department("a", "Alfa"), 50, "Alfa ya supera el 100 %", "Alfa ya supera el 100 %"),
    ],
)
def test_every_limit_clause_in_spanish(
    department: Department, demand: float, headroom: str, limit: str
) -> None:
    chains = {"x": Chain("x", "X", "z", demand, (Step("a", 1.0),))} if demand else {}
    org = Organization("T", {"a": department}, clients=CLIENTS, chains=chains)
    flow = analyze_flow(org)
    with use("es"):
        assert _plain(headroom_clause(flow, org.label)) == headroom
        assert _plain(demand_limit_clause(flow, org.label)) == limit


def test_unknown_effort_in_spanish() -> None:
    org = load_text(UNKNOWN_EFFORT, "unknown.yaml")
    flow = analyze_flow(org)
    with use("es"):
        assert unknown_clause(flow, org.label) == (
            "utilización desconocida en Beta: esfuerzo desconocido"
        )
        assert constraint_line(flow, org.label).endswith(
            "; utilización desconocida en Beta: esfuerzo desconocido"
        )


def test_counts_and_plurals_in_spanish() -> None:
    one = {"departments": 1, "clients": 1, "suppliers": 1, "handoffs": 1, "chains": 1}
    many = {"departments": 2, "clients": 3, "suppliers": 2, "handoffs": 1500, "chains": 0}
    with use("es"):
        assert counts_text(one) == "1 departamento, 1 cliente, 1 proveedor, 1 entrega, 1 cadena"
        assert counts_text(many) == (
            "2 departamentos, 3 clientes, 2 proveedores, 1.500 entregas, 0 cadenas"
        )
        assert (hops_text(1), hops_text(4), hops_text(None)) == (
            "1 entrega",
            "4 entregas",
            "ninguno",
        )
        assert (none(), none("chains"), none("people")) == ("ninguno", "ninguna", "ninguna")
    assert counts_text(one) == "1 department, 1 client, 1 supplier, 1 handoff, 1 chain"
    assert counts_text(many) == "2 departments, 3 clients, 2 suppliers, 1,500 handoffs, 0 chains"
    assert hops_text(1) == "1 handoff"


def test_client_roles_in_spanish() -> None:
    final = ExternalParty("f", "Final", "client", client_role="final")
    middle = ExternalParty("m", "Medio", "client", client_role="intermediary")
    supplier = ExternalParty("s", "Prov", "supplier")
    with use("es"):
        assert [party_role(p) for p in (final, middle, supplier)] == [
            "cliente final",
            "cliente intermediario",
            "proveedor",
        ]
    assert [party_role(p) for p in (final, middle, supplier)] == [
        p.role_words for p in (final, middle, supplier)
    ]


def test_chains_text_in_spanish() -> None:
    org = load_text(UNKNOWN_EFFORT, "unknown.yaml")
    result = analyze_chains(org, build_graph(org))
    with use("es"):
        text = _plain(chains_text(org, result))
    # y: process 1 + 4 = 5 h, lead time 5 h + 5 h wait = 10 h = 1,25 working days of 8 h;
    # value added 5 ÷ 10 = 50 %
    assert "  tiempo de proceso: 5 h" in text
    assert "  tiempo de entrega: 1,25 días laborables (10 h)" in text
    assert "  ratio de valor añadido: 50 %" in text
    # x: Beta's effort is unknown, and so is all it feeds
    assert "  esfuerzo desconocido en: Beta (b)" in text
    assert (
        "    Beta (b): esfuerzo desconocido, tiempo de ciclo desconocido, espera 8 h (indicada)"
        in (text)
    )
    assert "  tiempo de entrega: desconocido" in text
    # no handoff of x has a quality given: 100 %, and which ones are unknown
    assert "  calidad encadenada: 100 % (desconocida: Alfa → Beta, Beta → Zeta)" in text
    assert "entregas más débiles (%C&P):\n  ninguna" in text


def test_diff_words_in_spanish() -> None:
    with use("es"):
        assert field_value("kind", "operative") == "operativo"
        assert field_value("type", "feedback") == "retroalimentación"
        assert field_value("period", "month") == "mes"
        assert field_value("client_role", "final") == "final"
        assert field_value("capacity", None) == "ninguno"
        assert field_value("steps[0].effort", None) == "desconocido"
        assert _plain(field_value("quality", 0.9)) == "90 %"
        assert field_value("steps[0].effort", 2.5) == "2,5 h"
        assert metric_value("utilization", None, present=False) == "ninguno"
    assert field_value("kind", "operative") == "operative"
    assert field_value("capacity", None) == "none"


def _team(headcount: int, kind: str = "operative") -> Organization:
    """a: 10 × 2 h = 20 h of headcount × 40 h."""
    return Organization(
        "T",
        {"a": Department("a", "Alfa", kind=kind, headcount=headcount)},
        clients=CLIENTS,
        chains={"x": Chain("x", "X", "z", 10.0, (Step("a", 2.0),))},
    )


def test_diff_text_and_markdown_in_spanish() -> None:
    # Alfa: 10 × 2 h = 20 h; from 2 people (20 h of 80 h = 25 %) to 1 (20 h of 40 h = 50 %),
    # and commercial now
    change = diff_orgs(_team(2), _team(1, "commercial"))
    with use("es"):
        text = _plain(diff_text(change))
        markdown = _plain(diff_markdown(change))
    assert text.splitlines()[1:] == [
        "departamentos:",
        "  ~ Alfa (a): kind operativo → comercial; headcount 2 → 1",
        "métricas:",
        "  utilización de Alfa (a): 25 % → 50 % (+25 p. p.)",
        "regresiones: ninguno",
    ]
    assert (
        "**0 añadidos · 0 eliminados · 1 cambiado** · restricción Alfa (a) · ninguna regresión"
        in (markdown)
    )
    assert (
        "| cambiado | departamento | Alfa (a) | "
        "`kind`: operativo → comercial<br>`headcount`: 2 → 1 |"
    ) in markdown
