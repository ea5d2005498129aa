"""missing-deliverable [info]: an explicit handoff does not say what is handed over."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
clients:
  marca: {name: Marca}
suppliers:
  fotos: {name: Banco de imágenes}
handoffs:
  - {from: texto, to: diseno}
  - {from: diseno, to: texto, deliverable: "  ", type: feedback}
  - {from: fotos, to: texto, deliverable: Fotos}
  - from: texto
    to: marca
    type: information
chains:
  web:
    client: marca
    supplier: fotos
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: diseno, effort: 1h}]
"""
# the chain's diseno → marca has no handoff written for it: it is not reported


def test_fires_at_each_explicit_handoff_without_a_deliverable() -> None:
    assert findings(ORG, "missing-deliverable") == [
        (
            "missing-deliverable",
            10,  # the handoff's item: its `{`
            5,
            "The handoff from Textos (texto) to Diseño (diseno) does not say what is handed "
            "over (no deliverable).",
        ),
        (
            "missing-deliverable",
            11,  # a blank deliverable says nothing either
            5,
            "The handoff from Diseño (diseno) to Textos (texto) does not say what is handed "
            "over (no deliverable).",
        ),
        (
            "missing-deliverable",
            13,  # a block mapping: its first key
            5,
            "The handoff from Textos (texto) to Marca (marca) does not say what is handed over "
            "(no deliverable).",
        ),
    ]


def test_quiet_when_every_handoff_names_its_deliverable() -> None:
    text = """\
        version: 1
        departments: {texto: {}, diseno: {}}
        handoffs:
          - {from: texto, to: diseno, deliverable: Textos}
        """
    assert findings(text, "missing-deliverable") == []


def test_ignored_in_checks() -> None:
    text = ORG + "checks:\n  ignore: [missing-deliverable]\n"
    assert findings(text, "missing-deliverable") == []


def test_ignored_by_the_handoff_only() -> None:
    text = edit(
        ORG, "{from: texto, to: diseno}", "{from: texto, to: diseno, ignore: [missing-deliverable]}"
    )
    assert [line for _rule, line, _col, _msg in findings(text, "missing-deliverable")] == [11, 13]


def test_severity_is_info_unless_configured() -> None:
    assert severities(ORG, "missing-deliverable") == ["info", "info", "info"]
    text = ORG + "checks:\n  severity: {missing-deliverable: warning}\n"
    assert severities(text, "missing-deliverable") == ["warning", "warning", "warning"]
