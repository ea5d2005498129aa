"""requirement-missed [warning]: a handoff's declared value misses what its client
``requires:`` (lead time longer, %C&A or satisfaction lower)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from clientchain.cli import app
from clientchain.i18n import use
from clientchain.loading import load_text
from clientchain.loading.dump import dump_org

from .support import edit, findings

ORG = """\
version: 1
departments:
  texto: {name: Textos}
  diseno: {name: Diseño}
clients:
  marca: {name: Marca}
handoffs:
  - from: texto
    to: diseno
    deliverable: Textos
    lead_time: 3d
    quality: 90%
    satisfaction: 3.5
    requires:
      lead_time: 2d
      quality: 95%
      satisfaction: 4
    needs: Textos revisados, con las fuentes citadas
  - {from: diseno, to: marca, deliverable: Piezas, quality: 99%, requires: {quality: 98%}}
"""
# texto → diseno: 3 d = 24 h > 2 d = 16 h; 90 % < 95 %; 3.5 < 4: three misses, each
# pointing at the `requires:` mapping (line 15, column 7). diseno → marca: 99 % ≥ 98 %: none.
MISSES = [  # at one place, findings are in the order of their messages
    (
        "requirement-missed",
        15,
        7,
        "The handoff from Textos (texto) to Diseño (diseno) arrives 90% complete and "
        "accurate; its client requires at least 95%.",
    ),
    (
        "requirement-missed",
        15,
        7,
        "The handoff from Textos (texto) to Diseño (diseno) is rated 3.5 by its client, who "
        "requires at least 4.",
    ),
    (
        "requirement-missed",
        15,
        7,
        "The handoff from Textos (texto) to Diseño (diseno) takes 24 h; its client requires "
        "at most 16 h.",
    ),
]


def test_each_missed_requirement_is_one_finding_with_both_numbers() -> None:
    assert findings(ORG, "requirement-missed") == MISSES


def test_a_requirement_met_exactly_is_not_missed() -> None:
    met = edit(edit(edit(ORG, "3d", "2d"), "90%", "95%"), "3.5", "4")
    assert findings(met, "requirement-missed") == []


def test_a_value_the_file_does_not_give_is_not_judged() -> None:
    text = edit(edit(ORG, "    lead_time: 3d\n", ""), "    satisfaction: 3.5\n", "")
    # two lines fewer above `requires:` (now line 13): only the quality is judged
    assert findings(text, "requirement-missed") == [("requirement-missed", 13, 7, MISSES[0][3])]


def test_requirements_load_and_dump_back() -> None:
    org = load_text(ORG)
    first = org.handoffs[0]
    assert first.requires is not None
    # 2 d of 8 h = 16 h; 95 % = 0.95
    assert (first.requires.lead_time, first.requires.quality, first.requires.satisfaction) == (
        16,
        0.95,
        4,
    )
    assert first.needs == "Textos revisados, con las fuentes citadas"
    assert org.handoffs[1].requires.quality == 0.98  # type: ignore[union-attr]
    again = load_text(dump_org(org)).handoffs[0].requires
    assert again is not None
    assert (again.lead_time, again.quality, again.satisfaction) == (16, 0.95, 4)
    assert load_text(dump_org(org)).handoffs[0].needs == first.needs


def test_a_bad_requirement_is_a_located_error(tmp_path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(edit(ORG, "      quality: 95%", "      quality: 195%"), encoding="utf-8")
    done = CliRunner().invoke(app, ["check", str(path)])
    assert done.exit_code == 2
    assert f"{path}:16:16:" in done.output
    assert "handoffs[0].requires.quality" in done.output
    assert "Traceback" not in done.output


def test_the_schema_knows_requirements() -> None:
    done = CliRunner().invoke(app, ["schema"])
    schema = json.loads(done.stdout)
    requirement = schema["$defs"]["requirement"]["properties"]
    assert set(requirement) == {"lead_time", "quality", "satisfaction"}
    assert "requires" in schema["$defs"]["handoff"]["properties"]
    assert "needs" in schema["$defs"]["handoff"]["properties"]


def test_messages_in_spanish() -> None:
    with use("es"):
        found = findings(ORG, "requirement-missed")
    assert [message for *_, message in found] == [
        "La entrega de Textos (texto) a Diseño (diseno) llega completa y precisa en un "
        "90\u00a0%; su cliente requiere al menos un 95\u00a0%.",
        "La entrega de Textos (texto) a Diseño (diseno) tarda 24 h; su cliente requiere como "
        "máximo 16 h.",
        "Su cliente valora la entrega de Textos (texto) a Diseño (diseno) con 3,5 y requiere "
        "al menos 4.",
    ]


def test_who_lists_requirements_both_ways(tmp_path) -> None:
    path = tmp_path / "org.yaml"
    path.write_text(ORG, encoding="utf-8")
    done = CliRunner().invoke(app, ["who", str(path), "diseno"])
    assert done.exit_code == 0
    # diseno owes marca %C&A ≥ 98 %; it requires of texto 2 d = 16 h, 95 %, 4, and states a need
    assert done.stdout.endswith(
        "its clients require:\n"
        "  Marca (marca): %C&A ≥ 98%\n"
        "it requires of its suppliers:\n"
        "  Textos (texto): lead time ≤ 16 h, %C&A ≥ 95%, satisfaction ≥ 4; "
        "needs: Textos revisados, con las fuentes citadas\n"
    )
    spanish = CliRunner().invoke(app, ["--lang", "es", "who", str(path), "texto"])
    assert spanish.stdout.endswith(
        "sus clientes requieren:\n"
        "  Diseño (diseno): tiempo de entrega ≤ 16 h, %C&P ≥ 95\u00a0%, satisfacción ≥ 4; "
        "necesita: Textos revisados, con las fuentes citadas\n"
    )
    document = json.loads(
        CliRunner().invoke(app, ["who", str(path), "texto", "--format", "json"]).stdout
    )
    assert document["requirements"] == [
        {
            "from": "texto",
            "to": "diseno",
            "lead_time": 16,
            "quality": 0.95,
            "satisfaction": 4,
            "needs": "Textos revisados, con las fuentes citadas",
        }
    ]
