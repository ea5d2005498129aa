"""orphan-department [warning]: a department has no work path to any external client."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
  copias: {name: Copistería}
clients:
  marca: {name: Marca}
handoffs:
  - {from: texto, to: diseno, deliverable: Textos}
  - {from: diseno, to: texto, type: feedback, deliverable: Comentarios}
  - {from: texto, to: copias, deliverable: Copias}
chains:
  web:
    client: marca
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: diseno, effort: 1h}]
"""
# texto → diseno → marca is the chain; copias receives work from texto and hands nothing on
COPIAS = (
    "orphan-department",
    5,  # copias's key
    3,
    "Department Copistería (copias) has no work path to any external client.",
)


def test_fires_for_a_department_whose_work_goes_nowhere() -> None:
    assert findings(ORG, "orphan-department") == [COPIAS]


def test_quiet_when_work_reaches_a_client_through_other_departments() -> None:
    # copias → diseno → marca: two handoffs away, still a path
    text = edit(
        ORG,
        "  - {from: texto, to: copias, deliverable: Copias}\n",
        "  - {from: texto, to: copias, deliverable: Copias}\n"
        "  - {from: copias, to: diseno, deliverable: Pruebas}\n",
    )
    assert findings(text, "orphan-department") == []


def test_information_and_feedback_are_not_work_paths() -> None:
    # copias now only reports to texto: it is connected, but none of its handoffs carry work
    text = edit(
        ORG,
        "{from: texto, to: copias, deliverable: Copias}",
        "{from: copias, to: texto, type: information, deliverable: Informe}",
    )
    assert findings(text, "orphan-department") == [COPIAS]


def test_a_department_with_no_handoffs_is_isolated_instead() -> None:
    text = edit(ORG, "  - {from: texto, to: copias, deliverable: Copias}\n", "")
    assert findings(text, "orphan-department", "isolated") == [
        (
            "isolated",
            5,
            3,
            "Department Copistería (copias) has no handoffs at all: nothing reaches it and it "
            "hands nothing over.",
        )
    ]


def test_every_orphan_is_reported_where_it_is_defined() -> None:
    text = """\
        version: 1
        departments:
          a: {}
          b: {}
        handoffs:
          - {from: a, to: b, deliverable: x}
        """
    # no external client at all: both connected departments are orphans
    assert findings(text, "orphan-department") == [
        ("orphan-department", 3, 3, "Department a has no work path to any external client."),
        ("orphan-department", 4, 3, "Department b has no work path to any external client."),
    ]


def test_ignored_in_checks() -> None:
    assert findings(ORG + "checks:\n  ignore: [orphan-department]\n", "orphan-department") == []


def test_ignored_by_the_department_only() -> None:
    text = edit(ORG, "{name: Copistería}", "{name: Copistería, ignore: [orphan-department]}")
    assert findings(text, "orphan-department") == []
    # a second orphan without the list is still reported
    text = edit(
        text,
        "  - {from: texto, to: copias, deliverable: Copias}\n",
        "  - {from: texto, to: copias, deliverable: Copias}\n"
        "  - {from: texto, to: archivo, deliverable: Originales}\n",
    )
    text = edit(text, "departments:\n", "departments:\n  archivo: {name: Archivo}\n")
    assert findings(text, "orphan-department") == [
        (
            "orphan-department",
            3,
            3,
            "Department Archivo (archivo) has no work path to any external client.",
        )
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "orphan-department") == ["warning"]
    text = ORG + "checks:\n  severity: {orphan-department: error}\n"
    assert severities(text, "orphan-department") == ["error"]
