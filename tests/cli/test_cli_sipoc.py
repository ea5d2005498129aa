"""clientchain sipoc: one department's suppliers, inputs, process, outputs and customers."""

from __future__ import annotations

import json

from .cli_support import Invoke

AGENCIA = "examples/agencia.yaml"

# Creatividad (headcount 2) in agencia.yaml:
#   input  Textos from contenido: volume 10 (infografía) + 4 (campaña) = 14 a week, 96 %, 4.2
#   steps  infografía step 2: 4 h, cycle 4 / 2 = 2 h; campaña step 3: 6 h, cycle 6 / 2 = 3 h
#   load   10 × 4 + 4 × 6 = 64 h of 2 × 40 = 80 h → 80 %
EXPECTED = """\
Creatividad (creatividad): SIPOC
suppliers:
  Contenido y comunicación (contenido)
inputs:
  Textos ← Contenido y comunicación (contenido): volume 14 per week, %C&A 96%, satisfaction 4.2
process:
  Infografía (infografia), step 2: effort 4 h, cycle time 2 h
  Campaña para pymes (campana), step 3: effort 6 h, cycle time 3 h
  utilization 80% (64 h of 80 h per week)
outputs:
  Piezas gráficas → Redes sociales (redes): volume 10 per week, %C&A 95%, satisfaction 4
  Piezas adaptadas a formatos → Planificación de medios (medios): volume 4 per week, \
%C&A 98%, satisfaction 3.9
customers:
  Redes sociales (redes)
  Planificación de medios (medios)
"""


def test_text(cli: Invoke) -> None:
    done = cli("sipoc", AGENCIA, "creatividad")
    assert done.exit_code == 0
    assert done.stdout == EXPECTED


def test_json(cli: Invoke) -> None:
    document = json.loads(cli("sipoc", AGENCIA, "creatividad", "-f", "json").stdout)
    assert document["department"] == "creatividad"
    assert document["suppliers"] == ["contenido"]
    assert document["inputs"][0] | {"requires": None} == {
        "id": "contenido",
        "deliverable": "Textos",
        "type": "work",
        "volume": 14,
        "quality": 0.96,
        "satisfaction": 4.2,
        "requires": None,
        "needs": None,
    }
    assert [(s["chain"], s["step"], s["effort"], s["cycle_time"]) for s in document["process"]] == [
        ("infografia", 2, 4, 2),
        ("campana", 3, 6, 3),
    ]
    assert (document["load"], document["capacity"], document["utilization"]) == (64, 80, 0.8)
    assert document["customers"] == ["redes", "medios"]


def test_markdown_with_requirements(cli: Invoke, org_file) -> None:
    path = org_file(
        "version: 1\n"
        "departments:\n  texto: {name: Textos}\n  diseno: {name: Diseño}\n"
        "clients:\n  marca: {name: Marca}\n"
        "handoffs:\n"
        "  - {from: texto, to: diseno, deliverable: Textos, quality: 90%}\n"
        "  - {from: diseno, to: marca, deliverable: Piezas, requires: {quality: 98%},"
        " needs: Piezas en PNG}\n"
    )
    done = cli("sipoc", str(path), "diseno", "--format", "markdown")
    assert done.exit_code == 0
    assert "| Textos (texto) | Textos | unknown | 90% | unknown |" in done.stdout
    assert done.stdout.endswith(
        "## Customers\n\n- Marca (marca): %C&A ≥ 98%; needs: Piezas en PNG\n"
    )


def test_spanish(cli: Invoke) -> None:
    done = cli("--lang", "es", "sipoc", AGENCIA, "creatividad")
    assert (
        "entradas:\n  Textos ← Contenido y comunicación (contenido): volumen 14 por semana, "
        in (done.stdout)
    )
    assert "  utilización 80\u00a0% (64 h de 80 h por semana)\n" in done.stdout


def test_not_a_department(cli: Invoke) -> None:
    client = cli("sipoc", AGENCIA, "marcas")
    assert client.exit_code == 2
    assert "'marcas' is an external client, not a department" in client.stderr
    typo = cli("sipoc", AGENCIA, "creatividd")
    assert typo.exit_code == 2
    assert "did you mean 'creatividad'?" in typo.stderr
