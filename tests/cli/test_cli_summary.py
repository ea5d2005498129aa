"""``clientchain summary`` through the real command line, on agencia.

agencia.yaml, per week (H = 40 h; its header comment has the loads):

1. Infografía: lead 2 + 4 + 0.5 = 6.5 h of work + 8 h + 16 h of waits = 30.5 h = 3.81 days of
   8 h; its longest wait, 16 h before Creatividad, removed: 14.5 h = 1.81 days (score 16 ÷ 30.5
   = 0.52).
2. Vídeo: 17 h of work + 8 h + 26.67 h (2 in inventory ÷ 3/5 a day = 3.33 days) = 51.67 h; its
   longest wait removed: 25 h (score 0.52).
3. Creatividad 64 h of 80 h = 80%, headroom × 1.25; with 3 people 64 ÷ 120 = 53.3% and the
   busiest is Administración at 20 ÷ 30 = 66.7%: headroom × 1.5 (score 0.2).
4. Contenido → Audiovisual, 94%: Vídeo redoes its 3 h script 3 × 3 × 0.06 ÷ 0.94 = 0.5745 h =
   34.47 min a week; Vídeo's rolled quality 0.95 × 0.94 × 0.95 × 0.97 = 82.3% → ÷ 0.94 = 87.5%
   (score 1 ÷ 0.94 − 1 = 0.064).
5. Redes sociales alone connects Marcas and Pymes; all 3 chains pass it (score 0).
"""

from __future__ import annotations

import pytest

from .cli_support import EXAMPLES, Invoke
from .test_cli_flow import strict_json

AGENCIA = str(EXAMPLES / "agencia.yaml")

ENGLISH = """\
Executive summary of Agencia Ejemplo

1. Infografía waits 2 working days (16 h) before Creatividad: removing that wait cuts its \
lead time from 3.81 working days (30.5 h) to 1.81 working days (14.5 h).
2. Vídeo para redes waits 3.33 working days (26.67 h) before Producción audiovisual: removing \
that wait cuts its lead time from 6.46 working days (51.67 h) to 3.13 working days (25 h).
3. Creatividad is the constraint at 80%: one more person raises the headroom from × 1.25 to \
× 1.5.
4. The handoff Contenido y comunicación → Producción audiovisual is 94% complete and accurate: \
it costs 34.47 min of rework per week (Vídeo para redes); at 100% the rolled quality of Vídeo \
para redes rises from 82.3% to 87.5%.
5. Redes sociales is the only way work reaches Marcas, Pymes (3 chains): a back-up able to do \
its steps removes that single point of failure.
"""

FIELDS = {
    "rank",
    "kind",
    "subjects",
    "value",
    "metric",
    "before",
    "after",
    "score",
    "action",
    "rework_hours",
    "step",
    "text",
}


def test_agencia_summary_in_english(cli: Invoke) -> None:
    result = cli("summary", AGENCIA)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ENGLISH


def test_top_keeps_the_best_of_each_kind(cli: Invoke) -> None:
    # the best wait (0.52), the constraint (0.2), the weakest handoff (0.064): the second
    # wait (0.52) waits for a fourth place
    result = cli("summary", AGENCIA, "--top", "3")
    lines = result.stdout.splitlines()
    assert [line[:40] for line in lines[2:]] == [
        "1. Infografía waits 2 working days (16 h",
        "2. Creatividad is the constraint at 80%:",
        "3. The handoff Contenido y comunicación ",
    ]


def test_agencia_summary_in_spanish(cli: Invoke) -> None:
    result = cli("--lang", "es", "summary", AGENCIA, "-n", "3")
    assert result.exit_code == 0, result.stderr
    nbsp = "\u00a0"
    assert result.stdout.splitlines() == [
        "Resumen ejecutivo de Agencia Ejemplo",
        "",
        "1. Infografía espera 2 días laborables (16 h) antes de Creatividad: quitar esa espera "
        "reduce su tiempo de entrega de 3,81 días laborables (30,5 h) a 1,81 días laborables "
        "(14,5 h).",
        f"2. Creatividad es la restricción, al 80{nbsp}% de utilización: una persona más sube "
        "el margen de × 1,25 a × 1,5.",
        "3. La entrega Contenido y comunicación → Producción audiovisual es completa y precisa "
        f"al 94{nbsp}%: cuesta 34,47 min de retrabajo por semana (Vídeo para redes); al "
        f"100{nbsp}%, la calidad encadenada de Vídeo para redes sube del 82,3{nbsp}% al "
        f"87,5{nbsp}%.",
    ]


def test_agencia_summary_as_json(cli: Invoke) -> None:
    result = cli("summary", AGENCIA, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = strict_json(result.stdout)
    assert set(document) == {"organization", "period", "candidates", "items"}
    assert (document["organization"], document["period"]) == ("Agencia Ejemplo", "week")
    # 1 constraint + 3 waits + 10 handoffs below 100% + 1 single point (Redes sociales)
    assert document["candidates"] == 15
    items = document["items"]
    assert all(set(item) == FIELDS for item in items)
    assert [(i["rank"], i["kind"], i["subjects"]) for i in items] == [
        (1, "wait", ["infografia", "creatividad"]),
        (2, "wait", ["video", "audiovisual"]),
        (3, "constraint", ["creatividad"]),
        (4, "handoff_quality", ["contenido", "audiovisual", "video"]),
        (5, "single_point", ["redes", "marcas", "pymes"]),
    ]
    constraint = items[2]
    assert constraint["value"] == 0.8
    assert (constraint["metric"], constraint["before"], constraint["after"]) == (
        "headroom",
        1.25,
        1.5,
    )
    assert constraint["score"] == pytest.approx(0.2)
    assert constraint["action"] == {"kind": "add_person", "target": ["creatividad"]}
    assert constraint["text"].startswith("Creatividad is the constraint at 80%")
    handoff = items[3]
    assert handoff["value"] == 0.94
    assert handoff["rework_hours"] == pytest.approx(3 * 3 * 0.06 / 0.94)
    assert handoff["before"] == pytest.approx(0.95 * 0.94 * 0.95 * 0.97)
    assert handoff["after"] == pytest.approx(0.95 * 0.95 * 0.97)
    wait = items[0]
    assert (wait["value"], wait["before"], wait["after"], wait["step"]) == (16.0, 30.5, 14.5, 1)
    single = items[4]
    assert (single["metric"], single["before"], single["score"], single["value"]) == (
        None,
        None,
        0.0,
        3.0,
    )


def test_json_fields_are_the_same_in_spanish_but_the_text(cli: Invoke) -> None:
    english = strict_json(cli("summary", AGENCIA, "-f", "json").stdout)
    spanish = strict_json(cli("--lang", "es", "summary", AGENCIA, "-f", "json").stdout)
    for item in (*english["items"], *spanish["items"]):
        del item["text"]
    assert english == spanish


def test_reads_standard_input(cli: Invoke) -> None:
    with open(AGENCIA, encoding="utf-8") as handle:
        result = cli("summary", "-", input=handle.read())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ENGLISH


def test_top_must_be_at_least_one(cli: Invoke) -> None:
    result = cli("summary", AGENCIA, "--top", "0")
    assert result.exit_code == 2
    assert "--top" in result.stderr


def test_an_org_with_nothing_to_say(cli: Invoke) -> None:
    text = "version: 1\norganization: Calma\ndepartments:\n  a: {name: Alfa}\n"
    result = cli("summary", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Executive summary of Calma\n\nNothing stands out: no constraint with headroom to gain, "
        "no wait, no handoff below 100% and no single point of failure.\n"
    )


def test_the_docs_show_what_the_command_prints(cli: Invoke) -> None:
    docs = (EXAMPLES.parent / "docs" / "commands.md").read_text(encoding="utf-8")
    command = "$ clientchain summary examples/agencia.yaml --top 3\n"
    shown = docs.split(command, 1)[1].split("```", 1)[0]
    assert cli("summary", AGENCIA, "--top", "3").stdout == shown
