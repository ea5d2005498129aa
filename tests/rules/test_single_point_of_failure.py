"""single-point-of-failure [info]: every work path to an external client passes through one
department."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
clients:
  marca: {name: Marca}
  prensa: {name: Prensa}
suppliers:
  fotos: {name: Banco de imágenes}
handoffs:
  - {from: texto, to: prensa, deliverable: Notas de prensa}
chains:
  web:
    client: marca
    supplier: fotos
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: diseno, effort: 1h}]
"""
# fotos → texto → diseno → marca and texto → prensa: texto is on every route to both
# clients, diseno on every route to marca; the supplier and the clients are never reported
TEXTO = (
    "single-point-of-failure",
    3,
    3,
    "Department Textos (texto) is a single point of failure: every work path to Marca "
    "(marca) and Prensa (prensa) passes through it.",
)
DISENO = (
    "single-point-of-failure",
    4,
    3,
    "Department Diseño (diseno) is a single point of failure: every work path to Marca "
    "(marca) passes through it.",
)


def test_one_finding_per_department_naming_its_clients() -> None:
    assert findings(ORG, "single-point-of-failure") == [TEXTO, DISENO]


def test_quiet_with_two_routes() -> None:
    text = """\
        version: 1
        departments: {a: {}, b: {}}
        clients: {z: {}}
        suppliers: {s: {}}
        chains:
          uno: {client: z, supplier: s, demand: 1, steps: [{department: a, effort: 1h}]}
          dos: {client: z, supplier: s, demand: 1, steps: [{department: b, effort: 1h}]}
        """
    # s → a → z and s → b → z: neither a nor b is on every route
    assert findings(text, "single-point-of-failure") == []


def test_a_route_that_carries_no_work_is_no_alternative() -> None:
    # texto → marca as information does not bypass diseno
    text = edit(
        ORG,
        "  - {from: texto, to: prensa, deliverable: Notas de prensa}\n",
        "  - {from: texto, to: prensa, deliverable: Notas de prensa}\n"
        "  - {from: texto, to: marca, type: information, deliverable: Avance}\n",
    )
    assert findings(text, "single-point-of-failure") == [TEXTO, DISENO]
    # as work it does: only texto is left
    work = edit(text, "type: information, deliverable: Avance", "deliverable: Avance")
    assert findings(work, "single-point-of-failure") == [TEXTO]


def test_ignored_in_checks() -> None:
    text = ORG + "checks:\n  ignore: [single-point-of-failure]\n"
    assert findings(text, "single-point-of-failure") == []


def test_ignored_by_the_department_only() -> None:
    text = edit(ORG, "{name: Textos}", "{name: Textos, ignore: [single-point-of-failure]}")
    assert findings(text, "single-point-of-failure") == [DISENO]


def test_severity_is_info_unless_configured() -> None:
    assert severities(ORG, "single-point-of-failure") == ["info", "info"]
    text = ORG + "checks:\n  severity: {single-point-of-failure: warning}\n"
    assert severities(text, "single-point-of-failure") == ["warning", "warning"]
