"""isolated [warning]: a department, external client or external supplier with no handoffs."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
  solo: {}
clients:
  marca: {name: Marca}
  antiguo: {name: Cliente antiguo}
suppliers:
  fotos: {name: Banco de imágenes}
  viejo: {name: Proveedor viejo}
handoffs:
  - {from: diseno, to: texto, type: feedback, deliverable: Comentarios}
chains:
  web:
    client: marca
    supplier: fotos
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: diseno, effort: 1h}]
"""
# fotos → texto → diseno → marca is the chain; solo, antiguo and viejo are named nowhere else
SOLO = (
    "isolated",
    5,
    3,
    "Department solo has no handoffs at all: nothing reaches it and it hands nothing over.",
)
ANTIGUO = (
    "isolated",
    8,
    3,
    "External client Cliente antiguo (antiguo) has no handoffs at all: nothing reaches it "
    "and it hands nothing over.",
)
VIEJO = (
    "isolated",
    11,
    3,
    "External supplier Proveedor viejo (viejo) has no handoffs at all: nothing reaches it "
    "and it hands nothing over.",
)


def test_fires_for_each_kind_of_node_in_file_order() -> None:
    assert findings(ORG, "isolated") == [SOLO, ANTIGUO, VIEJO]


def test_no_other_rule_reports_an_isolated_node() -> None:
    # every finding on the three lines of the isolated nodes is an `isolated` one
    assert [found for found in findings(ORG) if found[1] in {5, 8, 11}] == [SOLO, ANTIGUO, VIEJO]


def test_any_handoff_connects_even_one_that_carries_no_work() -> None:
    text = edit(
        ORG,
        "  - {from: diseno, to: texto, type: feedback, deliverable: Comentarios}\n",
        "  - {from: diseno, to: texto, type: feedback, deliverable: Comentarios}\n"
        "  - {from: solo, to: texto, type: information, deliverable: Agenda}\n"
        "  - {from: marca, to: antiguo, type: feedback, deliverable: Referencias}\n"
        "  - {from: viejo, to: diseno, type: information, deliverable: Catálogo}\n",
    )
    assert findings(text, "isolated") == []


def test_a_chain_connects_its_steps_client_and_supplier() -> None:
    text = """\
        version: 1
        departments: {a: {}}
        clients: {z: {}}
        suppliers: {s: {}}
        chains:
          c: {client: z, supplier: s, demand: 1, steps: [{department: a, effort: 1h}]}
        """
    assert findings(text, "isolated") == []


def test_ignored_in_checks() -> None:
    assert findings(ORG + "checks:\n  ignore: [isolated]\n", "isolated") == []


def test_ignored_by_each_entity_for_itself() -> None:
    text = edit(
        edit(ORG, "solo: {}", "solo: {ignore: [isolated]}"),
        "{name: Proveedor viejo}",
        "{name: Proveedor viejo, ignore: [isolated]}",
    )
    assert findings(text, "isolated") == [ANTIGUO]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "isolated") == ["warning", "warning", "warning"]
    text = ORG + "checks:\n  severity: {isolated: info}\n"
    assert severities(text, "isolated") == ["info", "info", "info"]
