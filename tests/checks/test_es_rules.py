"""Every rule's finding message in Spanish, the numbers written the Spanish way (decimal comma,
thousands point, a no-break space before %), and the configuration errors' hints.

The messages are formatted when the rule makes the finding, so the language in force while the
rules run decides: ``with use("es")`` here, ``--lang es`` or ``language: es`` on the command line
(tests/output/test_es_check.py).
"""

from __future__ import annotations

import pytest
from tests.rules.support import findings, run

from clientchain.checks import CheckOptions
from clientchain.checks.base import join
from clientchain.errors import InputError, UsageError
from clientchain.i18n import use

NBSP = "\u00a0"

ORG = """\
version: 1
organization: Reglas
period: week                             # 5 days × 8 h = 40 h per person
departments:
  busy: {name: Ocupado, other_load: 30h}
  full: {name: Lleno}
  calm: {name: Tranquilo, headcount: 2}
  slow: {name: Lento}
  lone: {name: Solo}
clients:
  z: {name: Cliente}
  nadie: {name: Nadie}
suppliers:
  p: {name: Papelera}
handoffs:
  - {from: busy, to: full, quality: 90%, satisfaction: 2.5, deliverable: Bocetos}
  - {from: full, to: calm, quality: 80%, deliverable: Piezas}
  - {from: calm, to: z, deliverable: Entregas}
  - {from: calm, to: full}
chains:
  x:
    client: z
    demand: 4
    steps:
      - {department: busy, effort: 3h}
      - {department: full, effort: 9h}
      - {department: calm, effort: 12h}
  y:
    client: z
    demand: 1
    steps:
      - {department: slow, effort: unknown}
      - {department: calm, effort: unknown}
      - {department: calm, effort: 1h}
checks:
  min_satisfaction: 3.5
"""
# busy: 4 × 3 h + 30 h = 42 h of 40 h → 105 %: overloaded
# full: 4 × 9 h = 36 h of 40 h → 90 % > 85 %: near capacity
# chain x: handoffs busy → full 90 %, full → calm 80 %, calm → z unrated (100 %)
#   → rolled 0.9 × 0.8 = 72 % < 80 %, the weakest at 80 %
# busy's only rated handoff: satisfaction 2.5 < 3.5
# chain y: slow and the first calm step unknown, 2 of its 3 steps


def spanish(yaml_text: str, rule: str) -> list[tuple[int, int, str]]:
    with use("es"):
        return [
            (line, column, message) for _rule, line, column, message in findings(yaml_text, rule)
        ]


def test_overloaded() -> None:
    assert spanish(ORG, "overloaded") == [
        (
            5,
            3,
            "El departamento Ocupado (busy) está sobrecargado: 42 h de trabajo por semana frente "
            f"a una capacidad de 40 h (utilización del 105{NBSP}%).",
        )
    ]


def test_near_capacity() -> None:
    assert spanish(ORG, "near-capacity") == [
        (
            6,
            3,
            "El departamento Lleno (full) está cerca de su capacidad: utilización del "
            f"90{NBSP}% (36 h de 40 h por semana), por encima del umbral del 85{NBSP}%.",
        )
    ]


def test_over_takt() -> None:
    text = """\
        version: 1
        period: week
        departments:
          a: {name: Alfa}
          b: {name: Beta, headcount: 4}
        clients:
          z: {}
        chains:
          x:
            name: Equis
            client: z
            demand: 16
            steps:
              - {department: a, effort: 1.5h}
              - {department: b, effort: 10h}
        """
    # takt 40 h / 16 = 2.5 h; a: 1.5 h per unit; b: 10 h / 4 people = 2.5 h, not over it
    assert spanish(text, "over-takt") == []
    # b with 3 people: 10 h / 3 = 3.33 h > 2.5 h
    assert spanish(text.replace("headcount: 4", "headcount: 3"), "over-takt") == [
        (
            15,
            9,
            "El paso Beta (b) de la cadena Equis (x) está por encima del takt: tiempo de ciclo "
            "de 3,33 h por unidad frente a un takt de 2,5 h (16 por semana).",
        )
    ]


def test_orphan_department_and_unserved_client() -> None:
    text = """\
        version: 1
        departments:
          a: {name: Alfa}
          b: {name: Beta}
        clients:
          z: {name: Zeta}
          w: {name: Uve}
        chains:
          x: {client: z, demand: 1, steps: [{department: a, effort: 1h}]}
        handoffs:
          - {from: a, to: b, deliverable: Notas}
          - {from: b, to: w, type: information, deliverable: Informe}
        """
    assert spanish(text, "orphan-department") == [
        (
            4,
            3,
            "El departamento Beta (b) no tiene ningún camino de trabajo hacia un cliente externo.",
        )
    ]
    assert spanish(text, "unserved-client") == [
        (
            7,
            3,
            "El cliente externo Uve (w) no recibe trabajo: ninguna cadena ni ninguna entrega de "
            "trabajo llega a él.",
        )
    ]


def test_isolated_agrees_with_each_kind_of_node() -> None:
    assert spanish(ORG, "isolated") == [
        (
            9,
            3,
            "El departamento Solo (lone) no tiene ninguna entrega: nada le llega y no entrega "
            "nada.",
        ),
        (
            12,
            3,
            "El cliente externo Nadie (nadie) no tiene ninguna entrega: nada le llega y no entrega "
            "nada.",
        ),
        (
            14,
            3,
            "El proveedor externo Papelera (p) no tiene ninguna entrega: nada le llega y no "
            "entrega nada.",
        ),
    ]


def test_work_cycle() -> None:
    assert spanish(ORG, "work-cycle") == [
        (
            6,
            3,
            "Las entregas de trabajo forman un bucle que ninguna cadena recorre: Lleno (full) → "
            "Tranquilo (calm) → Lleno (full). Si calm → full solo devuelve comentarios o "
            "aprobación, declararla `type: feedback`.",
        )
    ]


def test_work_cycle_with_other_members_and_no_free_handoff() -> None:
    text = """\
        version: 1
        departments:
          a: {name: Alfa}
          b: {name: Beta}
          c: {name: Ce}
        clients:
          z: {}
        chains:
          ida:
            client: z
            demand: 1
            steps: [{department: a, effort: 1h}, {department: b, effort: 1h}]
          vuelta:
            client: z
            demand: 1
            steps: [{department: b, effort: 1h}, {department: a, effort: 1h}]
          otra:
            client: z
            demand: 1
            steps:
              - {department: b, effort: 1h}
              - {department: c, effort: 1h}
              - {department: b, effort: 1h}
        """
    # a → b → a: each handoff is a step of one chain, no chain walks the loop; c is in the
    # group through `otra`, which walks b → c → b itself
    assert spanish(text, "work-cycle") == [
        (
            3,
            3,
            "Las entregas de trabajo forman un bucle que ninguna cadena recorre: Alfa (a) → "
            "Beta (b) → Alfa (a) (en el bucle también participan Ce (c)). Cada una de sus "
            "entregas es un paso de cadena: revisar el orden de los pasos de las cadenas.",
        )
    ]


def test_single_point_of_failure_and_no_feedback() -> None:
    assert spanish(ORG, "single-point-of-failure") == [
        (
            7,
            3,
            "El departamento Tranquilo (calm) es un punto único de fallo: todos los caminos de "
            "trabajo hacia Cliente (z) pasan por él.",
        )
    ]
    assert spanish(ORG, "no-feedback") == [
        (
            7,
            3,
            "El departamento Tranquilo (calm) entrega a Cliente (z) pero no tiene ninguna entrega "
            "de retroalimentación o de información de vuelta a otro departamento.",
        )
    ]


def test_low_satisfaction_with_decimal_commas() -> None:
    assert spanish(ORG, "low-satisfaction") == [
        (
            5,
            3,
            "El departamento Ocupado (busy) tiene una satisfacción de 2,5, por debajo del mínimo "
            "de 3,5; su entrega más débil es a Lleno (full), valorada con 2,5.",
        )
    ]


def test_low_quality() -> None:
    assert spanish(ORG, "low-quality") == [
        (
            21,
            3,
            f"La cadena x tiene una calidad encadenada del 72{NBSP}%, por debajo del mínimo del "
            f"80{NBSP}%; su entrega más débil es Lleno (full) → Tranquilo (calm), con un "
            f"80{NBSP}%.",
        )
    ]


def test_missing_deliverable() -> None:
    assert spanish(ORG, "missing-deliverable") == [
        (
            19,
            5,
            "La entrega de Tranquilo (calm) a Lleno (full) no dice qué se entrega (no tiene "
            "entregable).",
        )
    ]


def test_undeclared_handoff() -> None:
    assert spanish(ORG, "undeclared-handoff") == [
        (
            33,
            9,
            "La cadena y pasa trabajo de Lento (slow) a Tranquilo (calm) sin ninguna entrega "
            "declarada entre ambos: declararla en handoffs o corregir los pasos de la cadena.",
        )
    ]
    typed = ORG.replace(
        "{from: calm, to: full}",
        "{from: calm, to: full}\n  - {from: slow, to: calm, type: feedback, deliverable: Notas}",
    )
    assert spanish(typed, "undeclared-handoff") == [
        (
            34,  # one line lower: the handoff added above it
            9,
            "La cadena y pasa trabajo de Lento (slow) a Tranquilo (calm), pero esa entrega está "
            "declarada `type: feedback`, que no lleva trabajo: declararla `type: work`.",
        )
    ]


def test_unknown_effort_counts_its_steps() -> None:
    # two of the chain's three steps: the plural form
    assert spanish(ORG, "unknown-effort") == [
        (
            32,
            9,
            "La cadena y tiene un esfuerzo desconocido en 2 pasos de 3 (Lento (slow) y Tranquilo "
            "(calm)): su tiempo de proceso, su tiempo de entrega y su valor añadido son "
            "desconocidos, y también la carga y la utilización de Lento (slow) y Tranquilo "
            "(calm).",
        )
    ]
    # one step: the singular form
    one = ORG.replace("{department: calm, effort: unknown}", "{department: calm, effort: 2h}")
    [(_line, _column, message)] = spanish(one, "unknown-effort")
    assert message.startswith(
        "La cadena y tiene un esfuerzo desconocido en 1 paso de 3 (Lento (slow)):"
    )


def test_the_same_findings_in_english_and_spanish() -> None:
    # only the messages change: rule, severity, place and subject are the same
    english = run(ORG)
    with use("es"):
        translated = run(ORG)

    def machine(found):
        return sorted((f.rule, f.severity, f.file, f.line, f.column, f.subject) for f in found)

    assert machine(english) == machine(translated)
    assert not {f.message for f in english} & {f.message for f in translated}


def test_lists_join_with_y_and_o() -> None:
    with use("es"):
        assert join(["a", "b", "c"]) == "a, b y c"
        assert join(["a", "b", "c"], last="or") == "a, b o c"
        assert join([str(n) for n in range(13)]) == "0, 1, 2, 3, 4, 5, 6, 7, 8, 9 y 3 más"


def test_configuration_errors_and_hints_in_spanish() -> None:
    text = ORG + "  ignore: [near-capacty]\n  severity: {isolatd: error}\n"
    with use("es"), pytest.raises(InputError) as raised:
        run(text)
    messages = [(issue.message, issue.hint) for issue in raised.value.issues]
    assert messages == [
        ("regla desconocida 'near-capacty'", "¿quiso decir 'near-capacity'?"),
        ("regla desconocida 'isolatd'", "¿quiso decir 'isolated'?"),
    ]
    with use("es"), pytest.raises(UsageError) as usage:
        run(ORG, CheckOptions(select=("zzz",), severity={"isolated": "grave"}))
    assert str(usage.value) == (
        "regla desconocida 'zzz' en --select (reglas conocidas: overloaded, near-capacity, "
        "over-takt, orphan-department, unserved-client, isolated, work-cycle, "
        "single-point-of-failure, no-feedback, low-satisfaction, low-quality, requirement-missed, "
        "missing-deliverable, undeclared-handoff, unknown-effort); severidad desconocida "
        "'grave' (se esperaba info, warning, error) para la regla 'isolated' en --severity"
    )
