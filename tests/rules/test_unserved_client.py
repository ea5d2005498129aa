"""unserved-client [warning]: an external client that no chain or work handoff delivers to."""

from __future__ import annotations

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
clients:
  marca: {name: Marca}
  queja: {name: Cliente que se queja}
handoffs:
  - {from: texto, to: diseno, deliverable: Textos}
  - {from: diseno, to: texto, type: feedback, deliverable: Comentarios}
  - {from: queja, to: texto, type: feedback, deliverable: Quejas}
chains:
  web:
    client: marca
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: diseno, effort: 1h}]
"""
# the chain delivers to marca; queja only sends feedback in and receives nothing
QUEJA = (
    "unserved-client",
    7,  # queja's key
    3,
    "External client Cliente que se queja (queja) receives no work: no chain or work "
    "handoff delivers to it.",
)


def test_fires_for_a_client_with_only_feedback_edges_and_it_is_not_isolated() -> None:
    assert findings(ORG, "unserved-client", "isolated") == [QUEJA]


def test_a_work_handoff_serves_a_client_without_a_chain() -> None:
    text = edit(
        ORG,
        "  - {from: queja, to: texto, type: feedback, deliverable: Quejas}\n",
        "  - {from: queja, to: texto, type: feedback, deliverable: Quejas}\n"
        "  - {from: diseno, to: queja, deliverable: Respuestas}\n",
    )
    assert findings(text, "unserved-client") == []


def test_information_to_a_client_carries_no_work() -> None:
    text = edit(
        ORG,
        "  - {from: queja, to: texto, type: feedback, deliverable: Quejas}\n",
        "  - {from: diseno, to: queja, type: information, deliverable: Boletín}\n",
    )
    assert findings(text, "unserved-client") == [QUEJA]


def test_a_client_with_no_handoffs_is_isolated_instead() -> None:
    text = edit(ORG, "  - {from: queja, to: texto, type: feedback, deliverable: Quejas}\n", "")
    assert findings(text, "unserved-client", "isolated") == [
        (
            "isolated",
            7,
            3,
            "External client Cliente que se queja (queja) has no handoffs at all: nothing "
            "reaches it and it hands nothing over.",
        )
    ]


def test_ignored_in_checks() -> None:
    assert findings(ORG + "checks:\n  ignore: [unserved-client]\n", "unserved-client") == []


def test_ignored_by_the_client_only() -> None:
    text = edit(ORG, "que se queja}", "que se queja, ignore: [unserved-client]}")
    assert findings(text, "unserved-client") == []
    # the list is the client's own: another unserved client is still reported
    text = edit(text, "clients:\n", "clients:\n  nuevo: {name: Nuevo}\n")
    text = edit(
        text,
        "  - {from: texto, to: diseno, deliverable: Textos}\n",
        "  - {from: texto, to: diseno, deliverable: Textos}\n"
        "  - {from: nuevo, to: diseno, type: information, deliverable: Pedido}\n",
    )
    assert findings(text, "unserved-client") == [
        (
            "unserved-client",
            6,
            3,
            "External client Nuevo (nuevo) receives no work: no chain or work handoff "
            "delivers to it.",
        )
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "unserved-client") == ["warning"]
    text = ORG + "checks:\n  severity: {unserved-client: info}\n"
    assert severities(text, "unserved-client") == ["info"]
