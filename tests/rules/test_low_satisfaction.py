"""low-satisfaction [warning]: a department's handoffs are rated below ``checks:
min_satisfaction`` (3)."""

from __future__ import annotations

import pytest

from .support import edit, example_findings, findings, run, severities

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
  video: {name: Vídeo}
clients:
  marca: {name: Marca}
handoffs:
  - {from: texto, to: diseno, volume: 10, satisfaction: 2, deliverable: Textos}
  - {from: texto, to: video, volume: 10, satisfaction: 3, deliverable: Guiones}
  - {from: diseno, to: marca, deliverable: Piezas}
  - {from: video, to: marca, deliverable: Vídeos}
"""
# texto: (10 × 2 + 10 × 3) / (10 + 10) = 2.5 < 3; diseno and video are not rated
TEXTO = (
    "low-satisfaction",
    3,  # texto's key
    3,
    "Department Textos (texto) has a satisfaction of 2.5, below the minimum of 3; its "
    "weakest handoff is to Diseño (diseno), rated 2.",
)


def test_fires_and_names_the_weakest_handoff() -> None:
    assert findings(ORG, "low-satisfaction") == [TEXTO]


def test_the_mean_is_weighted_by_volume() -> None:
    text = edit(
        edit(ORG, "volume: 10, satisfaction: 2", "volume: 30, satisfaction: 2"),
        "volume: 10, satisfaction: 3",
        "volume: 10, satisfaction: 4",
    )
    # (30 × 2 + 10 × 4) / 40 = 2.5 < 3 (the plain mean, (2 + 4) / 2 = 3, would not fire)
    assert findings(text, "low-satisfaction") == [TEXTO]
    # (10 × 2 + 30 × 4) / 40 = 3.5: quiet
    text = edit(
        edit(ORG, "satisfaction: 3", "satisfaction: 4"),
        "volume: 10, satisfaction: 4",
        "volume: 30, satisfaction: 4",
    )
    assert findings(text, "low-satisfaction") == []


@pytest.mark.parametrize(("minimum", "expected"), [("3", []), ("3.01", ["3.01"]), ("1", [])])
def test_minimum_from_the_checks_section(minimum: str, expected: list[str]) -> None:
    text = edit(
        """\
        version: 1
        departments:
          texto: {name: Textos}
          diseno: {name: Diseño}
        handoffs:
          - {from: texto, to: diseno, satisfaction: 3, deliverable: Textos}
        checks:
          min_satisfaction: MINIMUM
        """,
        "MINIMUM",
        minimum,
    )
    # texto is rated 3: not below 3 nor 1, below 3.01
    assert findings(text, "low-satisfaction") == [
        (
            "low-satisfaction",
            3,
            3,
            f"Department Textos (texto) has a satisfaction of 3, below the minimum of {shown}; "
            "its weakest handoff is to Diseño (diseno), rated 3.",
        )
        for shown in expected
    ]


def test_on_the_shipped_example() -> None:
    # sales's only rated handoff, to solutions, is rated 2.8 < min_satisfaction 3.2
    assert example_findings("software-company.yaml", "low-satisfaction") == [
        (
            "low-satisfaction",
            49,
            3,
            "Department Sales (sales) has a satisfaction of 2.8, below the minimum of 3.2; its "
            "weakest handoff is to Solutions engineering (solutions), rated 2.8.",
        )
    ]


def test_ignored_in_checks() -> None:
    assert findings(ORG + "checks:\n  ignore: [low-satisfaction]\n", "low-satisfaction") == []


def test_ignored_by_the_department_only() -> None:
    text = edit(ORG, "{name: Textos}", "{name: Textos, ignore: [low-satisfaction]}")
    assert findings(text, "low-satisfaction") == []
    # diseno rated 1 by marca is still reported
    text = edit(text, "deliverable: Piezas}", "satisfaction: 1, deliverable: Piezas}")
    assert findings(text, "low-satisfaction") == [
        (
            "low-satisfaction",
            4,
            3,
            "Department Diseño (diseno) has a satisfaction of 1, below the minimum of 3; its "
            "weakest handoff is to Marca (marca), rated 1.",
        )
    ]


def test_severity_is_warning_unless_configured() -> None:
    assert severities(ORG, "low-satisfaction") == ["warning"]
    text = ORG + "checks:\n  severity: {low-satisfaction: error}\n"
    assert severities(text, "low-satisfaction") == ["error"]


SURVEYED = edit(
    edit(ORG, "satisfaction: 2, deliverable", "satisfaction: 2, answers: 12, deliverable"),
    "satisfaction: 3, deliverable",
    "satisfaction: 3, answers: 1, deliverable",
)


def test_says_on_how_many_answers_survey_ratings_rest() -> None:
    # 12 + 1 answers behind texto's 2.5; the weakest handoff, to diseno, rests on 12
    assert findings(SURVEYED, "low-satisfaction") == [
        (
            "low-satisfaction",
            3,
            3,
            "Department Textos (texto) has a satisfaction of 2.5 (13 answers), below the "
            "minimum of 3; its weakest handoff is to Diseño (diseno), rated 2 (12 answers).",
        )
    ]
    found = [f for f in run(SURVEYED) if f.rule == "low-satisfaction"]
    assert found[0].details == (("answers", 13), ("weakest_answers", 12))


def test_a_hand_typed_rating_leaves_the_department_without_a_count() -> None:
    # texto → video is rated by hand: the department's 2.5 rests on no known number of
    # answers, the weakest handoff (to diseno) still on 12; one answer is singular
    text = edit(ORG, "satisfaction: 2, deliverable", "satisfaction: 2, answers: 1, deliverable")
    assert findings(text, "low-satisfaction") == [
        (
            "low-satisfaction",
            3,
            3,
            "Department Textos (texto) has a satisfaction of 2.5, below the minimum of 3; its "
            "weakest handoff is to Diseño (diseno), rated 2 (1 answer).",
        )
    ]
    found = [f for f in run(text) if f.rule == "low-satisfaction"]
    assert found[0].details == (("weakest_answers", 1),)
    assert [f.details for f in run(ORG) if f.rule == "low-satisfaction"] == [()]


def test_in_spanish_and_in_the_json_finding() -> None:
    from clientchain.i18n import use
    from clientchain.output.common import finding_dict

    with use("es"):
        found = [f for f in run(SURVEYED) if f.rule == "low-satisfaction"]
    assert found[0].message == (
        "El departamento Textos (texto) tiene una satisfacción de 2,5 (13 respuestas), por "
        "debajo del mínimo de 3; su entrega más débil es a Diseño (diseno), valorada con 2 "
        "(12 respuestas)."
    )
    document = finding_dict(found[0])
    assert (document["subject"], document["answers"], document["weakest_answers"]) == (
        "texto",
        13,
        12,
    )
    plain = finding_dict(next(f for f in run(ORG) if f.rule == "low-satisfaction"))
    assert list(plain) == ["rule", "severity", "message", "file", "line", "column", "subject"]


def test_in_sarif_properties() -> None:
    from clientchain.output.check_sarif import _result

    found = next(f for f in run(SURVEYED) if f.rule == "low-satisfaction")
    assert _result(found, {})["properties"] == {
        "subject": "texto",
        "answers": 13,
        "weakest_answers": 12,
    }
