"""work-cycle: loops of work handoffs that no chain walks; a chain's own revisits are its path."""

from __future__ import annotations

from .support import problems

RULE = "work-cycle"

# The hospital emergency path of issue 12: a patient sees the doctors, goes to the lab and
# comes back to the doctors with the results. The loop doctors → lab → doctors is the chain's
# own path (every visit carries its load), not rework.
HOSPITAL = """\
version: 1
organization: Urgencias
departments:
  triage: {name: Triaje}
  doctors: {name: Médicos, headcount: 3}
  lab: {name: Laboratorio}
  discharge: {name: Altas}
clients:
  patients: {name: Pacientes}
handoffs:
  - {from: triage, to: doctors, deliverable: Paciente clasificado}
  - {from: doctors, to: lab, deliverable: Petición de analítica}
  - {from: lab, to: doctors, deliverable: Resultados}
  - {from: doctors, to: discharge, deliverable: Informe}
  - {from: discharge, to: patients, deliverable: Alta}
  - {from: discharge, to: doctors, type: feedback, deliverable: Reingresos}
chains:
  urgencia:
    name: Urgencia con analítica
    client: patients
    demand: 50
    steps:
      - {department: triage, effort: 10m}
      - {department: doctors, effort: 20m}
      - {department: lab, effort: 30m}
      - {department: doctors, effort: 15m}
      - {department: discharge, effort: 10m}
"""


def test_a_chain_that_revisits_a_department_is_not_a_loop() -> None:
    assert problems(HOSPITAL, RULE) == []


def test_the_revisit_is_its_path_even_without_declared_handoffs() -> None:
    # no handoffs: the chain alone implies doctors → lab and lab → doctors
    before, _, after = HOSPITAL.partition("handoffs:")
    chains_only = before + "chains:" + after.partition("chains:")[2]
    assert "lab, to: doctors" not in chains_only
    assert problems(chains_only, RULE) == []


def test_a_declared_return_no_chain_walks_is_reported_next_to_the_revisit() -> None:
    # lab → triage (line 17) closes triage → doctors → lab → triage, which no chain walks;
    # the doctors ⇄ lab loop inside the same component is the chain's own and stays quiet.
    # Only lab → triage carries no chain's work, so only it may be re-typed as feedback.
    yaml = HOSPITAL.replace(
        "chains:", "  - {from: lab, to: triage, deliverable: Repetir triaje}\nchains:"
    )
    assert problems(yaml, RULE) == [
        (
            RULE,
            4,
            3,
            "Work handoffs form a loop that no chain walks: Triaje (triage) → Médicos (doctors)"
            " → Laboratorio (lab) → Triaje (triage). If lab → triage only returns comments or"
            " approval, declare it `type: feedback`.",
        )
    ]


def test_a_loop_of_declared_handoffs_without_chains() -> None:
    yaml = """\
    version: 1
    organization: Agencia
    departments:
      creatividad: {name: Creatividad}
      revision: {name: Revisión}
    handoffs:
      - {from: creatividad, to: revision, deliverable: Bocetos}
      - {from: revision, to: creatividad, deliverable: Correcciones}
    """
    assert problems(yaml, RULE) == [
        (
            RULE,
            4,
            3,
            "Work handoffs form a loop that no chain walks: Creatividad (creatividad)"
            " → Revisión (revision) → Creatividad (creatividad). If creatividad → revision or"
            " revision → creatividad only returns comments or approval, declare it"
            " `type: feedback`.",
        )
    ]


def test_two_chains_in_opposite_directions_make_a_loop_of_chain_steps() -> None:
    # each chain walks one half; the advice never re-types a chain step (that would cut
    # the step's work out of the paths to the client), it points at the chains instead
    yaml = """\
    version: 1
    organization: Taller
    departments:
      a: {name: Corte}
      b: {name: Montaje}
    clients:
      z: {name: Cliente}
    chains:
      ida: {name: Ida, client: z, demand: 1, steps: [{department: a, effort: 1h}, {department: b,
        effort: 1h}]}
      vuelta: {name: Vuelta, client: z, demand: 1, steps: [{department: b, effort: 1h},
        {department: a, effort: 1h}]}
    """
    assert problems(yaml, RULE) == [
        (
            RULE,
            4,
            3,
            "Work handoffs form a loop that no chain walks: Corte (a) → Montaje (b) → Corte (a)."
            " Each of its handoffs is a chain step: check the order of the chains' steps.",
        )
    ]


def test_a_chain_walking_only_part_of_a_declared_loop_does_not_excuse_it() -> None:
    # c → a closes a → b → c → a; the chain walks a → b → c and never returns to a
    yaml = """\
    version: 1
    organization: Taller
    departments:
      a: {name: A}
      b: {name: B}
      c: {name: C}
    clients:
      z: {name: Cliente}
    handoffs:
      - {from: c, to: a, deliverable: Devoluciones}
    chains:
      x:
        name: X
        client: z
        demand: 1
        steps:
          - {department: a, effort: 1h}
          - {department: b, effort: 1h}
          - {department: c, effort: 1h}
    """
    assert problems(yaml, RULE) == [
        (
            RULE,
            4,
            3,
            "Work handoffs form a loop that no chain walks: A (a) → B (b) → C (c) → A (a)."
            " If c → a only returns comments or approval, declare it `type: feedback`.",
        )
    ]
