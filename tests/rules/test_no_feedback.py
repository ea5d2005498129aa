"""no-feedback [warning]: a department delivers to an external client but no feedback or
information handoff goes back into the organization."""

from __future__ import annotations

import pytest

from .support import edit, findings, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  redes: {name: Redes sociales}
clients:
  marca: {name: Marca}
  prensa: {name: Prensa}
handoffs:
  - {from: texto, to: redes, deliverable: Textos}
chains:
  web:
    client: marca
    demand: 10
    steps: [{department: texto, effort: 1h}, {department: redes, effort: 1h}]
"""
# redes hands the chain's work to marca; nothing comes back from redes or marca
REDES = (
    "no-feedback",
    4,  # redes's key
    3,
    "Department Redes sociales (redes) delivers to Marca (marca) but has no feedback or "
    "information handoff back to another department.",
)


def with_handoff(line: str) -> str:
    """ORG with one more handoff (a line of YAML) after the first."""
    return edit(ORG, "deliverable: Textos}\n", f"deliverable: Textos}}\n  - {line}\n")


def test_fires_for_the_department_facing_the_client() -> None:
    assert findings(ORG, "no-feedback") == [REDES]


@pytest.mark.parametrize(
    "back",
    [
        "{from: redes, to: texto, type: feedback, deliverable: Comentarios}",
        "{from: redes, to: texto, type: information, deliverable: Métricas}",
        # the client itself talks to a department
        "{from: marca, to: texto, type: feedback, deliverable: Encuesta}",
    ],
)
def test_quiet_when_the_client_s_voice_travels_inward(back: str) -> None:
    assert findings(with_handoff(back), "no-feedback") == []


def test_work_handed_back_is_not_feedback() -> None:
    text = with_handoff("{from: redes, to: texto, deliverable: Correcciones}")
    assert findings(text, "no-feedback") == [REDES]


def test_feedback_only_to_a_client_does_not_reach_the_organization() -> None:
    text = with_handoff("{from: redes, to: prensa, type: feedback, deliverable: Notas}")
    assert findings(text, "no-feedback") == [REDES]


def test_a_department_handing_the_client_no_work_is_not_concerned() -> None:
    # the explicit information type wins over the chain: redes hands no work to marca
    text = with_handoff("{from: redes, to: marca, type: information, deliverable: Boletín}")
    assert findings(text, "no-feedback") == []


def test_names_every_client_served() -> None:
    # in the order the graph meets them: written handoffs first, then the chains' edges
    text = with_handoff("{from: redes, to: prensa, deliverable: Notas de prensa}")
    assert findings(text, "no-feedback") == [
        (
            "no-feedback",
            4,
            3,
            "Department Redes sociales (redes) delivers to Prensa (prensa) and Marca (marca) "
            "but has no feedback or information handoff back to another department.",
        )
    ]


def test_ignored_in_checks() -> None:
    assert findings(ORG + "checks:\n  ignore: [no-feedback]\n", "no-feedback") == []


def test_ignored_by_the_department_only() -> None:
    text = edit(ORG, "{name: Redes sociales}", "{name: Redes sociales, ignore: [no-feedback]}")
    assert findings(text, "no-feedback") == []
    # texto delivering to prensa is still reported
    text = edit(
        text,
        "deliverable: Textos}\n",
        "deliverable: Textos}\n  - {from: texto, to: prensa, deliverable: Notas}\n",
    )
    assert findings(text, "no-feedback") == [
        (
            "no-feedback",
            3,
            3,
            "Department Textos (texto) delivers to Prensa (prensa) but has no feedback or "
            "information handoff back to another department.",
        )
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "no-feedback") == ["warning"]
    text = ORG + "checks:\n  severity: {no-feedback: error}\n"
    assert severities(text, "no-feedback") == ["error"]
